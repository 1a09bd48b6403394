// A tiny TrueType reader: only what the deck needs to measure and place text — the character
// map (cmap formats 4 and 12), advance widths (hmtx), units per em and vertical metrics.
// Pure: bytes in, numbers out; runs in the browser and in Node tests. Never draws or subsets.

export interface TtfFont {
  readonly name: string;
  readonly unitsPerEm: number;
  /** Ascender and descender (positive, font units), from hhea. */
  readonly ascent: number;
  readonly descent: number;
  /** Glyph id for a code point, or 0 (.notdef) when the font has no glyph for it. */
  glyph(codePoint: number): number;
  /** Advance width of a glyph in font units. */
  advance(glyphId: number): number;
  /** Whether the font has a glyph for this code point. */
  has(codePoint: number): boolean;
}

function tableDirectory(v: DataView): Map<string, { offset: number; length: number }> {
  const n = v.getUint16(4);
  const out = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < n; i++) {
    const p = 12 + i * 16;
    const tag = String.fromCharCode(v.getUint8(p), v.getUint8(p + 1), v.getUint8(p + 2), v.getUint8(p + 3));
    out.set(tag, { offset: v.getUint32(p + 8), length: v.getUint32(p + 12) });
  }
  return out;
}

/** Reads the best Unicode subtable: format 12 (full range) if present, else format 4 (BMP). */
function readCmap(v: DataView, at: number): Map<number, number> {
  const count = v.getUint16(at + 2);
  let f4 = -1;
  let f12 = -1;
  for (let i = 0; i < count; i++) {
    const p = at + 4 + i * 8;
    const platform = v.getUint16(p);
    const encoding = v.getUint16(p + 2);
    const off = at + v.getUint32(p + 4);
    const format = v.getUint16(off);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12 && f12 < 0) f12 = off;
    if (format === 4 && f4 < 0) f4 = off;
  }
  const map = new Map<number, number>();
  if (f12 >= 0) {
    const groups = v.getUint32(f12 + 12);
    for (let g = 0; g < groups; g++) {
      const p = f12 + 16 + g * 12;
      const start = v.getUint32(p);
      const end = v.getUint32(p + 4);
      const glyph = v.getUint32(p + 8);
      for (let c = start; c <= end; c++) map.set(c, glyph + (c - start));
    }
    return map;
  }
  if (f4 < 0) return map;
  const segX2 = v.getUint16(f4 + 6);
  const ends = f4 + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const ranges = deltas + segX2;
  for (let s = 0; s < segX2 / 2; s++) {
    const end = v.getUint16(ends + s * 2);
    const start = v.getUint16(starts + s * 2);
    const delta = v.getInt16(deltas + s * 2);
    const rangeOffAt = ranges + s * 2;
    const rangeOff = v.getUint16(rangeOffAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOff === 0) glyph = (c + delta) & 0xffff;
      else {
        const gAt = rangeOffAt + rangeOff + (c - start) * 2;
        glyph = v.getUint16(gAt);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) map.set(c, glyph);
    }
  }
  return map;
}

/** Parses a TrueType font. Throws with a clear message on anything that is not one. */
export function parseTtf(bytes: Uint8Array, name: string): TtfFont {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = tableDirectory(v);
  const need = (tag: string) => {
    const t = tables.get(tag);
    if (!t) throw new Error(`The font ${name} has no ${tag} table.`);
    return t.offset;
  };
  const head = need('head');
  const hhea = need('hhea');
  const hmtx = need('hmtx');
  const unitsPerEm = v.getUint16(head + 18);
  const ascent = v.getInt16(hhea + 4);
  const descent = Math.abs(v.getInt16(hhea + 6));
  const longMetrics = v.getUint16(hhea + 34);
  const advances = new Uint16Array(longMetrics);
  for (let i = 0; i < longMetrics; i++) advances[i] = v.getUint16(hmtx + i * 4);
  const lastAdvance = advances[longMetrics - 1] ?? unitsPerEm / 2;
  const cmap = readCmap(v, need('cmap'));
  return {
    name,
    unitsPerEm,
    ascent,
    descent,
    glyph: (cp) => cmap.get(cp) ?? 0,
    advance: (g) => (g < longMetrics ? advances[g]! : lastAdvance),
    has: (cp) => cmap.has(cp),
  };
}
