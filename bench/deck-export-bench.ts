// Deck export times and sizes for the full-workshop fixture (6 personas, 4 segments, 3
// journeys of 120 cards, 30 initiatives, 40 metrics, an assessment): PDF, roadmap PDF (A3) and
// PPTX. scripts/bench.mjs calls benchDeckExport() and prints the rows in its table.
// Run alone: npx tsx bench/deck-export-bench.ts
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';
import { fullWorkshop, fontBytesFromDisk } from '../test/fixtures/export/full-workshop';
import { allSections, buildDeck } from '../src-renderer/export/deck-build';
import { buildRoadmapPoster } from '../src-renderer/export/deck-roadmap';
import { renderPdf } from '../src-renderer/export/pdf-render';
import { renderPptx } from '../src-renderer/export/pptx-render';
import { createTextMeasure, parseFontBook } from '../src-renderer/export/text-measure';

export interface DeckBenchRow {
  readonly name: string;
  /** Median of the runs, ms (model + render, fonts already parsed as in a session). */
  readonly ms: number;
  readonly bytes: number;
  readonly pages: number;
  /** The quality bar: under 2 s, and for PDFs under 2 MB. */
  readonly ok: boolean;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchDeckExport(runs = 3, outDir?: string): Promise<DeckBenchRow[]> {
  const fonts = fontBytesFromDisk();
  const m = createTextMeasure(parseFontBook(fonts));
  const data = fullWorkshop();
  const rows: DeckBenchRow[] = [];
  const time = async (name: string, f: () => Promise<{ bytes: Uint8Array; pages: number }>, maxBytes: number) => {
    const times: number[] = [];
    let last: { bytes: Uint8Array; pages: number } | null = null;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      last = await f();
      times.push(performance.now() - t0);
    }
    const ms = Math.round(median(times));
    if (outDir && last) writeFileSync(`${outDir}/${name.replace(/\W+/g, '-').toLowerCase()}.${name.includes('PPTX') ? 'pptx' : 'pdf'}`, last.bytes);
    rows.push({ name, ms, bytes: last!.bytes.length, pages: last!.pages, ok: ms < 2000 && last!.bytes.length < maxBytes });
  };
  await time('Deck PDF', async () => {
    const deck = buildDeck(data, allSections, m);
    return { bytes: renderPdf({ deck, measure: m, fonts }), pages: deck.slides.length };
  }, 2 * 1024 * 1024);
  await time('Roadmap PDF (A3)', async () => {
    const deck = buildRoadmapPoster(data, m);
    return { bytes: renderPdf({ deck, measure: m, fonts }), pages: deck.slides.length };
  }, 2 * 1024 * 1024);
  await time('Deck PPTX', async () => {
    const deck = buildDeck(data, allSections, m);
    return { bytes: await renderPptx({ deck, measure: m }), pages: deck.slides.length };
  }, Infinity);
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = await benchDeckExport(3, process.env.DECK_OUT);
  // scripts/bench.mjs reads the rows as one JSON line.
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
  else console.table(rows.map((r) => ({ export: r.name, 'time (ms)': r.ms, 'size (KB)': Math.round(r.bytes / 1024), pages: r.pages, 'within bar': r.ok ? 'yes' : 'NO' })));
}
