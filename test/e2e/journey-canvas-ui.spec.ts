// The journey canvas as the room's shared screen: a new card's editor shows all its lines, new
// stages and lanes open named in view, the toolbar's Paste lands in the focused cell, zoom
// controls and minimap never cover a card, a clamped card's whole text can be read without
// editing it, promotion messages do not pile up, and big screen marks carry words.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp, readAllStores, toasts } from '../helpers/e2e';
import { seedCells, seedJourney, seedLanes, seedStageNames, type SeedCard } from '../helpers/journey-seed';


const LONG_TEXT =
  'Calls the helpline three times because the claim form asks for a policy number that is printed only on the renewal letter, which most customers threw away months ago, and nobody on the phone can look it up by name';


/** A workshop with one journey holding `cards` plus `filler` short cards spread over the grid. */
function seedClaims(page: Page, cards: readonly SeedCard[], filler = 0) {
  const all = [...cards, ...Array.from({ length: filler }, (_, i) => ({ text: `Note ${i + 1}`, ...seedCells[i % seedCells.length]! }))];
  return seedJourney(page, { title: 'Claims day', journey: 'Claims journey', scenario: 'Making a claim', cards: all });
}

async function openSeeded(page: Page, cards: readonly SeedCard[], filler = 0) {
  await openApp(page);
  const { workshopId, journeyId } = await seedClaims(page, cards, filler);
  await page.goto(`/#/w/${workshopId}/artifact/journey/${journeyId}`);
  await expect(page.getByRole('button', { name: 'Stage: Aware', exact: true })).toBeVisible();
}

const cell = (page: Page, stage: string, lane: string): Locator => page.getByRole('button', { name: new RegExp(`^Cell: ${stage}, ${lane}, \\d+ cards?$`) });
const card = (page: Page, text: string, stage: string, lane: string): Locator => page.getByRole('button', { name: `Card: ${text}, ${stage}, ${lane}`, exact: true });

async function storedCards(page: Page): Promise<{ text: string; stageId: string; laneId: string }[]> {
  const db = await readAllStores(page);
  return (db.stores.journeyCards ?? []) as { text: string; stageId: string; laneId: string }[];
}

async function storedJourney(page: Page): Promise<{ stages: { name: string }[]; lanes: { name: string }[] }> {
  const db = await readAllStores(page);
  return (db.stores.journeys as { stages: { name: string }[]; lanes: { name: string }[] }[])[0]!;
}

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, b: Box) => a.x >= b.x - 1 && a.y >= b.y - 1 && a.x + a.width <= b.x + b.width + 1 && a.y + a.height <= b.y + b.height + 1;

/** The on-screen boxes of every card and every stage and lane header on the canvas. */
// In the far view the cards are drawn into one bitmap (far-layer.tsx): its box holds them all.
const contentBoxes = (page: Page): Promise<Box[]> =>
  page.locator('.react-flow__node-card, .jy-header-slot, .jy-far-layer').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );

test('a new card\'s editor grows with its text: every line stays in view, none scrolls away', async ({ page }) => {
  await openSeeded(page, [{ text: 'Reads the policy', stage: 0, lane: 0 }]);
  const at = (await cell(page, 'Consider', 'Thoughts').boundingBox())!;
  await page.mouse.dblclick(at.x + at.width / 2, at.y + at.height - 12);
  const editor = page.getByRole('textbox', { name: 'New card text', exact: true });
  await expect(editor).toBeFocused();
  const oneLine = (await editor.boundingBox())!.height;
  await page.keyboard.type(LONG_TEXT);
  // Enter starts a new line; Ctrl+Enter saves (the keys the canvas has always used).
  await page.keyboard.press('Enter');
  await page.keyboard.type('Second line');
  await expect(editor).toHaveValue(`${LONG_TEXT}\nSecond line`);
  const fits = () =>
    editor.evaluate((el: HTMLTextAreaElement) => ({
      scrolled: el.scrollHeight - el.clientHeight,
      lines: el.clientHeight / parseFloat(getComputedStyle(el).lineHeight),
    }));
  await expect.poll(async () => (await fits()).scrolled).toBeLessThanOrEqual(1);
  // The text wraps to many lines at this width, all of them shown.
  expect((await fits()).lines).toBeGreaterThanOrEqual(8);
  expect((await editor.boundingBox())!.height).toBeGreaterThan(oneLine * 3);
  await page.screenshot({ path: '/tmp/i14g/editor-1440.png' });
  await page.keyboard.press('Control+Enter');
  await expect.poll(async () => (await storedCards(page)).map((c) => c.text).sort()).toEqual([`${LONG_TEXT}\nSecond line`, 'Reads the policy']);
});

test('+ Stage and + Lane bring the new one into view with its name open: typing names it, Enter keeps it, Escape keeps the default', async ({ page }) => {
  await openSeeded(page, [{ text: 'Reads the policy', stage: 0, lane: 0 }], 12);
  const canvasBox = (await page.locator('.jy-canvas').boundingBox())!;

  await page.getByRole('button', { name: 'Stage', exact: true }).click();
  const stageName = page.getByRole('textbox', { name: 'Stage name', exact: true });
  await expect(stageName).toBeFocused();
  await expect(stageName).toHaveValue('New stage');
  await expect.poll(async () => inside((await stageName.boundingBox())!, canvasBox)).toBe(true);
  await page.keyboard.type('Claim paid');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Stage: Claim paid', exact: true })).toBeFocused();
  await expect.poll(async () => (await storedJourney(page)).stages.map((x) => x.name)).toEqual([...seedStageNames, 'Claim paid']);

  await page.getByRole('button', { name: 'Lane', exact: true }).click();
  const laneName = page.getByRole('textbox', { name: 'Lane name', exact: true });
  await expect(laneName).toBeFocused();
  await expect.poll(async () => inside((await laneName.boundingBox())!, canvasBox)).toBe(true);
  await page.screenshot({ path: '/tmp/i14g/new-lane-1440.png' });
  await page.keyboard.type('Partners');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Lane: New lane', exact: true })).toBeFocused();
  await expect.poll(async () => (await storedJourney(page)).lanes.map((x) => x.name)).toEqual([...seedLanes.map((l) => l.name), 'New lane']);
  // Typing after all that adds nothing more.
  expect((await storedJourney(page)).stages).toHaveLength(seedStageNames.length + 1);
});

test('the toolbar\'s Paste lands in the focused cell, or in the focused stage', async ({ page }) => {
  await openSeeded(page, [{ text: 'Reads the policy', stage: 0, lane: 0 }]);
  await card(page, 'Reads the policy', 'Aware', 'Actions').click();
  await page.keyboard.press('Control+c');
  const paste = page.getByRole('button', { name: 'Paste cards', exact: true });

  // A cell clicked on: the paste lands there.
  const at = (await cell(page, 'Buy', 'Touchpoints').boundingBox())!;
  await page.mouse.click(at.x + at.width / 2, at.y + at.height - 10);
  await expect(cell(page, 'Buy', 'Touchpoints')).toBeFocused();
  await paste.click();
  await expect(card(page, 'Reads the policy', 'Buy', 'Touchpoints')).toBeVisible();

  // A stage focused (its header): the paste lands in that stage, not back where the card came from.
  await page.getByRole('button', { name: 'Stage: Onboard', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Stage: Onboard', exact: true })).toBeFocused();
  await paste.click();
  await expect(card(page, 'Reads the policy', 'Onboard', 'Actions')).toBeVisible();
  await expect.poll(async () => (await storedCards(page)).length).toBe(3);
});

test('after Zoom to fit, no card or header lies under the zoom controls or the minimap, which can be hidden', async ({ page }) => {
  await openSeeded(page, [{ text: 'Reads the policy', stage: 0, lane: 0 }], 60);
  const controls = page.getByRole('toolbar', { name: 'Zoom controls' }).or(page.locator('.react-flow__controls'));
  const toggle = page.getByRole('button', { name: 'Show minimap', exact: true });
  const minimap = page.locator('.react-flow__minimap');
  const check = async () => {
    await page.getByRole('button', { name: 'Zoom to fit', exact: true }).click();
    await expect(page.locator('.jy-canvas')).toHaveAttribute('data-lod', /far|near/);
    const covers = [(await controls.first().boundingBox())!, (await toggle.boundingBox())!];
    if (await minimap.isVisible()) covers.push((await minimap.boundingBox())!);
    const boxes = await contentBoxes(page);
    // Every one of the 61 cards is on screen: as a card element or in the far view's bitmap.
    const shown = await page.evaluate(() => document.querySelectorAll('.react-flow__node-card').length + Number(document.querySelector('.jy-far-layer')?.getAttribute('data-drawn') ?? 0));
    expect(shown).toBeGreaterThanOrEqual(61);
    const hit = boxes.filter((b) => covers.some((c) => overlaps(b, c)));
    expect(hit).toEqual([]);
  };
  await check();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(minimap).toBeVisible();
  await check();
  await page.screenshot({ path: '/tmp/i14g/fit-minimap-1440.png' });
  await toggle.click();
  await expect(minimap).toBeHidden();
  await page.screenshot({ path: '/tmp/i14g/fit-1440.png' });
});

test('a cut-off card shows its whole text while hovered or focused, and its accessible name holds it all', async ({ page }) => {
  await openSeeded(page, [{ text: LONG_TEXT, stage: 1, lane: 0, marks: ['pain'] }, { text: 'Short one', stage: 0, lane: 0 }]);
  const long = card(page, LONG_TEXT, 'Consider', 'Actions');
  await expect(long).toBeVisible();
  const peek = page.getByTestId('card-peek');
  await long.hover();
  await expect(peek).toBeVisible();
  await expect(peek).toHaveText(LONG_TEXT);
  expect((await peek.boundingBox())!.height).toBeGreaterThan((await long.boundingBox())!.height);
  await page.screenshot({ path: '/tmp/i14g/peek-1440.png' });
  await page.mouse.move(5, 5);
  await expect(peek).toBeHidden();
  // By keyboard too. (The card was found by its accessible name, which holds the whole text.)
  await long.focus();
  await expect(peek).toHaveText(LONG_TEXT);
  await long.blur();
  await expect(peek).toBeHidden();
  // A card that shows all its text has nothing to peek at.
  await card(page, 'Short one', 'Aware', 'Actions').hover();
  await expect(peek).toBeHidden();
});

test('cards promoted one after another share one toast, which keeps off the cards', async ({ page }) => {
  const ideas = ['Prefill the policy number', 'Call back within an hour', 'Claim by photo', 'Track the claim online'];
  await openSeeded(page, ideas.map((text, i) => ({ text, stage: i, lane: 6 })), 30);
  for (const [i, idea] of ideas.entries()) {
    await card(page, idea, seedStageNames[i]!, 'Opportunities').click();
    await page.getByRole('button', { name: 'Promote to roadmap', exact: true }).click();
    await page.getByRole('dialog', { name: 'Promote to roadmap' }).getByRole('button', { name: 'Promote', exact: true }).click();
    await expect(toasts(page)).toContainText(`“${idea}” is on the roadmap as an idea.`);
  }
  const shown = toasts(page).locator('.toast');
  await expect(shown).toHaveCount(1);
  await expect(shown).toContainText('×4');
  await page.screenshot({ path: '/tmp/i14g/toast-1440.png' });
  const box = (await shown.boundingBox())!;
  const hit = (await contentBoxes(page)).filter((b) => overlaps(b, box));
  expect(hit).toEqual([]);
});

test('big screen at 1920×1080 fills the screen and marks carry their words, large enough to read across the room', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openSeeded(
    page,
    [
      { text: 'Calls the helpline', stage: 0, lane: 0, marks: ['pain'] },
      { text: 'Waits for the assessor', stage: 2, lane: 0, marks: ['moment-of-truth', 'drop-off'] },
      { text: LONG_TEXT, stage: 1, lane: 4 },
    ],
    40,
  );
  await page.getByRole('button', { name: 'Big screen', exact: true }).click();
  const bigPage = page.locator('.jy-page-big');
  await expect(bigPage).toBeVisible();
  expect(await bigPage.boundingBox()).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
  const calls = card(page, 'Calls the helpline', 'Aware', 'Actions');
  await expect(calls).toBeVisible();
  const word = calls.getByText('Pain point', { exact: true });
  await expect(word).toBeVisible();
  // The word is at least 18 px tall on screen, its pill at least 26 px.
  expect((await word.boundingBox())!.height).toBeGreaterThanOrEqual(18);
  expect((await calls.locator('.jy-mark-pain').boundingBox())!.height).toBeGreaterThanOrEqual(26);
  const waits = card(page, 'Waits for the assessor', 'Buy', 'Actions');
  // Two marks on one card: each keeps its whole word (the card makes a line for each).
  for (const w of ['Moment of truth', 'Drop-off point']) {
    const el = waits.getByText(w, { exact: true });
    await expect(el).toBeVisible();
    expect(await el.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  }
  await page.screenshot({ path: '/tmp/i14g/big-1920.png' });
  await page.getByRole('button', { name: 'Zoom to fit', exact: true }).click();
  await page.screenshot({ path: '/tmp/i14g/big-fit-1920.png' });
});
