// Editing inside a workshop: typing is saved without a save button (300 ms debounce), survives a
// reload, and undo/redo (top bar and keyboard) work per workshop.
import { expect, test, type Page } from '@playwright/test';
import {
  createWorkshop,
  goToLibrary,
  libraryRow,
  openApp,
  openOverview,
  openStep,
  passUndoMergeWindow,
  readAllStores,
  redoButton,
  undoButton,
} from '../helpers/e2e';

const objectives = (page: Page) => page.getByRole('textbox', { name: 'Objectives', exact: true });

/** A workshop's stored record, read from IndexedDB. */
async function storedWorkshop(page: Page, id: string) {
  const { stores } = await readAllStores(page);
  const w = (stores.workshops as { id: string; objectives: string; agenda: { title: string; notes: string }[] }[]).find(
    (r) => r.id === id,
  );
  expect(w, `workshop ${id} should be stored`).toBeDefined();
  return w!;
}

const notesOf = (w: { agenda: { title: string; notes: string }[] }, step: string) => w.agenda.find((s) => s.title === step)?.notes;

test('notes and objectives typed are kept across a reload after the debounce', async ({ page }) => {
  await openApp(page);
  const id = await createWorkshop(page, { template: 'Journey mapping', client: 'Nordwind', title: 'Claims journey' });

  await objectives(page).pressSequentially('Agree the three worst moments — and who fixes them.');
  // Stored once the 300 ms debounce has passed; reload only then.
  await expect.poll(async () => (await storedWorkshop(page, id)).objectives).toBe('Agree the three worst moments — and who fixes them.');
  await page.reload();
  await expect(objectives(page)).toHaveValue('Agree the three worst moments — and who fixes them.');

  const notes = await openStep(page, 'Agree the stages');
  await notes.pressSequentially('Stages: notice, claim, assess, pay.\nQuote: "Nobody calls back" 😤');
  await expect.poll(async () => notesOf(await storedWorkshop(page, id), 'Agree the stages')).toBe('Stages: notice, claim, assess, pay.\nQuote: "Nobody calls back" 😤');
  await page.reload();
  const reloaded = page.getByRole('textbox', { name: 'Notes for Agree the stages' });
  await expect(reloaded).toHaveValue('Stages: notice, claim, assess, pay.\nQuote: "Nobody calls back" 😤');

  const w = await storedWorkshop(page, id);
  expect(w.objectives).toBe('Agree the three worst moments — and who fixes them.');
  expect(notesOf(w, 'Agree the stages')).toBe('Stages: notice, claim, assess, pay.\nQuote: "Nobody calls back" 😤');
  // Other steps are untouched.
  expect(w.agenda.filter((s) => s.notes !== '').map((s) => s.title)).toEqual(['Agree the stages']);
});

test('undo and redo, from the top bar and the keyboard, work per workshop', async ({ page }) => {
  await openApp(page);
  const a = await createWorkshop(page, { template: 'Readiness kick-off', client: 'Alpha', title: 'Workshop A' });
  const notesA = await openStep(page, 'Agree priorities');
  await notesA.pressSequentially('A: priorities');
  await expect(undoButton(page, 'Edit step notes')).toBeEnabled();
  await openOverview(page);
  await objectives(page).pressSequentially('A: objectives');
  await expect(undoButton(page, 'Edit objectives')).toBeEnabled();

  const b = await createWorkshop(page, { template: 'Readiness kick-off', client: 'Beta', title: 'Workshop B' });
  // A new workshop starts with its own, empty history.
  await expect(undoButton(page)).toBeDisabled();
  await expect(undoButton(page)).toHaveAccessibleName('Undo');
  const notesB = await openStep(page, 'Agree priorities');
  await notesB.pressSequentially('B: priorities');
  await expect(undoButton(page, 'Edit step notes')).toBeEnabled();
  const storedB = await storedWorkshop(page, b);

  // Back in A, the top-bar button names A's last edit, and undoes it.
  await goToLibrary(page);
  await libraryRow(page, 'Workshop A').getByRole('link', { name: 'Workshop A', exact: true }).click();
  await expect(objectives(page)).toHaveValue('A: objectives');
  await undoButton(page, 'Edit objectives').click();
  await expect(objectives(page)).toHaveValue('');
  await expect(undoButton(page, 'Edit step notes')).toBeEnabled();
  await expect(redoButton(page, 'Edit objectives')).toBeEnabled();

  // Ctrl+Z undoes the notes (the whole typing burst is one step).
  await page.keyboard.press('Control+z');
  await expect(undoButton(page)).toBeDisabled();
  await expect(await openStep(page, 'Agree priorities')).toHaveValue('');
  let w = await storedWorkshop(page, a);
  expect(w.objectives).toBe('');
  expect(notesOf(w, 'Agree priorities')).toBe('');

  // Workshop B was not touched by undo in A.
  expect(await storedWorkshop(page, b)).toStrictEqual(storedB);

  // Redo: Ctrl+Shift+Z brings the notes back, the top-bar button the objectives.
  await expect(redoButton(page, 'Edit step notes')).toBeEnabled();
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByRole('textbox', { name: 'Notes for Agree priorities' })).toHaveValue('A: priorities');
  await redoButton(page, 'Edit objectives').click();
  await expect(redoButton(page)).toBeDisabled();
  await openOverview(page);
  await expect(objectives(page)).toHaveValue('A: objectives');
  w = await storedWorkshop(page, a);
  expect(w.objectives).toBe('A: objectives');
  expect(notesOf(w, 'Agree priorities')).toBe('A: priorities');

  // B still has its own history and content.
  await goToLibrary(page);
  await libraryRow(page, 'Workshop B').getByRole('link', { name: 'Workshop B', exact: true }).click();
  await expect(undoButton(page, 'Edit step notes')).toBeEnabled();
  await expect(await openStep(page, 'Agree priorities')).toHaveValue('B: priorities');
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('textbox', { name: 'Notes for Agree priorities' })).toHaveValue('');
  // ... and undoing in B leaves A as it is.
  w = await storedWorkshop(page, a);
  expect(notesOf(w, 'Agree priorities')).toBe('A: priorities');
});

test('Ctrl+Z inside a field being typed in undoes the stored edit, not just the text box', async ({ page }) => {
  await page.clock.install();
  await openApp(page);
  const id = await createWorkshop(page, { template: 'Journey mapping', client: 'Nordwind', title: 'Typing' });
  await objectives(page).pressSequentially('first');
  await expect(undoButton(page, 'Edit objectives')).toBeEnabled();
  await passUndoMergeWindow(page); // so the next typing is a step of its own
  await objectives(page).pressSequentially(' second');
  // Undo right away, before the debounce: pending typing is committed first, then undone.
  await page.keyboard.press('Control+z');
  await expect(objectives(page)).toHaveValue('first');
  expect((await storedWorkshop(page, id)).objectives).toBe('first');
  await page.keyboard.press('Control+Shift+z');
  await expect(objectives(page)).toHaveValue('first second');
  expect((await storedWorkshop(page, id)).objectives).toBe('first second');
});

test('undoing a workshop edit keeps a later rename made from the library', async ({ page }) => {
  await openApp(page);
  const id = await createWorkshop(page, { template: 'Journey mapping', client: 'Nordwind', title: 'Original title' });
  const notes = await openStep(page, 'Agree the stages');
  await notes.fill('Notice, claim, assess, pay.');
  await expect(undoButton(page, 'Edit step notes')).toBeEnabled();

  await goToLibrary(page);
  await libraryRow(page, 'Original title').getByRole('button', { name: 'Rename Original title', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename workshop' });
  await dialog.getByRole('textbox', { name: 'New title' }).fill('Renamed from the library');
  await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
  await libraryRow(page, 'Renamed from the library').getByRole('link', { name: 'Renamed from the library', exact: true }).click();

  await undoButton(page, 'Edit step notes').click();
  await expect(undoButton(page)).toBeDisabled();
  const w = await storedWorkshop(page, id);
  expect(notesOf(w, 'Agree the stages')).toBe('');
  expect((w as unknown as { title: string }).title).toBe('Renamed from the library');
  await expect(page.getByRole('heading', { level: 1, name: 'Renamed from the library' })).toBeVisible();
});
