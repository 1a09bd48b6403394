// Screenshots of a synthetic 2,000-card journey after Zoom to fit, at 1920×1080 and 1440×900,
// plus one zoomed in past readable type, into /tmp/a17 (or the folder given): the far view
// must still show stages, lanes, card colours, marks and the emotion curve.
// Usage: node bench/fit-shots.mjs [out] [cards] (after `npm run bench`, which builds out/bench-app).
/* global requestAnimationFrame -- used inside the page */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { startServer } from '../scripts/serve.mjs';
import { chromiumArgs, findChromium } from '../scripts/find-chromium.mjs';
import { putRows, syntheticJourney, workshopRow } from './seed.mjs';

const out = process.argv[2] ?? '/tmp/a17';
const n = Number(process.argv[3] ?? 2000);
mkdirSync(out, { recursive: true });
const { server, url } = await startServer({ port: 0, dir: new URL('../out/bench-app', import.meta.url).pathname });
const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: chromiumArgs });
try {
  for (const [w, h] of [[1920, 1080], [1440, 900]]) {
    const page = await browser.newPage({ viewport: { width: w, height: h } });
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: 'Workshops' }).waitFor();
    const wid = `shots-${n}`;
    const { journey, cards } = syntheticJourney(wid, n);
    // Some moments of truth and drop-offs too, beside the seed's pain points.
    for (const [i, c] of cards.entries()) if (i % 23 === 5) c.marks = ['moment-of-truth'];
    for (const [i, c] of cards.entries()) if (i % 29 === 7) c.marks = ['drop-off'];
    await putRows(page, { workshops: [workshopRow(wid, 'Fit shots')], journeys: [journey], journeyCards: cards });
    await page.goto(`${url}#/w/${wid}/artifact/journey/${journey.id}`);
    await page.locator('.react-flow__node-card').first().waitFor();
    await page.getByRole('button', { name: 'Zoom to fit', exact: true }).click();
    await page.locator('.jy-canvas[data-lod="far"]').waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${out}/fit-${w}x${h}.png` });
    if (w === 1920) {
      // Select a card and zoom in a little (still far): the selection must show.
      // The far view draws cards into a bitmap: rest the pointer on one, then click it.
      const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const grid = (await page.locator('.jy-far-layer').boundingBox()) ?? { x: w / 2, y: h / 2, width: 100, height: 100 };
      for (let i = 0; i < 400 && !(await page.locator('.react-flow__node-card').count()); i++) {
        await page.mouse.move(grid.x + grid.width * (0.2 + 0.03 * (i % 20)), grid.y + grid.height * (0.3 + 0.02 * Math.floor(i / 20)));
        await frames();
      }
      await page.locator('.react-flow__node-card').first().click();
      await page.keyboard.down('Control');
      for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -100);
      await page.keyboard.up('Control');
      await page.waitForTimeout(800);
      await page.screenshot({ path: `${out}/fit-${w}x${h}-zoomed.png` });
    }
    await page.close();
  }
  console.log(`Screenshots in ${out}`);
} finally {
  await browser.close();
  server.close();
  server.closeAllConnections();
}
