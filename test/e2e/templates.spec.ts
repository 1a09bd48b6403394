// Every shipped template makes a workshop whose overview and sidebar show its title, client
// and every agenda step, and all of it is still there after a reload.
import { expect, test } from '@playwright/test';
import {
  createWorkshop,
  expectSidebarSteps,
  goToLibrary,
  libraryRow,
  openApp,
  shippedTemplates,
  sidebar,
  workshopRows,
} from '../helpers/e2e';

test.use({ locale: 'en-GB' });

const templates = shippedTemplates();

test('five templates are shipped', () => {
  expect(templates.map((t) => t.id).sort()).toEqual([
    'full-day',
    'journey-mapping',
    'lifecycle-roadmap',
    'personas-and-segments',
    'readiness-kickoff',
  ]);
});

templates.forEach((template, i) => {
  // One workshop's client mixes accents, Greek, CJK and an emoji: names must survive storage as typed.
  const client = i === 0 ? 'Ωmega Åsa 株式会社 🚀' : `Client ${i} for ${template.id}`;
  const title = `${template.name} workshop ${i}`;
  const steps = template.steps.map((s) => s.title);

  test(`a workshop from "${template.name}" shows its title, client and agenda, also after a reload`, async ({ page }) => {
    await openApp(page);
    await createWorkshop(page, { template: template.name, client, title, date: '2026-11-24' });

    // Overview: title, client, date, the template and the agenda.
    await expect(page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
    await expect(page.getByRole('main').getByText(client, { exact: true })).toBeVisible();
    await expect(page.getByRole('main').getByText('24 Nov 2026')).toBeVisible();
    await expect(page.getByRole('main').getByText(`${steps.length} steps`, { exact: false })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(title);
    await expect(page.getByRole('textbox', { name: 'Client', exact: true })).toHaveValue(client);
    await expect(sidebar(page).getByText(client, { exact: true })).toBeVisible();
    await expectSidebarSteps(page, steps);

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Client', exact: true })).toHaveValue(client);
    await expectSidebarSteps(page, steps);

    // The library lists it once, with its client, date and template.
    await goToLibrary(page);
    await expect(workshopRows(page)).toHaveCount(1);
    const row = libraryRow(page, title);
    await expect(row).toContainText(client);
    await expect(row).toContainText('24 Nov 2026');
    await expect(row).toContainText(template.name);

    // Open it again from the library: the same steps.
    await row.getByRole('link', { name: title, exact: true }).click();
    await expectSidebarSteps(page, steps);
  });
});
