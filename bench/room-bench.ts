// The room under load, on loopback only: the browser-mode server (a child process, as `npm start`
// runs it) hosts the room; the facilitator's page is open in headless Chromium on the journey;
// 30 simulated participants (Node, the real Hocuspocus provider) each add 20 cards over about a
// minute. Reports cards lost and duplicated, the latency from a participant's add to the card
// being stored by the facilitator's app and published back to the room (p50/p95), the cards
// drawn on the shared screen at the end, and the host server's CPU time and peak memory.
// scripts/bench.mjs runs it and prints the rows. Run alone: npx tsx bench/room-bench.ts [--json]
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { chromium, type Page } from '@playwright/test';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { OWN, SHARED, participantDocName, sharedDocName, type DeviceCard } from '../src-renderer/domain/room';
import { chromiumArgs, findChromium } from '../scripts/find-chromium.mjs';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const PARTICIPANTS = Number(process.env.ROOM_BENCH_PARTICIPANTS ?? 30);
const CARDS_EACH = Number(process.env.ROOM_BENCH_CARDS ?? 20);
const SPREAD_MS = Number(process.env.ROOM_BENCH_MS ?? 60_000);
const LIMIT_MS = SPREAD_MS + 90_000;

export interface RoomBenchResult {
  readonly participants: number;
  readonly sent: number;
  readonly stored: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly p50: number;
  readonly p95: number;
  /** Add to drawn on the shared screen, for the cards drawn while the room filled (in view). */
  readonly drawnLive: number;
  readonly drawnP50: number;
  readonly drawnP95: number;
  readonly drawn: number;
  readonly hostCpuMs: number;
  readonly hostPeakMB: number;
  readonly pageHeapMB: number;
  readonly seconds: number;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
};

/** CPU time (ms) and peak resident memory (MB) of a process, from /proc (Linux). */
function processFigures(pid: number): { cpuMs: number; peakMB: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const ticks = Number(stat[11]) + Number(stat[12]);
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return { cpuMs: (ticks * 1000) / 100, peakMB: hwm ? Number(hwm[1]) / 1024 : NaN };
  } catch {
    return { cpuMs: NaN, peakMB: NaN };
  }
}

async function startHost(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [resolve(root, 'scripts/serve.mjs'), '--port', '0', '--dir', dir], {
    cwd: root,
    env: { ...process.env, CENTRIC_ROOM_HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`The browser-mode server did not start: ${out}`)), 15_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    });
    child.once('exit', () => fail(new Error(`The browser-mode server exited: ${out}`)));
  });
  return { child, url };
}

async function facilitator(page: Page, url: string): Promise<{ journeyId: string; stages: string[]; lanes: string[] }> {
  await page.goto(url);
  await page.getByRole('button', { name: 'New workshop', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New workshop' });
  await dialog.getByRole('radio', { name: 'Journey mapping', exact: true }).press('Space');
  await dialog.getByRole('textbox', { name: 'Client' }).fill('Northwind Insurance');
  await dialog.getByRole('textbox', { name: 'Workshop title' }).fill('Room benchmark');
  await dialog.getByRole('button', { name: 'Create workshop' }).click();
  await page.waitForURL(/#\/w\/[^/]+$/);
  const workshopId = decodeURIComponent(/#\/w\/([^/]+)$/.exec(page.url())![1]!);
  await page.goto(`${url}#/w/${encodeURIComponent(workshopId)}/artifact/journey`);
  await page.getByRole('button', { name: 'New journey' }).first().click();
  const nj = page.getByRole('dialog', { name: 'New journey' });
  await nj.getByRole('textbox', { name: 'Journey name' }).fill('Renewal');
  await nj.getByRole('button', { name: 'Create journey' }).click();
  await page.getByRole('button', { name: /^Cell: Aware, Actions, 0 cards$/ }).waitFor();
  await page.getByRole('button', { name: 'Open the room' }).click();
  await page.getByRole('region', { name: 'Room' }).getByText('Room open').waitFor({ timeout: 20_000 });
  const journey = await page.evaluate(
    () =>
      new Promise<{ id: string; stages: { id: string }[]; lanes: { id: string }[] }>((ok, fail) => {
        const open = indexedDB.open('centric');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('journeys').objectStore('journeys').getAll();
          all.onsuccess = () => ok(all.result[0]);
          all.onerror = () => fail(all.error);
        };
      }),
  );
  return { journeyId: journey.id, stages: journey.stages.map((s) => s.id), lanes: journey.lanes.map((l) => l.id) };
}

async function status(page: Page): Promise<{ roomId: string; roomToken: string; hostWsUrl: string; port: number }> {
  return page.evaluate(async () => (await (await fetch('/api/host/room/status', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).json()) as never);
}

export async function benchRoom(dir = resolve(root, 'out/renderer')): Promise<RoomBenchResult> {
  const started = performance.now();
  const { child, url } = await startHost(dir);
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found.');
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  const cleanups: (() => void)[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const { journeyId, stages, lanes } = await facilitator(page, url);
    const info = await status(page);
    // For comparison only: the facilitator's window on the workshop overview instead of the canvas.
    if (process.env.ROOM_BENCH_VIEW === 'overview') await page.goto(page.url().replace(/\/artifact\/journey.*$/, ''));
    const base = `http://127.0.0.1:${info.port}`;
    const latencies: number[] = [];
    const sentAt = new Map<string, number>();
    const sentEpoch = new Map<string, number>();
    // The page notes (wall clock, same machine) when each card first appears on the canvas.
    await page.evaluate(() => {
      const drawn: Record<string, number> = {};
      (window as unknown as { __drawn: Record<string, number> }).__drawn = drawn;
      new MutationObserver((records) => {
        const now = performance.timeOrigin + performance.now();
        for (const r of records)
          for (const n of r.addedNodes) {
            if (!(n instanceof Element)) continue;
            const found = [n, ...n.querySelectorAll('[data-focus-key^="card:"]')];
            for (const el of found) {
              const key = el.getAttribute('data-focus-key');
              if (key?.startsWith('card:') && drawn[key.slice(5)] === undefined) drawn[key.slice(5)] = now;
            }
          }
      }).observe(document.body, { childList: true, subtree: true });
    });
    const seen = new Set<string>();
    let sent = 0;

    // Every participant enters, opens its own document and the shared one on one socket.
    const people = await Promise.all(
      Array.from({ length: PARTICIPANTS }, async (_, i) => {
        const res = await fetch(`${base}/api/enter`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ roomToken: info.roomToken, name: `Participant ${i + 1}` }),
          signal: AbortSignal.timeout(10_000),
        });
        const me = (await res.json()) as { participantId: string; token: string };
        const socket = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${info.port}/ws`, WebSocketPolyfill: WebSocket });
        const own = new Y.Doc();
        const shared = new Y.Doc();
        const providers = [
          new HocuspocusProvider({ websocketProvider: socket, name: participantDocName(info.roomId, me.participantId), token: me.token, document: own }),
          new HocuspocusProvider({ websocketProvider: socket, name: sharedDocName(info.roomId), token: me.token, document: shared, awareness: null }),
        ];
        for (const p of providers) p.attach();
        cleanups.push(() => {
          for (const p of providers) p.destroy();
          // A socket still connecting reports its abort as an error event: nothing to report here.
          (socket.webSocket as { on?: (e: string, f: () => void) => void } | null)?.on?.('error', () => undefined);
          socket.destroy();
        });
        // Round trip: the card is back in the shared document once the facilitator's app stored it.
        shared.getMap(SHARED.cards).observe((event) => {
          const now = performance.now();
          for (const key of event.keysChanged) {
            const at = sentAt.get(key);
            if (at !== undefined && !seen.has(key) && shared.getMap(SHARED.cards).has(key)) {
              seen.add(key);
              latencies.push(now - at);
            }
          }
        });
        await new Promise<void>((ok) => {
          const own0 = providers[0]!;
          if (own0.isSynced) return ok();
          const done = () => {
            own0.off('synced', done);
            ok();
          };
          own0.on('synced', done);
        });
        return { me, own };
      }),
    );

    // Each adds its cards spread over SPREAD_MS, at random moments.
    const t0 = performance.now();
    await Promise.all(
      people.map(async ({ me, own }, i) => {
        for (let n = 0; n < CARDS_EACH; n++) {
          const due = ((n + Math.random()) * SPREAD_MS) / CARDS_EACH;
          const wait = due - (performance.now() - t0);
          if (wait > 0) await new Promise((ok) => setTimeout(ok, Math.min(wait, SPREAD_MS / CARDS_EACH)));
          const id = `b${i}x${n}${Math.random().toString(36).slice(2, 8)}`;
          const card: DeviceCard = {
            id,
            journeyId,
            stageId: stages[(i + n) % stages.length]!,
            laneId: lanes[n % lanes.length]!,
            text: `Card ${n + 1} from participant ${i + 1}: ${me.participantId.slice(0, 4)}`,
            rev: 1,
            createdAt: Date.now(),
          };
          sentAt.set(id, performance.now());
          sentEpoch.set(id, performance.timeOrigin + performance.now());
          own.transact(() => own.getMap<DeviceCard>(OWN.cards).set(id, card));
          sent++;
        }
      }),
    );
    const total = PARTICIPANTS * CARDS_EACH;
    const deadline = performance.now() + LIMIT_MS - SPREAD_MS;
    while (seen.size < total && performance.now() < deadline) await new Promise((ok) => setTimeout(ok, 200));

    const stored = await page.evaluate(
      (jid) =>
        new Promise<string[]>((ok, fail) => {
          const open = indexedDB.open('centric');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('journeyCards').objectStore('journeyCards').getAll();
            all.onsuccess = () => ok((all.result as { id: string; journeyId: string }[]).filter((c) => c.journeyId === jid).map((c) => c.id));
            all.onerror = () => fail(all.error);
          };
        }),
      journeyId,
    );
    const drawnAt = await page.evaluate(() => (window as unknown as { __drawn: Record<string, number> }).__drawn);
    const drawnLatencies = Object.entries(drawnAt)
      .filter(([id]) => sentEpoch.has(id))
      .map(([id, at]) => at - sentEpoch.get(id)!);
    const unique = new Set(stored);
    const lost = [...sentAt.keys()].filter((id) => !unique.has(id)).length;
    if (process.env.ROOM_BENCH_VIEW !== 'overview') await page.getByRole('button', { name: 'Zoom to fit' }).click();
    const drawn = await page.evaluate(() => document.querySelectorAll('[data-focus-key^="card:"]').length);
    const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN);
    const host = processFigures(child.pid!);
    return {
      participants: PARTICIPANTS,
      sent,
      stored: unique.size,
      lost,
      duplicated: stored.length - unique.size,
      p50: pct(latencies, 50),
      p95: pct(latencies, 95),
      drawnLive: drawnLatencies.length,
      drawnP50: pct(drawnLatencies, 50),
      drawnP95: pct(drawnLatencies, 95),
      drawn,
      hostCpuMs: host.cpuMs,
      hostPeakMB: host.peakMB,
      pageHeapMB: heap / 1024 / 1024,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    for (const c of cleanups) c();
    await browser.close();
    child.kill('SIGTERM');
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const dir = process.argv.find((a) => a.startsWith('--dir='))?.slice(6);
  const result = await benchRoom(dir ? resolve(dir) : undefined);
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  else console.table(result);
  process.exit(0);
}
