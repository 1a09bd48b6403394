// A refused backup says every problem on its own line, and never echoes a hostile name whole.
import { expect, test } from '@playwright/test';
import { createWorkshop, goToLibrary, importBackupFile, libraryRow, openApp, readAllStores, saveByClicking } from '../helpers/e2e';

test('a file with a 5 MB field name and an impossible date: each problem listed, the name capped, nothing changed', async ({ page }) => {
  await openApp(page);
  await createWorkshop(page, { template: 'Readiness kick-off', client: 'Acme', title: 'Kick-off' });
  await goToLibrary(page);
  const valid = await saveByClicking(page, libraryRow(page, 'Kick-off').getByRole('button', { name: 'Back up Kick-off', exact: true }));
  const before = JSON.stringify(await readAllStores(page));

  const file = JSON.parse(valid.text) as { tables: { workshops: Record<string, unknown>[] } };
  const w = file.tables.workshops[0]!;
  w['x'.repeat(5 * 1024 * 1024)] = 1;
  w.createdAt = 9e15;
  await importBackupFile(page, { name: 'Hostile.centric', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });

  const dialog = page.getByRole('dialog', { name: 'This file cannot be imported' });
  const problems = dialog.getByRole('list', { name: 'Problems found' }).getByRole('listitem');
  await expect(problems).toHaveCount(2);
  await expect(problems.filter({ hasText: 'createdAt: must be a time between 1970 and 9999' })).toHaveCount(1);
  const unknown = problems.filter({ hasText: 'unknown field' });
  await expect(unknown).toContainText(`"${'x'.repeat(80)}…"`);
  expect((await unknown.textContent())!.length).toBeLessThan(200);
  await dialog.getByRole('button', { name: 'OK', exact: true }).click();
  expect(JSON.stringify(await readAllStores(page))).toBe(before);
});
