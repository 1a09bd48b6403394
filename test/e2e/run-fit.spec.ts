// Run mode fits the screen from a 1024 px laptop to a 1920 px projector: at each width, for every
// step of the full-day agenda (assessments, segments, personas, a journey with real cards, the
// roadmap, the measurement plan, the actions log), the artifact pane never scrolls sideways, the
// page has no horizontal scrollbar, and the controls a facilitator needs are in view.
// Screenshots: /tmp/shots/run-fit-<width>-<step>.png.
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createWorkshop, openApp, projectDir } from '../helpers/e2e';
import { fixtureJourney, putRows } from '../../bench/seed.mjs';

const shots = '/tmp/shots';
mkdirSync(shots, { recursive: true });

const sizes = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const;

interface Fit {
  readonly step: string;
  readonly pane: { scrollWidth: number; clientWidth: number };
  /** The tab row above the pane (the step's artifact, dot voting, silent brainstorm). */
  readonly tabs: { scrollWidth: number; clientWidth: number };
  readonly page: { scrollWidth: number; clientWidth: number };
  /** Elements inside the pane that reach past its right edge (clipped by it). */
  readonly cut: string[];
}

async function measure(page: Page, step: string): Promise<Fit> {
  return page.evaluate((name) => {
    const pane = document.querySelector<HTMLElement>('.run-work-body')!;
    const box = pane.getBoundingClientRect();
    const cut: string[] = [];
    for (const el of Array.from(pane.querySelectorAll<HTMLElement>('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // Inside a container that scrolls on its own (a canvas, a timeline), clipping is by design.
      let scroller: HTMLElement | null = el.parentElement;
      let ownScroll = false;
      while (scroller && scroller !== pane) {
        const o = getComputedStyle(scroller).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') { ownScroll = true; break; }
        scroller = scroller.parentElement;
      }
      if (!ownScroll && r.right > box.right + 1) cut.push(`${el.tagName.toLowerCase()}.${el.className} (${Math.round(r.right - box.right)} px)`);
    }
    const doc = document.documentElement;
    const tabs = document.querySelector<HTMLElement>('.run-tabs')!;
    return {
      step: name,
      pane: { scrollWidth: pane.scrollWidth, clientWidth: pane.clientWidth },
      tabs: { scrollWidth: tabs.scrollWidth, clientWidth: tabs.clientWidth },
      page: { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth },
      cut: cut.slice(0, 5),
    };
  }, step);
}

test('the run mode artifact pane fits without clipping from 1024 to 1920 px', async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page);
  const id = await createWorkshop(page, { template: 'Customer-centricity full day', client: 'Nordwind Insurance', title: 'Customer-centricity day' });
  const fx = JSON.parse(readFileSync(`${projectDir}/test/fixtures/journey/insurance-claim.json`, 'utf8'));
  const { journey, cards } = fixtureJourney(id, fx);
  await putRows(page, { journeys: [journey], journeyCards: cards });
  await page.goto(`/#/w/${id}/run`);
  await page.getByRole('button', { name: 'Start the workshop', exact: true }).click();
  const agenda = page.getByRole('navigation', { name: 'Agenda', exact: true });
  const stepButtons = agenda.getByRole('button');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome and goals for the day', exact: true })).toBeVisible();
  await expect(stepButtons).toHaveCount(13);
  const count = 13;
  const found: Fit[] = [];
  const problems: string[] = [];

  for (const size of sizes) {
    await page.setViewportSize(size);
    for (let i = 0; i < count; i++) {
      await stepButtons.nth(i).click();
      const heading = page.locator('#run-step-title');
      await expect(stepButtons.nth(i)).toHaveAttribute('aria-current', 'step');
      await expect(heading).toBeVisible();
      // The pane has drawn its artifact (or its empty state).
      await expect(page.locator('.run-work-body > *').first()).toBeVisible();
      const fit = await measure(page, `${size.width}: step ${i + 1} ${await heading.textContent()}`);
      found.push(fit);
      if (fit.pane.scrollWidth > fit.pane.clientWidth) problems.push(`${fit.step}: the artifact pane scrolls sideways (${fit.pane.scrollWidth} > ${fit.pane.clientWidth}) ${fit.cut.join(', ')}`);
      if (fit.tabs.scrollWidth > fit.tabs.clientWidth) problems.push(`${fit.step}: the tabs are cut (${fit.tabs.scrollWidth} > ${fit.tabs.clientWidth})`);
      if (fit.page.scrollWidth > fit.page.clientWidth) problems.push(`${fit.step}: the page scrolls sideways (${fit.page.scrollWidth} > ${fit.page.clientWidth})`);
      if (fit.cut.length) problems.push(`${fit.step}: cut at the pane's edge: ${fit.cut.join(', ')}`);
      // The controls a facilitator needs, in view.
      for (const name of ['Start timer', 'Participants', 'Actions log', 'Open presenter view']) {
        await expect.soft(page.getByRole('button', { name, exact: true }), `${size.width}: ${name}`).toBeInViewport({ timeout: 2000 });
      }
      const last = i === count - 1;
      await expect.soft(page.getByRole('button', { name: last ? 'End the workshop' : 'Done, next step', exact: true }), `${size.width} step ${i + 1}: done`).toBeInViewport({ timeout: 2000 });
      for (const tab of ['Dot voting', 'Silent brainstorm']) await expect.soft(page.getByRole('tab', { name: tab, exact: true }), `${size.width}: ${tab}`).toBeInViewport({ timeout: 2000 });
      // Pictures of the steps with the widest artifacts (assessment, segments, journey, roadmap, actions log).
      if ([2, 5, 9, 11, 13].includes(i + 1)) await page.screenshot({ path: `${shots}/run-fit-${size.width}-${String(i + 1).padStart(2, '0')}.png` });
    }
  }
  console.log(found.map((f) => `${f.step} | pane ${f.pane.scrollWidth}/${f.pane.clientWidth} | tabs ${f.tabs.scrollWidth}/${f.tabs.clientWidth} | page ${f.page.scrollWidth}/${f.page.clientWidth}${f.cut.length ? ` | cut ${f.cut.join(', ')}` : ''}`).join('\n'));
  expect(problems).toEqual([]);
});
