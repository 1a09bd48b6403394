// Leaving right after typing: text typed into a field and then, within a few milliseconds (well
// inside the 300 ms typing debounce), the tab closed (with and without beforeunload) or the page
// navigated away is all stored, as seen by the next window of the same browser profile. Covers
// the shared draft fields (workshop title, step notes, a persona's quote) and a journey card.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { createWorkshop, openApp, readAllStores } from '../helpers/e2e';

type Row = Record<string, unknown>;
type Leave = 'close with beforeunload' | 'close' | 'navigate away';

async function leave(page: Page, how: Leave): Promise<void> {
  if (how === 'close with beforeunload') await page.close({ runBeforeUnload: true });
  else if (how === 'close') await page.close();
  else await page.goto('about:blank');
}

interface Fixture {
  readonly workshopId: string;
  readonly step: { readonly id: string; readonly title: string };
  readonly personaId: string;
  readonly journeyId: string;
  readonly cardId: string;
}

const CARD = 'Gets the renewal letter';
const wUrl = (f: Fixture) => `/#/w/${encodeURIComponent(f.workshopId)}`;

/** A workshop with a persona and a journey holding one card, made through the screens. */
async function makeFixture(page: Page): Promise<Fixture> {
  await openApp(page);
  const workshopId = await createWorkshop(page, { template: 'Journey mapping', client: 'Northwind Insurance', title: 'Leaving early' });
  const base = `/#/w/${encodeURIComponent(workshopId)}`;
  await page.goto(`${base}/artifact/persona`);
  await page.getByRole('button', { name: 'Add persona', exact: true }).first().click();
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toBeFocused();
  const personaId = decodeURIComponent(/\/artifact\/persona\/([^/]+)$/.exec(page.url())![1]!);
  // A persona left untouched is taken back on leaving its editor: give it a name.
  await page.keyboard.type('Dana Reyes');
  await expect.poll(async () => ((await readAllStores(page)).stores.personas as Row[]).find((x) => x.id === personaId)?.name).toBe('Dana Reyes');

  await page.goto(`${base}/artifact/journey`);
  await page.getByRole('button', { name: 'New journey', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New journey' });
  await dialog.getByRole('textbox', { name: 'Journey name' }).fill('Renewal');
  await dialog.getByRole('button', { name: 'Create journey', exact: true }).click();
  const cell = page.getByRole('button', { name: /^Cell: Aware, Actions, \d+ cards?$/ });
  const b = (await cell.boundingBox())!;
  await page.mouse.dblclick(b.x + b.width / 2, b.y + b.height / 2 + 20);
  const editor = page.getByRole('textbox', { name: 'New card text' });
  await expect(editor).toBeFocused();
  await editor.fill(CARD);
  await editor.press('Control+Enter');
  await expect(page.getByRole('button', { name: `Card: ${CARD}, Aware, Actions`, exact: true })).toBeVisible();

  const { stores } = await readAllStores(page);
  const w = (stores.workshops as Row[]).find((x) => x.id === workshopId)!;
  const step = (w.agenda as Row[])[0]!;
  const journey = (stores.journeys as Row[]).find((j) => j.workshopId === workshopId)!;
  const card = (stores.journeyCards as Row[]).find((c) => c.text === CARD)!;
  return { workshopId, step: { id: step.id as string, title: step.title as string }, personaId, journeyId: journey.id as string, cardId: card.id as string };
}

interface Case {
  readonly what: string;
  readonly url: (f: Fixture) => string;
  /** Puts the caret where typing goes (at the end of the field's text, or over all of it). */
  readonly focus: (page: Page, f: Fixture) => Promise<void>;
  readonly typed: string;
  /** What must be stored afterwards, given what was stored before. */
  readonly expected: (before: string) => string;
  readonly stored: (stores: Record<string, unknown[]>, f: Fixture) => unknown;
}

const byId = (stores: Record<string, unknown[]>, table: string, id: string) => (stores[table] as Row[] | undefined)?.find((r) => r.id === id);

const cases: readonly Case[] = [
  {
    what: 'workshop title',
    url: wUrl,
    focus: async (page) => {
      const box = page.getByRole('textbox', { name: 'Title', exact: true });
      await expect(box).toHaveValue('Leaving early');
      await box.click();
      await page.keyboard.press('Control+a');
    },
    typed: 'Renamed, then the tab closed at once — ½ ü 🙂',
    expected: () => 'Renamed, then the tab closed at once — ½ ü 🙂',
    stored: (s, f) => byId(s, 'workshops', f.workshopId)?.title,
  },
  {
    what: 'step notes',
    url: (f) => `${wUrl(f)}/step/${encodeURIComponent(f.step.id)}`,
    focus: async (page, f) => {
      const box = page.getByRole('textbox', { name: `Notes for ${f.step.title}`, exact: true });
      await box.click();
      await page.keyboard.press('Control+End');
    },
    typed: 'Room agreed:\nclaims call back within a day',
    expected: (before) => before + 'Room agreed:\nclaims call back within a day',
    stored: (s, f) => ((byId(s, 'workshops', f.workshopId)?.agenda as Row[] | undefined) ?? []).find((x) => x.id === f.step.id)?.notes,
  },
  {
    what: 'persona quote',
    url: (f) => `${wUrl(f)}/artifact/persona/${encodeURIComponent(f.personaId)}`,
    focus: async (page) => {
      const box = page.getByRole('textbox', { name: 'Quote', exact: true });
      await box.click();
      await page.keyboard.press('Control+End');
    },
    typed: 'I just want someone to pick up the phone',
    expected: (before) => before + 'I just want someone to pick up the phone',
    stored: (s, f) => byId(s, 'personas', f.personaId)?.quote,
  },
  {
    what: 'journey card text',
    url: (f) => `${wUrl(f)}/artifact/journey/${encodeURIComponent(f.journeyId)}`,
    focus: async (page) => {
      await page.getByRole('button', { name: new RegExp(`^Card: ${CARD}.*, Aware, Actions$`) }).focus();
      await page.keyboard.press('Enter');
      const box = page.getByRole('textbox', { name: 'Card text', exact: true });
      await expect(box).toBeFocused();
    },
    typed: ' and compares three quotes',
    expected: (before) => `${before} and compares three quotes`,
    stored: (s, f) => byId(s, 'journeyCards', f.cardId)?.text,
  },
];

async function typeThenLeave(context: BrowserContext, f: Fixture, c: Case, how: Leave): Promise<void> {
  const page = await context.newPage();
  await page.goto(c.url(f));
  const before = String(c.stored((await readAllStores(page)).stores, f) ?? '');
  await c.focus(page, f);
  // Every key at once (no delay), then straight away leave: the typing debounce never fires, so
  // only what the app does on the way out (or on the next start) can keep the text.
  await page.keyboard.type(c.typed);
  await leave(page, how);
  if (!page.isClosed()) await page.close();

  const next = await context.newPage();
  await next.goto(wUrl(f));
  await expect.poll(async () => c.stored((await readAllStores(next)).stores, f), { message: `${c.what} after “${how}”` }).toBe(c.expected(before));
  await next.close();
}

const ways = ['close with beforeunload', 'close', 'navigate away'] as const;

for (const how of ways) {
  test(`typing into a field and then at once leaving the page (${how}) loses no character`, async ({ context, page }) => {
    // Three page loads per field on a busy 2-core machine take a while.
    test.setTimeout(150_000);
    const f = await makeFixture(page);
    for (const c of cases.filter((x) => x.what !== 'journey card text')) await typeThenLeave(context, f, c, how);
  });
}

test('typing into a journey card and then at once leaving the page loses no character', async ({ context, page }) => {
  test.setTimeout(150_000);
  const f = await makeFixture(page);
  const card = cases.find((x) => x.what === 'journey card text')!;
  for (const how of ways) await typeThenLeave(context, f, card, how);
});
