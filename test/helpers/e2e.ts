// Shared steps for the end-to-end tests: what a facilitator does (open the app, create a
// workshop, open a step, import a file) and what a test needs to look behind the screen (the
// stored IndexedDB data). Screens are reached by role and accessible name, as a person would.
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';

export const projectDir = fileURLToPath(new URL('../..', import.meta.url));
export const e2eFixture = (name: string): string => resolve(projectDir, 'test/fixtures/e2e', name);

export interface ShippedTemplate {
  readonly file: string;
  readonly id: string;
  readonly name: string;
  readonly steps: readonly { readonly id: string; readonly title: string }[];
}

/** The templates shipped in templates/*.json (not the schema), read the way the app reads them. */
export function shippedTemplates(): ShippedTemplate[] {
  const dir = resolve(projectDir, 'templates');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .sort()
    .map((file) => {
      const t = JSON.parse(readFileSync(resolve(dir, file), 'utf8')) as ShippedTemplate;
      return { file, id: t.id, name: t.name, steps: t.steps.map((s) => ({ id: s.id, title: s.title })) };
    });
}

/** Opens the library screen on a fresh load and waits until it has read the database. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Workshops' })).toBeVisible();
  await expect(page.getByText(/workshops? on this computer/)).toBeVisible();
}

/** Goes to the library through the top bar. */
export async function goToLibrary(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workshops' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Workshops' })).toBeVisible();
}

/** Goes to Settings through the top bar. */
export async function goToSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
}

export interface NewWorkshop {
  /** Template name as shown in the New workshop dialog. */
  readonly template: string;
  readonly client: string;
  readonly title: string;
  /** YYYY-MM-DD; today when left out. */
  readonly date?: string;
}

/** Creates a workshop through the New workshop dialog; lands on its overview. Returns its id. */
export async function createWorkshop(page: Page, w: NewWorkshop): Promise<string> {
  if (!(await page.getByRole('heading', { level: 1, name: 'Workshops' }).isVisible())) await goToLibrary(page);
  // An empty library shows a second "New workshop" button in its empty state; either opens the dialog.
  await page.getByRole('button', { name: 'New workshop', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New workshop' });
  await expect(dialog).toBeVisible();
  // The radio is visually hidden inside its card (the card's text covers it), so pick it the way
  // a keyboard user does: focus it and press Space.
  const radio = dialog.getByRole('radio', { name: w.template, exact: true });
  await radio.press('Space');
  await expect(radio).toBeChecked();
  await dialog.getByRole('textbox', { name: 'Client' }).fill(w.client);
  await dialog.getByRole('textbox', { name: 'Workshop title' }).fill(w.title);
  if (w.date) await dialog.getByLabel('Date').fill(w.date);
  await dialog.getByRole('button', { name: 'Create workshop' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: w.title, exact: true })).toBeVisible();
  const match = /#\/w\/([^/]+)$/.exec(page.url());
  expect(match, `the URL ${page.url()} should name the new workshop`).not.toBeNull();
  return decodeURIComponent(match![1]!);
}

/** The library table of workshops. */
export const libraryTable = (page: Page): Locator => page.getByRole('table', { name: 'Workshops' });

/** The library row whose title link is exactly `title`. */
export function libraryRow(page: Page, title: string): Locator {
  return libraryTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) });
}

/** Rows of the library table that show a workshop (not the header, not "No workshop matches"). */
export function workshopRows(page: Page): Locator {
  return libraryTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: /^Delete / }) });
}

/** The workshop's sidebar navigation. */
export const sidebar = (page: Page): Locator => page.getByRole('navigation', { name: 'Workshop' });

/** The agenda step links in the sidebar, in order (the first list in the sidebar is the agenda). */
export const sidebarSteps = (page: Page): Locator => sidebar(page).getByRole('list').first().getByRole('link');

/** Checks the sidebar shows exactly these agenda steps, in this order. */
export async function expectSidebarSteps(page: Page, titles: readonly string[]): Promise<void> {
  const links = sidebarSteps(page);
  await expect(links).toHaveCount(titles.length);
  await expect(links).toContainText([...titles]);
}

/** Opens an agenda step from the sidebar (the n-th occurrence when titles repeat, e.g. "Break"). */
export async function openStep(page: Page, title: string, nth = 0): Promise<Locator> {
  await sidebarSteps(page).filter({ hasText: title }).nth(nth).click();
  await expect(page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
  return page.getByRole('textbox', { name: `Notes for ${title}`, exact: true });
}

/** Opens the workshop's overview from the sidebar. */
export async function openOverview(page: Page): Promise<void> {
  await sidebar(page).getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Details' })).toBeVisible();
}

/** The top-bar Undo / Redo buttons; their names carry the label of the next step ("Undo Edit title"). */
export const undoButton = (page: Page, label?: string): Locator =>
  page.getByRole('banner').getByRole('button', label ? { name: `Undo ${label}`, exact: true } : { name: /^Undo\b/ });
export const redoButton = (page: Page, label?: string): Locator =>
  page.getByRole('banner').getByRole('button', label ? { name: `Redo ${label}`, exact: true } : { name: /^Redo\b/ });

/** The toast region. */
export const toasts = (page: Page): Locator => page.getByRole('status');

export interface SavedFile {
  /** The name the app suggested. */
  readonly name: string;
  readonly text: string;
  /** The file as a person would pick it again (a download's path has no file name of its own). */
  readonly file: { name: string; mimeType: string; buffer: Buffer };
}

/** Clicks a button that saves a file (a download in browser mode) and returns the saved file. */
export async function saveByClicking(page: Page, button: Locator): Promise<SavedFile> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const buffer = readFileSync(await download.path());
  const name = download.suggestedFilename();
  return { name, text: buffer.toString('utf8'), file: { name, mimeType: 'application/octet-stream', buffer } };
}

export type FileSpec = string | { name: string; mimeType: string; buffer: Buffer };

/** Clicks a button that opens a file picker and picks the given file. */
export async function pickFile(page: Page, button: Locator, file: FileSpec): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
  await chooser.setFiles(file);
}

/** Picks a backup through the library's "Import backup" button. */
export async function importBackupFile(page: Page, file: FileSpec): Promise<void> {
  await pickFile(page, page.getByRole('button', { name: 'Import backup', exact: true }), file);
}

export interface StoredDatabase {
  readonly exists: boolean;
  /** IndexedDB version (Dexie version × 10). */
  readonly version: number;
  /** Every object store's rows, in key order. */
  readonly stores: Record<string, unknown[]>;
}

/**
 * Every store of an IndexedDB database as stored, read with the raw API (not through the app).
 * Never creates the database: reports exists=false when there is none.
 */
export async function readAllStores(page: Page, dbName = 'centric'): Promise<StoredDatabase> {
  return page.evaluate(async (name) => {
    const known = await indexedDB.databases();
    if (!known.some((d) => d.name === name)) return { exists: false, version: 0, stores: {} };
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    try {
      const stores: Record<string, unknown[]> = {};
      const names = Array.from(db.objectStoreNames).sort();
      if (names.length > 0) {
        const tx = db.transaction(names, 'readonly');
        await Promise.all(
          names.map(
            (s) =>
              new Promise<void>((res, rej) => {
                const r = tx.objectStore(s).getAll();
                r.onsuccess = () => {
                  stores[s] = r.result;
                  res();
                };
                r.onerror = () => rej(r.error);
              }),
          ),
        );
      }
      return { exists: true, version: db.version, stores };
    } finally {
      db.close();
    }
  }, dbName);
}

/** How long a typed field waits after the last keystroke before storing (src-renderer/ui/use-draft.ts). */
export const TYPING_DEBOUNCE_MS = 300;
/** Edits of one field closer together than this merge into one undo step (src-renderer/state/history.ts). */
export const UNDO_MERGE_WINDOW_MS = 1500;

/**
 * Every stored row of one table, read with the raw API. IndexedDB starts a transaction only after
 * every earlier read-write transaction on the same store has finished, so the rows include every
 * write the app had begun before this call: a check that something was *not* stored can trust it.
 */
export async function storedRows<T = Record<string, unknown>>(page: Page, table: string, dbName = 'centric'): Promise<T[]> {
  return page.evaluate(
    async ({ name, store }) => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      try {
        return await new Promise<unknown[]>((res, rej) => {
          const r = db.transaction(store, 'readonly').objectStore(store).getAll();
          r.onsuccess = () => res(r.result);
          r.onerror = () => rej(r.error);
        });
      } finally {
        db.close();
      }
    },
    { name: dbName, store: table },
  ) as Promise<T[]>;
}

/** One stored row by its key (settings rows are keyed by `key`, all others by `id`), or undefined. */
export async function storedRow<T = Record<string, unknown>>(page: Page, table: string, key: string): Promise<T | undefined> {
  const rows = await storedRows<Record<string, unknown>>(page, table);
  return rows.find((r) => (table === 'settings' ? r.key : r.id) === key) as T | undefined;
}

/**
 * Waits until one stored row has these fields (a partial match), e.g. until typing is stored past
 * its debounce. Fails with the last row seen.
 */
export async function expectStoredRow(page: Page, table: string, key: string, fields: Record<string, unknown>): Promise<void> {
  await expect.poll(() => storedRow(page, table, key), { message: `${table} row ${key} should be stored with ${JSON.stringify(fields)}` }).toMatchObject(fields);
}

/**
 * Lets the undo history's merge window pass on Playwright's clock, so the next edit of the same
 * field becomes a new undo step. The page must have been opened after `page.clock.install()`.
 * Call it once the earlier edit is stored: the window counts from when that edit was stored.
 */
export async function passUndoMergeWindow(page: Page): Promise<void> {
  await page.clock.runFor(UNDO_MERGE_WINDOW_MS + 100);
}

export interface StoreSchema {
  readonly keyPath: string | string[] | null;
  readonly autoIncrement: boolean;
  readonly indexes: Record<string, { keyPath: string | string[]; unique: boolean; multiEntry: boolean }>;
}

/** The object stores and indexes of an IndexedDB database. */
export async function readSchema(page: Page, dbName = 'centric'): Promise<{ version: number; stores: Record<string, StoreSchema> }> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    try {
      const stores: Record<string, StoreSchema> = {};
      const names = Array.from(db.objectStoreNames).sort();
      if (names.length === 0) return { version: db.version, stores };
      const tx = db.transaction(names, 'readonly');
      for (const s of names) {
        const os = tx.objectStore(s);
        const indexes: StoreSchema['indexes'] = {};
        for (const i of Array.from(os.indexNames)) {
          const idx = os.index(i);
          indexes[i] = { keyPath: idx.keyPath, unique: idx.unique, multiEntry: idx.multiEntry };
        }
        stores[s] = { keyPath: os.keyPath, autoIncrement: os.autoIncrement, indexes };
      }
      return { version: db.version, stores };
    } finally {
      db.close();
    }
  }, dbName);
}

/** Whether something polluted Object.prototype in the page. */
export async function prototypeIsPolluted(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const probe = {} as Record<string, unknown>;
    return probe.polluted !== undefined || Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted');
  });
}

/** A database as some version of Centric left it: its schema and rows (see test/fixtures/e2e/centric-v1.json). */
export interface DatabaseFixture {
  /** IndexedDB version (Dexie version × 10). */
  readonly version: number;
  readonly schema: Record<string, StoreSchema>;
  readonly rows: Record<string, readonly unknown[]>;
}

export function readDatabaseFixture(name: string): DatabaseFixture {
  return JSON.parse(readFileSync(e2eFixture(name), 'utf8')) as DatabaseFixture;
}

/**
 * Creates an IndexedDB database with the raw API before the app ever runs, as an older (or newer)
 * Centric would have left it. Uses a page of the same origin that is not the app (the favicon),
 * so the app cannot open or upgrade the database first.
 */
export async function seedDatabase(page: Page, fixture: DatabaseFixture, dbName = 'centric'): Promise<void> {
  await page.goto('/favicon.svg');
  await page.evaluate(
    async ({ name, f }) => {
      await new Promise<void>((resolve, reject) => {
        const req = indexedDB.open(name, f.version);
        req.onupgradeneeded = () => {
          const db = req.result;
          for (const [store, s] of Object.entries(f.schema)) {
            const os = db.createObjectStore(store, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
            for (const [index, ix] of Object.entries(s.indexes)) {
              os.createIndex(index, ix.keyPath, { unique: ix.unique, multiEntry: ix.multiEntry });
            }
          }
        };
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const stores = Object.keys(f.rows);
          const tx = db.transaction(stores, 'readwrite');
          for (const s of stores) for (const row of f.rows[s]!) tx.objectStore(s).put(row);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      });
    },
    { name: dbName, f: fixture },
  );
}
