// Turning the bytes of an imported text file into text: UTF-8 (with or without its byte-order
// mark), UTF-16 LE/BE by their mark, and Windows-1252 when the bytes are not valid UTF-8 (what
// Excel's "CSV" saves on a German or French Windows). Written out here rather than through
// TextDecoder so the same rules run in Node tests and in every renderer, with no ICU build
// deciding which legacy encodings exist. Pure: bytes in, text or a refusal out.

export type TextEncodingName = 'UTF-8' | 'UTF-8 with BOM' | 'UTF-16 LE' | 'UTF-16 BE' | 'Windows-1252';

export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: TextEncodingName }
  | { readonly ok: false; readonly message: string };

/** Windows-1252 bytes 0x80–0x9F (the rest of the code page is Latin-1); unassigned bytes keep their C1 code point, as browsers do. */
const cp1252High = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Builds a string from code units in slices: String.fromCharCode(...all) overflows the stack on a large file. */
function fromUnits(units: Uint16Array): string {
  let out = '';
  for (let i = 0; i < units.length; i += 0x4000) out += String.fromCharCode(...units.subarray(i, i + 0x4000));
  return out;
}

/** Strict UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF); null when the bytes are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array, start = 0): string | null {
  const units = new Uint16Array(bytes.length - start);
  let u = 0;
  let i = start;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      units[u++] = b;
      i++;
      continue;
    }
    let need: number;
    let cp: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, cp, min] = [1, b & 0x1f, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, cp, min] = [2, b & 0x0f, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, cp, min] = [3, b & 0x07, 0x10000];
    else return null;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    if (cp >= 0x10000) {
      const v = cp - 0x10000;
      units[u++] = 0xd800 + (v >> 10);
      units[u++] = 0xdc00 + (v & 0x3ff);
    } else units[u++] = cp;
    i += need + 1;
  }
  return fromUnits(units.subarray(0, u));
}

export function decodeUtf16(bytes: Uint8Array, bigEndian: boolean, start = 2): string {
  const count = Math.floor((bytes.length - start) / 2);
  const units = new Uint16Array(count);
  for (let k = 0; k < count; k++) {
    const a = bytes[start + 2 * k]!;
    const b = bytes[start + 2 * k + 1]!;
    units[k] = bigEndian ? (a << 8) | b : (b << 8) | a;
  }
  return fromUnits(units);
}

export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    units[i] = b >= 0x80 && b <= 0x9f ? cp1252High[b - 0x80]! : b;
  }
  return fromUnits(units);
}

/** Where the first NUL sits, as a line number, or 0 when there is none. */
function nulLine(text: string): number {
  const at = text.indexOf('\u0000');
  if (at === -1) return 0;
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Decodes an imported file. A byte-order mark decides; without one, valid UTF-8 is UTF-8 and
 * anything else is read as Windows-1252 (every byte means something there, so it never fails).
 * Files that hold NUL characters are refused: they are UTF-16 without its mark, or not text.
 */
export function decodeTextBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return { ok: false, message: 'This is a zipped file, probably an Excel workbook (.xlsx), not text. In Excel choose File › Save As › “CSV UTF-8 (comma delimited)” and import that file.' };
  }
  let text: string;
  let encoding: TextEncodingName;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const t = decodeUtf8(bytes, 3);
    if (t === null) return { ok: false, message: 'The file starts with a UTF-8 byte-order mark but is not valid UTF-8 after it. Save it again as “CSV UTF-8” and import that file.' };
    [text, encoding] = [t, 'UTF-8 with BOM'];
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) [text, encoding] = [decodeUtf16(bytes, false), 'UTF-16 LE'];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [text, encoding] = [decodeUtf16(bytes, true), 'UTF-16 BE'];
  else {
    const t = decodeUtf8(bytes);
    [text, encoding] = t === null ? [decodeWindows1252(bytes), 'Windows-1252'] : [t, 'UTF-8'];
  }
  const problem = nulProblem(text, encoding);
  return problem ? { ok: false, message: problem } : { ok: true, text, encoding };
}

/** Why text holding NUL characters is refused, naming the likely cause; null when it holds none. */
export function nulProblem(text: string, encoding: TextEncodingName | null = null): string | null {
  const line = nulLine(text);
  if (line === 0) return null;
  const nuls = text.split('\u0000').length - 1;
  const likely = encoding?.startsWith('UTF-16')
    ? 'The text itself holds NUL characters, so it is probably not a text file at all.'
    : nuls * 4 >= text.length
      ? 'It is probably UTF-16 (Excel’s “Unicode Text”) saved without its byte-order mark, or not a text file at all.'
      : 'It is probably not a text file (a database, a picture or a workbook), or it was damaged.';
  return `Line ${line.toLocaleString('en')}: the ${encoding ? 'file' : 'text'} holds ${nuls.toLocaleString('en')} NUL ${nuls === 1 ? 'character' : 'characters'}. ${likely} Save it as “CSV UTF-8” and import that file.`;
}

/** The bytes of base64 text (what the host's binary file picker returns). */
export function bytesFromBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
