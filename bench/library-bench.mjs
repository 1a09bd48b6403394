// Library and storage figures for `npm run bench`: load-to-interactive with 100 workshops, one
// command committed to IndexedDB with 10,000 cards stored (p50/p95), a 5 MB backup import, a
// whole-library export, and the renderer's JS heap after opening a 2,000-card journey.
// Runs the app's real code through the ?bench hooks (src-renderer/bench/bench-hooks.ts).
/* global window, performance, document, requestAnimationFrame -- these run inside the page */
import { randomUUID } from 'node:crypto';
import { putRows, syntheticJourney, workshopRow } from './seed.mjs';

function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
}

async function openBenchApp(browser, appUrl, viewport) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${appUrl}?bench`);
  await page.getByRole('heading', { level: 1, name: 'Workshops' }).waitFor();
  return { context, page };
}

/** In the page: ms from navigation start until the library table shows its 100 rows (and a frame passed). */
const untilLibraryShown = () =>
  new Promise((res) => {
    const poll = () => {
      const rows = document.querySelectorAll('table[aria-label="Workshops"] tbody tr');
      if (rows.length >= 100) requestAnimationFrame(() => res(performance.now()));
      else requestAnimationFrame(poll);
    };
    poll();
  });

/** Load to interactive: navigation start until the library table shows all rows and can be used. */
export async function benchLibraryLoad(browser, appUrl, viewport) {
  const { context, page } = await openBenchApp(browser, appUrl, viewport);
  const workshops = Array.from({ length: 100 }, (_, i) => workshopRow(`lib-${i}`, `Workshop ${i + 1}`));
  const personas = workshops.flatMap((w) =>
    Array.from({ length: 4 }, (_, j) => ({
      id: randomUUID(), workshopId: w.id, name: `Persona ${j + 1}`, avatar: { kind: 'initials', color: '#2f4fd8' }, segmentId: null,
      quote: 'I want it to just work.', context: '', goals: [], needs: [], pains: [], gains: [], behaviours: [], channels: [], motivations: [], order: j, createdAt: Date.now(),
    })),
  );
  await putRows(page, { workshops, personas });
  const samples = [];
  // JavaScript the library's first paint loads (bytes of every script response, first load only).
  let jsBytes = 0;
  let counting = true;
  page.on('response', async (r) => {
    if (!counting || r.request().resourceType() !== 'script') return;
    try {
      jsBytes += (await r.body()).length;
    } catch {
      // A response gone with its page: not counted.
    }
  });
  for (let i = 0; i < 5; i++) {
    // A real page load each time (a changed query string), not a same-document hash change.
    await page.goto(`${appUrl}?bench&load=${i}#/`);
    samples.push(
      await page.evaluate(untilLibraryShown),
    );
    counting = false;
  }
  // Cold start: a new page (a new renderer) with the HTTP cache off, so every script, style and
  // font is fetched and compiled again, as on the app's first start after an install or update.
  const cold = [];
  for (let i = 0; i < 5; i++) {
    const p = await context.newPage();
    const cdp = await context.newCDPSession(p);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await p.goto(`${appUrl}?bench&cold=${i}#/`);
    cold.push(
      await p.evaluate(untilLibraryShown),
    );
    await p.close();
  }
  await context.close();
  return { median: percentile(samples, 0.5), samples, jsBytes, coldMedian: percentile(cold, 0.5), cold };
}

/** One edit (a command: read, put, record) committed with 10,000 cards stored: p50 and p95 over 200 edits. */
export async function benchEditCommit(browser, appUrl, viewport) {
  const { context, page } = await openBenchApp(browser, appUrl, viewport);
  const wid = 'edit-bench';
  const { journey, cards } = syntheticJourney(wid, 10_000);
  await putRows(page, { workshops: [workshopRow(wid, 'Edit benchmark')], journeys: [journey], journeyCards: cards });
  const ids = cards.slice(0, 200).map((c) => c.id);
  const times = await page.evaluate(
    async ({ wid, ids }) => {
      const b = window.__centricBench;
      const db = b.getDb();
      const out = [];
      for (const [i, id] of ids.entries()) {
        const t = performance.now();
        await b.applyCommand(db, {
          label: 'Edit card',
          scope: wid,
          touchWorkshop: wid,
          ops: [{ type: 'update', table: 'journeyCards', key: id, update: (r) => ({ ...r, text: `${r.text} ·${i}` }) }],
        });
        out.push(performance.now() - t);
      }
      return out;
    },
    { wid, ids },
  );
  await context.close();
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), count: times.length };
}

/**
 * A backup file of about `mb` megabytes: one workshop with many journey cards, in journeys of at
 * most 5,000 cards (the per-journey limit a backup may not pass).
 */
function bigBackup(mb) {
  const wid = randomUUID();
  const cardsNeeded = Math.ceil((mb * 1024 * 1024) / 330);
  const journeys = [];
  const cards = [];
  for (let left = cardsNeeded; left > 0; left -= 5000) {
    const one = syntheticJourney(wid, Math.min(left, 5000));
    journeys.push({ ...one.journey, order: journeys.length });
    cards.push(...one.cards);
  }
  const tables = {
    workshops: [workshopRow(wid, 'Import benchmark')], personas: [], segments: [], journeys, journeyCards: cards,
    initiatives: [], metrics: [], assessments: [], actions: [], participants: [], votes: [], sessions: [], templates: [], settings: [],
  };
  return JSON.stringify({ format: 'centric-backup', formatVersion: 3, exportedAt: new Date().toISOString(), appVersion: 'bench', scope: 'workshop', tables });
}

/** Import of a 5 MB backup (validate + write) and export of the whole library (read + serialise). */
export async function benchBackup(browser, appUrl, viewport) {
  const { context, page } = await openBenchApp(browser, appUrl, viewport);
  const text = bigBackup(5);
  const r = await page.evaluate(async (text) => {
    const b = window.__centricBench;
    const db = b.getDb();
    const t0 = performance.now();
    const parsed = b.parseBackupText(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const ops = await b.importOps(db, parsed.backup.tables, 'keep-both');
    await b.applyCommand(db, { label: 'Import', scope: 'library', ops });
    const t1 = performance.now();
    const data = await b.readLibraryData(db);
    const out = b.backupToText(b.createBackup(data, 'library', 'bench'));
    const t2 = performance.now();
    return { importMs: t1 - t0, exportMs: t2 - t1, exportBytes: out.length, rows: ops.length };
  }, text);
  await context.close();
  return { ...r, importBytes: text.length };
}

/** Renderer JS heap after opening a 2,000-card journey (Chrome DevTools Protocol, after a GC). */
export async function benchJourneyHeap(browser, appUrl, viewport) {
  const { context, page } = await openBenchApp(browser, appUrl, viewport);
  const wid = 'heap-bench';
  const { journey, cards } = syntheticJourney(wid, 2000);
  await putRows(page, { workshops: [workshopRow(wid, 'Heap benchmark')], journeys: [journey], journeyCards: cards });
  await page.goto(`${appUrl}?bench#/w/${wid}/artifact/journey/${journey.id}`);
  await page.locator('.react-flow__node').first().waitFor();
  await page.waitForTimeout(1000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await context.close();
  return { usedMB: usedSize / 1024 / 1024 };
}
