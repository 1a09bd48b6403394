// The room end to end, on loopback only: the facilitator opens the room; three phones (360 px,
// touch) join by the link and by the code, add and edit cards at the same time; one goes offline
// and comes back; the facilitator's window reloads mid-session; a participant is removed; the
// room is closed and its address stops answering. Every card ends up exactly once in storage,
// on the shared screen and in a backup.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createWorkshop, openApp, saveByClicking, storedRows } from '../helpers/e2e';

type Row = Record<string, unknown>;
interface Info {
  roomId: string;
  joinUrls: string[];
  code: string;
  port: number;
}

const SHOTS = process.env.ROOM_SHOTS;

async function roomStatus(page: Page): Promise<Info | null> {
  return page.evaluate(async () => {
    const res = await fetch('/api/host/room/status', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    return (await res.json()) as Info | null;
  });
}

async function phone(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  return { context, page };
}

/** Joins as a newcomer with this name, from the link (QR) or by typing the code at the address. */
async function join(page: Page, info: Info, name: string, how: 'link' | 'code'): Promise<void> {
  const link = info.joinUrls[0]!;
  if (how === 'link') {
    await page.goto(link);
  } else {
    await page.goto(link.replace(/#.*$/, ''));
    await page.getByLabel('Join code').fill(info.code.toLowerCase());
    await page.getByRole('button', { name: 'Join', exact: true }).click();
  }
  await expect(page.getByRole('heading', { name: 'Who are you?' })).toBeVisible();
  await page.getByRole('button', { name: 'Someone else', exact: true }).click();
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible({ timeout: 15_000 });
}

async function addCard(page: Page, lane: string, text: string): Promise<void> {
  await page.getByRole('button', { name: `Add card to ${lane}` }).click();
  await page.getByLabel(`New card in ${lane}`).fill(text);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(text, { exact: true })).toBeVisible();
}

const cardsOf = async (page: Page, journeyId: string) => (await storedRows<Row>(page, 'journeyCards')).filter((c) => c.journeyId === journeyId);

test('three phones fill the journey live; offline, reload, removal and closing lose and duplicate nothing', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await openApp(page);
  const workshopId = await createWorkshop(page, { template: 'Journey mapping', client: 'Northwind Insurance', title: 'Renewal journey' });
  await page.goto(`/#/w/${encodeURIComponent(workshopId)}/artifact/journey`);
  await page.getByRole('button', { name: 'New journey', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New journey' });
  await dialog.getByRole('textbox', { name: 'Journey name' }).fill('Renewal');
  await dialog.getByRole('button', { name: 'Create journey', exact: true }).click();
  await expect(page.getByRole('button', { name: /^Cell: Aware, Actions, 0 cards$/ })).toBeVisible();
  const journey = (await storedRows<Row>(page, 'journeys')).find((j) => j.workshopId === workshopId)!;
  const lanes = (journey.lanes as { name: string }[]).map((l) => l.name);

  // Open the room: the bar shows the address and the code.
  await page.getByRole('button', { name: 'Open the room', exact: true }).click();
  const bar = page.getByRole('region', { name: 'Room' });
  await expect(bar.getByText('Room open')).toBeVisible();
  const info = (await roomStatus(page))!;
  expect(info.joinUrls[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#t=[A-Za-z0-9_-]{22,}$/);
  await expect(bar.getByLabel(`Join code ${info.code.slice(0, 3)}-${info.code.slice(3)}`)).toBeVisible();

  const [a, b, c] = [await phone(browser), await phone(browser), await phone(browser)];
  await Promise.all([join(a.page, info, 'Ana Lima', 'link'), join(b.page, info, 'Ben Okafor', 'code'), join(c.page, info, 'Chris Wu', 'link')]);
  await expect(bar.getByRole('group', { name: '3 of 3 participants connected' })).toBeVisible();

  // All three add at once, into different lanes of the first stage.
  await Promise.all([
    (async () => {
      await addCard(a.page, lanes[0]!, 'Gets the renewal letter');
      await addCard(a.page, lanes[1]!, 'Opens the email on the phone');
    })(),
    (async () => {
      await addCard(b.page, lanes[0]!, 'Compares prices online');
      await addCard(b.page, lanes[2]!, 'Worried the premium went up');
    })(),
    (async () => {
      await addCard(c.page, lanes[1]!, 'Calls the broker');
    })(),
  ]);
  const firstFive = ['Gets the renewal letter', 'Opens the email on the phone', 'Compares prices online', 'Worried the premium went up', 'Calls the broker'];
  await expect.poll(async () => (await cardsOf(page, journey.id as string)).map((x) => x.text).sort(), { timeout: 15_000 }).toEqual([...firstFive].sort());
  // On the shared screen, each in its cell with its author.
  await expect(page.getByRole('button', { name: /^Card: Gets the renewal letter, .*, by Ana Lima$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Card: Calls the broker, .*, by Chris Wu$/ })).toBeVisible();
  // Each phone sees the others' cards.
  await expect(c.page.getByText('Compares prices online', { exact: true })).toBeVisible();
  if (SHOTS) {
    await page.screenshot({ path: `${SHOTS}/room-shared-screen.png` });
    await bar.getByRole('button', { name: 'Show join code', exact: true }).click();
    await page.screenshot({ path: `${SHOTS}/room-join-code.png` });
    await page.getByRole('button', { name: 'Back to the workshop', exact: true }).click();
    await bar.getByRole('button', { name: 'Room', exact: true }).click();
    await page.screenshot({ path: `${SHOTS}/room-panel.png` });
    await page.getByRole('dialog', { name: 'The room' }).getByRole('button', { name: 'Close', exact: true }).click();
    await c.page.screenshot({ path: `${SHOTS}/room-phone-chris.png` });
    await a.page.screenshot({ path: `${SHOTS}/room-phone-ana.png`, fullPage: true });
    await b.page.screenshot({ path: `${SHOTS}/room-phone-ben.png`, fullPage: true });
  }

  // Ana edits her card; Ben deletes one of his.
  await a.page.getByRole('button', { name: 'Edit card: Gets the renewal letter', exact: true }).click();
  await a.page.getByLabel('Edit your card').fill('Gets the renewal letter by post');
  await a.page.getByRole('button', { name: 'Save', exact: true }).click();
  await b.page.getByRole('button', { name: 'Delete card: Worried the premium went up', exact: true }).click();
  await expect.poll(async () => (await cardsOf(page, journey.id as string)).map((x) => x.text).sort()).toEqual(
    ['Gets the renewal letter by post', 'Opens the email on the phone', 'Compares prices online', 'Calls the broker'].sort(),
  );

  // Chris loses the network, adds a card, and comes back: it arrives once.
  await c.context.setOffline(true);
  await expect(c.page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible({ timeout: 20_000 });
  await addCard(c.page, lanes[0]!, 'Asks a colleague about brokers');
  await expect(c.page.getByText('Sending…')).toBeVisible();
  await c.context.setOffline(false);
  await expect.poll(async () => (await cardsOf(page, journey.id as string)).filter((x) => x.text === 'Asks a colleague about brokers').length, { timeout: 30_000 }).toBe(1);

  // The facilitator's window reloads mid-session: the room is still open with the same link.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Room' }).getByText('Room open')).toBeVisible({ timeout: 15_000 });
  expect((await roomStatus(page))!.roomId).toBe(info.roomId);
  await addCard(a.page, lanes[2]!, 'Relieved the price stayed the same');
  await expect.poll(async () => (await cardsOf(page, journey.id as string)).filter((x) => x.text === 'Relieved the price stayed the same').length, { timeout: 20_000 }).toBe(1);

  // Input locked: the phones pause; unlocked: they go on.
  await page.getByRole('region', { name: 'Room' }).getByRole('button', { name: 'Lock input', exact: true }).click();
  await expect(a.page.getByText('The facilitator has paused input')).toBeVisible({ timeout: 15_000 });
  await expect(a.page.getByRole('button', { name: `Add card to ${lanes[0]!}` })).toBeDisabled();
  await page.getByRole('region', { name: 'Room' }).getByRole('button', { name: 'Unlock input', exact: true }).click();
  await expect(a.page.getByRole('button', { name: `Add card to ${lanes[0]!}` })).toBeEnabled({ timeout: 15_000 });

  // Ben is removed: his phone loses access at once; his cards stay.
  await page.getByRole('region', { name: 'Room' }).getByRole('button', { name: 'Room', exact: true }).click();
  const panel = page.getByRole('dialog', { name: 'The room' });
  await panel.getByRole('button', { name: 'Remove Ben Okafor from the room', exact: true }).click();
  await page.getByRole('dialog', { name: 'Remove Ben Okafor from the room?' }).getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(b.page.getByText('You were removed from the room')).toBeVisible({ timeout: 15_000 });
  await expect(panel.getByText('Removed')).toBeVisible();
  await panel.getByRole('button', { name: 'Close', exact: true }).click();

  const expected = ['Gets the renewal letter by post', 'Opens the email on the phone', 'Compares prices online', 'Calls the broker', 'Asks a colleague about brokers', 'Relieved the price stayed the same'].sort();
  const stored = await cardsOf(page, journey.id as string);
  expect(stored.map((x) => x.text).sort()).toEqual(expected);
  // Each card's author is the person who wrote it.
  const people = await storedRows<Row>(page, 'participants');
  const nameOf = (id: unknown) => people.find((p) => p.id === id)?.name;
  expect(nameOf((stored.find((x) => x.text === 'Calls the broker')!.author as Row).participantId)).toBe('Chris Wu');
  for (const text of expected) await expect(page.getByRole('button', { name: new RegExp(`^Card: ${text}, `) })).toHaveCount(1);

  // In a backup of the workshop, each exactly once.
  const saved = await saveByClicking(page, page.getByRole('button', { name: 'Back up workshop', exact: true }));
  const backup = JSON.parse(saved.text) as { tables: Record<string, Row[]> };
  const backed = (backup.tables.journeyCards ?? []).filter((x) => x.journeyId === journey.id).map((x) => x.text).sort();
  expect(backed).toEqual(expected);

  // Close the room: the address stops answering.
  const address = info.joinUrls[0]!.replace(/#.*$/, '');
  await page.getByRole('region', { name: 'Room' }).getByRole('button', { name: 'Room', exact: true }).click();
  await page.getByRole('dialog', { name: 'The room' }).getByRole('button', { name: 'Close the room', exact: true }).click();
  await page.getByRole('dialog', { name: 'Close the room?' }).getByRole('button', { name: 'Close the room', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Open the room', exact: true })).toBeVisible();
  await expect.poll(async () => fetch(address, { signal: AbortSignal.timeout(2000) }).then(() => 'answered', () => 'refused')).toBe('refused');
  await expect(a.page.getByText('The room is closed')).toBeVisible({ timeout: 20_000 });
  for (const p of [a, b, c]) await p.context.close();
});
