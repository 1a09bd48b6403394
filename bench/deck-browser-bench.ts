// Deck export of the full-workshop fixture measured in the browser, as a facilitator does it:
// the built app served on loopback, the workshop's rows stored in IndexedDB, the export screen
// open, then the PDF and PowerPoint buttons clicked; time from the click to the file being
// handed over as a download, and the file's size. Median of 3 clicks each. scripts/bench.mjs
// runs it (BENCH_ONLY=deck-browser for this row alone) and prints the rows.
// Run alone after a build: npx tsx bench/deck-browser-bench.ts --dir=out/renderer [--json]
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../scripts/find-chromium.mjs';
import { startServer } from '../scripts/serve.mjs';
import { fullWorkshop } from '../test/fixtures/export/full-workshop';

export interface DeckBrowserRow {
  readonly name: string;
  /** Median ms from the click to the download. */
  readonly ms: number;
  readonly bytes: number;
  /** Under 2 s and under 2 MB. */
  readonly ok: boolean;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchDeckInBrowser(dir: string, runs = 3): Promise<DeckBrowserRow[]> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found.');
  const app = await startServer({ port: 0, dir, host: '127.0.0.1', roomListenHost: '127.0.0.1' });
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
    await page.goto(app.url);
    await page.getByRole('heading', { level: 1, name: 'Workshops' }).waitFor();
    const d = fullWorkshop();
    const rows: Record<string, unknown[]> = {
      workshops: [d.workshop], personas: [...d.personas], segments: [...d.segments], journeys: [...d.journeys], journeyCards: [...d.cards],
      initiatives: [...d.initiatives], metrics: [...d.metrics], assessments: [...d.assessments], actions: [...d.log],
      sessions: [...d.exercises, ...d.scoringRounds], votes: [...d.votes], participants: [...d.participants],
      settings: [{ key: 'facilitatorName', value: d.facilitatorName }, { key: 'organisation', value: d.organisation }],
    };
    await page.evaluate(async (rows) => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('centric');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      await new Promise<void>((res, rej) => {
        const tx = db.transaction(Object.keys(rows), 'readwrite');
        for (const [store, list] of Object.entries(rows)) for (const row of list) tx.objectStore(store).put(row);
        tx.oncomplete = () => res();
        tx.onerror = () => rej(tx.error);
      });
      db.close();
    }, rows);
    await page.goto(`${app.url}#/w/${encodeURIComponent(d.workshop.id)}/export`);
    await page.getByRole('region', { name: 'Deck preview' }).getByRole('img', { name: /^Slide 1:/ }).waitFor({ timeout: 60_000 });
    const out: DeckBrowserRow[] = [];
    for (const [name, button] of [['Deck PDF (browser)', 'PDF'], ['Deck PPTX (browser)', 'PowerPoint']] as const) {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < runs + 1; i++) {
        const save = page.getByRole('button', { name: button, exact: true });
        await save.waitFor();
        await page.waitForFunction((b) => [...document.querySelectorAll('button')].some((x) => x.textContent?.trim() === b && !x.disabled), button);
        const download = page.waitForEvent('download', { timeout: 60_000 });
        const t0 = performance.now();
        await save.click();
        const file = await download;
        const ms = performance.now() - t0;
        bytes = statSync((await file.path())!).size;
        // The first click also loads the renderer's code: a session's first export, not counted.
        if (i > 0) times.push(ms);
      }
      const ms = Math.round(median(times));
      out.push({ name, ms, bytes, ok: ms < 2000 && bytes < 2 * 1024 * 1024 });
    }
    return out;
  } finally {
    await browser.close();
    app.server.close();
    app.server.closeAllConnections();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = resolve(process.argv.find((a) => a.startsWith('--dir='))?.slice(6) ?? 'out/renderer');
  const rows = await benchDeckInBrowser(dir);
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
  else console.table(rows.map((r) => ({ export: r.name, 'click to file (ms)': r.ms, 'size (KB)': Math.round(r.bytes / 1024), 'within bar': r.ok ? 'yes' : 'NO' })));
}
