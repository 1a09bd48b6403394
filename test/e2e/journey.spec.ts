// The customer-journey canvas, as a facilitator uses it: build a small journey, move cards by
// keyboard and by drag, score emotions, promote an opportunity, undo/redo, reload, and import
// sticky notes from CSV (a malformed file imports nothing).
import { fileURLToPath } from 'node:url';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createWorkshop, openApp, pickFile, readAllStores, redoButton, sidebar, undoButton } from '../helpers/e2e';

const notesFixture = (name: string) => fileURLToPath(new URL(`../fixtures/notes/${name}`, import.meta.url));

interface CardRow {
  id: string;
  text: string;
  color: string;
  stageId: string;
  laneId: string;
  initiativeId: string | null;
}
interface JourneyRow {
  id: string;
  stages: { id: string; name: string }[];
  lanes: { id: string; name: string }[];
  emotions: Record<string, number>;
}

const card = (page: Page, text: string, stage: string, lane: string): Locator => page.getByRole('button', { name: `Card: ${text}, ${stage}, ${lane}`, exact: true });
const cell = (page: Page, stage: string, lane: string): Locator => page.getByRole('button', { name: new RegExp(`^Cell: ${stage}, ${lane}, \\d+ cards?$`) });

async function stored(page: Page) {
  const db = await readAllStores(page);
  return { journeys: db.stores.journeys as JourneyRow[], cards: db.stores.journeyCards as CardRow[], initiatives: db.stores.initiatives as { id: string; cardIds: string[]; laneId: string; status: string }[] };
}

async function centre(l: Locator) {
  const b = (await l.boundingBox())!;
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

async function addByDoubleClick(page: Page, stage: string, lane: string, text: string) {
  const c = await centre(cell(page, stage, lane));
  await page.mouse.dblclick(c.x, c.y + 20);
  const editor = page.getByRole('textbox', { name: 'New card text' });
  await expect(editor).toBeFocused();
  await editor.fill(text);
  await editor.press('Control+Enter');
  await expect(card(page, text, stage, lane)).toBeVisible();
}

test('build a journey, move cards by keyboard and drag, score emotions, promote, undo/redo, reload', async ({ page }) => {
  await openApp(page);
  await createWorkshop(page, { template: 'Journey mapping', client: 'Northwind Insurance', title: 'Claims journey day' });
  await sidebar(page).getByRole('link', { name: /Customer journeys/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Customer journeys' })).toBeVisible();

  await page.getByRole('button', { name: 'New journey', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New journey' });
  await dialog.getByRole('textbox', { name: 'Journey name' }).fill('Home insurance claim');
  await dialog.getByRole('textbox', { name: 'Scenario' }).fill('Reports a burst pipe and claims');
  await dialog.getByRole('button', { name: 'Create journey', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Home insurance claim/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stage: Renew or leave', exact: true })).toBeVisible();

  // Create by double-click, then by keyboard alone from the focused cell.
  await addByDoubleClick(page, 'Aware', 'Actions', 'Finds water pouring through the ceiling');
  await card(page, 'Finds water pouring through the ceiling', 'Aware', 'Actions').click();
  await page.keyboard.press('Escape');
  await expect(cell(page, 'Aware', 'Actions')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(cell(page, 'Aware', 'Touchpoints & channels')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Searches insurance cover on phone');
  await page.keyboard.press('Control+Enter');
  const phone = card(page, 'Searches insurance cover on phone', 'Aware', 'Touchpoints & channels');
  await expect(phone).toBeFocused();

  // Move by keyboard: one cell to the right.
  await page.keyboard.press('ArrowRight');
  const moved = card(page, 'Searches insurance cover on phone', 'Consider', 'Touchpoints & channels');
  await expect(moved).toBeVisible();
  await expect(moved).toBeFocused();

  // Move by drag: the ceiling card to Buy / Actions.
  const from = await centre(card(page, 'Finds water pouring through the ceiling', 'Aware', 'Actions'));
  const to = await centre(cell(page, 'Buy', 'Actions'));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 12, from.y + ((to.y - from.y) * i) / 12);
  await page.mouse.up();
  await expect(card(page, 'Finds water pouring through the ceiling', 'Buy', 'Actions')).toBeVisible();

  // Emotions: keyboard on the slider, and a click in the emotion lane.
  const aware = page.getByRole('slider', { name: 'Emotion at Aware' });
  await aware.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(aware).toHaveAttribute('aria-valuenow', '-2');
  const buy = page.getByRole('slider', { name: 'Emotion at Buy' });
  const bb = (await buy.boundingBox())!;
  await page.mouse.click(bb.x + bb.width / 2, bb.y + 6);
  await expect(buy).toHaveAttribute('aria-valuenow', '3');

  // Promote an opportunity to the roadmap.
  await addByDoubleClick(page, 'Consider', 'Opportunities', 'Claim tracker with live status');
  await card(page, 'Claim tracker with live status', 'Consider', 'Opportunities').click();
  await page.getByRole('button', { name: 'Promote to roadmap', exact: true }).click();
  const promote = page.getByRole('dialog', { name: 'Promote to roadmap' });
  // The card sits in "Consider": the lifecycle stage offered first is acquisition.
  await expect(promote.getByRole('radio', { name: 'Acquisition', exact: true })).toBeChecked();
  await promote.getByRole('button', { name: 'Promote', exact: true }).click();
  await expect(promote).toBeHidden();
  let db = await stored(page);
  const opp = db.cards.find((c) => c.text === 'Claim tracker with live status')!;
  expect(db.initiatives).toHaveLength(1);
  expect(db.initiatives[0]).toMatchObject({ cardIds: [opp.id], laneId: 'acquisition', status: 'idea' });
  expect(opp.initiativeId).toBe(db.initiatives[0]!.id);

  // Undo and redo the promotion: both rows change together.
  await undoButton(page, 'Promote to roadmap').click();
  await expect.poll(async () => (await stored(page)).initiatives.length).toBe(0);
  expect((await stored(page)).cards.find((c) => c.id === opp.id)!.initiativeId).toBeNull();
  await redoButton(page, 'Promote to roadmap').click();
  await expect.poll(async () => (await stored(page)).initiatives.length).toBe(1);

  // Reload: everything is kept.
  await page.reload();
  await expect(card(page, 'Finds water pouring through the ceiling', 'Buy', 'Actions')).toBeVisible();
  await expect(card(page, 'Searches insurance cover on phone', 'Consider', 'Touchpoints & channels')).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Emotion at Aware' })).toHaveAttribute('aria-valuenow', '-2');
  await expect(page.getByRole('slider', { name: 'Emotion at Buy' })).toHaveAttribute('aria-valuenow', '3');
  db = await stored(page);
  expect(db.cards).toHaveLength(3);
  expect(db.cards.find((c) => c.id === opp.id)!.initiativeId).toBe(db.initiatives[0]!.id);
});

test('import sticky notes from CSV: a malformed file imports nothing, a good one imports all', async ({ page }) => {
  await openApp(page);
  await createWorkshop(page, { template: 'Journey mapping', client: 'Northwind', title: 'Import day' });
  await sidebar(page).getByRole('link', { name: /Customer journeys/ }).click();
  await page.getByRole('button', { name: 'New journey', exact: true }).first().click();
  await page.getByRole('dialog', { name: 'New journey' }).getByRole('button', { name: 'Create journey', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Stage: Aware', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Import notes', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import sticky notes' });
  const csv = dialog.getByRole('textbox', { name: 'CSV text' });
  const importButton = dialog.getByRole('button', { name: /^Import/ });

  await csv.fill('Text,Color,Column\n"Sees an ad",yellow,Aware\n"Reads reviews,blue,Consider\nCalls us,green,Buy\n');
  await expect(dialog.getByRole('alert')).toContainText('Row 3');
  await expect(dialog.getByRole('alert')).toContainText('Nothing will be imported');
  await expect(importButton).toBeDisabled();

  await csv.fill('Colour;Column\nyellow;Aware\n');
  await expect(dialog.getByRole('alert')).toContainText('no text column');
  await expect(importButton).toBeDisabled();
  expect((await stored(page)).cards ?? []).toHaveLength(0);

  await csv.fill('Text;Color;Column\n"Sees an ad, clicks";yellow;Aware\nReads reviews;blue;consider\nWaits for a call;pink;Limbo\n');
  await dialog.getByRole('combobox', { name: 'Into lane' }).selectOption({ label: 'Thoughts & feelings' });
  await dialog.getByRole('combobox', { name: 'Notes whose column is not a stage' }).selectOption({ label: 'Become new stages' });
  await expect(importButton).toHaveText('Import 3 notes');
  await importButton.click();
  await expect(dialog).toBeHidden();
  await expect(card(page, 'Sees an ad, clicks', 'Aware', 'Thoughts & feelings')).toBeVisible();
  await expect(card(page, 'Reads reviews', 'Consider', 'Thoughts & feelings')).toBeVisible();
  await expect(card(page, 'Waits for a call', 'Limbo', 'Thoughts & feelings')).toBeVisible();
  // One command: one undo removes the notes and the new stage together.
  await undoButton(page, 'Import 3 notes').click();
  await expect.poll(async () => ((await stored(page)).cards ?? []).length).toBe(0);
  await expect(page.getByRole('button', { name: 'Stage: Limbo', exact: true })).toHaveCount(0);
});

test('import a headerless Windows-1252 list through the preview and the column picker, as one undoable step', async ({ page }) => {
  await openApp(page);
  await createWorkshop(page, { template: 'Journey mapping', client: 'Northwind', title: 'Import file day' });
  await sidebar(page).getByRole('link', { name: /Customer journeys/ }).click();
  await page.getByRole('button', { name: 'New journey', exact: true }).first().click();
  await page.getByRole('dialog', { name: 'New journey' }).getByRole('button', { name: 'Create journey', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Stage: Aware', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Import notes', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import sticky notes' });
  await pickFile(page, dialog.getByRole('button', { name: 'Choose file…', exact: true }), notesFixture('liste-ohne-kopf.txt'));
  const importButton = dialog.getByRole('button', { name: /^Import/ });
  // Nothing names a column: the user is asked, and nothing can be imported yet.
  await expect(dialog.getByRole('alert')).toContainText('no text column recognised');
  await expect(importButton).toBeDisabled();

  await dialog.getByRole('checkbox', { name: /The first row is a note/ }).check();
  await dialog.getByRole('combobox', { name: 'Text column' }).selectOption({ index: 1 });
  await dialog.getByRole('combobox', { name: 'Group column' }).selectOption({ index: 2 });
  await dialog.getByRole('combobox', { name: 'Colour column' }).selectOption({ index: 3 });
  const preview = dialog.getByRole('status', { name: 'Import preview' });
  await expect(preview).toContainText('Windows-1252');
  await expect(preview).toContainText('separated by tabs');
  await expect(preview).toContainText('1 row skipped: row 3 (an empty row).');
  const first = preview.getByRole('list', { name: 'First notes' }).getByRole('listitem');
  await expect(first).toHaveText(['Überweisung dauert 3 Tage – 12 € Gebühr→ Buy', 'Findet das Formular nicht→ Aware', 'Ruft zweimal an→ Use']);
  await expect(importButton).toHaveText('Import 3 notes');
  expect((await stored(page)).cards ?? []).toHaveLength(0);

  await importButton.click();
  await expect(dialog).toBeHidden();
  await expect(card(page, 'Überweisung dauert 3 Tage – 12 € Gebühr', 'Buy', 'Actions')).toBeVisible();
  await expect(card(page, 'Findet das Formular nicht', 'Aware', 'Actions')).toBeVisible();
  const cards = (await stored(page)).cards ?? [];
  expect(cards.map((c) => [c.text, c.color]).sort()).toEqual([
    ['Findet das Formular nicht', 'pink'],
    ['Ruft zweimal an', 'green'],
    ['Überweisung dauert 3 Tage – 12 € Gebühr', 'yellow'],
  ]);
  await undoButton(page, 'Import 3 notes').click();
  await expect.poll(async () => ((await stored(page)).cards ?? []).length).toBe(0);
});

test('rename and delete a journey from the list; delete confirms with the card count and undoes', async ({ page }) => {
  await openApp(page);
  await createWorkshop(page, { template: 'Journey mapping', client: 'Northwind', title: 'List day' });
  await sidebar(page).getByRole('link', { name: /Customer journeys/ }).click();
  await page.getByRole('button', { name: 'New journey', exact: true }).first().click();
  await page.getByRole('dialog', { name: 'New journey' }).getByRole('button', { name: 'Create journey', exact: true }).click();
  await addByDoubleClick(page, 'Use', 'Pain points', 'App logs me out');
  await page.getByRole('link', { name: 'All journeys', exact: true }).click();

  await page.getByRole('button', { name: 'Rename Customer journey', exact: true }).click();
  const rename = page.getByRole('dialog', { name: 'Rename journey' });
  await rename.getByRole('textbox', { name: 'Journey name' }).fill('Mobile app onboarding');
  await rename.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Mobile app onboarding', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Delete Mobile app onboarding', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete journey?' });
  await expect(confirm).toContainText('1 card');
  await confirm.getByRole('button', { name: 'Delete journey', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'No journeys yet' })).toBeVisible();
  expect((await stored(page)).cards ?? []).toHaveLength(0);
  await undoButton(page, 'Delete journey').click();
  await expect(page.getByRole('link', { name: 'Mobile app onboarding', exact: true })).toBeVisible();
  await expect.poll(async () => ((await stored(page)).cards ?? []).length).toBe(1);
});

test('typing into an existing card is stored as it is typed, without leaving the editor', async ({ page }) => {
  await openApp(page);
  await createWorkshop(page, { template: 'Journey mapping', client: 'Northwind Insurance', title: 'Autosave day' });
  await sidebar(page).getByRole('link', { name: /Customer journeys/ }).click();
  await page.getByRole('button', { name: 'New journey', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New journey' });
  await dialog.getByRole('textbox', { name: 'Journey name' }).fill('Renewal');
  await dialog.getByRole('button', { name: 'Create journey', exact: true }).click();
  await addByDoubleClick(page, 'Aware', 'Actions', 'Gets the renewal letter');

  await card(page, 'Gets the renewal letter', 'Aware', 'Actions').focus();
  await page.keyboard.press('Enter');
  const editor = page.getByRole('textbox', { name: 'Card text' });
  await expect(editor).toBeFocused();
  await page.keyboard.type(' and compares prices');
  // No Ctrl+Enter, no blur: the editor is still open, and the text is already stored.
  await expect
    .poll(async () => (await stored(page)).cards.map((c) => c.text), { timeout: 3000 })
    .toContain('Gets the renewal letter and compares prices');
  await expect(editor).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await stored(page)).cards.map((c) => c.text)).toContain('Gets the renewal letter');
});
