// Every main screen, with a realistic workshop (the full-day template and the insurance-claim
// journey), checked by axe-core: no serious or critical violation (colour contrast, names,
// landmarks). The counts per screen are printed, so a regression names its screen.
import { mkdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createWorkshop, openApp, projectDir } from '../helpers/e2e';
import { fixtureJourney, putRows } from '../../bench/seed.mjs';

test.use({ viewport: { width: 1440, height: 900 } });
mkdirSync('/tmp/shots', { recursive: true });

interface Found { screen: string; serious: number; moderate: number; rules: string[]; moderateRules: string[] }

async function check(page: Page, screen: string, found: Found[]): Promise<void> {
  // The screen has settled when its main heading is there.
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await page.screenshot({ path: `/tmp/shots/a11y-${found.length + 1}.png` });
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  found.push({
    screen,
    serious: bad.reduce((n, v) => n + v.nodes.length, 0),
    moderate: violations.filter((v) => v.impact === 'moderate').reduce((n, v) => n + v.nodes.length, 0),
    rules: bad.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`),
    moderateRules: violations.filter((v) => v.impact === 'moderate').map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`),
  });
}

test('every main screen has no serious or critical accessibility violation', async ({ page }) => {
  test.setTimeout(180_000);
  const found: Found[] = [];
  await openApp(page);
  await check(page, 'Library (empty)', found);
  const id = await createWorkshop(page, { template: 'Customer-centricity full day', client: 'Nordwind Insurance', title: 'Customer-centricity day' });
  const fx = JSON.parse(readFileSync(`${projectDir}/test/fixtures/journey/insurance-claim.json`, 'utf8'));
  const { journey, cards } = fixtureJourney(id, fx);
  await putRows(page, { journeys: [journey], journeyCards: cards });

  const visit = async (hash: string, screen: string) => {
    await page.goto(`/#${hash}`);
    await check(page, screen, found);
  };
  await visit(`/w/${id}`, 'Workshop overview');
  for (const kind of ['assessment', 'persona', 'segment-map', 'journey', 'roadmap', 'measurement-plan', 'actions']) await visit(`/w/${id}/artifact/${kind}`, `Artifact: ${kind}`);
  await visit(`/w/${id}/artifact/journey/${journey.id}`, 'Journey canvas');
  await visit(`/w/${id}/export`, 'Export');
  await visit('/settings', 'Settings');
  await visit('/', 'Library');
  await page.goto(`/#/w/${id}/run`);
  await page.getByRole('button', { name: 'Start the workshop', exact: true }).click();
  await check(page, 'Run mode', found);
  await visit(`/present/${id}`, 'Presenter');

  console.log(['Screen | serious+critical nodes | moderate nodes', ...found.map((f) => `${f.screen} | ${f.serious} | ${f.moderate}${f.moderateRules.length ? ` (${f.moderateRules.join('; ')})` : ''}`)].join('\n'));
  expect(found.filter((f) => f.serious > 0).map((f) => `${f.screen}: ${f.rules.join('; ')}`)).toEqual([]);
});
