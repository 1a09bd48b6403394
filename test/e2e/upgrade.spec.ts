// Opening a library stored by an older Centric upgrades it (after a snapshot) without losing or
// shifting anything; a library from a newer Centric is refused and left alone.
import { expect, test } from '@playwright/test';
import {
  goToSettings,
  libraryRow,
  openApp,
  openStep,
  readAllStores,
  readDatabaseFixture,
  readSchema,
  seedDatabase,
  sidebar,
  expectSidebarSteps,
  toasts,
  undoButton,
  workshopRows,
} from '../helpers/e2e';

// West of Greenwich, where version 1's UTC-midnight dates showed the day before.
test.use({ locale: 'en-GB', timezoneId: 'America/Los_Angeles' });

const v1 = readDatabaseFixture('centric-v1.json');
const v1Workshop = v1.rows.workshops![0] as Record<string, unknown> & { id: string; title: string; agenda: Record<string, unknown>[] };

const byWorkshop = { workshopId: { keyPath: 'workshopId', unique: false, multiEntry: false } };
/** What database.ts versions 2 and 3 add to version 1: user templates, then the facilitation tables. */
const currentSchema = {
  ...v1.schema,
  templates: {
    keyPath: 'id',
    autoIncrement: false,
    indexes: { createdAt: { keyPath: 'createdAt', unique: false, multiEntry: false } },
  },
  participants: { keyPath: 'id', autoIncrement: false, indexes: byWorkshop },
  votes: {
    keyPath: 'id',
    autoIncrement: false,
    indexes: { ...byWorkshop, targetId: { keyPath: 'targetId', unique: false, multiEntry: false } },
  },
  sessions: { keyPath: 'id', autoIncrement: false, indexes: byWorkshop },
};

test('the version-1 fixture matches what Dexie creates, plus what later versions add', async ({ page }) => {
  await openApp(page);
  expect(await readSchema(page)).toStrictEqual({ version: 50, stores: currentSchema });
});

test('a version-1 library is upgraded after a snapshot, with dates on the right day', async ({ page }) => {
  await seedDatabase(page, v1);
  expect((await readAllStores(page)).version).toBe(10);

  await page.goto('/');
  await expect(toasts(page)).toContainText('Your library was upgraded from storage version 1. A snapshot was taken first.');
  await expect(workshopRows(page)).toHaveCount(1);
  const row = libraryRow(page, v1Workshop.title);
  await expect(row).toContainText('Nordwind Försäkring');
  await expect(row).toContainText('24 Nov 2026');
  await expect(row).toContainText('Journey mapping');

  // Stored in the current version: same rows, date as the calendar day, new fields empty.
  const stored = await readAllStores(page);
  expect(stored.version).toBe(50);
  expect(await readSchema(page)).toStrictEqual({ version: 50, stores: currentSchema });
  expect(stored.stores.workshops).toStrictEqual([
    {
      ...v1Workshop,
      date: '2026-11-24',
      location: '',
      objectives: '',
      agenda: v1Workshop.agenda.map((s) => ({ ...s, notes: '' })),
    },
  ]);
  expect(stored.stores.personas).toStrictEqual(v1.rows.personas);
  expect(stored.stores.settings).toStrictEqual(v1.rows.settings);
  expect(stored.stores.templates).toStrictEqual([]);

  // Opening it works, and it can be edited.
  await row.getByRole('link', { name: v1Workshop.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: v1Workshop.title })).toBeVisible();
  await expect(page.getByLabel('Date', { exact: true })).toHaveValue('2026-11-24');
  await expect(page.getByRole('main').getByText('24 Nov 2026')).toBeVisible();
  await expectSidebarSteps(page, v1Workshop.agenda.map((s) => s.title as string));
  await expect(sidebar(page).getByText('Nordwind Försäkring')).toBeVisible();
  const notes = await openStep(page, 'Agree the stages');
  await expect(notes).toHaveValue('');
  await notes.fill('Notice, claim, assess, pay.');
  await expect(undoButton(page, 'Edit step notes')).toBeEnabled();

  // Settings lists the snapshot taken before the upgrade, and it holds the untouched version-1 data.
  await goToSettings(page);
  await expect(page.getByRole('textbox', { name: 'Facilitator name' })).toHaveValue('Jana Nováková');
  const snapshots = page.getByRole('table', { name: 'Snapshots' });
  await expect(snapshots.getByRole('row').filter({ hasText: 'Before upgrading storage from version 1' })).toHaveCount(1);
  const snapshotDb = await readAllStores(page, 'centric-snapshots');
  const snaps = snapshotDb.stores.snapshots as { reason: string; data: string }[];
  const before = snaps.find((s) => s.reason === 'Before upgrading storage from version 1');
  expect(before).toBeDefined();
  const snapshot = JSON.parse(before!.data) as { formatVersion: number; tables: Record<string, unknown[]> };
  expect(snapshot.formatVersion).toBe(1);
  expect(snapshot.tables.workshops).toStrictEqual(v1.rows.workshops);
  expect(snapshot.tables.personas).toStrictEqual(v1.rows.personas);

  // A second start neither upgrades nor snapshots again.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(snapshots.getByRole('row').filter({ hasText: 'Before upgrading storage from version 1' })).toHaveCount(1);
  await expect(toasts(page)).not.toContainText('upgraded');
});

test('a library from a newer Centric is refused and left untouched', async ({ page }) => {
  const newer = {
    ...v1,
    version: 990,
    schema: {
      ...currentSchema,
      boards: { keyPath: 'id', autoIncrement: false, indexes: { workshopId: { keyPath: 'workshopId', unique: false, multiEntry: false } } },
    },
    rows: {
      ...v1.rows,
      workshops: [{ ...v1Workshop, date: '2026-11-24', location: '', objectives: '', futureField: { shape: 'unknown' } }],
      boards: [{ id: 'board-1', workshopId: v1Workshop.id, cards: [] }],
    },
  };
  await seedDatabase(page, newer);
  const before = await readAllStores(page);
  expect(before.version).toBe(990);

  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: 'Centric cannot open its library' })).toBeVisible();
  await expect(alert).toContainText('This library was saved by a newer version of Centric (storage version 99).');
  await expect(alert).toContainText('nothing has been changed');
  await expect(page.getByRole('table', { name: 'Workshops' })).toHaveCount(0);

  expect(JSON.stringify(await readAllStores(page))).toBe(JSON.stringify(before));
  expect(await readSchema(page)).toStrictEqual({ version: 990, stores: newer.schema });

  // Still refused, still untouched, on the next start.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Centric cannot open its library' })).toBeVisible();
  expect(JSON.stringify(await readAllStores(page))).toBe(JSON.stringify(before));
});
