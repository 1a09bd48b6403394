// A screen that throws while rendering stays inside its screen: the window keeps its top bar and
// the workshop sidebar, the failed screen says what went wrong, the library can still be backed
// up from there, and "Go back" leads to a screen that works. The bad row is written straight
// into IndexedDB, past every validator, as a damaged or hand-edited library would hold it.
import { expect, test, type Page } from '@playwright/test';
import { createWorkshop, openApp, openStep, saveByClicking, sidebar } from '../helpers/e2e';

/** Stores an assessment run whose date no Date can format (the export screen throws on it). */
async function putUnformattableRun(page: Page, workshopId: string): Promise<void> {
  await page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('centric');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    await new Promise<void>((res, rej) => {
      const tx = db.transaction('assessments', 'readwrite');
      tx.objectStore('assessments').put({
        id: 'run-from-the-far-future', workshopId: id, set: 'readiness', createdAt: 9e15, mode: 'group', answers: {},
        targets: {}, commitments: [], employees: [], consistency: null, clarity: null, enthusiasm: null, consistencyNote: '', notes: '',
      });
      tx.oncomplete = () => res();
      tx.onerror = () => rej(tx.error);
    });
    db.close();
  }, workshopId);
}

test('a screen that fails to render keeps the window, says what failed, backs up the library and goes back', async ({ page }) => {
  const logged: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') logged.push(m.text());
  });
  await openApp(page);
  const id = await createWorkshop(page, { template: 'Journey mapping', client: 'Nordwind', title: 'Broken dates' });
  await putUnformattableRun(page, id);

  await sidebar(page).getByRole('link', { name: 'Export deck', exact: true }).click();
  const failure = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'The export screen could not be shown' }) });
  await expect(failure).toBeVisible();
  await expect(failure).toContainText('Invalid time value');
  // The rest of the window is still there and working.
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(sidebar(page).getByRole('link', { name: 'Overview', exact: true })).toBeVisible();
  expect(logged.some((t) => t.includes('Invalid time value'))).toBe(true);
  await page.screenshot({ path: '/tmp/bounds/error-boundary.png' });

  const screen = page.getByRole('main', { name: 'The export screen could not be shown' });
  const backup = await saveByClicking(page, screen.getByRole('button', { name: 'Back up library', exact: true }));
  expect(backup.name).toMatch(/^Centric library - \d{4}-\d{2}-\d{2}\.centric$/);
  const tables = (JSON.parse(backup.text) as { tables: Record<string, { id: string }[]> }).tables;
  expect(tables.workshops!.map((w) => w.id)).toEqual([id]);
  expect(tables.assessments!.map((a) => a.id)).toEqual(['run-from-the-far-future']);

  await screen.getByRole('button', { name: 'Go back', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Broken dates' })).toBeVisible();
  await expect(failure).toBeHidden();
  // A screen that works renders again after leaving the failed one (the boundary resets).
  await expect(await openStep(page, 'Agree the stages')).toBeEditable();
});
