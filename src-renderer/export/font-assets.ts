// Loads the embedded fonts at export time only: `new URL(…, import.meta.url)` makes the
// bundler emit them as separate files, so they never weigh on the app's start. Parsed once per
// session. Noto Sans, Noto Sans Hebrew and Noto Sans Arabic (OFL), Droid Sans Fallback
// (Apache-2.0), a Symbola subset for emoji (free for any use), and Liberation Sans (OFL) when a
// brand chooses it; licences in ./fonts/.
import type { BrandTypeface } from '../domain/brand';
import { createTextMeasure, cssFamilies, fontFaces, parseFontBook, type FontBytes, type TextMeasure } from './text-measure';

const urls = {
  regular: new URL('./fonts/NotoSans-Regular.ttf', import.meta.url),
  bold: new URL('./fonts/NotoSans-Bold.ttf', import.meta.url),
  // Stored gzipped (2.9 MB -> 1.5 MB) and unpacked with the browser's own DecompressionStream.
  cjk: new URL('./fonts/DroidSansFallback-CJK.ttf.gz', import.meta.url),
  hebrew: new URL('./fonts/NotoSansHebrew-Regular.ttf', import.meta.url),
  hebrewBold: new URL('./fonts/NotoSansHebrew-Bold.ttf', import.meta.url),
  arabic: new URL('./fonts/NotoSansArabic-Regular.ttf', import.meta.url),
  arabicBold: new URL('./fonts/NotoSansArabic-Bold.ttf', import.meta.url),
  emoji: new URL('./fonts/Symbola-Emoji.ttf.gz', import.meta.url),
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
    const [regular, bold, cjk, hebrew, hebrewBold, arabic, arabicBold, emoji] = await Promise.all(
      [urls.regular, urls.bold, urls.cjk, urls.hebrew, urls.hebrewBold, urls.arabic, urls.arabicBold, urls.emoji].map(fetchBytes),
    );
    const bytes = { regular: regular!, bold: bold!, cjk: cjk!, hebrew, hebrewBold, arabic, arabicBold, emoji };
    return { bytes, measure: createTextMeasure(parseFontBook(bytes)) };
  })().catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

/** The faces registered, and for which regular bytes (a brand typeface replaces them). */
let registered: { regular: Uint8Array; faces: FontFace[] } | null = null;

/**
 * Makes the export fonts the page's own, under names no system font has (text-measure.ts
 * cssFamilies): the preview and the PNG then draw every script with the files the PDF embeds,
 * not with whatever this machine has installed. Once per session; resolves when they are ready.
 */
export async function registerExportFonts(bytes: FontBytes): Promise<void> {
  if (registered?.regular === bytes.regular || typeof FontFace === 'undefined' || typeof document === 'undefined') return;
  // Another typeface chosen since: its faces replace the earlier ones under the same names.
  for (const f of registered?.faces ?? []) document.fonts.delete(f);
  const faces: FontFace[] = [];
  registered = { regular: bytes.regular, faces };
  for (const f of fontFaces) {
    const b = bytes[f];
    if (!b) continue;
    const { family, weight } = cssFamilies[f];
    const face = new FontFace(family, b.slice().buffer, { weight: String(weight) });
    document.fonts.add(face);
    faces.push(face);
  }
  await Promise.all(faces.map((x) => x.load()));
}
