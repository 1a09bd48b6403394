// The participant page on a phone-sized screen, against a stand-in room server with a real
// Hocuspocus (test/helpers/participant-room.ts, loopback only): joining by code, picking a name,
// adding, editing and undoing a card, what the room shows back, the facilitator's pause, and a
// Wi-Fi outage with a reload in the middle that loses nothing. PARTICIPANT_SHOTS=<dir> also saves
// screenshots there (kept out of the repository).
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { OWN, SHARED, type DeviceCard, type PublishedCard } from '../../src-renderer/domain/room';
import { publishJourney, startParticipantRoom, type ParticipantRoom } from '../helpers/participant-room';

test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

const shotsDir = process.env.PARTICIPANT_SHOTS;
async function shot(page: Page, name: string) {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: join(shotsDir, `${name}.png`) });
}

const journey = {
  id: 'j1',
  name: 'Buying a bike',
  stages: [
    { id: 's1', name: 'Aware' },
    { id: 's2', name: 'Consider' },
    { id: 's3', name: 'Buy' },
    { id: 's4', name: 'Onboard' },
  ],
  lanes: [
    { id: 'l1', name: 'Customer actions' },
    { id: 'l2', name: 'Pain points' },
  ],
};

let room: ParticipantRoom;
test.beforeEach(async () => {
  room = await startParticipantRoom({
    title: 'Bike shop journey workshop',
    code: 'KX4P7M',
    people: [
      { id: 'ana', name: 'Ana Lima' },
      { id: 'ben', name: 'Ben Okafor' },
      { id: 'chloe', name: 'Chloé Martin' },
    ],
  });
});
test.afterEach(async () => {
  await room.close();
});

const ownCards = (participantId: string) =>
  room.readOwn(participantId, (doc) => [...doc.getMap<DeviceCard>(OWN.cards).values()].map((c) => ({ text: c.text, rev: c.rev, deleted: !!c.deleted })));

test('joins by code, adds, edits and undoes a card, and sees the room', async ({ page }) => {
  await room.changeShared((doc) =>
    publishJourney(
      doc,
      journey,
      [
        { id: 'f1', stageId: 's1', laneId: 'l1', text: 'Sees a friend’s new bike', order: 1, authorId: null },
        { id: 'b1', stageId: 's1', laneId: 'l1', text: 'Searches “commuter bike” on the bus', order: 2, authorId: 'ben' },
        { id: 'b2', stageId: 's1', laneId: 'l2', text: 'Prices are hard to compare', order: 1, authorId: 'ben' },
      ],
      'Bike shop journey workshop',
    ),
  );
  await room.changeShared((doc) => doc.getMap(SHARED.roster).set('ben', { name: 'Ben Okafor', online: 1, removed: false, joinedAt: 1 }));

  // The room server's CSP allows no inline script or style: the page must not need any.
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(`${room.origin}/`);
  await expect(page.getByRole('heading', { name: 'Join the workshop' })).toBeVisible();
  await page.getByLabel('Join code').fill('kx4-p7x');
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('not the room’s code');
  await shot(page, '1-join-code');
  await page.getByLabel('Join code').fill('kx4-p7m');
  await page.getByRole('button', { name: 'Join', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'Who are you?' })).toBeVisible();
  await shot(page, '2-who-are-you');
  await page.getByRole('button', { name: 'Ana Lima', exact: true }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Aware', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('Searches “commuter bike” on the bus')).toBeVisible();

  await page.getByRole('button', { name: 'Add card to Pain points', exact: true }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Write something on the card first.');
  await shot(page, '3a-editor');
  await page.getByLabel('New card in Pain points').fill('No test rides\non weekdays');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Sending…')).toBeVisible();
  await expect.poll(() => ownCards('ana')).toEqual([{ text: 'No test rides\non weekdays', rev: 1, deleted: false }]);

  // The facilitator's app takes the card into the room: it shows as the room's, marked "You".
  const [entry] = await room.readOwn('ana', (doc) => [...doc.getMap<DeviceCard>(OWN.cards).values()]);
  await room.changeShared((doc) =>
    doc.getMap<PublishedCard>(SHARED.cards).set(entry!.id, { id: entry!.id, stageId: 's1', laneId: 'l2', text: entry!.text, order: 2, authorId: 'ana' }),
  );
  await expect(page.getByText('Sending…')).toHaveCount(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, '3-journey-top');
  await page.getByRole('heading', { name: 'Pain points' }).scrollIntoViewIfNeeded();
  await shot(page, '3-journey-lanes');

  await page.getByRole('button', { name: 'Edit card: No test rides on weekdays', exact: true }).click();
  await page.getByLabel('Edit your card').fill('No test rides after 5 pm');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('No test rides after 5 pm')).toBeVisible();
  await expect.poll(() => ownCards('ana')).toEqual([{ text: 'No test rides after 5 pm', rev: 2, deleted: false }]);
  await page.getByRole('button', { name: 'Undo edit', exact: true }).click();
  await expect.poll(() => ownCards('ana')).toEqual([{ text: 'No test rides\non weekdays', rev: 3, deleted: false }]);

  // Another stage, then the facilitator pauses input.
  await page.getByRole('tab', { name: 'Consider', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Consider', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('No cards yet.')).toHaveCount(2);
  await room.changeShared((doc) => doc.getMap(SHARED.room).set('locked', true));
  await expect(page.getByText('The facilitator has paused input')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add card to Pain points', exact: true })).toBeDisabled();
  await shot(page, '4-paused');

  // A reload keeps the person: no question asked.
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  await expect(page.getByText('Ana Lima')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Who are you?' })).toHaveCount(0);
  expect(violations).toEqual([]);
});

test('an outage with a reload in the middle keeps the cards and sends them when back', async ({ page }) => {
  await room.changeShared((doc) => publishJourney(doc, journey, [], 'Bike shop journey workshop'));
  await page.goto(`${room.origin}/#t=${room.roomToken}`);
  await page.getByRole('button', { name: 'Someone else', exact: true }).click();
  await page.getByLabel('Your name').fill('Dana');
  await shot(page, '2b-someone-else');
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  const [dana] = [...room.entered.keys()].filter((id) => room.entered.get(id)!.name === 'Dana');

  // The Wi-Fi drops: the room's socket is refused until it comes back.
  room.setSocketsReachable(false);
  await expect(page.getByRole('status').filter({ hasText: 'Offline — your cards are kept and sent when you are back' })).toBeVisible();
  await page.getByRole('button', { name: 'Add card to Customer actions', exact: true }).click();
  await page.getByLabel('New card in Customer actions').fill('Asks a friend which shop');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Sending…')).toBeVisible();
  await shot(page, '5-offline');

  // A reload during the outage (the page itself is still served): the card is still there.
  await page.reload();
  await expect(page.getByText('Asks a friend which shop')).toBeVisible();
  await expect(page.getByText('Sending…')).toBeVisible();
  expect(await ownCards(dana!)).toEqual([]);

  room.setSocketsReachable(true);
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => ownCards(dana!), { timeout: 20_000 }).toEqual([{ text: 'Asks a friend which shop', rev: 1, deleted: false }]);
});
