// Settings: the facilitator's details persist and can be undone, snapshots can be taken and
// restored, and a workshop's agenda saved as a template shows up wherever templates are chosen.
import JSZip from 'jszip';
import { expect, test, type Page } from '@playwright/test';
import {
  createWorkshop,
  expectSidebarSteps,
  expectStoredRow,
  goToLibrary,
  goToSettings,
  libraryRow,
  openApp,
  openStep,
  readAllStores,
  redoButton,
  saveByClicking,
  shippedTemplates,
  sidebar,
  sidebarSteps,
  toasts,
  undoButton,
  workshopRows,
} from '../helpers/e2e';

const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

test('settings persist across a reload, and undo and redo work on them', async ({ page }) => {
  await openApp(page);
  await goToSettings(page);
  await field(page, 'Facilitator name').fill('Jana Nováková');
  await expect(undoButton(page, 'Edit facilitator name')).toBeEnabled();
  await field(page, 'Organisation').pressSequentially('Ωmega Consulting 🚀');
  await expect(undoButton(page, 'Edit organisation')).toBeEnabled();
  await field(page, 'Default location').fill('Utrecht, room 4.12');
  await page.getByRole('combobox', { name: 'Default template' }).selectOption({ label: 'Journey mapping' });
  await expect(undoButton(page, 'Change default template')).toBeEnabled();
  // The template choice stored any typing still waiting for its debounce first; reload once all is stored.
  await expectStoredRow(page, 'settings', 'defaultLocation', { value: 'Utrecht, room 4.12' });
  await expectStoredRow(page, 'settings', 'defaultTemplateId', { value: 'journey-mapping' });

  await page.reload();
  await expect(field(page, 'Facilitator name')).toHaveValue('Jana Nováková');
  await expect(field(page, 'Organisation')).toHaveValue('Ωmega Consulting 🚀');
  await expect(field(page, 'Default location')).toHaveValue('Utrecht, room 4.12');
  await expect(page.getByRole('combobox', { name: 'Default template' })).toHaveValue('journey-mapping');
  // A reload starts a fresh history.
  await expect(undoButton(page)).toBeDisabled();

  await field(page, 'Facilitator name').fill('J. Nováková');
  await expect(undoButton(page, 'Edit facilitator name')).toBeEnabled();
  await undoButton(page, 'Edit facilitator name').click();
  await expect(field(page, 'Facilitator name')).toHaveValue('Jana Nováková');
  await page.keyboard.press('Control+Shift+z');
  await expect(field(page, 'Facilitator name')).toHaveValue('J. Nováková');
  await page.keyboard.press('Control+z');
  await expect(field(page, 'Facilitator name')).toHaveValue('Jana Nováková');
  await expect(redoButton(page, 'Edit facilitator name')).toBeEnabled();
  const { stores } = await readAllStores(page);
  expect(stores.settings).toContainEqual({ key: 'facilitatorName', value: 'Jana Nováková' });

  // The settings history is its own: the library has nothing to undo.
  await goToLibrary(page);
  await expect(undoButton(page)).toBeDisabled();

  // The default template is preselected in the New workshop dialog.
  await page.getByRole('button', { name: 'New workshop', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New workshop' });
  await expect(dialog.getByRole('radio', { name: 'Journey mapping', exact: true })).toBeChecked();
  await expect(dialog.getByRole('radio', { checked: true })).toHaveCount(1);
});

test('take a snapshot, delete a workshop, restore the snapshot: the workshop is back', async ({ page }) => {
  await openApp(page);
  await createWorkshop(page, { template: 'Readiness kick-off', client: 'Acme', title: 'Kept workshop' });
  await createWorkshop(page, { template: 'Journey mapping', client: 'Nordwind', title: 'Deleted workshop' });
  const notes = await openStep(page, 'Agree the stages');
  await notes.fill('Notice, claim, assess, pay.');
  await expect(undoButton(page, 'Edit step notes')).toBeEnabled();

  await goToSettings(page);
  await expect(page.getByText('No snapshots yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Take a snapshot now', exact: true }).click();
  const snapshots = page.getByRole('table', { name: 'Snapshots' });
  const byHand = snapshots.getByRole('row').filter({ hasText: 'Taken by hand' });
  await expect(byHand).toHaveCount(1);
  await expect(toasts(page)).toContainText('Snapshot taken.');
  await goToLibrary(page);
  const atSnapshot = await readAllStores(page);

  await libraryRow(page, 'Deleted workshop').getByRole('button', { name: 'Delete Deleted workshop', exact: true }).click();
  await expect(workshopRows(page)).toHaveCount(1);
  // Made after the snapshot: goes away with the restore.
  await createWorkshop(page, { template: 'Lifecycle roadmap', client: 'Later', title: 'Made after the snapshot' });

  await goToSettings(page);
  await byHand.getByRole('button', { name: /^Restore snapshot from / }).click();
  const confirm = page.getByRole('dialog', { name: 'Restore this snapshot?' });
  await confirm.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(toasts(page)).toContainText('The library was restored from the snapshot.');
  // The library as it was is snapshotted first.
  await expect(snapshots.getByRole('row').filter({ hasText: 'Before restoring a snapshot' })).toHaveCount(1);

  await goToLibrary(page);
  await expect(workshopRows(page)).toHaveCount(2);
  await expect(libraryRow(page, 'Deleted workshop')).toBeVisible();
  await expect(libraryRow(page, 'Kept workshop')).toBeVisible();
  await expect(libraryRow(page, 'Made after the snapshot')).toHaveCount(0);
  expect(await readAllStores(page)).toStrictEqual(atSnapshot);
  await libraryRow(page, 'Deleted workshop').getByRole('link', { name: 'Deleted workshop', exact: true }).click();
  await expect(await openStep(page, 'Agree the stages')).toHaveValue('Notice, claim, assess, pay.');

  // The restore is one undoable step in the library.
  await goToLibrary(page);
  await undoButton(page, 'Restore snapshot').click();
  await expect(libraryRow(page, 'Made after the snapshot')).toBeVisible();
  await expect(libraryRow(page, 'Deleted workshop')).toHaveCount(0);
});

test('an agenda saved as a template is offered as "My template" and listed in Settings', async ({ page }) => {
  const source = shippedTemplates().find((t) => t.id === 'lifecycle-roadmap')!;
  const steps = source.steps.map((s) => s.title);
  await openApp(page);
  await createWorkshop(page, { template: source.name, client: 'Helios Bank', title: 'Helios roadmap' });
  const notes = await openStep(page, 'Impact and effort');
  await notes.fill('Client-confidential: budget is 2 M€.');
  await expect(undoButton(page, 'Edit step notes')).toBeEnabled();

  await sidebar(page).getByRole('button', { name: 'Save agenda as template', exact: true }).click();
  const save = page.getByRole('dialog', { name: 'Save agenda as template' });
  await expect(save.getByRole('textbox', { name: 'Template name' })).toHaveValue('Helios roadmap agenda');
  await save.getByRole('textbox', { name: 'Template name' }).fill('Bank roadmap day');
  await save.getByRole('textbox', { name: 'Summary' }).fill('Lifecycle roadmap tuned for retail banks.');
  await save.getByRole('button', { name: 'Save template', exact: true }).click();
  await expect(save).toBeHidden();
  await expect(toasts(page)).toContainText('Saved “Bank roadmap day” to your templates.');

  // Offered in the New workshop dialog, marked as mine.
  await goToLibrary(page);
  await page.getByRole('button', { name: 'New workshop', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'New workshop' });
  await expect(dialog.getByRole('radio')).toHaveCount(6);
  await expect(dialog.getByRole('radio', { name: 'Bank roadmap day', exact: true })).toBeVisible();
  await expect(dialog.getByText('My template', { exact: true })).toHaveCount(1);
  await expect(dialog.getByText('Lifecycle roadmap tuned for retail banks.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();

  // A workshop made from it has the same agenda, without the source's notes.
  await createWorkshop(page, { template: 'Bank roadmap day', client: 'Another bank', title: 'From my template' });
  await expectSidebarSteps(page, steps);
  await expect(sidebarSteps(page)).toHaveCount(steps.length);
  await expect(await openStep(page, 'Impact and effort')).toHaveValue('');

  // Listed in Settings as mine, next to the five built-in ones.
  await goToSettings(page);
  const table = page.getByRole('table', { name: 'Templates' });
  const mine = table.getByRole('row').filter({ hasText: 'Bank roadmap day' });
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText('Mine');
  await expect(mine).toContainText(`${steps.length} steps`);
  await expect(mine.getByRole('button', { name: 'Delete template Bank roadmap day', exact: true })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'Built in' })).toHaveCount(5);
});

test('the brand set in settings is stored, survives a reload and is used by the exported PowerPoint', async ({ page }) => {
  // A 1 × 1 PNG.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  await openApp(page);
  await goToSettings(page);
  const brand = page.getByRole('region', { name: 'Your brand' });
  const main = brand.getByRole('textbox', { name: 'Main colour', exact: true });
  // Too light for white text: refused with the reason, nothing stored.
  await main.fill('#ffe066');
  await main.press('Enter');
  await expect(brand.getByRole('alert')).toContainText('too light');
  await main.fill('#7a1f5c');
  await main.press('Enter');
  await expect(brand.getByRole('alert')).toHaveCount(0);
  await expectStoredRow(page, 'settings', 'brandPrimary', { value: '#7a1f5c' });
  await brand.getByRole('combobox', { name: 'Typeface', exact: true }).selectOption('liberation-sans');
  await expectStoredRow(page, 'settings', 'brandTypeface', { value: 'liberation-sans' });

  // A file that is not an image: a clear message, no logo.
  const picker = brand.locator('input[type="file"]');
  await picker.setInputFiles({ name: 'logo.svg', mimeType: 'image/png', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
  await expect(brand.getByRole('alert')).toContainText('“logo.svg” is not a PNG or JPEG image');
  await expect(brand.getByRole('img')).toHaveCount(0);
  await picker.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
  await expect(brand.getByRole('img', { name: 'Your logo as it will appear on exports', exact: true })).toBeVisible();
  await expect(brand.getByRole('alert')).toHaveCount(0);
  await brand.screenshot({ path: test.info().outputPath('settings-brand.png') });

  await page.reload();
  const again = page.getByRole('region', { name: 'Your brand' });
  await expect(again.getByRole('textbox', { name: 'Main colour', exact: true })).toHaveValue('#7a1f5c');
  await expect(again.getByRole('combobox', { name: 'Typeface', exact: true })).toHaveValue('liberation-sans');
  await expect(again.getByRole('img', { name: 'Your logo as it will appear on exports', exact: true })).toBeVisible();
  const { stores } = await readAllStores(page);
  expect(stores.settings).toContainEqual({ key: 'brandLogo', value: `data:image/png;base64,${png.toString('base64')}` });

  // The export screen says which font the PowerPoint names, and the file carries the brand.
  await createWorkshop(page, { template: 'Customer-centricity full day', client: 'Brand & Co', title: 'Branded deck', date: '2027-03-14' });
  await page.getByRole('navigation', { name: 'Workshop' }).getByRole('link', { name: 'Export deck', exact: true }).click();
  await expect(page.locator('#pptx-font-note')).toContainText('set in Arial');
  await expect(page.getByRole('region', { name: 'Deck preview' }).getByRole('img', { name: /^Slide 1:/ })).toBeVisible();
  const pptx = await saveByClicking(page, page.getByRole('button', { name: 'PowerPoint', exact: true }));
  const zip = await JSZip.loadAsync(pptx.file.buffer);
  expect(await zip.file('ppt/theme/theme1.xml')!.async('string')).toContain('<a:accent1><a:srgbClr val="7A1F5C"/>');
  expect(await zip.file('ppt/slides/slide1.xml')!.async('string')).toContain('typeface="Arial"');
  expect(Object.keys(zip.files).some((f) => f.startsWith('ppt/media/'))).toBe(true);
  await page.screenshot({ path: test.info().outputPath('export-screen-branded.png') });
});
