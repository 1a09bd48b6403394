// Crash safety: a few hundred edits of every kind, made through the screens with a seeded random
// generator, and the browser killed without warning at random points (SIGKILL of the whole
// Chromium process tree of a profile on disk: no pagehide, no beforeunload, no orderly
// IndexedDB shutdown). After each reopen: (a) every edit issued longer ago than the typing
// debounce plus a write allowance is stored, and what is stored is a state the app really went
// through, at least that new; (b) the data is consistent (no orphans, no half-applied command).
//
// How it keeps score: every edit is logged with the value it should produce and the wall-clock
// time Playwright reported it done. The stored data, read back with the raw IndexedDB API on a
// page that is not the app, is projected onto the same keys (workshop title, objectives, each
// step's notes, each persona, each segment, the initiatives, the journey cards) and compared.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { consistencyProblems, launchProfile, seededRandom, sigkillProfile, tempProfile, type Random } from '../helpers/crash';
import { createWorkshop, openApp, readAllStores, sidebar, storedRow, type StoredDatabase } from '../helpers/e2e';

/** src-renderer/ui/use-draft.ts TYPING_DEBOUNCE_MS (not imported: that module pulls in the app). */
const DEBOUNCE_MS = 300;
/** Time allowed for one command's IndexedDB transaction after the debounce fires, on a busy 2-core box. */
const WRITE_ALLOWANCE_MS = 250;
const SEED = Number(process.env.CRASH_SEED ?? 0x5eed8);
const ROUNDS = 5;

type Row = Record<string, unknown>;
type Snapshot = Map<string, string>;

/** The part of the stored data this test edits, as key -> canonical JSON; absent rows have no key. */
function project(db: StoredDatabase, workshopId: string): Snapshot {
  const m: Snapshot = new Map();
  const w = (db.stores.workshops as Row[]).find((r) => r.id === workshopId);
  if (!w) return m;
  m.set('title', JSON.stringify(w.title));
  m.set('objectives', JSON.stringify(w.objectives));
  for (const s of w.agenda as Row[]) m.set(`notes:${String(s.id)}`, JSON.stringify(s.notes));
  const mine = (table: string) => ((db.stores[table] ?? []) as Row[]).filter((r) => r.workshopId === workshopId);
  for (const p of mine('personas')) m.set(`persona:${String(p.id)}`, personaValue(p.name as string, p.segmentId as string | null, (p.goals as Row[]).map((g) => g.text as string)));
  for (const s of mine('segments')) {
    const needs = s.needs as Row[];
    const offers = (s.offers as Row[]).map((o) => ({ text: o.text as string, links: (o.needIds as string[]).map((id) => needs.findIndex((n) => n.id === id)) }));
    m.set(`segment:${String(s.id)}`, segmentValue(s.name as string, needs.map((n) => n.text as string), offers));
  }
  m.set('initiatives', JSON.stringify(mine('initiatives').map((i) => `${String(i.laneId)}|${String(i.title)}`).sort()));
  const journeys = mine('journeys');
  m.set('journeys', JSON.stringify(journeys.map((j) => j.name).sort()));
  m.set(
    'cards',
    JSON.stringify(
      mine('journeyCards')
        .map((c) => {
          const j = journeys.find((x) => x.id === c.journeyId);
          const stage = (j?.stages as Row[] | undefined)?.find((s) => s.id === c.stageId)?.name;
          const lane = (j?.lanes as Row[] | undefined)?.find((l) => l.id === c.laneId)?.name;
          return `${String(stage)}|${String(lane)}|${String(c.text)}`;
        })
        .sort(),
    ),
  );
  return m;
}

interface PersonaModel {
  name: string;
  segmentId: string | null;
  goals: string[];
}
interface SegmentModel {
  name: string;
  needs: string[];
  offers: { text: string; links: number[] }[];
}
const personaValue = (name: string, segmentId: string | null, goals: readonly string[]) => JSON.stringify({ name, segmentId, goals });
const segmentValue = (name: string, needs: readonly string[], offers: readonly { text: string; links: readonly number[] }[]) =>
  JSON.stringify({ name, needs, offers: offers.map((o) => ({ text: o.text, links: [...o.links].sort((a, b) => a - b) })) });

/** One edit: the keys it changes and their new values; `at` is when it was reported done (Infinity: never). */
interface Entry {
  readonly changes: ReadonlyMap<string, string | undefined>;
  at: number;
  readonly what: string;
}

/** The log of one round: the state at its start, and every edit since, in order. */
class Ledger {
  readonly entries: Entry[] = [];
  readonly current: Map<string, string>;
  constructor(readonly base: Snapshot) {
    this.current = new Map(base);
  }
  get(key: string): string | undefined {
    return this.current.get(key);
  }
  /** Records an edit about to be made; call `done` when Playwright reports it made. */
  propose(what: string, changes: Record<string, string | undefined>): Entry {
    const entry: Entry = { changes: new Map(Object.entries(changes)), at: Infinity, what };
    for (const [k, v] of entry.changes) {
      if (v === undefined) this.current.delete(k);
      else this.current.set(k, v);
    }
    this.entries.push(entry);
    return entry;
  }
  done(entry: Entry): void {
    entry.at = Date.now();
  }
}

/**
 * What the stored data must satisfy after a kill at `killAt`: for each key, the stored value is
 * the value of the last edit done before the deadline, or of a later one; and the stored data as
 * a whole equals the state after some prefix of the edits at least that long (commands are
 * applied whole and in order).
 */
function durabilityProblems(ledger: Ledger, stored: Snapshot, killAt: number): { problems: string[]; required: number; storedPrefix: number } {
  const deadline = killAt - DEBOUNCE_MS - WRITE_ALLOWANCE_MS;
  const problems: string[] = [];
  let required = -1;
  ledger.entries.forEach((e, i) => {
    if (e.at <= deadline) required = i;
  });
  const keys = new Set([...ledger.base.keys(), ...stored.keys(), ...ledger.entries.flatMap((e) => [...e.changes.keys()])]);
  for (const key of keys) {
    const history: { value: string | undefined; index: number; at: number; what: string }[] = [{ value: ledger.base.get(key), index: -1, at: -Infinity, what: 'as reopened' }];
    ledger.entries.forEach((e, index) => {
      if (e.changes.has(key)) history.push({ value: e.changes.get(key), index, at: e.at, what: e.what });
    });
    let from = 0;
    history.forEach((h, i) => {
      if (h.index <= required) from = i;
    });
    const allowed = history.slice(from);
    if (!allowed.some((h) => h.value === stored.get(key))) {
      const need = history[from]!;
      problems.push(
        `${key}: stored ${String(stored.get(key))}, but "${need.what}" (done ${killAt - need.at} ms before the kill) should have left ${String(need.value)}` +
          (allowed.length > 1 ? ` or a newer value (${allowed.length - 1} candidates)` : ''),
      );
    }
  }
  // The whole: replay prefixes and look for one equal to what is stored.
  const state = new Map(ledger.base);
  const same = () => state.size === stored.size && [...state].every(([k, v]) => stored.get(k) === v);
  let storedPrefix = same() ? -1 : -2;
  ledger.entries.forEach((e, i) => {
    for (const [k, v] of e.changes) {
      if (v === undefined) state.delete(k);
      else state.set(k, v);
    }
    if (same()) storedPrefix = i;
  });
  if (storedPrefix === -2) problems.push('the stored data as a whole equals no state the app went through (a command half applied, or edits stored out of order)');
  else if (storedPrefix < required) problems.push(`the stored data is the state after edit ${storedPrefix}, older than edit ${required} which was due`);
  return { problems, required, storedPrefix };
}

// ---------------------------------------------------------------------------------------------
// The edits, made through the screens as a facilitator would.
// ---------------------------------------------------------------------------------------------

const LETTERS = 'abcdefghijklmnopqrstuvwxyzäöüéñß';
const textChar = (r: Random, newline = false) => (r.chance(0.15) ? ' ' : newline && r.chance(0.03) ? '\n' : r.chance(0.02) ? '🙂' : r.pick([...LETTERS]));
const word = (r: Random, n: number) => Array.from({ length: n }, () => r.pick([...LETTERS])).join('');

type Screen = 'overview' | 'step' | 'persona' | 'segment' | 'roadmap';

interface Ctx {
  page: Page;
  r: Random;
  ledger: Ledger;
  workshopId: string;
  /** Steps whose notes are edited (unique titles). */
  steps: { id: string; title: string }[];
  /** Set once the kill is under way: edits in flight may fail. */
  killing: boolean;
  /** An edit whose result cannot be named before it is done (a new row's id): the kill waits for it. */
  critical: Promise<unknown> | null;
  counter: number;
  screen: Screen | null;
  personaId: string | null;
  segmentId: string | null;
  stepId: string | null;
}

const personaOf = (c: Ctx, id: string): PersonaModel => JSON.parse(c.ledger.get(`persona:${id}`)!) as PersonaModel;
const segmentOf = (c: Ctx, id: string): SegmentModel => JSON.parse(c.ledger.get(`segment:${id}`)!) as SegmentModel;
const keysWith = (c: Ctx, prefix: string) => [...c.ledger.current.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs an edit whose result cannot be named before it is done (a new row's id): the kill waits for it. */
async function critical(c: Ctx, fn: () => Promise<void>): Promise<void> {
  const run = fn();
  c.critical = run;
  try {
    await run;
  } finally {
    c.critical = null;
  }
}

/** Types `text` into the focused field one key at a time, logging the value after each key. */
async function typeKeys(c: Ctx, what: string, text: string, valueAfter: (typed: string) => Record<string, string | undefined>): Promise<void> {
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const e = c.ledger.propose(what, valueAfter(chars.slice(0, i + 1).join('')));
    await c.page.keyboard.type(chars[i]!);
    c.ledger.done(e);
  }
}

async function hashTo(c: Ctx, hash: string): Promise<void> {
  await c.page.evaluate((h) => {
    location.hash = h;
  }, hash);
}

async function goOverview(c: Ctx) {
  if (c.screen === 'overview') return;
  await sidebar(c.page).getByRole('link', { name: 'Overview', exact: true }).click();
  await expect(c.page.getByRole('heading', { level: 2, name: 'Details' })).toBeVisible();
  c.screen = 'overview';
}

async function editNotes(c: Ctx) {
  const stay = c.screen === 'step' && c.stepId !== null && c.r.chance(0.6);
  const step = stay ? c.steps.find((s) => s.id === c.stepId)! : c.r.pick(c.steps);
  const box = c.page.getByRole('textbox', { name: `Notes for ${step.title}`, exact: true });
  const key = `notes:${step.id}`;
  const before = JSON.parse(c.ledger.get(key)!) as string;
  if (!stay) {
    // Straight to the step by its address (as Back/Forward or a bookmark would), not by a click:
    // the field being typed in keeps the focus, so nothing is flushed on blur.
    await hashTo(c, `#/w/${encodeURIComponent(c.workshopId)}/step/${encodeURIComponent(step.id)}`);
    c.screen = 'step';
    c.stepId = step.id;
    await expect(box).toHaveValue(before);
    await box.click();
    await c.page.keyboard.press('Control+End');
  }
  const text = Array.from({ length: c.r.int(2, 9) }, () => textChar(c.r, true)).join('');
  await typeKeys(c, `type notes of ${step.title}`, text, (t) => ({ [key]: JSON.stringify(before + t) }));
  await expect(box).toHaveValue(before + text);
}

async function editObjectives(c: Ctx) {
  await goOverview(c);
  const box = c.page.getByRole('textbox', { name: 'Objectives', exact: true });
  if (!(await box.evaluate((el) => el === document.activeElement))) {
    await box.click();
    await c.page.keyboard.press('Control+End');
  }
  const before = JSON.parse(c.ledger.get('objectives')!) as string;
  const text = Array.from({ length: c.r.int(2, 9) }, () => textChar(c.r, true)).join('');
  await typeKeys(c, 'type objectives', text, (t) => ({ objectives: JSON.stringify(before + t) }));
  await expect(box).toHaveValue(before + text);
}

async function renameWorkshop(c: Ctx) {
  await goOverview(c);
  const box = c.page.getByRole('textbox', { name: 'Title', exact: true });
  await box.click();
  await c.page.keyboard.press('Control+a');
  const title = `Crash-${++c.counter}-${word(c.r, c.r.int(2, 8))}`;
  await typeKeys(c, 'rename workshop', title, (t) => ({ title: JSON.stringify(t) }));
  await expect(box).toHaveValue(title);
}

async function openPersona(c: Ctx, id: string) {
  if (c.screen === 'persona' && c.personaId === id) return;
  await hashTo(c, `#/w/${encodeURIComponent(c.workshopId)}/artifact/persona/${encodeURIComponent(id)}`);
  await expect(c.page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(personaOf(c, id).name);
  c.screen = 'persona';
  c.personaId = id;
}

async function addPersona(c: Ctx) {
  const { page } = c;
  await hashTo(c, `#/w/${encodeURIComponent(c.workshopId)}/artifact/persona`);
  c.screen = null;
  const before = page.url();
  // The new persona's id is only known once it exists: the kill waits for this step.
  let id = '';
  await critical(c, async () => {
    await page.getByRole('button', { name: 'Add persona', exact: true }).first().click();
    await expect(page).not.toHaveURL(before);
    await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toBeFocused();
    id = decodeURIComponent(/\/artifact\/persona\/([^/]+)$/.exec(page.url())![1]!);
    const name = await page.getByRole('textbox', { name: 'Name', exact: true }).inputValue();
    c.ledger.done(c.ledger.propose('add persona', { [`persona:${id}`]: personaValue(name, null, []) }));
  });
  c.screen = 'persona';
  c.personaId = id;
  await page.keyboard.press('Control+a');
  const name = `P${++c.counter}-${word(c.r, c.r.int(2, 6))}`;
  await typeKeys(c, 'name persona', name, (t) => ({ [`persona:${id}`]: personaValue(t, null, []) }));
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(name);
}

async function addGoal(c: Ctx) {
  const ids = keysWith(c, 'persona:');
  if (ids.length === 0) return addPersona(c);
  const id = c.personaId && ids.includes(c.personaId) && c.r.chance(0.7) ? c.personaId : c.r.pick(ids);
  await openPersona(c, id);
  const p = personaOf(c, id);
  const n = p.goals.length + 1;
  const e = c.ledger.propose('add goal', { [`persona:${id}`]: personaValue(p.name, p.segmentId, [...p.goals, '']) });
  await c.page.getByRole('button', { name: 'Add goal', exact: true }).click();
  c.ledger.done(e);
  const box = c.page.getByRole('textbox', { name: `Goal ${n}`, exact: true });
  await expect(box).toBeFocused();
  const text = Array.from({ length: c.r.int(3, 10) }, () => textChar(c.r)).join('');
  await typeKeys(c, `type goal ${n}`, text, (t) => ({ [`persona:${id}`]: personaValue(p.name, p.segmentId, [...p.goals, t]) }));
  await expect(box).toHaveValue(text);
}

async function linkPersona(c: Ctx) {
  const ids = keysWith(c, 'persona:');
  const segs = keysWith(c, 'segment:');
  if (ids.length === 0 || segs.length === 0) return ids.length === 0 ? addPersona(c) : addSegment(c);
  const id = c.personaId && ids.includes(c.personaId) && c.r.chance(0.7) ? c.personaId : c.r.pick(ids);
  await openPersona(c, id);
  const p = personaOf(c, id);
  const target = c.r.chance(0.2) ? null : c.r.pick(segs);
  const e = c.ledger.propose('link persona to segment', { [`persona:${id}`]: personaValue(p.name, target, p.goals) });
  await c.page.getByRole('combobox', { name: 'Segment', exact: true }).selectOption(target ?? '');
  c.ledger.done(e);
}

async function openSegment(c: Ctx, id: string) {
  if (c.screen === 'segment' && c.segmentId === id) return;
  await hashTo(c, `#/w/${encodeURIComponent(c.workshopId)}/artifact/segment-map/${encodeURIComponent(id)}`);
  await expect(c.page.getByRole('textbox', { name: 'Segment name', exact: true })).toHaveValue(segmentOf(c, id).name);
  c.screen = 'segment';
  c.segmentId = id;
}

async function addSegment(c: Ctx) {
  const { page } = c;
  await hashTo(c, `#/w/${encodeURIComponent(c.workshopId)}/artifact/segment-map`);
  await expect(page.getByRole('heading', { level: 1, name: 'Segment value & needs maps' })).toBeVisible();
  c.screen = null;
  const known = new Set(keysWith(c, 'segment:'));
  let id = '';
  await critical(c, async () => {
    await page.getByRole('button', { name: 'Add segment', exact: true }).click();
    await expect.poll(() => /\/artifact\/segment-map\/([^/]+)$/.exec(page.url())?.[1] ?? '').not.toBe('');
    await expect.poll(() => known.has(decodeURIComponent(/\/artifact\/segment-map\/([^/]+)$/.exec(page.url())![1]!))).toBe(false);
    id = decodeURIComponent(/\/artifact\/segment-map\/([^/]+)$/.exec(page.url())![1]!);
    await expect(page.getByRole('textbox', { name: 'Segment name', exact: true })).toHaveValue('New segment');
    c.ledger.done(c.ledger.propose('add segment', { [`segment:${id}`]: segmentValue('New segment', [], []) }));
  });
  c.screen = 'segment';
  c.segmentId = id;
  await page.getByRole('textbox', { name: 'Segment name', exact: true }).click();
  await page.keyboard.press('Control+a');
  const name = `S${++c.counter}-${word(c.r, c.r.int(2, 6))}`;
  await typeKeys(c, 'name segment', name, (t) => ({ [`segment:${id}`]: segmentValue(t, [], []) }));
  await expect(page.getByRole('textbox', { name: 'Segment name', exact: true })).toHaveValue(name);
}

const pickSegment = (c: Ctx) => (c.segmentId && c.ledger.get(`segment:${c.segmentId}`) && c.r.chance(0.7) ? c.segmentId : c.r.pick(keysWith(c, 'segment:')));

async function addNeed(c: Ctx) {
  if (keysWith(c, 'segment:').length === 0) return addSegment(c);
  const id = pickSegment(c);
  await openSegment(c, id);
  const s = segmentOf(c, id);
  const n = s.needs.length + 1;
  const e = c.ledger.propose('add job', { [`segment:${id}`]: segmentValue(s.name, [...s.needs, ''], s.offers) });
  await c.page.getByRole('button', { name: 'Add job', exact: true }).click();
  c.ledger.done(e);
  const box = c.page.getByRole('textbox', { name: `Job ${n}`, exact: true });
  await expect(box).toBeFocused();
  // Job texts are unique so the "Answers…" picker can name them.
  const text = `J${++c.counter} ${word(c.r, c.r.int(1, 6))}`;
  await typeKeys(c, `type job ${n}`, text, (t) => ({ [`segment:${id}`]: segmentValue(s.name, [...s.needs, t], s.offers) }));
  await expect(box).toHaveValue(text);
}

async function addOffer(c: Ctx) {
  if (keysWith(c, 'segment:').length === 0) return addSegment(c);
  const id = pickSegment(c);
  await openSegment(c, id);
  const s = segmentOf(c, id);
  const n = s.offers.length + 1;
  const e = c.ledger.propose('add product', { [`segment:${id}`]: segmentValue(s.name, s.needs, [...s.offers, { text: '', links: [] }]) });
  await c.page.getByRole('button', { name: 'Add product or service', exact: true }).click();
  c.ledger.done(e);
  const box = c.page.getByRole('textbox', { name: `Product or service ${n}`, exact: true });
  await expect(box).toBeFocused();
  const text = `O${++c.counter} ${word(c.r, c.r.int(1, 6))}`;
  await typeKeys(c, `type product ${n}`, text, (t) => ({ [`segment:${id}`]: segmentValue(s.name, s.needs, [...s.offers, { text: t, links: [] }]) }));
  await expect(box).toHaveValue(text);
}

async function linkOffer(c: Ctx) {
  const candidates = keysWith(c, 'segment:').filter((id) => {
    const s = segmentOf(c, id);
    return s.offers.length > 0 && s.needs.some((t) => t.trim());
  });
  if (candidates.length === 0) return c.r.chance(0.5) ? addNeed(c) : addOffer(c);
  const id = c.segmentId && candidates.includes(c.segmentId) ? c.segmentId : c.r.pick(candidates);
  await openSegment(c, id);
  const s = segmentOf(c, id);
  const o = c.r.int(0, s.offers.length - 1);
  const needIndex = c.r.pick(s.needs.map((t, i) => (t.trim() ? i : -1)).filter((i) => i >= 0));
  const offer = s.offers[o]!;
  const on = !offer.links.includes(needIndex);
  await c.page.getByRole('button', { name: /^Answers… \d+ needs? linked to / }).nth(o).click();
  const picker = c.page.getByRole('group', { name: /^Needs answered by / });
  const box = picker.getByRole('checkbox', { name: s.needs[needIndex]!.trim(), exact: true });
  const links = on ? [...offer.links, needIndex] : offer.links.filter((x) => x !== needIndex);
  const e = c.ledger.propose(on ? 'link offer to job' : 'unlink offer', {
    [`segment:${id}`]: segmentValue(s.name, s.needs, s.offers.map((x, i) => (i === o ? { ...x, links } : x))),
  });
  if (on) await box.check();
  else await box.uncheck();
  c.ledger.done(e);
  await c.page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
}

async function removeNeed(c: Ctx) {
  const candidates = keysWith(c, 'segment:').filter((id) => segmentOf(c, id).needs.length > 0);
  if (candidates.length === 0) return addNeed(c);
  const id = c.r.pick(candidates);
  await openSegment(c, id);
  const s = segmentOf(c, id);
  const k = c.r.int(0, s.needs.length - 1);
  const offers = s.offers.map((o) => ({ text: o.text, links: o.links.filter((x) => x !== k).map((x) => (x > k ? x - 1 : x)) }));
  const e = c.ledger.propose('remove job', { [`segment:${id}`]: segmentValue(s.name, s.needs.filter((_, i) => i !== k), offers) });
  await c.page.getByRole('button', { name: `Remove job ${k + 1}`, exact: true }).click();
  c.ledger.done(e);
  await expect(c.page.getByRole('textbox', { name: /^Job \d+$/ })).toHaveCount(s.needs.length - 1);
}

async function deleteSegment(c: Ctx) {
  const segs = keysWith(c, 'segment:');
  if (segs.length < 2) return addSegment(c);
  const id = c.r.pick(segs);
  await openSegment(c, id);
  const s = segmentOf(c, id);
  const linked = keysWith(c, 'persona:').filter((p) => personaOf(c, p).segmentId === id);
  const changes: Record<string, string | undefined> = { [`segment:${id}`]: undefined };
  for (const p of linked) {
    const m = personaOf(c, p);
    changes[`persona:${p}`] = personaValue(m.name, null, m.goals);
  }
  // With personas linked, a dialog asks first; the delete (segment and unlinks) is one command.
  const what = `delete segment (unlinks ${linked.length})`;
  let e: Entry;
  if (linked.length > 0) {
    await c.page.getByRole('button', { name: `Delete segment ${s.name}`, exact: true }).click();
    e = c.ledger.propose(what, changes);
    await c.page.getByRole('dialog').getByRole('button', { name: 'Delete segment', exact: true }).click();
  } else {
    e = c.ledger.propose(what, changes);
    await c.page.getByRole('button', { name: `Delete segment ${s.name}`, exact: true }).click();
  }
  await expect(c.page.getByRole('link', { name: new RegExp(`^${s.name}`) })).toHaveCount(0);
  c.ledger.done(e);
  c.screen = null;
}

const lanes = ['Acquisition', 'Activation', 'Retention', 'Re-activation'] as const;
async function addInitiative(c: Ctx) {
  const { page } = c;
  if (c.screen !== 'roadmap') {
    await sidebar(page).getByRole('link', { name: /^Lifecycle roadmap/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Lifecycle roadmap' })).toBeVisible();
    c.screen = 'roadmap';
  }
  const lane = c.r.pick(lanes);
  await page.getByRole('button', { name: `Add initiative to ${lane}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Add initiative' });
  const title = `I${++c.counter} ${word(c.r, c.r.int(2, 8))}`;
  await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
  const list = JSON.parse(c.ledger.get('initiatives')!) as string[];
  const e = c.ledger.propose('add initiative', { initiatives: JSON.stringify([...list, `${lane === 'Re-activation' ? 'reactivation' : lane.toLowerCase()}|${title}`].sort()) });
  await dialog.getByRole('button', { name: 'Add initiative', exact: true }).click();
  await expect(dialog).toBeHidden();
  c.ledger.done(e);
}

const kinds = {
  notes: 24,
  objectives: 10,
  title: 6,
  addPersona: 7,
  addGoal: 9,
  linkPersona: 6,
  addSegment: 6,
  addNeed: 9,
  addOffer: 7,
  linkOffer: 7,
  removeNeed: 3,
  deleteSegment: 2,
  addInitiative: 6,
} as const;
const run: Record<keyof typeof kinds, (c: Ctx) => Promise<void>> = {
  notes: editNotes,
  objectives: editObjectives,
  title: renameWorkshop,
  addPersona,
  addGoal,
  linkPersona,
  addSegment,
  addNeed,
  addOffer,
  linkOffer,
  removeNeed,
  deleteSegment,
  addInitiative,
};

const screenKinds: Record<Screen, readonly (keyof typeof kinds)[]> = {
  overview: ['objectives', 'objectives', 'title'],
  step: ['notes'],
  persona: ['addGoal', 'addGoal', 'linkPersona'],
  segment: ['addNeed', 'addNeed', 'addOffer', 'linkOffer', 'linkOffer', 'removeNeed'],
  roadmap: ['addInitiative'],
};

// ---------------------------------------------------------------------------------------------

test('a few hundred edits survive the browser being killed at random points, consistent', async () => {
  test.setTimeout(180_000);
  const baseURL = test.info().project.use.baseURL!;
  const r = seededRandom(SEED);
  console.log(`crash-safety: seed ${SEED} (rerun with CRASH_SEED=${SEED}); window ${DEBOUNCE_MS} ms + allowance ${WRITE_ALLOWANCE_MS} ms`);
  const profile = tempProfile();
  let context: BrowserContext | null = null;
  try {
    context = await launchProfile(profile.dir, baseURL);
    let page = context.pages()[0] ?? (await context.newPage());
    await openApp(page);
    const workshopId = await createWorkshop(page, { template: 'Customer-centricity full day', client: 'Crash GmbH', title: 'Crash test' });
    // The app stores a new workshop before it opens it; the baseline is read once it is there.
    await expect.poll(async () => (await storedRow(page, 'workshops', workshopId))?.id).toBe(workshopId);
    const stepTitles = ['Welcome and goals for the day', 'Segments, needs and value', 'Measurement plan'];
    const stored0 = await readAllStores(page);
    const agenda = (stored0.stores.workshops as Row[]).find((w) => w.id === workshopId)!.agenda as { id: string; title: string }[];
    const steps = stepTitles.map((t) => agenda.find((s) => s.title === t)!);
    let base = project(stored0, workshopId);
    let total = 0;

    for (let round = 1; round <= ROUNDS; round++) {
      const ledger = new Ledger(base);
      const c: Ctx = { page, r, ledger, workshopId, steps, killing: false, critical: null, counter: 1000 * round, screen: null, personaId: null, segmentId: null, stepId: null };
      const planned = r.int(36, 56);
      // The kill lands at a random moment after the planned edits are done: often in the middle
      // of the next edit (a burst of typing, a click), sometimes while the browser is idle.
      const killDelay = r.int(0, 900);
      let killAt = 0;
      let killedPids = 0;
      let killed: Promise<void> | null = null;
      const startKill = () => {
        killed = (async () => {
          await sleep(killDelay);
          c.killing = true;
          // An edit that creates a row whose id the test cannot know before is let finish.
          while (c.critical) await c.critical.catch(() => undefined);
          const k = await sigkillProfile(profile.dir);
          killAt = k.at;
          killedPids = k.pids.length;
        })();
      };
      const t0 = Date.now();
      const trace: string[] = [];
      let made = 0;
      try {
        for (; ; made++) {
          if (made === planned) startKill();
          if (c.killing && made > planned + 20) break;
          // A facilitator works on one screen for a while: mostly stay, sometimes move on.
          const here = c.screen ? screenKinds[c.screen] : null;
          const kind = here && r.chance(0.6) ? r.pick(here) : r.weighted(kinds);
          trace.push(`${Date.now() - t0} ${kind}`);
          await run[kind](c);
          // Now and then a pause, so the debounce fires between bursts as well as after them.
          if (r.chance(0.2)) await sleep(r.int(50, 450));
        }
      } catch (err) {
        if (!c.killing) {
          console.log(`round ${round} failed before the kill; edits so far:\n${trace.join('\n')}`);
          throw err;
        }
      }
      await killed;
      await context.close().catch(() => undefined);
      const issued = ledger.entries.filter((e) => e.at <= killAt).length;
      total += made;

      // Reopen the same profile, and read the database on a page of the app's origin that is not
      // the app, so nothing the app does on start can touch it before it is checked.
      context = await launchProfile(profile.dir, baseURL);
      page = context.pages()[0] ?? (await context.newPage());
      await page.goto('/favicon.svg');
      const stored = await readAllStores(page);
      expect(stored.exists, 'the database is still there').toBe(true);
      const snapshot = project(stored, workshopId);
      const { problems, required, storedPrefix } = durabilityProblems(ledger, snapshot, killAt);
      console.log(
        `round ${round}: ${made} edits (${ledger.entries.length} logged steps, ${issued} done before the kill) in ${killAt - t0} ms; ` +
          `SIGKILLed ${killedPids} browser processes ${killDelay} ms after edit ${planned}; due: step ${required}, stored: state after step ${storedPrefix}` +
          (storedPrefix >= 0 ? ` (“${ledger.entries[storedPrefix]!.what}”, done ${killAt - ledger.entries[storedPrefix]!.at} ms before the kill)` : ''),
      );
      expect(problems, `round ${round}: edits lost or out of order`).toEqual([]);
      expect(consistencyProblems(stored.stores), `round ${round}: stored data inconsistent`).toEqual([]);
      base = snapshot;

      await page.goto(`/#/w/${encodeURIComponent(workshopId)}`);
      await expect(page.getByRole('heading', { level: 1, name: JSON.parse(snapshot.get('title')!) as string, exact: true })).toBeVisible();
    }
    console.log(`crash-safety: ${total} edits over ${ROUNDS} kills, none lost`);
    expect(total, 'every round made at least its planned edits').toBeGreaterThanOrEqual(ROUNDS * 36);
  } finally {
    await context?.close().catch(() => undefined);
    profile.remove();
  }
});
