// Restoring a snapshot or importing a backup over the library, then undoing: whichever screen is
// open, the undo offered is the restore's (or the import's), and no undo ever brings back part of
// what the restore removed. Also which twenty snapshots are kept when the clock goes back, and the
// names and messages around snapshots and template import.
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  createWorkshop,
  expectStoredRow,
  goToLibrary,
  goToSettings,
  importBackupFile,
  libraryRow,
  openApp,
  pickFile,
  readAllStores,
  saveByClicking,
  sidebar,
  storedRows,
  toasts,
  undoButton,
  workshopRows,
} from '../helpers/e2e';

const snapshotTable = (page: Page): Locator => page.getByRole('table', { name: 'Snapshots' });
const restoreButtons = (page: Page): Locator => snapshotTable(page).getByRole('button', { name: /^Restore snapshot / });

async function takeSnapshotByHand(page: Page): Promise<void> {
  const before = await snapshotTable(page).getByRole('row').count();
  await page.getByRole('button', { name: 'Take a snapshot now', exact: true }).click();
  // Header row plus one row per snapshot; the list may be capped, so wait for the toast too.
  await expect(toasts(page).filter({ hasText: 'Snapshot taken.' }).last()).toBeVisible();
  await expect.poll(() => snapshotTable(page).getByRole('row').count()).toBeGreaterThanOrEqual(Math.min(before + 1, 21));
}

async function restoreFirstByHand(page: Page): Promise<void> {
  await snapshotTable(page).getByRole('row').filter({ hasText: 'Taken by hand' }).last().getByRole('button', { name: /^Restore snapshot / }).click();
  const confirm = page.getByRole('dialog', { name: 'Restore this snapshot?' });
  await confirm.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(toasts(page)).toContainText('The library was restored from the snapshot.');
}

/** Fills the open workshop: a journey with one card, and a persona whose quote is typed. Returns the persona page's hash. */
async function addJourneyAndPersona(page: Page): Promise<string> {
  await sidebar(page).getByRole('link', { name: /Customer journeys/ }).click();
  await page.getByRole('button', { name: 'New journey', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New journey' });
  await dialog.getByRole('textbox', { name: 'Journey name' }).fill('Renewal');
  await dialog.getByRole('button', { name: 'Create journey', exact: true }).click();
  const cell = page.getByRole('button', { name: /^Cell: Aware, Actions, \d+ cards?$/ });
  const box = (await cell.boundingBox())!;
  await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2 + 20);
  const newCard = page.getByRole('textbox', { name: 'New card text' });
  await expect(newCard).toBeFocused();
  await newCard.fill('Gets the letter');
  await newCard.press('Control+Enter');
  await expect(page.getByRole('button', { name: 'Card: Gets the letter, Aware, Actions', exact: true })).toBeVisible();

  await sidebar(page).getByRole('link', { name: /^Personas/ }).click();
  await page.getByRole('main').getByRole('button', { name: 'Add persona', exact: true }).first().click();
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  await expect(name).toBeFocused();
  await page.keyboard.type('Ana María');
  await page.getByRole('textbox', { name: 'Quote', exact: true }).fill('No surprises, please.');
  await expect(undoButton(page, 'Edit quote')).toBeEnabled();
  await expect.poll(async () => (await storedRows<{ quote: string }>(page, 'personas')).map((p) => p.quote)).toEqual(['No surprises, please.']);
  return new URL(page.url()).hash;
}

/** Rows of every workshop table that point at this workshop, by table. */
async function rowsOf(page: Page, workshopId: string): Promise<Record<string, number>> {
  const { stores } = await readAllStores(page);
  const out: Record<string, number> = {};
  for (const [table, rows] of Object.entries(stores)) {
    const n = (rows as { id?: string; workshopId?: string }[]).filter((r) => r.workshopId === workshopId || (table === 'workshops' && r.id === workshopId)).length;
    if (n > 0) out[table] = n;
  }
  return out;
}

test('Ctrl+Z on Settings right after a restore undoes the restore, not an older settings edit', async ({ page }) => {
  await openApp(page);
  await goToSettings(page);
  await page.getByRole('textbox', { name: 'Facilitator name', exact: true }).fill('Jana Nováková');
  await expect(undoButton(page, 'Edit facilitator name')).toBeEnabled();
  await expectStoredRow(page, 'settings', 'facilitatorName', { value: 'Jana Nováková' });
  await takeSnapshotByHand(page);

  await createWorkshop(page, { template: 'Readiness kick-off', client: 'Acme', title: 'Made after the snapshot' });
  await goToSettings(page);
  await restoreFirstByHand(page);
  await goToLibrary(page);
  await expect(libraryRow(page, 'Made after the snapshot')).toHaveCount(0);

  await goToSettings(page);
  // What the screen offers is the restore's undo.
  await expect(undoButton(page, 'Restore snapshot')).toBeEnabled();
  await page.locator('body').press('Control+z');
  await expect(toasts(page).filter({ hasText: 'Undone: Restore snapshot' })).toBeVisible();
  await expect(toasts(page).filter({ hasText: 'Undone: Edit facilitator name' })).toHaveCount(0);
  await expectStoredRow(page, 'settings', 'facilitatorName', { value: 'Jana Nováková' });
  await expect(page.getByRole('textbox', { name: 'Facilitator name', exact: true })).toHaveValue('Jana Nováková');
  await goToLibrary(page);
  await expect(libraryRow(page, 'Made after the snapshot')).toBeVisible();
  // The settings history is there again under the undone restore.
  await goToSettings(page);
  await expect(undoButton(page, 'Edit facilitator name')).toBeEnabled();
});

test('after a restore, Ctrl+Z on a removed workshop page never brings back half of it', async ({ page }) => {
  await openApp(page);
  await createWorkshop(page, { template: 'Readiness kick-off', client: 'Acme', title: 'Workshop A' });
  await goToSettings(page);
  await takeSnapshotByHand(page);
  const atSnapshot = await readAllStores(page);

  const idB = await createWorkshop(page, { template: 'Journey mapping', client: 'Nordwind', title: 'Workshop B' });
  const personaHash = await addJourneyAndPersona(page);
  const whole = await rowsOf(page, idB);
  expect(whole).toMatchObject({ workshops: 1, journeys: 1, journeyCards: 1, personas: 1 });
  const beforeRestore = await readAllStores(page);

  await goToSettings(page);
  await restoreFirstByHand(page);
  expect(await readAllStores(page)).toStrictEqual(atSnapshot);

  // Back to B's persona page without a reload (the history stays).
  await page.evaluate((hash) => (location.hash = hash), personaHash);
  await expect(page.getByText('Workshop not found')).toBeVisible();
  await expect(undoButton(page, 'Edit quote')).toHaveCount(0);
  await expect(undoButton(page, 'Restore snapshot')).toBeEnabled();
  await page.locator('body').press('Control+z');
  await expect(toasts(page).filter({ hasText: 'Undone: Restore snapshot' })).toBeVisible();
  // All of B is back, exactly as it was: never only its persona.
  await expect.poll(() => rowsOf(page, idB)).toStrictEqual(whole);
  expect(await readAllStores(page)).toStrictEqual(beforeRestore);
  await expect(page.getByRole('textbox', { name: 'Quote', exact: true })).toHaveValue('No surprises, please.');

  // Undoing on in the library: "Create workshop" would leave B's journey, card and persona
  // without their workshop, so it is refused and B stays whole.
  await goToLibrary(page);
  await expect(undoButton(page, 'Create workshop')).toBeEnabled();
  await page.locator('body').press('Control+z');
  await expect(page.getByRole('alert').filter({ hasText: /Cannot undo “Create workshop”: the workshop it would remove holds .* added since/ })).toBeVisible();
  expect(await rowsOf(page, idB)).toStrictEqual(whole);
  await expect(libraryRow(page, 'Workshop B')).toBeVisible();
});

test('after a replace-import, Ctrl+Z on the replaced workshop undoes the import whole, never part of it', async ({ page }) => {
  await openApp(page);
  const idB = await createWorkshop(page, { template: 'Journey mapping', client: 'Nordwind', title: 'Workshop B' });
  await goToLibrary(page);
  const file = await saveByClicking(page, libraryRow(page, 'Workshop B').getByRole('button', { name: 'Back up Workshop B', exact: true }));
  const asFiled = await rowsOf(page, idB);

  await libraryRow(page, 'Workshop B').getByRole('link', { name: 'Workshop B', exact: true }).click();
  const personaHash = await addJourneyAndPersona(page);
  const whole = await rowsOf(page, idB);
  const beforeImport = await readAllStores(page);

  await goToLibrary(page);
  await importBackupFile(page, file.file);
  const dialog = page.getByRole('dialog', { name: 'Import backup' });
  await dialog.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => rowsOf(page, idB)).toStrictEqual(asFiled);
  await expect(workshopRows(page)).toHaveCount(1);

  // B's persona page: the persona is gone with the import; the undo offered is the import's.
  await page.evaluate((hash) => (location.hash = hash), personaHash);
  await expect(undoButton(page, 'Edit quote')).toHaveCount(0);
  await expect(undoButton(page, 'Import backup')).toBeEnabled();
  await page.locator('body').press('Control+z');
  await expect(toasts(page).filter({ hasText: 'Undone: Import backup' })).toBeVisible();
  await expect.poll(() => rowsOf(page, idB)).toStrictEqual(whole);
  expect(await readAllStores(page)).toStrictEqual(beforeImport);
  await expect(page.getByRole('textbox', { name: 'Quote', exact: true })).toHaveValue('No surprises, please.');
});

test('a workshop deleted in another window: the first Ctrl+Z on its page clears its whole history, nothing comes back', async ({ context, page }) => {
  await openApp(page);
  const idB = await createWorkshop(page, { template: 'Journey mapping', client: 'Nordwind', title: 'Workshop B' });
  await addJourneyAndPersona(page);

  const other = await context.newPage();
  await other.goto('/');
  await goToLibrary(other);
  await libraryRow(other, 'Workshop B').getByRole('button', { name: 'Delete Workshop B', exact: true }).click();
  await expect.poll(() => rowsOf(page, idB)).toStrictEqual({});

  await expect(page.getByText('Workshop not found')).toBeVisible();
  await page.locator('body').press('Control+z');
  // No older step of B is offered (each would be refused in turn, or bring back a part of B).
  await expect(undoButton(page)).toBeDisabled();
  await expect(page.getByRole('alert').filter({ hasText: /Cannot undo “Edit quote”: .*whole history was cleared/ })).toBeVisible();
  await page.locator('body').press('Control+z');
  await expect(page.getByRole('alert').filter({ hasText: /Cannot undo/ })).toHaveCount(1);
  expect(await rowsOf(page, idB)).toStrictEqual({});
});

/** A backup of a new workshop, saved from the library, to import again later. */
async function workshopBackup(page: Page, title: string) {
  await createWorkshop(page, { template: 'Readiness kick-off', client: 'Acme', title });
  await goToLibrary(page);
  return saveByClicking(page, libraryRow(page, title).getByRole('button', { name: `Back up ${title}` }));
}

/** Imports `file` beside the `count` workshops the library holds (waited for: counting too early, before the list has loaded, would see none). */
async function importKeepingBoth(page: Page, file: Parameters<typeof importBackupFile>[1], count: number): Promise<void> {
  await goToLibrary(page);
  await expect(workshopRows(page)).toHaveCount(count);
  await importBackupFile(page, file);
  const dialog = page.getByRole('dialog', { name: 'Import backup' });
  await dialog.getByRole('button', { name: 'Keep both', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(workshopRows(page)).toHaveCount(count + 1);
}

test('the last twenty snapshots taken are kept: after the clock goes back a day, an import keeps its safety snapshot', async ({ page }) => {
  await openApp(page);
  const backup = await workshopBackup(page, 'Kick-off');
  await goToSettings(page);
  for (let i = 0; i < 20; i++) await takeSnapshotByHand(page);
  await expect(restoreButtons(page)).toHaveCount(20);

  await page.clock.setSystemTime(Date.now() - 24 * 60 * 60 * 1000);
  await importKeepingBoth(page, backup.file, 1);
  await goToSettings(page);
  await expect(restoreButtons(page)).toHaveCount(20);
  // Listed first (the last taken), though its time is the oldest of all.
  await expect(snapshotTable(page).getByRole('row').nth(1)).toContainText('Before importing a backup');
  await expect(snapshotTable(page).getByRole('row').filter({ hasText: 'Taken by hand' })).toHaveCount(19);
});

test('each Restore button has its own name, with seconds and the reason, even within one minute', async ({ page }) => {
  await openApp(page);
  const backup = await workshopBackup(page, 'Kick-off');
  // Every snapshot taken at the very same moment: the worst case for telling them apart.
  await page.clock.setFixedTime(new Date(2026, 10, 30, 9, 15, 42));
  await goToSettings(page);
  await takeSnapshotByHand(page);
  await takeSnapshotByHand(page);
  await importKeepingBoth(page, backup.file, 1);
  await goToSettings(page);
  await expect(restoreButtons(page)).toHaveCount(3);
  const names = await restoreButtons(page).evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
  expect(new Set(names).size).toBe(3);
  for (const name of names) expect(name).toMatch(/9:15:42/);
  await expect(snapshotTable(page).getByRole('button', { name: /^Restore snapshot from .*9:15:42.*, before importing a backup$/ })).toHaveCount(1);
  // Each opens its own confirmation.
  await snapshotTable(page).getByRole('button', { name: names[2]!, exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Restore this snapshot?' });
  await expect(confirm).toContainText('9:15:42');
  await confirm.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(confirm).toBeHidden();
});

test('a backup picked in "Import template file" is named a backup, with where to import it', async ({ page }) => {
  await openApp(page);
  const backup = await workshopBackup(page, 'Kick-off');
  await goToSettings(page);
  await pickFile(page, page.getByRole('button', { name: 'Import template file', exact: true }), backup.file);
  const error = page.getByRole('alert').filter({ hasText: backup.name });
  await expect(error).toContainText('is a Centric backup, not a template. Import it with “Import backup” on the Workshops screen');
  await expect(error).not.toContainText('update Centric');
  expect(await storedRows(page, 'templates')).toEqual([]);
});
