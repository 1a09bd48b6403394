// Personas and segments together, as a facilitator builds them: two personas and a segment map,
// linked both ways, undo and redo of the link, a reload, and a backup that round-trips it all
// into a fresh library.
import { expect, test, type Page } from '@playwright/test';
import { createWorkshop, importBackupFile, openApp, readAllStores, saveByClicking, sidebar, storedRows } from '../helpers/e2e';

async function addPersona(page: Page, name: string, goal: string): Promise<void> {
  await sidebar(page).getByRole('link', { name: /Personas/ }).click();
  // Exact, inside the page: the top bar's "Undo Add persona" also contains the words.
  await page.getByRole('main').getByRole('button', { name: 'Add persona', exact: true }).first().click();
  const nameBox = page.getByRole('textbox', { name: 'Name', exact: true });
  await expect(nameBox).toBeFocused();
  await page.keyboard.type(name);
  await page.getByRole('button', { name: 'Add goal', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Goal 1', exact: true })).toBeFocused();
  await page.keyboard.type(goal);
  await page.getByRole('combobox', { name: 'Evidence for goal 1' }).selectOption({ label: 'Interview' });
}

async function addSegment(page: Page, name: string): Promise<void> {
  await sidebar(page).getByRole('link', { name: /Segment value & needs maps/ }).click();
  await page.getByRole('button', { name: 'Add segment', exact: true }).click();
  const nameBox = page.getByRole('textbox', { name: 'Segment name' });
  await expect(nameBox).toHaveValue('New segment');
  await nameBox.fill(name);
  await page.getByRole('button', { name: 'Add job', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Job 1' })).toBeFocused();
  await page.keyboard.type('Protect the family home');
  await page.getByRole('button', { name: 'Add product or service', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Product or service 1' })).toBeFocused();
  await page.keyboard.type('Home insurance');
}

type Row = Record<string, unknown> & { id: string; name: string; segmentId?: string | null };

test('two personas linked to a segment map survive undo/redo, a reload and a backup round trip', async ({ page, browser }) => {
  await openApp(page);
  await createWorkshop(page, { template: 'Personas and segments', client: 'Stadtwerke Münster', title: 'Wer sind unsere Kunden?' });
  await addSegment(page, 'Junge Familien');
  await addPersona(page, 'Ana María', 'Pay rent on time');
  await addPersona(page, 'Δήμητρα 🚀', 'Όλα από το κινητό');

  // Link the second persona to the segment, then undo and redo the link.
  const segmentSelect = page.getByRole('combobox', { name: 'Segment', exact: true });
  await segmentSelect.selectOption({ label: 'Junge Familien' });
  await expect(segmentSelect).toHaveValue(/.+/);
  await page.keyboard.press('Control+z');
  await expect(segmentSelect).toHaveValue('');
  await page.keyboard.press('Control+Shift+z');
  await expect(segmentSelect).not.toHaveValue('');

  // The segment map shows who represents it.
  await sidebar(page).getByRole('link', { name: /Segment value & needs maps/ }).click();
  await expect(page.getByRole('link', { name: /Δήμητρα 🚀/ })).toBeVisible();

  // Reload once the redone link is stored.
  await expect.poll(async () => (await storedRows<Row>(page, 'personas')).find((p) => p.name === 'Δήμητρα 🚀')?.segmentId).toEqual(expect.any(String));
  await page.reload();
  await expect(page.getByRole('link', { name: /Δήμητρα 🚀/ })).toBeVisible();
  const before = await readAllStores(page);
  const personas = before.stores.personas as Row[];
  const segments = before.stores.segments as Row[];
  expect(personas.map((p) => p.name).sort()).toEqual(['Ana María', 'Δήμητρα 🚀']);
  expect(segments).toHaveLength(1);
  expect(personas.find((p) => p.name === 'Δήμητρα 🚀')!.segmentId).toBe(segments[0]!.id);
  expect(personas.find((p) => p.name === 'Ana María')!.segmentId).toBeNull();

  // Back up the workshop and import it into an empty library in a new browser profile.
  const file = await saveByClicking(page, sidebar(page).getByRole('button', { name: 'Back up workshop', exact: true }));
  const fresh = await (await browser.newContext()).newPage();
  await openApp(fresh);
  await importBackupFile(fresh, file.file);
  await fresh.getByRole('dialog', { name: 'Import backup' }).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(fresh.getByRole('link', { name: 'Wer sind unsere Kunden?', exact: true })).toBeVisible();
  const after = await readAllStores(fresh);
  expect(after.stores.personas).toStrictEqual(before.stores.personas);
  expect(after.stores.segments).toStrictEqual(before.stores.segments);
  expect(after.stores.workshops).toStrictEqual(before.stores.workshops);
});
