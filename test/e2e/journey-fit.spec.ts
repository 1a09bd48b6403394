// The whole journey at a glance: an 800-card journey after Zoom to fit is in the far view (cards
// as colour blocks, no text), every card is drawn on screen in its colour, marks show as coloured
// bands, stage and lane names stand beside the grid; and editing still works there: select by
// click, move by keyboard, drag to another cell, double-click to edit (which zooms in to read).
import { expect, test, type Locator, type Page } from '@playwright/test';
import { cardColors } from '../../src-renderer/domain/journey';
import { openApp } from '../helpers/e2e';
import { seedCells, seedJourney } from '../helpers/journey-seed';

const CARDS = 800;

const card = (page: Page, text: string, stage: string, lane: string): Locator => page.getByRole('button', { name: `Card: ${text}, ${stage}, ${lane}`, exact: true });

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

/** A journey of `n` cards spread over its cells; the first is the fit target (a pain point) in Aware / Actions. */
function seedFitJourney(page: Page, n: number) {
  const cards = Array.from({ length: n }, (_, i) => {
    const { stage, lane } = seedCells[i % seedCells.length]!;
    const text = i === 0 ? 'Fit target card' : `Card number ${i + 1} about the claim`;
    const marks = i === 0 ? ['pain'] : i % 17 === 3 ? ['moment-of-truth'] : i % 19 === 5 ? ['drop-off'] : [];
    return { text, stage, lane, marks, order: Math.floor(i / seedCells.length) };
  });
  return seedJourney(page, { title: 'Fit day', journey: 'Big journey', scenario: '', cards });
}

test('zoom to fit an 800-card journey: every card on screen in colour with its marks; select, keyboard move, drag and edit still work', async ({ page }) => {
  // 800 cards mounted at once (the far view) and many polls over them: on a shared 2-core
  // machine with another test running this takes several times its 10-20 s alone.
  test.slow();
  await openApp(page);
  const { workshopId, journeyId } = await seedFitJourney(page, CARDS);
  await page.goto(`/#/w/${workshopId}/artifact/journey/${journeyId}`);
  const canvas = page.locator('.jy-canvas');
  const target = card(page, 'Fit target card', 'Aware', 'Actions');
  await expect(target).toBeVisible();
  // The opening view is readable: text drawn, and only the cards on screen mounted.
  await expect(canvas).toHaveAttribute('data-lod', 'near');
  await expect(target.getByText('Fit target card', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Zoom to fit', exact: true }).click();
  await expect(canvas).toHaveAttribute('data-lod', 'far');
  // Every card is drawn into the far view's one bitmap, which lies inside the canvas, and none
  // is left a DOM card (that is what made the fit view slow).
  const layer = page.locator('.jy-far-layer');
  await expect(layer).toHaveAttribute('data-drawn', String(CARDS));
  await expect(page.locator('.jy-card')).toHaveCount(0);
  const inside = await page.evaluate(() => {
    const box = document.querySelector('.react-flow')!.getBoundingClientRect();
    const r = document.querySelector('.jy-far-layer')!.getBoundingClientRect();
    return r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom && r.width > 200;
  });
  expect(inside).toBe(true);

  // Rest the pointer on the target (the first card of its cell): it becomes a real card, drawn
  // as a block of colour without text.
  const cellBox = (await page.getByRole('button', { name: /^Cell: Aware, Actions, \d+ cards$/ }).boundingBox())!;
  for (let dy = 1; dy < cellBox.height && !(await target.count()); dy += 2) {
    await page.mouse.move(cellBox.x + cellBox.width / 2, cellBox.y + dy);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  await expect(target).toBeVisible();
  await expect(target).toHaveCSS('background-color', rgb(cardColors.yellow.fill));
  await expect(target.getByText('Fit target card', { exact: true })).toBeHidden();
  const danger = await page.evaluate(() => {
    const e = document.createElement('span');
    e.style.color = 'var(--color-danger)';
    document.body.append(e);
    const c = getComputedStyle(e).color;
    e.remove();
    return c;
  });
  // The bitmap under it holds the same: the card's colour, and its pain mark as a red band you
  // can see on its right side.
  const box = (await target.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(4);
  const pixel = (x: number, y: number) =>
    page.evaluate(
      ({ x, y }) => {
        const c = document.querySelector<HTMLCanvasElement>('.jy-far-layer')!;
        const r = c.getBoundingClientRect();
        const d = c.getContext('2d')!.getImageData(Math.floor(((x - r.left) / r.width) * c.width), Math.floor(((y - r.top) / r.height) * c.height), 1, 1).data;
        return `rgb(${d[0]}, ${d[1]}, ${d[2]})`;
      },
      { x, y },
    );
  expect(await pixel(box.x + box.width * 0.25, box.y + box.height / 2)).toBe(rgb(cardColors.yellow.fill));
  expect(await pixel(box.x + box.width * 0.85, box.y + box.height / 2)).toBe(danger);
  const pain = target.getByTitle('Pain point', { exact: true });
  await expect(pain).toHaveCSS('background-color', danger);
  // The names of stages and lanes stand beside the grid.
  await expect(page.locator('.jy-far-label').getByText('Renew or leave', { exact: true })).toBeVisible();
  await expect(page.locator('.jy-far-label').getByText('Pain points', { exact: true })).toBeVisible();

  // Select by click: the selected card stays a node (with its ring), out of the bitmap.
  await target.click();
  await expect(target).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('1 selected', { exact: true })).toBeVisible();
  await expect(layer).toHaveAttribute('data-drawn', String(CARDS - 1));

  // Move by keyboard: one stage right, still at the far view.
  await target.focus();
  await page.keyboard.press('ArrowRight');
  const moved = card(page, 'Fit target card', 'Consider', 'Actions');
  await expect(moved).toBeAttached();
  await expect(canvas).toHaveAttribute('data-lod', 'far');

  // Drag it into the next stage's cell.
  const from = (await moved.boundingBox())!;
  const cell = (await page.getByRole('button', { name: /^Cell: Buy, Actions, \d+ cards$/ }).boundingBox())!;
  await page.mouse.move(from.x + from.width / 3, from.y + from.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(from.x + ((cell.x + cell.width / 2 - from.x) * i) / 8, from.y + ((cell.y + 20 - from.y) * i) / 8);
  await page.mouse.up();
  const dropped = card(page, 'Fit target card', 'Buy', 'Actions');
  await expect(dropped).toBeAttached();

  // Double-click to edit: the canvas zooms in so the editor can be read, and the edit is stored.
  await dropped.dblclick();
  const editor = page.getByRole('textbox', { name: 'Card text', exact: true });
  await expect(editor).toBeFocused();
  await expect(canvas).toHaveAttribute('data-lod', 'near');
  await editor.fill('Fit target card, edited');
  await editor.press('Control+Enter');
  await expect(card(page, 'Fit target card, edited', 'Buy', 'Actions')).toBeVisible();
});

test('panned away from the headers, stage and lane names stay pinned to the canvas edges', async ({ page }) => {
  await openApp(page);
  const { workshopId, journeyId } = await seedFitJourney(page, 120);
  await page.goto(`/#/w/${workshopId}/artifact/journey/${journeyId}`);
  await expect(card(page, 'Fit target card', 'Aware', 'Actions')).toBeVisible();
  const pins = page.locator('.jy-pins');
  // At the opening view the headers are in the grid; nothing is pinned.
  await expect(pins).toHaveAttribute('data-top', 'off');
  await expect(pins).toHaveAttribute('data-left', 'off');
  const flow = (await page.locator('.react-flow').boundingBox())!;
  const pinned = (name: string, kind: 'stage' | 'lane') => pins.locator(`.jy-pin-${kind}`).getByText(name, { exact: true });

  // Scroll down (a plain wheel pans the canvas): the stage names stay along the top edge, each
  // over its own column.
  await page.mouse.move(flow.x + flow.width / 2, flow.y + flow.height / 2);
  for (let i = 0; i < 6 && (await pins.getAttribute('data-top')) !== 'on'; i++) await page.mouse.wheel(0, 300);
  await expect(pins).toHaveAttribute('data-top', 'on');
  const aware = (await pinned('Aware', 'stage').boundingBox())!;
  expect(aware.y).toBeGreaterThanOrEqual(flow.y - 1);
  expect(aware.y).toBeLessThan(flow.y + 40);
  const column = (await page.getByRole('button', { name: /^Cell: Aware, Backstage, \d+ cards$/ }).boundingBox())!;
  expect(Math.abs(aware.x - column.x)).toBeLessThan(4);
  await expect(pinned('Renew or leave', 'stage')).toBeAttached();

  // Scroll right: the lane names stay along the left edge, level with their lanes.
  for (let i = 0; i < 8 && (await pins.getAttribute('data-left')) !== 'on'; i++) await page.mouse.wheel(300, 0);
  await expect(pins).toHaveAttribute('data-left', 'on');
  const backstage = (await pinned('Backstage', 'lane').boundingBox())!;
  expect(backstage.x).toBeLessThan(flow.x + 4);
  const row = (await page.getByRole('button', { name: /^Cell: Use, Backstage, \d+ cards$/ }).boundingBox())!;
  expect(Math.abs(backstage.y - row.y)).toBeLessThan(4);
  await expect(pinned('Backstage', 'lane')).toBeVisible();

  // Fit width at readable size: card text is at least 12 px on screen; the stage names stay
  // pinned as the journey scrolls.
  await page.getByRole('button', { name: 'More canvas actions', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Fit width at readable size', exact: true }).click();
  await expect
    .poll(() =>
      page.evaluate(() => {
        const t = document.querySelector('.jy-card-text');
        const m = /scale\(([\d.]+)\)/.exec(document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform);
        return t && m ? parseFloat(getComputedStyle(t).fontSize) * Number(m[1]) : 0;
      }),
    )
    .toBeGreaterThanOrEqual(11.9);
});

test('the workshop sidebar folds away so the canvas gets the whole width, and stays folded after a reload', async ({ page }) => {
  await openApp(page);
  const { workshopId, journeyId } = await seedFitJourney(page, 12);
  await page.goto(`/#/w/${workshopId}/artifact/journey/${journeyId}`);
  const sidebar = page.getByRole('navigation', { name: 'Workshop', exact: true });
  await expect(sidebar).toBeVisible();
  const narrow = (await page.locator('.react-flow').boundingBox())!.width;
  await page.getByRole('button', { name: 'Hide sidebar', exact: true }).click();
  await expect(sidebar).toBeHidden();
  const show = page.getByRole('button', { name: 'Show sidebar', exact: true });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(async () => (await page.locator('.react-flow').boundingBox())!.width).toBeGreaterThan(narrow + 200);
  await page.reload();
  await expect(show).toBeVisible();
  await expect(sidebar).toBeHidden();
  await show.click();
  await expect(sidebar).toBeVisible();
  // Focus is not lost with the button that disappeared: it lands on the sidebar's Hide button.
  await expect(page.getByRole('button', { name: 'Hide sidebar', exact: true })).toBeFocused();
});
