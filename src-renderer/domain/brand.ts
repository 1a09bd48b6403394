// The firm's own look for exported decks: two colours, a typeface from those the app ships (so
// text is measured with the exact font that is drawn) and a logo image. Pure checks with
// messages for the settings screen; the bytes of a logo are sniffed, never trusted by name.

/** Typefaces the exports can use. `pptx`: the font the PowerPoint names, with the same widths. */
export const brandTypefaces = {
  'noto-sans': { label: 'Noto Sans', family: 'Noto Sans', pptx: 'Noto Sans', note: 'The app’s own typeface. PowerPoint needs Noto Sans installed; without it, it substitutes a font and lines may wrap differently.' },
  'liberation-sans': {
    label: 'Liberation Sans (Arial widths)',
    family: 'Liberation Sans',
    pptx: 'Arial',
    note: 'Liberation Sans has exactly Arial’s letter widths, so the PowerPoint names Arial, which every copy of Office has, and its lines wrap as in the PDF.',
  },
} as const;

export type BrandTypeface = keyof typeof brandTypefaces;

export const brandTypefaceIds = Object.keys(brandTypefaces) as BrandTypeface[];

export function isBrandTypeface(v: string): v is BrandTypeface {
  return (brandTypefaceIds as string[]).includes(v);
}

export interface Brand {
  readonly primary: string;
  readonly accent: string;
  readonly typeface: BrandTypeface;
  /** data:image/png|jpeg;base64,… or '' for none. */
  readonly logo: string;
}

/** What settings hold (all text; '' = the app's own look). */
export interface BrandSettings {
  readonly brandPrimary: string;
  readonly brandAccent: string;
  readonly brandTypeface: string;
  readonly brandLogo: string;
}

export const HEX = /^#[0-9a-f]{6}$/i;

/** The brand to apply, or null when nothing is set (the app's look). Invalid values are ignored. */
export function brandOf(s: BrandSettings, defaults: { primary: string; accent: string }): Brand | null {
  const primary = HEX.test(s.brandPrimary) ? s.brandPrimary.toLowerCase() : '';
  const accent = HEX.test(s.brandAccent) ? s.brandAccent.toLowerCase() : '';
  const typeface = isBrandTypeface(s.brandTypeface) ? s.brandTypeface : 'noto-sans';
  const logo = s.brandLogo.startsWith('data:image/') ? s.brandLogo : '';
  if (!primary && !accent && typeface === 'noto-sans' && !logo) return null;
  return { primary: primary || defaults.primary, accent: accent || defaults.accent, typeface, logo };
}

// ---------------------------------------------------------------------------------------------
// Colours

function channel(v: number): number {
  const s = v / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function luminance(hex: string): number {
  const h = hex.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
}

export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

/** Why a brand colour cannot be used, or null. White text sits on it and it sits on white. */
export function colourProblem(value: string, label: string): string | null {
  const v = value.trim();
  if (!v) return null;
  if (!HEX.test(v)) return `${label} must be a colour like #1f4e79.`;
  const k = contrast(v, '#ffffff');
  if (k < 3) return `${label} ${v} is too light: white text on it and it on white would be hard to read (contrast ${k.toFixed(1)}:1, at least 3:1 needed). Pick a darker shade.`;
  return null;
}

/** `hex` mixed with white: t = 0 is the colour, 1 is white. */
export function tint(hex: string, t: number): string {
  const h = hex.replace('#', '');
  const mix = (i: number) => Math.round(parseInt(h.slice(i, i + 2), 16) * (1 - t) + 255 * t);
  return `#${[0, 2, 4].map((i) => mix(i).toString(16).padStart(2, '0')).join('')}`;
}

/** `hex` darkened: t = 0 is the colour, 1 is black. */
export function shade(hex: string, t: number): string {
  const h = hex.replace('#', '');
  const mix = (i: number) => Math.round(parseInt(h.slice(i, i + 2), 16) * (1 - t));
  return `#${[0, 2, 4].map((i) => mix(i).toString(16).padStart(2, '0')).join('')}`;
}

// ---------------------------------------------------------------------------------------------
// Logo

/** Largest logo file accepted: it is stored in the settings and embedded in every export. */
export const LOGO_MAX_BYTES = 1024 * 1024;
const LOGO_MAX_SIDE = 4000;

export interface LogoInfo {
  readonly mime: 'image/png' | 'image/jpeg';
  readonly width: number;
  readonly height: number;
}

/** The image type and pixel size from a PNG or JPEG's own bytes; null for anything else. */
export function sniffLogo(b: Uint8Array): LogoInfo | null {
  if (b.length > 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) {
    const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    return { mime: 'image/png', width: dv.getUint32(16), height: dv.getUint32(20) };
  }
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8) {
    // Walk the JPEG markers to the first start-of-frame, which holds the size.
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return null;
      const marker = b[i + 1]!;
      const len = (b[i + 2]! << 8) | b[i + 3]!;
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { mime: 'image/jpeg', height: (b[i + 5]! << 8) | b[i + 6]!, width: (b[i + 7]! << 8) | b[i + 8]! };
      }
      i += 2 + len;
    }
  }
  return null;
}

/** The logo's size from a stored data URL (null when unreadable). */
export function logoInfoOfDataUrl(dataUrl: string): LogoInfo | null {
  const m = /^data:image\/(?:png|jpeg);base64,(.*)$/.exec(dataUrl);
  if (!m) return null;
  try {
    const bin = atob(m[1]!.slice(0, 64 * 1024));
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return sniffLogo(bytes);
  } catch {
    return null;
  }
}

/** Checks a picked logo file; the reason it cannot be used, or its type and size. */
export function checkLogo(name: string, bytes: Uint8Array): { ok: true; info: LogoInfo } | { ok: false; error: string } {
  if (bytes.length > LOGO_MAX_BYTES) {
    return { ok: false, error: `“${name}” is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; a logo can be at most 1 MB. Save it smaller (a logo needs no more than about 1000 pixels across).` };
  }
  const info = sniffLogo(bytes);
  if (!info) return { ok: false, error: `“${name}” is not a PNG or JPEG image. Save the logo as PNG (best, keeps a transparent background) or JPEG and pick it again.` };
  if (info.width < 1 || info.height < 1 || info.width > LOGO_MAX_SIDE || info.height > LOGO_MAX_SIDE) {
    return { ok: false, error: `“${name}” is ${info.width} × ${info.height} pixels; a logo must be between 1 and ${LOGO_MAX_SIDE} pixels on each side.` };
  }
  return { ok: true, info };
}
