// A silent brainstorm with the room, end to end on loopback: the facilitator starts a round in run
// mode; three phones (360 px, touch) get the question and write ideas on their own, one of them
// while offline. Until the reveal the facilitator's screens and the presenter show only how many
// ideas each person wrote (also after the facilitator's window reloads mid-round), and no phone receives anyone else's ideas: neither in the WebSocket
// frames it got, nor in what it stored (its Yjs documents in IndexedDB), nor on its screen. On
// Reveal the ideas appear, with their authors, and the phones say the round is closed. Then a
// dot vote on the kept ideas: the phones place dots (2 each; one changes his mind), the presenter
// shows who is done and never where the dots are until voting closes; then the ranked result.
// `ROOM_SHOTS=<dir>` keeps screenshots of the phones and the shared screens.
import { expect, test, type Page } from '@playwright/test';
import { createWorkshop, openApp, sidebar, storedRows } from '../helpers/e2e';
import { phone, roomStatus, storedOnPhone, type Phone, type RoomInfo } from '../helpers/room-phones';

type Info = RoomInfo;
type Row = Record<string, unknown>;

const SHOTS = process.env.ROOM_SHOTS;

async function join(page: Page, info: Info, name: string): Promise<void> {
  await page.goto(info.joinUrls[0]!);
  await expect(page.getByRole('heading', { name: 'Who are you?' })).toBeVisible();
  await page.getByRole('button', { name: 'Someone else', exact: true }).click();
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible({ timeout: 15_000 });
}

async function sendIdea(page: Page, text: string): Promise<void> {
  await page.getByLabel('Your idea').fill(text);
  await page.getByRole('button', { name: 'Send idea', exact: true }).click();
  await expect(page.getByText(text, { exact: true })).toBeVisible();
}

const ideasOf = async (page: Page, id: string) => ((await storedRows<Row>(page, 'sessions')).find((s) => s.id === id)?.ideas ?? []) as { text: string; participantId: string | null }[];

test('a silent brainstorm from three phones stays private until the reveal', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await openApp(page);
  const workshopId = await createWorkshop(page, { template: 'Readiness kick-off', client: 'Northwind Insurance', title: 'Renewal kick-off' });
  await page.getByRole('button', { name: 'Open the room', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Room' }).getByText('Room open')).toBeVisible();
  const info = await roomStatus(page);
  // Loopback only: the room this test opens never shows (or is reached on) a LAN address.
  expect(info.joinUrls[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);

  const [a, b, c] = [await phone(browser), await phone(browser), await phone(browser)];
  await Promise.all([join(a.page, info, 'Ana Lima'), join(b.page, info, 'Ben Okafor'), join(c.page, info, 'Chris Wu')]);

  // The facilitator starts a silent round in run mode.
  await sidebar(page).getByRole('link', { name: 'Run workshop', exact: true }).click();
  await page.getByRole('button', { name: 'Start the workshop', exact: true }).click();
  await page.getByRole('tab', { name: 'Silent brainstorm', exact: true }).click();
  await page.getByLabel('Question', { exact: true }).fill('What gets in the way at renewal?');
  await page.getByRole('checkbox', { name: 'Show who wrote each idea on the shared screen', exact: true }).check();
  await page.getByRole('button', { name: 'Start silent round', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause round', exact: true })).toBeVisible();
  const round = (await storedRows<Row>(page, 'sessions')).find((s) => s.kind === 'brainstorm' && s.workshopId === workshopId)!;

  // Every phone opens the round by itself: the question and the clock.
  for (const p of [a, b, c]) {
    await expect(p.page.getByRole('heading', { name: 'What gets in the way at renewal?' })).toBeVisible();
    await expect(p.page.getByRole('timer')).toHaveAccessibleName(/^Time left: [45]:\d\d$/);
    await expect(p.page.getByText(/until they are revealed, then with your name/)).toBeVisible();
  }

  const anas = ['Nobody owns the renewal letter', 'The price jump is never explained'];
  const bens = ['Brokers call too late', 'The renewal form is too long'];
  const chris = ['The portal logs people out', 'Nobody reads the small print'];
  // Chris goes offline and writes on; his ideas wait on the phone.
  await c.context.setOffline(true);
  await expect(c.page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
  await Promise.all([
    (async () => {
      for (const t of anas) await sendIdea(a.page, t);
    })(),
    (async () => {
      await sendIdea(b.page, bens[0]!);
    })(),
    (async () => {
      for (const t of chris) await sendIdea(c.page, t);
    })(),
  ]);
  await expect(c.page.getByText('Sending…')).toBeVisible();
  await expect.poll(async () => (await ideasOf(page, round.id as string)).length, { timeout: 15_000 }).toBe(3);
  await c.context.setOffline(false);
  await expect.poll(async () => (await ideasOf(page, round.id as string)).map((i) => i.text).sort(), { timeout: 20_000 }).toEqual([...anas, bens[0]!, ...chris].sort());
  await expect(c.page.getByText('Sending…')).toHaveCount(0, { timeout: 15_000 });

  // The facilitator's window reloads mid-round: the room resumes, nothing is stored twice, and
  // what comes in meanwhile is stored.
  await page.reload();
  await sendIdea(b.page, bens[1]!);
  await page.getByRole('tab', { name: 'Silent brainstorm', exact: true }).click();
  await expect.poll(async () => (await ideasOf(page, round.id as string)).map((i) => i.text).sort(), { timeout: 20_000 }).toEqual([...anas, ...bens, ...chris].sort());

  // The facilitator's screen: counts per person, no idea text.
  const perPerson = page.getByRole('list', { name: 'Ideas per person' });
  await expect(perPerson.getByRole('listitem')).toHaveText(['Ana Lima 2', 'Ben Okafor 2', 'Chris Wu 2']);
  await expect(page.getByText(anas[0]!)).toHaveCount(0);
  // Ana deletes one of hers before the reveal.
  await a.page.getByRole('button', { name: `Delete idea: ${anas[1]}` }).click();
  await expect(perPerson.getByRole('listitem')).toHaveText(['Ben Okafor 2', 'Chris Wu 2', 'Ana Lima 1']);
  const kept = [anas[0]!, ...bens, ...chris];

  // Privacy before the reveal: no phone received, stored or shows anyone else's ideas.
  const everyone = { a: anas, b: bens, c: chris };
  for (const [p, own] of [[a, everyone.a], [b, everyone.b], [c, everyone.c]] as const) {
    const others = [...anas, ...bens, ...chris].filter((t) => !own.includes(t));
    const frames = p.received();
    const stored = await storedOnPhone(p.page);
    const shown = await p.page.locator('body').innerText();
    expect(frames.length).toBeGreaterThan(0);
    expect(stored).toContain(own[0]!.slice(0, 12));
    for (const t of others) {
      expect(frames, `${t} in frames`).not.toContain(t);
      expect(stored, `${t} stored`).not.toContain(t);
      expect(shown, `${t} shown`).not.toContain(t);
    }
  }
  if (SHOTS) {
    await a.page.screenshot({ path: `${SHOTS}/brainstorm-phone-ana.png` });
    await c.page.screenshot({ path: `${SHOTS}/brainstorm-phone-chris.png`, fullPage: true });
    await page.screenshot({ path: `${SHOTS}/brainstorm-facilitator-hidden.png` });
  }
  const [presenter] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Open presenter view', exact: true }).click()]);
  await presenter.setViewportSize({ width: 1920, height: 1080 });
  await expect(presenter.getByRole('list', { name: 'Ideas per person' }).getByRole('listitem')).toHaveText(['Ben Okafor 2', 'Chris Wu 2', 'Ana Lima 1']);
  await expect(presenter.getByText(anas[0]!)).toHaveCount(0);
  if (SHOTS) await presenter.screenshot({ path: `${SHOTS}/brainstorm-presenter-hidden.png` });

  // The reveal: the ideas appear with their authors; the phones say the round is closed.
  await page.getByRole('button', { name: 'Reveal all 5 ideas', exact: true }).click();
  const revealed = page.getByRole('region', { name: 'Revealed ideas' });
  for (const t of kept) await expect(revealed.getByText(t, { exact: true })).toBeVisible();
  await expect(revealed.getByRole('listitem').filter({ hasText: bens[0]! })).toContainText('Ben Okafor');
  for (const t of kept) await expect(presenter.getByRole('listitem').filter({ hasText: t })).toBeVisible();
  // Named, as the facilitator chose: each idea with its author on the shared screen.
  await expect(presenter.getByRole('listitem').filter({ hasText: bens[0]! })).toContainText('Ben Okafor');
  for (const p of [a, b, c]) await expect(p.page.getByText(/revealed everyone’s ideas/)).toBeVisible();
  await expect(a.page.getByRole('button', { name: 'Send idea', exact: true })).toHaveCount(0);
  if (SHOTS) {
    await b.page.screenshot({ path: `${SHOTS}/brainstorm-phone-ben-revealed.png` });
    await presenter.screenshot({ path: `${SHOTS}/brainstorm-presenter-revealed.png` });
  }
  // Stored once each, with their authors; none of it in the facilitator's undo.
  const stored = await ideasOf(page, round.id as string);
  expect(stored.map((i) => i.text).sort()).toEqual([...kept].sort());
  expect(stored.every((i) => i.participantId)).toBe(true);

  // Dot voting on the kept ideas, 2 dots each: the phones vote; the shared screens show who is
  // done, never where the dots are, until voting closes.
  await page.getByRole('tab', { name: 'Dot voting', exact: true }).click();
  await page.getByLabel('Question for the room').fill('Which should we fix first?');
  await page.getByRole('checkbox', { name: /Kept brainstorm ideas/ }).check();
  await page.getByLabel('Dots per person').fill('2');
  await page.getByRole('button', { name: 'Start voting on 5 items', exact: true }).click();
  for (const p of [a, b, c]) await expect(p.page.getByRole('heading', { name: 'Which should we fix first?' })).toBeVisible();
  await expect(a.page.getByRole('status').filter({ hasText: '2 of 2 dots left' })).toBeVisible();
  const dot = async (p: Phone, text: string, times = 1) => {
    for (let i = 0; i < times; i++) await p.page.getByRole('button', { name: `Add a dot to: ${text}` }).click();
  };
  await dot(a, bens[0]!, 2);
  await expect(a.page.getByRole('button', { name: `Add a dot to: ${anas[0]}` })).toBeDisabled();
  await dot(b, bens[0]!);
  await dot(b, chris[0]!);
  // Chris changes his mind: a dot moves.
  await dot(c, anas[0]!, 2);
  await c.page.getByRole('button', { name: `Take a dot from: ${anas[0]}` }).click();
  await dot(c, chris[1]!);
  const progress = presenter.getByRole('list', { name: 'Who has voted' });
  await expect(progress.getByRole('listitem').filter({ hasText: 'Chris Wu' })).toContainText('done', { timeout: 15_000 });
  await expect(progress.getByRole('listitem').filter({ hasText: 'Ana Lima' })).toContainText('done');
  await expect(progress.getByRole('listitem').filter({ hasText: 'Ben Okafor' })).toContainText('done');
  for (const p of [a, b, c]) await expect(p.page.getByText('Sending…')).toHaveCount(0);
  const voteId = ((await storedRows<Row>(page, 'sessions')).find((s) => s.kind === 'vote')!).id as string;
  const votes = (await storedRows<Row>(page, 'votes')).filter((v) => v.exerciseId === voteId);
  expect(votes).toHaveLength(6);
  // Privacy before closing: no phone received anything from another's document, and the presenter shows no dots.
  for (const p of [b, c]) {
    const frames = p.received();
    for (const other of [a, b, c].filter((x) => x !== p)) {
      const otherId = await other.page.evaluate(() => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('centric.room.identity/'))!)!).participantId as string);
      expect(frames).not.toContain(`/p/${otherId}`);
    }
  }
  await expect(presenter.getByLabel(/^\d+ dots?$/)).toHaveCount(0);
  if (SHOTS) {
    await c.page.screenshot({ path: `${SHOTS}/vote-phone-chris.png` });
    await presenter.screenshot({ path: `${SHOTS}/vote-presenter-open.png` });
  }

  // Closed: results ranked; a phone says so and takes no more dots.
  await page.getByRole('button', { name: 'Close voting and show results', exact: true }).click();
  const results = presenter.getByRole('region', { name: 'Voting results' });
  await expect(results.getByRole('listitem').first()).toContainText(bens[0]!);
  await expect(results.getByRole('listitem').first()).toContainText('3');
  await expect(a.page.getByText('Voting is closed.')).toBeVisible();
  await expect(a.page.getByRole('button', { name: `Take a dot from: ${bens[0]}` })).toBeDisabled();
  if (SHOTS) await a.page.screenshot({ path: `${SHOTS}/vote-phone-ana-closed.png` });

  await presenter.close();
  for (const p of [a, b, c]) await p.context.close();
});
