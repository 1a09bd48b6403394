// Backups: a workshop file and a library file are written as documented, a library file
// restores exactly the same stored data in a fresh browser profile, importing over an existing
// workshop asks Replace / Keep both, and broken or hostile files are refused without a trace.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
  createWorkshop,
  e2eFixture,
  goToLibrary,
  goToSettings,
  importBackupFile,
  libraryRow,
  openApp,
  openStep,
  prototypeIsPolluted,
  readAllStores,
  saveByClicking,
  sidebar,
  undoButton,
  workshopRows,
  type FileSpec,
} from '../helpers/e2e';

interface BackupJson {
  format: string;
  formatVersion: number;
  scope: string;
  tables: Record<string, Record<string, unknown>[]>;
}

/** A library with two workshops, notes, a setting and a template of the facilitator's own. */
async function buildLibrary(page: Page): Promise<void> {
  await openApp(page);
  await createWorkshop(page, { template: 'Journey mapping', client: 'Ωmega Åsa 株式会社 🚀', title: 'Claims journey', date: '2026-11-24' });
  const notes = await openStep(page, 'Agree the stages');
  await notes.fill('Notice, claim, assess, pay.');
  await expect(undoButton(page, 'Edit step notes')).toBeEnabled();
  await sidebar(page).getByRole('button', { name: 'Save agenda as template', exact: true }).click();
  const save = page.getByRole('dialog', { name: 'Save agenda as template' });
  await save.getByRole('textbox', { name: 'Template name' }).fill('Claims journey day');
  await save.getByRole('button', { name: 'Save template', exact: true }).click();
  await expect(save).toBeHidden();

  await createWorkshop(page, { template: 'Readiness kick-off', client: 'Nordwind', title: 'Kick-off', date: '2027-01-15' });
  await goToSettings(page);
  await page.getByRole('textbox', { name: 'Facilitator name' }).fill('Jana Nováková');
  await expect(undoButton(page, 'Edit facilitator name')).toBeEnabled();
  await goToLibrary(page);
}

test('workshop and library backups are written as documented and a library file restores identical data', async ({
  page,
  browser,
}) => {
  await buildLibrary(page);
  const original = await readAllStores(page);
  expect(original.stores.workshops).toHaveLength(2);
  expect(original.stores.templates).toHaveLength(1);
  expect(original.stores.settings).toHaveLength(1);

  // One workshop.
  const ws = await saveByClicking(page, libraryRow(page, 'Claims journey').getByRole('button', { name: 'Back up Claims journey', exact: true }));
  expect(ws.name).toMatch(/Claims journey.*\.centric$/);
  const wsJson = JSON.parse(ws.text) as BackupJson;
  expect(wsJson).toMatchObject({ format: 'centric-backup', formatVersion: 3, scope: 'workshop' });
  expect(wsJson.tables.workshops).toHaveLength(1);
  expect(wsJson.tables.workshops![0]).toMatchObject({ title: 'Claims journey', client: 'Ωmega Åsa 株式会社 🚀', date: '2026-11-24' });
  expect(wsJson.tables.templates).toEqual([]);
  expect(wsJson.tables.settings).toEqual([]);
  const claims = (original.stores.workshops as { title: string }[]).find((w) => w.title === 'Claims journey');
  expect(wsJson.tables.workshops![0]).toStrictEqual(claims);

  // The whole library.
  const lib = await saveByClicking(page, page.getByRole('button', { name: 'Back up library', exact: true }));
  expect(lib.name).toMatch(/^Centric library - \d{4}-\d{2}-\d{2}\.centric$/);
  const libJson = JSON.parse(lib.text) as BackupJson;
  expect(libJson).toMatchObject({ format: 'centric-backup', formatVersion: 3, scope: 'library' });
  expect(libJson.tables.workshops!.map((w) => w.title).sort()).toEqual(['Claims journey', 'Kick-off']);

  // A fresh browser profile imports it and stores exactly the same data.
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, acceptDownloads: true });
  try {
    const fresh = await context.newPage();
    await openApp(fresh);
    expect((await readAllStores(fresh)).stores.workshops).toEqual([]);
    await importBackupFile(fresh, lib.file);
    const dialog = fresh.getByRole('dialog', { name: 'Import backup' });
    await expect(dialog).toContainText('This library backup holds 2 workshops');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(workshopRows(fresh)).toHaveCount(2);
    await expect(libraryRow(fresh, 'Claims journey')).toContainText('Ωmega Åsa 株式会社 🚀');
    const restored = await readAllStores(fresh);
    expect(restored).toStrictEqual(original);
    // Key order aside, every value is byte-for-byte the same.
    expect(stableJson(restored)).toBe(stableJson(original));

    // What a person sees after the import: notes, the template, the setting.
    await libraryRow(fresh, 'Claims journey').getByRole('link', { name: 'Claims journey', exact: true }).click();
    await expect(await openStep(fresh, 'Agree the stages')).toHaveValue('Notice, claim, assess, pay.');
    await goToSettings(fresh);
    await expect(fresh.getByRole('textbox', { name: 'Facilitator name' })).toHaveValue('Jana Nováková');
    await expect(fresh.getByRole('table', { name: 'Templates' }).getByRole('row', { name: /Claims journey day/ })).toContainText('Mine');
  } finally {
    await context.close();
  }
});

/** JSON with object keys sorted, so two equal values print identically. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v,
  );
}

test('importing a workshop that is already there asks Replace or Keep both', async ({ page }) => {
  await openApp(page);
  await createWorkshop(page, { template: 'Lifecycle roadmap', client: 'Helios Bank', title: 'Roadmap day' });
  const notes = await openStep(page, 'Impact and effort');
  await notes.fill('Quick wins first.');
  await expect(undoButton(page, 'Edit step notes')).toBeEnabled();
  await goToLibrary(page);
  const file = await saveByClicking(page, libraryRow(page, 'Roadmap day').getByRole('button', { name: 'Back up Roadmap day', exact: true }));
  const fileWorkshop = (JSON.parse(file.text) as BackupJson).tables.workshops![0]!;

  // Change it after the backup: a rename and new notes.
  await libraryRow(page, 'Roadmap day').getByRole('button', { name: 'Rename Roadmap day', exact: true }).click();
  const rename = page.getByRole('dialog', { name: 'Rename workshop' });
  await rename.getByRole('textbox', { name: 'New title' }).fill('Roadmap day v2');
  await rename.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(libraryRow(page, 'Roadmap day v2')).toBeVisible();

  // Replace: the file's version wins, and there is still one workshop.
  await importBackupFile(page, file.file);
  let dialog = page.getByRole('dialog', { name: 'Import backup' });
  await expect(dialog).toContainText('This workshop is already in your library');
  await expect(dialog.getByRole('listitem')).toHaveText(['Roadmap day v2']);
  await expect(dialog.getByRole('button', { name: 'Keep both', exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(libraryRow(page, 'Roadmap day')).toBeVisible();
  await expect(libraryRow(page, 'Roadmap day v2')).toHaveCount(0);
  await expect(workshopRows(page)).toHaveCount(1);
  let stored = await readAllStores(page);
  expect(stored.stores.workshops).toStrictEqual([fileWorkshop]);

  // Keep both: a second, separate workshop.
  await importBackupFile(page, file.file);
  dialog = page.getByRole('dialog', { name: 'Import backup' });
  await expect(dialog.getByRole('listitem')).toHaveText(['Roadmap day']);
  await dialog.getByRole('button', { name: 'Keep both', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(workshopRows(page)).toHaveCount(2);
  await expect(libraryRow(page, 'Roadmap day')).toBeVisible();
  await expect(libraryRow(page, 'Roadmap day (imported)')).toBeVisible();
  stored = await readAllStores(page);
  const ids = (stored.stores.workshops as { id: string }[]).map((w) => w.id);
  expect(new Set(ids).size).toBe(2);
  await libraryRow(page, 'Roadmap day (imported)').getByRole('link', { name: 'Roadmap day (imported)', exact: true }).click();
  await expect(await openStep(page, 'Impact and effort')).toHaveValue('Quick wins first.');

  // An import is one undoable step in the library.
  await goToLibrary(page);
  await page.keyboard.press('Control+z');
  await expect(workshopRows(page)).toHaveCount(1);
  await expect(libraryRow(page, 'Roadmap day (imported)')).toHaveCount(0);
});

interface Refusal {
  readonly name: string;
  /** Builds the file from a valid workshop backup's text. */
  readonly file: (valid: string) => FileSpec;
  readonly message: string | RegExp;
}

const refusals: Refusal[] = [
  {
    name: 'a corrupt file (garbage bytes)',
    file: () => e2eFixture('garbage.centric'),
    message: 'This is not a Centric backup file (it does not contain JSON text).',
  },
  {
    name: 'a truncated backup (a valid one cut in half)',
    file: (valid) => ({ name: 'Truncated.centric', mimeType: 'application/octet-stream', buffer: Buffer.from(valid.slice(0, valid.length / 2)) }),
    message: 'The file is not valid JSON: it may be truncated or damaged.',
  },
  {
    name: 'a picture (.png)',
    file: () => e2eFixture('tiny.png'),
    message: '“tiny.png” is not a Centric backup: choose a .centric file.',
  },
  {
    name: 'a text file (.txt)',
    file: () => e2eFixture('meeting-notes.txt'),
    message: '“meeting-notes.txt” is not a Centric backup: choose a .centric file.',
  },
  {
    name: 'a picture renamed to .centric',
    file: () => ({ name: 'photo.centric', mimeType: 'application/octet-stream', buffer: readFileSync(e2eFixture('tiny.png')) }),
    message: 'This is not a Centric backup file (it does not contain JSON text).',
  },
  {
    name: 'a hostile file with a "__proto__" key',
    file: (valid) => {
      // Insert the key as raw text: JSON.stringify of an object could never write it.
      const hostile = valid.replace(/("workshops": \[\s*\{\s*"id": "[^"]+",)/, '$1\n"__proto__": { "polluted": true },');
      expect(hostile).toContain('"__proto__"');
      return { name: 'Hostile.centric', mimeType: 'application/json', buffer: Buffer.from(hostile) };
    },
    message: 'Refused: the file contains a "__proto__" key at tables.workshops[0]. It may have been tampered with.',
  },
  {
    name: 'a hostile file with a "constructor" key',
    file: (valid) => {
      const hostile = valid.replace(/^\{/, '{\n"constructor": { "prototype": { "polluted": true } },');
      return { name: 'Hostile2.centric', mimeType: 'application/json', buffer: Buffer.from(hostile) };
    },
    message: 'Refused: the file contains a "constructor" key at the top level. It may have been tampered with.',
  },
];

for (const r of refusals) {
  test(`refuses ${r.name} and leaves the library unchanged`, async ({ page }) => {
    await openApp(page);
    await createWorkshop(page, { template: 'Readiness kick-off', client: 'Acme', title: 'Kick-off' });
    await goToLibrary(page);
    const valid = await saveByClicking(page, libraryRow(page, 'Kick-off').getByRole('button', { name: 'Back up Kick-off', exact: true }));
    const before = await readAllStores(page);
    const beforeText = JSON.stringify(before);

    await importBackupFile(page, r.file(valid.text));
    const dialog = page.getByRole('dialog', { name: 'This file cannot be imported' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('alert')).toContainText(r.message);
    await expect(dialog.getByRole('alert')).toContainText('Your library has not been changed.');
    await dialog.getByRole('button', { name: 'OK', exact: true }).click();
    await expect(dialog).toBeHidden();

    await expect(workshopRows(page)).toHaveCount(1);
    expect(JSON.stringify(await readAllStores(page))).toBe(beforeText);
    expect(await prototypeIsPolluted(page)).toBe(false);
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
    // Nothing to undo: the refusal wrote nothing.
    await expect(undoButton(page, 'Import backup')).toHaveCount(0);
  });
}
