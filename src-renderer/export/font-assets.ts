// Loads the embedded fonts at export time only: `new URL(…, import.meta.url)` makes the
// bundler emit them as separate files, so they never weigh on the app's start. Parsed once per
// session. Noto Sans (OFL) and Droid Sans Fallback (Apache-2.0), and Liberation Sans (OFL) when a brand
// chooses it; licences in ./fonts/.
import type { BrandTypeface } from '../domain/brand';
import { createTextMeasure, parseFontBook, type FontBytes, type TextMeasure } from './text-measure';

const urls = {
  regular: new URL('./fonts/NotoSans-Regular.ttf', import.meta.url),
  bold: new URL('./fonts/NotoSans-Bold.ttf', import.meta.url),
  // Stored gzipped (2.9 MB -> 1.5 MB) and unpacked with the browser's own DecompressionStream.
  cjk: new URL('./fonts/DroidSansFallback-CJK.ttf.gz', import.meta.url),
};

export interface LoadedFonts {
  readonly bytes: FontBytes;
  readonly measure: TextMeasure;
}

let loading: Promise<LoadedFonts> | null = null;

/** Brand typefaces other than Noto Sans: regular and bold, gzipped; loaded only when chosen. */
const typefaceUrls: Partial<Record<BrandTypeface, { regular: URL; bold: URL }>> = {
  'liberation-sans': {
    regular: new URL('./fonts/LiberationSans-Regular.ttf.gz', import.meta.url),
    bold: new URL('./fonts/LiberationSans-Bold.ttf.gz', import.meta.url),
  },
};
const typefaceLoading = new Map<BrandTypeface, Promise<LoadedFonts>>();

/**
 * The export fonts with the brand's typeface as regular and bold (the other scripts' fonts
 * unchanged), and a measure built from them: the deck is measured with what it is drawn with.
 */
export function loadTypefaceFonts(typeface: BrandTypeface): Promise<LoadedFonts> {
  const urls = typefaceUrls[typeface];
  if (!urls) return loadExportFonts();
  let p = typefaceLoading.get(typeface);
  if (!p) {
    p = (async () => {
      const [base, regular, bold] = await Promise.all([loadExportFonts(), fetchBytes(urls.regular), fetchBytes(urls.bold)]);
      const bytes = { ...base.bytes, regular, bold };
      return { bytes, measure: createTextMeasure(parseFontBook(bytes)) };
    })();
    p.catch(() => typefaceLoading.delete(typeface));
    typefaceLoading.set(typeface, p);
  }
  return p;
}

async function fetchBytes(url: URL): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok || !res.body) throw new Error(`The export font ${url.pathname.split('/').pop()} could not be loaded (${res.status}).`);
  const body = url.pathname.endsWith('.gz') ? res.body.pipeThrough(new DecompressionStream('gzip')) : res.body;
  return new Uint8Array(await new Response(body).arrayBuffer());
}

/** The fonts and a text measure built from them; loaded on first use. */
export function loadExportFonts(): Promise<LoadedFonts> {
  loading ??= (async () => {
    const [regular, bold, cjk] = await Promise.all([fetchBytes(urls.regular), fetchBytes(urls.bold), fetchBytes(urls.cjk)]);
    const bytes = { regular, bold, cjk };
    return { bytes, measure: createTextMeasure(parseFontBook(bytes)) };
  })().catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}
