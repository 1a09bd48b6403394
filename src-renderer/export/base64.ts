// Base64 of bytes and bytes of a data URL, in the browser and in Node alike (no Buffer).
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

const CODES = new Uint8Array(64).map((_, i) => ALPHABET.charCodeAt(i));
const cache = new WeakMap<Uint8Array, string>();

/** Base64 of the bytes; cached per array, since the same font bytes are embedded on every export. */
export function bytesToBase64(bytes: Uint8Array): string {
  const hit = cache.get(bytes);
  if (hit !== undefined) return hit;
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  const n3 = bytes.length - (bytes.length % 3);
  for (let i = 0; i < n3; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = CODES[(n >> 18) & 63]!;
    out[o++] = CODES[(n >> 12) & 63]!;
    out[o++] = CODES[(n >> 6) & 63]!;
    out[o++] = CODES[n & 63]!;
  }
  const rest = bytes.length - n3;
  if (rest > 0) {
    const a = bytes[n3]!;
    const b = rest > 1 ? bytes[n3 + 1]! : 0;
    const n = (a << 16) | (b << 8);
    out[o++] = CODES[(n >> 18) & 63]!;
    out[o++] = CODES[(n >> 12) & 63]!;
    out[o++] = rest > 1 ? CODES[(n >> 6) & 63]! : 61;
    out[o++] = 61;
  }
  const s = new TextDecoder().decode(out);
  cache.set(bytes, s);
  return s;
}

export function base64ToBytes(b64: string): Uint8Array {
  const clean = b64.replace(/[^A-Za-z0-9+/]/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const n = (ALPHABET.indexOf(clean[i]!) << 18) | (ALPHABET.indexOf(clean[i + 1] ?? 'A') << 12) | (ALPHABET.indexOf(clean[i + 2] ?? 'A') << 6) | ALPHABET.indexOf(clean[i + 3] ?? 'A');
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}
