// Private input from every phone, end to end on loopback, for the two rounds answered on phones.
// Scoring: the facilitator starts "Score on phones" for the seven contrasts in run mode; three
// phones (360 px, touch) score every item (1–5 with what each level means, "don't know", the
// evidence behind a score); until the reveal the facilitator's screen and the presenter show only
// how many have finished (also after the facilitator's window reloads), and no phone receives,
// stores or shows another's scores or evidence. The reveal shows the spread per item, the widest
// disagreement first, with the evidence and no names; a phone that changed a score offline and
// comes back after the reveal is told it was not stored. Emotions: the facilitator opens "Rate
// emotions on phones" for a journey; one phone rates offline and is sent when back; closing the
// round shows the room's average and band per stage. Both rounds are stored without names.
// Screenshots of phones (360×740) and the shared screens (1440×900) go to /tmp/a13s/.
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createWorkshop, openApp, sidebar, storedRows } from '../helpers/e2e';
import { phone, roomStatus, storedOnPhone, type RoomInfo } from '../helpers/room-phones';

type Info = RoomInfo;
type Row = Record<string, unknown>;

const SHOTS = '/tmp/a13s';
/** The seven contrasts' first item: scored 1, 5 and 3 below, the widest spread. */
const FIRST = 'Customer strategy';
const FIRST_ID = 'strategy-targets';
mkdirSync(SHOTS, { recursive: true });

async function join(page: Page, info: Info, name: string): Promise<void> {
  await page.goto(info.joinUrls[0]!);
  await page.getByRole('button', { name: 'Someone else' }).click();
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible({ timeout: 15_000 });
}

/** Scores every item on a phone: `scores[i]` is the start of the choice's name ("4", "Don’t know"), `notes[i]` optional evidence. */
async function scoreAll(page: Page, scores: readonly string[], notes: Readonly<Record<number, string>> = {}, finish = true): Promise<void> {
  for (let i = 0; i < scores.length; i++) {
    await expect(page.getByText(`Item ${i + 1} of ${scores.length}`)).toBeVisible();
    const group = page.getByRole('group', { name: /^Your score for / });
    await group.getByRole('button', { name: new RegExp(`^${scores[i]}( |$)`) }).click();
    await expect(group.getByRole('button', { pressed: true })).toHaveCount(1);
    if (notes[i]) await page.getByLabel('Evidence or example (optional)').fill(notes[i]!);
    if (i < scores.length - 1) await page.getByRole('button', { name: 'Next', exact: true }).click();
  }
  if (finish) await page.getByRole('button', { name: 'Finish' }).click();
}

async function rateAll(page: Page, ratings: readonly string[], finish = true): Promise<void> {
  await expect(page.getByText(`Stage 1 of ${ratings.length}`)).toBeVisible();
  for (let i = 0; i < ratings.length; i++) {
    await expect(page.getByText(`Stage ${i + 1} of ${ratings.length}`)).toBeVisible();
    const group = page.getByRole('group', { name: /^How the customer feels at / });
    // A first rating moves on to the next stage by itself (one tap per stage).
    await group.getByRole('button', { name: new RegExp(`^${ratings[i]!.replace('+', '\\+').replace('-', '−')} `) }).click();
  }
  await expect(page.getByRole('group', { name: /^How the customer feels at / }).getByRole('button', { pressed: true })).toHaveCount(1);
  if (finish) await page.getByRole('button', { name: 'Finish' }).click();
}

async function expectThumbFriendly(page: Page, group: RegExp): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const sizes = await page.getByRole('group', { name: group }).getByRole('button').evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect()));
  expect(Math.min(...sizes.map((r) => r.height))).toBeGreaterThanOrEqual(48);
  expect(Math.min(...sizes.map((r) => r.width))).toBeGreaterThanOrEqual(280);
}

const sessionsOf = async (page: Page, kind: string) => (await storedRows<Row>(page, 'sessions')).filter((s) => s.kind === kind);
type Sheet = { participantId: string | null; answers?: Record<string, unknown>; ratings?: Record<string, number>; notes?: Record<string, string>; done: boolean };

test('scores and emotions from three phones stay private until the reveal, then show their spread without names', async ({ page, browser }) => {
  // Three phones and a facilitator on a shared two-core machine: a run has taken over three minutes.
  test.setTimeout(420_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  const workshopId = await createWorkshop(page, { template: 'Readiness kick-off', client: 'Northwind Insurance', title: 'Renewal kick-off' });
  // A journey to rate later.
  await page.goto(`/#/w/${encodeURIComponent(workshopId)}/artifact/journey`);
  await page.getByRole('button', { name: 'New journey' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New journey' });
  await dialog.getByRole('textbox', { name: 'Journey name' }).fill('Renewal');
  await dialog.getByRole('button', { name: 'Create journey' }).click();
  await expect(page.getByRole('button', { name: /^Cell: Aware, Actions, 0 cards$/ })).toBeVisible();
  const journeyUrl = page.url();

  await page.getByRole('button', { name: 'Open the room' }).click();
  await expect(page.getByRole('region', { name: 'Room' }).getByText('Room open')).toBeVisible();
  const info = await roomStatus(page);
  expect(info.joinUrls[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  const [a, b, c] = [await phone(browser), await phone(browser), await phone(browser)];
  await Promise.all([join(a.page, info, 'Ana Lima'), join(b.page, info, 'Ben Okafor'), join(c.page, info, 'Chris Wu')]);

  // --- Scoring the seven contrasts on phones ------------------------------------------------------
  await sidebar(page).getByRole('link', { name: 'Run workshop' }).click();
  await page.getByRole('button', { name: 'Start the workshop' }).click();
  const [presenter] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Open presenter view' }).click()]);
  await presenter.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('navigation', { name: 'Agenda' }).getByRole('button', { name: /Seven contrasts/ }).click();
  await page.getByRole('button', { name: /^Start seven contrasts/ }).click();
  const panel = page.getByRole('region', { name: 'Scores from phones' });
  await panel.getByRole('button', { name: 'Score on phones' }).click();
  await expect(panel.getByRole('status')).toHaveText('0 of 3 finished');
  await page.getByRole('button', { name: 'Show results on projector' }).click();

  // Every phone opens the scoring by itself: the first item with the levels and "don't know".
  for (const p of [a, b, c]) {
    await expect(p.page.getByText('Item 1 of 7')).toBeVisible();
    await expect(p.page.getByRole('group', { name: /^Your score for / }).getByRole('button')).toHaveCount(6);
    await expect(p.page.getByRole('button', { name: 'Don’t know I cannot judge this one' })).toBeVisible();
  }
  await a.page.screenshot({ path: `${SHOTS}/scoring-phone-item.png` });
  // One thumb on a 360 px phone: nothing wider than the screen, every choice at least 48 px tall.
  await expectThumbFriendly(a.page, /^Your score for /);

  const anaNote = 'Only claims has a customer board';
  const benNote = 'Brokers own the relationship here';
  const chrisNote = 'Renewal letters are written by legal';
  await Promise.all([
    scoreAll(a.page, ['1', '2', '2', '3', '2', '3', '2'], { 0: anaNote }),
    scoreAll(b.page, ['5', 'Don’t know', '2', '3', '3', '3', '2'], { 0: benNote }),
    // Chris scores all but the last item, with evidence, and does not finish yet.
    scoreAll(c.page, ['3', '2', '3', '3', '2', '3', '2'], { 1: chrisNote }, false),
  ]);
  await expect(panel.getByRole('status')).toHaveText('2 of 3 finished', { timeout: 15_000 });
  // The facilitator's window reloads mid-round: the room resumes and nothing is stored twice.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Scores from phones' }).getByRole('status')).toHaveText('2 of 3 finished', { timeout: 20_000 });
  await c.page.getByRole('button', { name: 'Finish' }).click();
  await expect(panel.getByRole('status')).toHaveText('All 3 finished', { timeout: 15_000 });
  await expect(presenter.getByRole('region', { name: 'Scores from phones' }).getByRole('status')).toHaveText('3 finished');
  for (const p of [a, b, c]) await expect(p.page.getByText('Sending…')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/scoring-facilitator-progress.png` });
  await presenter.screenshot({ path: `${SHOTS}/scoring-presenter-progress.png` });
  await c.page.screenshot({ path: `${SHOTS}/scoring-phone-finished.png` });

  // Stored once per person, with their owner until the reveal; nothing in the shared screens.
  const round = (await sessionsOf(page, 'scoring'))[0]!;
  expect((round.sheets as Sheet[]).map((s) => s.done)).toEqual([true, true, true]);
  expect((round.sheets as Sheet[]).every((s) => s.participantId)).toBe(true);
  for (const note of [anaNote, benNote, chrisNote]) {
    await expect(page.getByText(note)).toHaveCount(0);
    await expect(presenter.getByText(note)).toHaveCount(0);
  }
  // Privacy before the reveal: no phone received, stored or shows another's scores or evidence.
  const ids = await Promise.all([a, b, c].map((p) => p.page.evaluate(() => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('centric.room.identity/'))!)!).participantId as string)));
  const own = [anaNote, benNote, chrisNote];
  for (const [i, p] of [a, b, c].entries()) {
    const frames = p.received();
    const stored = await storedOnPhone(p.page);
    const shown = await p.page.locator('body').innerText();
    expect(frames.length).toBeGreaterThan(0);
    expect(frames + stored).toContain(own[i]!.slice(0, 12));
    for (const [k, other] of own.entries()) {
      if (k === i) continue;
      expect(frames, `${other} in frames`).not.toContain(other);
      expect(stored, `${other} stored`).not.toContain(other);
      expect(shown, `${other} shown`).not.toContain(other);
      expect(frames, 'another phone’s document').not.toContain(`/p/${ids[k]}`);
    }
  }

  // Chris goes offline and changes a score: it waits on his phone.
  await c.context.setOffline(true);
  await expect(c.page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
  await c.page.getByRole('group', { name: /^Your score for / }).getByRole('button', { name: /^5 / }).click();
  await expect(c.page.getByText('Sending…')).toBeVisible();

  // The reveal: the spread per item, the widest disagreement first, with the evidence and no names.
  await page.getByRole('button', { name: 'Reveal the spread' }).click();
  const spread = page.getByRole('list', { name: 'Spread per item, largest disagreement first' });
  await expect(spread.getByRole('listitem').first()).toHaveAccessibleName(/^Customer strategy: 3 scores, min 1 · median 3 · max 5, wide spread$/);
  await expect(spread.getByRole('list', { name: /^Evidence for / }).getByText(anaNote)).toBeVisible();
  await expect(spread.getByRole('listitem').filter({ hasText: 'don’t know' })).toHaveCount(1);
  const shownSpread = presenter.getByRole('list', { name: 'Spread per item, largest disagreement first' });
  await expect(shownSpread.getByRole('listitem').first()).toContainText('Discuss');
  await expect(shownSpread.getByText(benNote)).toBeVisible();
  for (const name of ['Ana Lima', 'Ben Okafor', 'Chris Wu']) await expect(shownSpread.getByText(name)).toHaveCount(0);
  for (const p of [a, b]) await expect(p.page.getByText(/revealed the spread on the shared screen/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/scoring-facilitator-revealed.png`, fullPage: false });
  await presenter.screenshot({ path: `${SHOTS}/scoring-presenter-revealed.png` });
  // Anonymous once revealed: no participant id stays with the sheets.
  const revealed = (await sessionsOf(page, 'scoring'))[0]!;
  expect((revealed.sheets as Sheet[]).map((s) => s.participantId)).toEqual([null, null, null]);
  expect(JSON.stringify(revealed)).not.toMatch(new RegExp(ids.join('|')));
  // Chris is back after the reveal: his change is refused with a message and nothing is stored.
  await c.context.setOffline(false);
  await expect(c.page.getByRole('alert').filter({ hasText: 'Scoring has closed: your scores were not stored.' })).toBeVisible({ timeout: 30_000 });
  await expect(c.page.getByText(/revealed the spread on the shared screen/)).toBeVisible();
  expect((await sessionsOf(page, 'scoring'))[0]!.sheets).toEqual(revealed.sheets);
  await c.page.screenshot({ path: `${SHOTS}/scoring-phone-refused.png` });
  // The agreed score is recorded with the existing buttons.
  await page.getByRole('group', { name: FIRST, exact: true }).getByRole('button', { name: '3', exact: true }).click();
  await expect.poll(async () => ((await storedRows<Row>(page, 'assessments')).find((r) => r.workshopId === workshopId)?.answers as Record<string, { group?: number }>)?.[FIRST_ID]?.group).toBe(3);

  // --- Emotion per stage on phones ---------------------------------------------------------------
  await presenter.close();
  await page.goto(journeyUrl);
  const emotions = page.getByRole('region', { name: 'Emotions from phones' });
  await emotions.getByRole('button', { name: 'Rate emotions on phones' }).click();
  await expect(emotions.getByRole('status')).toHaveText('0 of 3 finished');
  for (const p of [a, b, c]) await expect(p.page.getByText('Stage 1 of 6')).toBeVisible();
  // The refusal from the scoring round is put away when the new round opens.
  await expect(c.page.getByText('Scoring has closed: your scores were not stored.')).toHaveCount(0);
  await b.page.screenshot({ path: `${SHOTS}/emotions-phone-stage.png` });
  await expectThumbFriendly(b.page, /^How the customer feels at /);
  // Chris rates offline; his ratings wait and are sent when he is back.
  await c.context.setOffline(true);
  await Promise.all([
    rateAll(a.page, ['-3', '-1', '0', '+1', '+2', '-2']),
    rateAll(b.page, ['-1', '-1', '+1', '+1', '+3', '0']),
    rateAll(c.page, ['+1', '-2', '+1', '0', '+1', '-3']),
  ]);
  await expect(c.page.getByText('Sending…')).toBeVisible();
  await expect(emotions.getByRole('status')).toHaveText('2 of 3 finished', { timeout: 15_000 });
  // The facilitator's window reloads while Chris is still offline; then he is back.
  await page.reload();
  await expect(emotions.getByRole('status')).toHaveText('2 of 3 finished', { timeout: 20_000 });
  await c.context.setOffline(false);
  await expect(emotions.getByRole('status')).toHaveText('All 3 finished', { timeout: 30_000 });
  await expect(c.page.getByText('Sending…')).toHaveCount(0, { timeout: 15_000 });
  // Nothing of the ratings shows on the journey before the round closes.
  await expect(page.locator('.jy-room-band')).toHaveCount(0);
  await emotions.getByRole('button', { name: 'Show the room’s curve' }).click();
  const stats = page.getByRole('list', { name: 'The room’s emotion per stage' });
  await expect(stats.getByRole('listitem').first()).toHaveText('Aware: average −1, from −3 to +1 (3)');
  await expect(stats.getByRole('listitem').nth(4)).toHaveText('Use: average +2, from +1 to +3 (3)');
  await expect(page.locator('.jy-room-band')).toHaveCount(1);
  await expect(page.locator('.jy-room-label')).toHaveCount(6);
  for (const p of [a, b, c]) await expect(p.page.getByText(/closed the round: the room’s curve is on the shared screen/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/emotions-facilitator-curve.png` });
  const emo = (await sessionsOf(page, 'emotions'))[0]!;
  expect((emo.sheets as Sheet[]).map((s) => s.participantId)).toEqual([null, null, null]);
  expect((emo.sheets as Sheet[]).map((s) => Object.keys(s.ratings!).length)).toEqual([6, 6, 6]);
  // The averages become the journey's own emotion scores (an undoable edit).
  await emotions.getByRole('button', { name: 'Use the averages as the journey’s emotions' }).click();
  await expect
    .poll(async () => {
      const j = (await storedRows<Row>(page, 'journeys')).find((x) => x.workshopId === workshopId)!;
      const stages = j.stages as { id: string }[];
      return stages.map((s) => (j.emotions as Record<string, number>)[s.id]);
    })
    .toEqual([-1, -1, 1, 1, 2, -2]);
  await page.screenshot({ path: `${SHOTS}/emotions-facilitator-applied.png` });
  await c.page.screenshot({ path: `${SHOTS}/emotions-phone-closed.png` });

  for (const p of [a, b, c]) await p.context.close();
});
