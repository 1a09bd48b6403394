// Undo in one window after another window deleted what the edit belongs to: the undo is refused
// with a message, and never brings back an orphan row or a half-restored workshop.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createWorkshop, goToLibrary, libraryRow, openApp, readAllStores, sidebar, undoButton } from '../helpers/e2e';

const LIVE = { timeout: 8_000 };

async function tables(page: Page) {
  const { stores } = await readAllStores(page);
  return stores as Record<string, { id: string; workshopId?: string; journeyId?: string; text?: string }[]>;
}

const cell = (page: Page, stage: string, lane: string): Locator => page.getByRole('button', { name: new RegExp(`^Cell: ${stage}, ${lane}, \\d+ cards?$`) });
const card = (page: Page, text: string, stage: string, lane: string): Locator => page.getByRole('button', { name: `Card: ${text}, ${stage}, ${lane}`, exact: true });

test('edit a persona, delete the workshop in another window, Undo: refused, nothing comes back', async ({ context, page: a }) => {
  await openApp(a);
  const id = await createWorkshop(a, { template: 'Personas and segments', client: 'Acme', title: 'Gone elsewhere' });
  await sidebar(a).getByRole('link', { name: /^Personas/ }).click();
  await a.getByRole('button', { name: 'Add persona', exact: true }).first().click();
  const name = a.getByRole('textbox', { name: 'Name', exact: true });
  await expect(name).toBeFocused();
  await a.keyboard.type('Ana María');
  await name.blur();
  await expect.poll(async () => (await tables(a)).personas?.map((p) => (p as { name?: string }).name)).toEqual(['Ana María']);

  const b = await context.newPage();
  await b.goto('/');
  await goToLibrary(b);
  await libraryRow(b, 'Gone elsewhere').getByRole('button', { name: 'Delete Gone elsewhere', exact: true }).click();
  await expect.poll(async () => (await tables(b)).workshops?.length).toBe(0);

  await undoButton(a).first().click();
  await expect(a.getByRole('alert').filter({ hasText: /Cannot undo .*has been deleted since/ })).toBeVisible(LIVE);
  const after = await tables(a);
  expect(after.workshops).toEqual([]);
  expect(after.personas).toEqual([]);
  expect(JSON.stringify(after)).not.toContain(id);
});

test('edit a card, delete its journey in another window, Undo: refused, no card without its journey', async ({ context, page: a }) => {
  await openApp(a);
  const id = await createWorkshop(a, { template: 'Journey mapping', client: 'Northwind', title: 'Two windows, one journey' });
  await sidebar(a).getByRole('link', { name: /Customer journeys/ }).click();
  await a.getByRole('button', { name: 'New journey', exact: true }).first().click();
  const dialog = a.getByRole('dialog', { name: 'New journey' });
  await dialog.getByRole('textbox', { name: 'Journey name' }).fill('Renewal');
  await dialog.getByRole('button', { name: 'Create journey', exact: true }).click();
  const box = (await cell(a, 'Aware', 'Actions').boundingBox())!;
  await a.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2 + 20);
  const newCard = a.getByRole('textbox', { name: 'New card text' });
  await expect(newCard).toBeFocused();
  await newCard.fill('Gets the letter');
  await newCard.press('Control+Enter');
  await expect(card(a, 'Gets the letter', 'Aware', 'Actions')).toBeVisible();

  // An edit of the card, stored, then the journey is deleted in window B.
  await card(a, 'Gets the letter', 'Aware', 'Actions').focus();
  await a.keyboard.press('Enter');
  const editor = a.getByRole('textbox', { name: 'Card text' });
  await expect(editor).toBeFocused();
  await a.keyboard.type(' and frowns');
  await a.keyboard.press('Control+Enter');
  await expect.poll(async () => (await tables(a)).journeyCards?.map((c) => c.text)).toEqual(['Gets the letter and frowns']);

  const b = await context.newPage();
  await b.goto(`/#/w/${encodeURIComponent(id)}`);
  await sidebar(b).getByRole('link', { name: /Customer journeys/ }).click();
  await b.getByRole('button', { name: 'Delete Renewal', exact: true }).click();
  await b.getByRole('dialog', { name: 'Delete journey?' }).getByRole('button', { name: 'Delete journey', exact: true }).click();
  await expect.poll(async () => (await tables(b)).journeys?.length).toBe(0);

  await undoButton(a).first().click();
  await expect(a.getByRole('alert').filter({ hasText: /Cannot undo .*has been deleted since/ })).toBeVisible(LIVE);
  const after = await tables(a);
  expect(after.journeys).toEqual([]);
  expect(after.journeyCards).toEqual([]);
});
