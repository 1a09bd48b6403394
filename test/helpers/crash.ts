// Crash-test plumbing: a browser profile that lives on disk (so IndexedDB survives the browser),
// a way to kill that browser without warning (SIGKILL of its whole process tree, so no
// pagehide, no beforeunload, no orderly IndexedDB shutdown), a seeded random generator, and a
// consistency check of every stored row. Never kills a process it did not find under the
// profile's own user-data-dir.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { chromiumArgs, findChromium } from '../../scripts/find-chromium.mjs';

/** A fresh, empty user-data-dir; `remove` deletes it. */
export function tempProfile(prefix = 'centric-crash-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Launches Chromium on a persistent profile (the same userDataDir reopens the same IndexedDB). */
export async function launchProfile(userDataDir: string, baseURL: string): Promise<BrowserContext> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found (see scripts/find-chromium.mjs).');
  return chromium.launchPersistentContext(userDataDir, {
    executablePath,
    args: chromiumArgs,
    headless: true,
    baseURL,
    viewport: { width: 1440, height: 900 },
  });
}

interface Proc {
  readonly pid: number;
  readonly ppid: number;
  readonly args: string;
}

function processTable(): Proc[] {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3]! }));
}

/**
 * The browser processes of one profile: those started with its --user-data-dir, and all their
 * descendants (zygotes, renderers, the network and storage services).
 */
export function profileProcesses(userDataDir: string): number[] {
  const table = processTable();
  const roots = table.filter((p) => p.args.includes(`--user-data-dir=${userDataDir}`) && p.pid !== process.pid);
  const found = new Set(roots.map((p) => p.pid));
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of table) {
      if (!found.has(p.pid) && found.has(p.ppid)) {
        found.add(p.pid);
        grew = true;
      }
    }
  }
  return [...found];
}

/**
 * Kills the profile's browser without warning: SIGKILL to every process of its tree at once.
 * Resolves when none of them is left (or throws if they will not die), with the time the
 * signals were sent.
 */
export async function sigkillProfile(userDataDir: string): Promise<{ at: number; pids: number[] }> {
  const pids = profileProcesses(userDataDir);
  if (pids.length === 0) throw new Error(`No browser process found for ${userDataDir}`);
  const at = Date.now();
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone (a child that exited with its parent).
    }
  }
  for (let i = 0; i < 100; i++) {
    const alive = pids.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    // A killed child may linger as a zombie until Playwright reaps the browser; zombies hold no data.
    if (alive.length === 0 || alive.every((pid) => isZombie(pid))) return { at, pids };
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`Browser processes ${pids.join(', ')} survived SIGKILL`);
}

function isZombie(pid: number): boolean {
  try {
    return execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).trim().startsWith('Z');
  } catch {
    return true;
  }
}

/** Mulberry32: a small, fast, seeded generator; the same seed gives the same run. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const chance = (p: number): boolean => next() < p;
  /** Picks a key of `weights` with probability proportional to its weight. */
  const weighted = <K extends string>(weights: Readonly<Record<K, number>>): K => {
    const entries = Object.entries(weights) as [K, number][];
    let r = next() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [k, w] of entries) {
      r -= w;
      if (r < 0) return k;
    }
    return entries[entries.length - 1]![0];
  };
  return { next, int, pick, chance, weighted };
}
export type Random = ReturnType<typeof seededRandom>;

type Row = Record<string, unknown>;
const workshopTableNames = ['personas', 'segments', 'journeys', 'journeyCards', 'initiatives', 'metrics', 'assessments', 'actions', 'participants', 'votes', 'sessions'];

const ids = (rows: readonly Row[] | undefined): Set<string> => new Set((rows ?? []).map((r) => r.id as string));
const duplicates = (list: readonly unknown[]): unknown[] => list.filter((x, i) => list.indexOf(x) !== i);

/**
 * Every way the stored data could be inconsistent after a crash: rows of a workshop that does
 * not exist, links to rows that do not exist, duplicate ids inside a row, a workshop record that
 * does not parse, an artifact newer than its workshop's "last edit" (a command half applied:
 * the row without the workshop's bump). Returns the problems, one line each; empty is good.
 */
export function consistencyProblems(stores: Record<string, unknown[]>): string[] {
  const problems: string[] = [];
  const say = (s: string) => problems.push(s);
  const workshops = (stores.workshops ?? []) as Row[];
  const workshopIds = ids(workshops);
  const byId = (table: string) => new Map(((stores[table] ?? []) as Row[]).map((r) => [r.id as string, r]));

  for (const w of workshops) {
    const where = `workshop ${String(w.id)}`;
    if (typeof w.id !== 'string' || !w.id) say(`${where}: no id`);
    if (typeof w.title !== 'string' || !w.title.trim()) say(`${where}: title ${JSON.stringify(w.title)} is empty`);
    for (const f of ['client', 'location', 'objectives', 'templateName'] as const) if (typeof w[f] !== 'string') say(`${where}: ${f} is not text`);
    if (typeof w.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(w.date)) say(`${where}: date ${JSON.stringify(w.date)}`);
    if (typeof w.createdAt !== 'number' || typeof w.updatedAt !== 'number' || w.updatedAt < w.createdAt) say(`${where}: createdAt/updatedAt ${String(w.createdAt)}/${String(w.updatedAt)}`);
    if (!Array.isArray(w.agenda)) say(`${where}: agenda is not a list`);
    else {
      const stepIds = (w.agenda as Row[]).map((s) => s.id);
      if (duplicates(stepIds).length) say(`${where}: duplicate step ids ${JSON.stringify(duplicates(stepIds))}`);
      for (const s of w.agenda as Row[]) if (typeof s.notes !== 'string' || typeof s.title !== 'string') say(`${where}: step ${String(s.id)} malformed`);
    }
  }

  for (const table of workshopTableNames) {
    const rows = (stores[table] ?? []) as Row[];
    const rowIds = rows.map((r) => r.id);
    if (duplicates(rowIds).length) say(`${table}: duplicate ids ${JSON.stringify(duplicates(rowIds))}`);
    for (const r of rows) {
      if (!workshopIds.has(r.workshopId as string)) say(`${table} ${String(r.id)}: orphan of missing workshop ${String(r.workshopId)}`);
      const w = workshops.find((x) => x.id === r.workshopId);
      // Every add runs with touchWorkshop in the same transaction; a row newer than the
      // workshop's bump means the command was only half written.
      if (w && typeof r.createdAt === 'number' && (w.updatedAt as number) < r.createdAt) {
        say(`${table} ${String(r.id)}: created at ${r.createdAt}, after its workshop's last edit ${String(w.updatedAt)}`);
      }
    }
  }

  const segments = byId('segments');
  for (const p of (stores.personas ?? []) as Row[]) {
    const where = `persona ${String(p.id)}`;
    if (typeof p.name !== 'string' || !p.name.trim()) say(`${where}: empty name`);
    const seg = p.segmentId as string | null | undefined;
    if (seg !== null && seg !== undefined) {
      const s = segments.get(seg);
      if (!s) say(`${where}: segmentId ${seg} points to no segment`);
      else if (s.workshopId !== p.workshopId) say(`${where}: segment ${seg} is in another workshop`);
    }
    const claimIds: unknown[] = [];
    for (const list of ['goals', 'needs', 'pains', 'gains', 'behaviours', 'channels', 'motivations']) {
      if (!Array.isArray(p[list])) say(`${where}: ${list} is not a list`);
      else claimIds.push(...(p[list] as Row[]).map((c) => c.id));
    }
    if (duplicates(claimIds).length) say(`${where}: duplicate claim ids ${JSON.stringify(duplicates(claimIds))}`);
  }

  for (const s of (stores.segments ?? []) as Row[]) {
    const where = `segment ${String(s.id)}`;
    const needs = (s.needs ?? []) as Row[];
    const offers = (s.offers ?? []) as Row[];
    const needIds = needs.map((n) => n.id);
    const offerIds = offers.map((o) => o.id);
    if (duplicates([...needIds, ...offerIds]).length) say(`${where}: duplicate need/offer ids`);
    for (const o of offers) {
      for (const id of (o.needIds ?? []) as string[]) if (!needIds.includes(id)) say(`${where}: offer ${String(o.id)} answers missing need ${id}`);
      if (duplicates((o.needIds ?? []) as string[]).length) say(`${where}: offer ${String(o.id)} links a need twice`);
    }
  }

  const journeys = byId('journeys');
  const initiatives = byId('initiatives');
  const cards = byId('journeyCards');
  for (const j of journeys.values()) {
    const stageIds = ((j.stages ?? []) as Row[]).map((s) => s.id);
    const laneIds = ((j.lanes ?? []) as Row[]).map((l) => l.id);
    if (duplicates([...stageIds, ...laneIds]).length) say(`journey ${String(j.id)}: duplicate stage/lane ids`);
    if (j.personaId != null && !ids(stores.personas as Row[]).has(j.personaId as string)) say(`journey ${String(j.id)}: persona ${String(j.personaId)} is missing`);
  }
  for (const c of cards.values()) {
    const where = `card ${String(c.id)}`;
    const j = journeys.get(c.journeyId as string);
    if (!j) {
      say(`${where}: journey ${String(c.journeyId)} is missing`);
      continue;
    }
    if (!((j.stages ?? []) as Row[]).some((s) => s.id === c.stageId)) say(`${where}: stage ${String(c.stageId)} is not in its journey`);
    if (!((j.lanes ?? []) as Row[]).some((l) => l.id === c.laneId)) say(`${where}: lane ${String(c.laneId)} is not in its journey`);
    if (c.initiativeId != null && !initiatives.has(c.initiativeId as string)) say(`${where}: initiative ${String(c.initiativeId)} is missing`);
  }
  for (const i of initiatives.values()) {
    for (const pid of (i.personaIds ?? []) as string[]) if (!ids(stores.personas as Row[]).has(pid)) say(`initiative ${String(i.id)}: persona ${pid} is missing`);
    for (const cid of (i.cardIds ?? []) as string[]) if (!cards.has(cid)) say(`initiative ${String(i.id)}: card ${cid} is missing`);
  }
  return problems;
}
