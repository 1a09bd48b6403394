// The library: rename with undo/redo, delete with Undo from the toast, duplicate, search and
// over-long titles.
import { expect, test } from '@playwright/test';
import {
  createWorkshop,
  goToLibrary,
  libraryRow,
  libraryTable,
  openApp,
  openStep,
  readAllStores,
  redoButton,
  storedRow,
  toasts,
  TYPING_DEBOUNCE_MS,
  undoButton,
  workshopRows,
} from '../helpers/e2e';

test('rename through the dialog, then Ctrl+Z undoes and Ctrl+Shift+Z redoes it', async ({ page }) => {
  await openApp(page);
  await createWorkshop(page, { template: 'Journey mapping', client: 'Nordwind', title: 'Claims journey' });
  await goToLibrary(page);

  await libraryRow(page, 'Claims journey').getByRole('button', { name: 'Rename Claims journey', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename workshop' });
  const field = dialog.getByRole('textbox', { name: 'New title' });
  await expect(field).toHaveValue('Claims journey');
  await field.fill('Claims journey, second day');
  await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(libraryRow(page, 'Claims journey, second day')).toBeVisible();
  await expect(libraryRow(page, 'Claims journey')).toHaveCount(0);
  await expect(undoButton(page, 'Rename workshop')).toBeEnabled();

  await page.keyboard.press('Control+z');
  await expect(libraryRow(page, 'Claims journey')).toBeVisible();
  await expect(libraryRow(page, 'Claims journey, second day')).toHaveCount(0);
  await expect(redoButton(page, 'Rename workshop')).toBeEnabled();

  await page.keyboard.press('Control+Shift+z');
  await expect(libraryRow(page, 'Claims journey, second day')).toBeVisible();
  await expect(libraryRow(page, 'Claims journey')).toHaveCount(0);
  await expect(workshopRows(page)).toHaveCount(1);

  // The redone title is what is stored, not just what is shown.
  await page.reload();
  await expect(libraryRow(page, 'Claims journey, second day')).toBeVisible();
});

test('delete, then Undo in the toast brings the workshop back with its notes', async ({ page }) => {
  await openApp(page);
  await createWorkshop(page, { template: 'Readiness kick-off', client: 'Keep me', title: 'Kick-off to keep' });
  await createWorkshop(page, { template: 'Readiness kick-off', client: 'Acme', title: 'Kick-off to delete' });
  const notes = await openStep(page, 'Warning signs checklist');
  await notes.fill('Three warning signs: churn, NPS drop, complaints backlog.');
  await expect(undoButton(page, 'Edit step notes')).toBeEnabled();
  await goToLibrary(page);
  const before = await readAllStores(page);

  await libraryRow(page, 'Kick-off to delete').getByRole('button', { name: 'Delete Kick-off to delete', exact: true }).click();
  await expect(libraryRow(page, 'Kick-off to delete')).toHaveCount(0);
  await expect(workshopRows(page)).toHaveCount(1);
  const toast = toasts(page).filter({ hasText: 'Deleted “Kick-off to delete”' });
  await expect(toast).toBeVisible();

  await toast.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(libraryRow(page, 'Kick-off to delete')).toBeVisible();
  await expect(workshopRows(page)).toHaveCount(2);
  // Everything is back exactly as it was, notes included.
  expect(await readAllStores(page)).toStrictEqual(before);

  await libraryRow(page, 'Kick-off to delete').getByRole('link', { name: 'Kick-off to delete', exact: true }).click();
  await expect(await openStep(page, 'Warning signs checklist')).toHaveValue(
    'Three warning signs: churn, NPS drop, complaints backlog.',
  );
});

test('duplicate creates "<title> (copy)" with the same agenda and notes', async ({ page }) => {
  await openApp(page);
  await createWorkshop(page, { template: 'Lifecycle roadmap', client: 'Helios Bank', title: 'Roadmap day' });
  const notes = await openStep(page, 'Impact and effort');
  await notes.fill('Quick wins first.');
  await expect(undoButton(page, 'Edit step notes')).toBeEnabled();
  await goToLibrary(page);

  await libraryRow(page, 'Roadmap day').getByRole('button', { name: 'Duplicate Roadmap day', exact: true }).click();
  await expect(libraryRow(page, 'Roadmap day (copy)')).toBeVisible();
  await expect(libraryRow(page, 'Roadmap day')).toBeVisible();
  await expect(workshopRows(page)).toHaveCount(2);
  await expect(libraryRow(page, 'Roadmap day (copy)')).toContainText('Helios Bank');

  await libraryRow(page, 'Roadmap day (copy)').getByRole('link', { name: 'Roadmap day (copy)', exact: true }).click();
  await expect(await openStep(page, 'Impact and effort')).toHaveValue('Quick wins first.');

  // The copy is its own workshop: editing it leaves the original alone.
  const copyNotes = page.getByRole('textbox', { name: 'Notes for Impact and effort' });
  await copyNotes.fill('Only in the copy.');
  await expect(undoButton(page, 'Edit step notes')).toBeEnabled();
  await goToLibrary(page);
  await libraryRow(page, 'Roadmap day').getByRole('link', { name: 'Roadmap day', exact: true }).click();
  await expect(await openStep(page, 'Impact and effort')).toHaveValue('Quick wins first.');
});

test('search filters rows, ignoring case and accents', async ({ page }) => {
  await openApp(page);
  await createWorkshop(page, { template: 'Journey mapping', client: 'Åsa Lindqvist AB', title: 'Onboarding journey' });
  await createWorkshop(page, { template: 'Personas and segments', client: 'Nordwind Insurance', title: 'Segments review' });
  await createWorkshop(page, { template: 'Readiness kick-off', client: 'Café Müller', title: 'Kick-off' });
  await goToLibrary(page);
  await expect(workshopRows(page)).toHaveCount(3);

  const search = page.getByRole('searchbox', { name: 'Search workshops' });
  await search.fill('asa');
  await expect(workshopRows(page)).toHaveCount(1);
  await expect(libraryRow(page, 'Onboarding journey')).toBeVisible();

  await search.fill('MULLER');
  await expect(workshopRows(page)).toHaveCount(1);
  await expect(libraryRow(page, 'Kick-off')).toBeVisible();

  // Every word must match, in any field (client and title here).
  await search.fill('nordwind segments');
  await expect(workshopRows(page)).toHaveCount(1);
  await expect(libraryRow(page, 'Segments review')).toBeVisible();

  await search.fill('zzz-nothing');
  await expect(workshopRows(page)).toHaveCount(0);
  await expect(libraryTable(page)).toContainText('No workshop matches “zzz-nothing”');

  await search.fill('');
  await expect(workshopRows(page)).toHaveCount(3);
});

test('an over-long title is refused with a message and the old title stays', async ({ page }) => {
  await page.clock.install();
  await openApp(page);
  const id = await createWorkshop(page, { template: 'Journey mapping', client: 'Nordwind', title: 'Short title' });
  await goToLibrary(page);
  const before = await readAllStores(page);

  await libraryRow(page, 'Short title').getByRole('button', { name: 'Rename Short title', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename workshop' });
  const tooLong = 'x'.repeat(121);
  await dialog.getByRole('textbox', { name: 'New title' }).fill(tooLong);
  await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Title is limited to 120 characters.');
  await expect(dialog.getByRole('textbox', { name: 'New title' })).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toBeVisible();

  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(libraryRow(page, 'Short title')).toBeVisible();
  await expect(libraryRow(page, tooLong)).toHaveCount(0);
  expect(await readAllStores(page)).toStrictEqual(before);

  // Exactly 120 characters, counting an emoji as one, is accepted.
  const longest = `${'y'.repeat(119)}🚀`;
  await libraryRow(page, 'Short title').getByRole('button', { name: 'Rename Short title', exact: true }).click();
  await dialog.getByRole('textbox', { name: 'New title' }).fill(longest);
  await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(libraryRow(page, longest)).toBeVisible();

  // The same limit holds in the workshop's Title field and the New workshop dialog.
  await libraryRow(page, longest).getByRole('link', { name: longest }).click();
  const titleField = page.getByRole('textbox', { name: 'Title', exact: true });
  await titleField.fill(`${longest}z`);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Title is limited to 120 characters.');
  await expect(titleField).toHaveAttribute('aria-invalid', 'true');
  await page.clock.runFor(TYPING_DEBOUNCE_MS + 100); // the typing debounce has fired: nothing may be saved
  await titleField.blur();
  expect((await storedRow(page, 'workshops', id))?.title).toBe(longest);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: longest, exact: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(longest);

  await goToLibrary(page);
  await page.getByRole('button', { name: 'New workshop', exact: true }).click();
  const create = page.getByRole('dialog', { name: 'New workshop' });
  await create.getByRole('textbox', { name: 'Client' }).fill('Acme');
  await create.getByRole('textbox', { name: 'Workshop title' }).fill(tooLong);
  await create.getByRole('button', { name: 'Create workshop', exact: true }).click();
  await expect(create.getByRole('alert')).toHaveText('Title is limited to 120 characters.');
  await create.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(workshopRows(page)).toHaveCount(1);
});

test('the Undo in a delete toast undoes that deletion even after another library edit', async ({ page }) => {
  await openApp(page);
  await createWorkshop(page, { template: 'Journey mapping', client: 'A', title: 'Alpha' });
  await createWorkshop(page, { template: 'Journey mapping', client: 'B', title: 'Beta' });
  await goToLibrary(page);
  await libraryRow(page, 'Alpha').getByRole('button', { name: 'Delete Alpha', exact: true }).click();
  await expect(libraryRow(page, 'Alpha')).toHaveCount(0);
  await libraryRow(page, 'Beta').getByRole('button', { name: 'Rename Beta', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename workshop' });
  await dialog.getByRole('textbox', { name: 'New title' }).fill('Beta renamed');
  await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(libraryRow(page, 'Beta renamed')).toBeVisible();

  await toasts(page).filter({ hasText: 'Deleted “Alpha”' }).getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(libraryRow(page, 'Alpha')).toBeVisible();
  await expect(libraryRow(page, 'Beta renamed')).toBeVisible();
  await expect(workshopRows(page)).toHaveCount(2);
});

test('the New workshop dialog does not open again after browser Back and Forward', async ({ page }) => {
  await openApp(page);
  await createWorkshop(page, { template: 'Journey mapping', client: 'Nordwind', title: 'Claims journey' });
  await goToLibrary(page);
  await page.getByRole('button', { name: 'New workshop', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New workshop' });
  await expect(dialog).toBeVisible();

  // Back leaves the library for the workshop; Forward returns to the library without the dialog.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Workshops' })).toBeHidden();
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1, name: 'Workshops' })).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'New workshop', exact: true }).first()).toBeEnabled();
});
