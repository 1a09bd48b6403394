// Screenshots of a realistic journey (test/fixtures/journey/insurance-claim.json: 6 stages,
// 9 lanes, 86 cards, an emotion curve) at 1920×1080, normal and big screen, into /tmp/shots.
// Usage: node bench/shots.mjs (builds nothing: run `npx electron-vite build` first).
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { startServer } from '../scripts/serve.mjs';
import { chromiumArgs, findChromium } from '../scripts/find-chromium.mjs';
import { fixtureJourney, putRows, workshopRow } from './seed.mjs';

const fx = JSON.parse(readFileSync(new URL('../test/fixtures/journey/insurance-claim.json', import.meta.url), 'utf8'));
const out = process.argv[2] ?? '/tmp/shots';
mkdirSync(out, { recursive: true });
const { server, url } = await startServer({ port: 0 });
const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: chromiumArgs });
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: 'Workshops' }).waitFor();
  const wid = 'shots-workshop';
  const { journey, cards } = fixtureJourney(wid, fx);
  await putRows(page, { workshops: [workshopRow(wid, 'Claims journey day')], journeys: [journey], journeyCards: cards });
  await page.goto(`${url}#/w/${wid}/artifact/journey/${journey.id}`);
  await page.locator('.react-flow__node-card').first().waitFor();
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${out}/journey-normal.png` });
  await page.getByRole('button', { name: 'Big screen' }).click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${out}/journey-big.png` });
  // Scroll down (the wheel pans the canvas) to the emotion lane and the pain points.
  await page.mouse.move(960, 700);
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 250);
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}/journey-big-emotion.png` });
  await page.getByRole('combobox', { name: 'Focus on stage' }).selectOption({ label: 'Focus: Report the claim' });
  await page.waitForTimeout(700);
  await page.screenshot({ path: `${out}/journey-focus.png` });
  await page.getByRole('button', { name: 'Leave big screen' }).click();
  await page.goto(`${url}#/w/${wid}/artifact/journey`);
  await page.getByRole('heading', { name: 'Customer journeys' }).waitFor();
  await page.screenshot({ path: `${out}/journey-list.png` });
  console.log(`Screenshots in ${out}`);
} finally {
  await browser.close();
  server.close();
  server.closeAllConnections();
}
