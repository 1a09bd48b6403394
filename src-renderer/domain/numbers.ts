// One way to read and show numbers across segments and metrics, in the app's locale: what a
// facilitator types ("2.400.000", "1,5 Mio", "14,500,000", "12,5", "850k") and how a number is
// shown back (in full with grouping, or compact as "14.5 M"). Pure: Intl only, no DOM or storage.

/** The locale numbers are read and shown in: the system's (Electron and the browser follow it). */
export const appLocale: string = new Intl.NumberFormat().resolvedOptions().locale;

export interface Separators {
  readonly decimal: string;
  readonly group: string;
}

const separatorCache = new Map<string, Separators>();

/** The locale's decimal and grouping separators ("," and "." for de; "." and "," for en). */
export function separatorsOf(locale: string = appLocale): Separators {
  const known = separatorCache.get(locale);
  if (known) return known;
  const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
  const found: Separators = {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
  };
  separatorCache.set(locale, found);
  return found;
}

/**
 * Multipliers people type after a number, lower-case: English (k, M, bn), German (Tsd, Mio, Mrd)
 * and French (Md) short forms, with an optional trailing full stop ("Mio.").
 */
export const numberSuffixes: Readonly<Record<string, number>> = {
  k: 1e3,
  tsd: 1e3,
  m: 1e6,
  mn: 1e6,
  mio: 1e6,
  b: 1e9,
  bn: 1e9,
  mrd: 1e9,
  md: 1e9,
  t: 1e12,
  tn: 1e12,
};

export type ReadNumber =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly reason: 'empty' | 'not-a-number' }
  | { readonly ok: false; readonly reason: 'unknown-suffix'; readonly suffix: string };

/**
 * Reads a number as typed in the given locale. Spaces (also no-break and narrow ones), apostrophes
 * and underscores group digits anywhere; a leading currency sign and a trailing % are ignored (the
 * field's unit says what the number is). With both "." and "," the last one is the decimal mark.
 * With one kind repeated ("2.400.000") it groups thousands. A single one is the locale's decimal
 * mark when it is that; otherwise it groups thousands when exactly three digits follow
 * ("1,200" in English, "1.200" in German) and is a decimal mark when not ("12,5" anywhere).
 */
export function readNumber(text: string, locale: string = appLocale): ReadNumber {
  let s = text
    .trim()
    .replace(/\u2212/g, '-')
    .replace(/[\s\u00a0\u202f'’_]/g, '');
  if (!s) return { ok: false, reason: 'empty' };
  s = s.replace(/^([+-]?)[€$£¥]/, '$1').replace(/[€$£¥]$/, '').replace(/%$/, '');
  const m = /^([+-]?)([\d.,]*\d[\d.,]*?)([a-zA-Z]*)\.?$/.exec(s);
  if (!m) return { ok: false, reason: 'not-a-number' };
  const [, sign, body, suffixText] = m as unknown as [string, string, string, string];
  let mult = 1;
  if (suffixText) {
    const found = numberSuffixes[suffixText.toLowerCase()];
    if (found === undefined) return { ok: false, reason: 'unknown-suffix', suffix: suffixText };
    mult = found;
  }
  const plain = plainDigits(body, separatorsOf(locale).decimal);
  if (plain === null) return { ok: false, reason: 'not-a-number' };
  const value = Number(plain) * mult * (sign === '-' ? -1 : 1);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'not-a-number' };
}

/** The number, or null for empty or non-numeric text. */
export function parseNumber(text: string, locale: string = appLocale): number | null {
  const r = readNumber(text, locale);
  return r.ok ? r.value : null;
}

/** The body with grouping removed and "." as the decimal mark, or null when it is not a number. */
function plainDigits(body: string, localeDecimal: string): string | null {
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  let decimal: string | null = null;
  let group: string | null = null;
  if (dots && commas) {
    decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    group = decimal === '.' ? ',' : '.';
    if (body.split(decimal).length - 1 !== 1) return null;
  } else if (dots + commas > 1) {
    group = dots ? '.' : ',';
  } else if (dots + commas === 1) {
    const sep = dots ? '.' : ',';
    const [whole = '', frac = ''] = body.split(sep);
    if (sep !== localeDecimal && /^\d{1,3}$/.test(whole) && /^\d{3}$/.test(frac)) group = sep;
    else decimal = sep;
  }
  let intPart = body;
  let fracPart = '';
  if (decimal) {
    const at = body.lastIndexOf(decimal);
    intPart = body.slice(0, at);
    fracPart = body.slice(at + 1);
    if (!/^\d+$/.test(fracPart)) return null;
  }
  if (group) {
    const esc = group === '.' ? '\\.' : ',';
    if (!new RegExp(`^\\d{1,3}(${esc}\\d{3})+$`).test(intPart)) return null;
    intPart = intPart.split(group).join('');
  }
  if (!/^\d*$/.test(intPart) || (intPart === '' && fracPart === '')) return null;
  return `${intPart || '0'}${fracPart ? `.${fracPart}` : ''}`;
}

/** The full number with the locale's grouping: "14,500,000", "14.500.000", "12,5". */
export function formatNumber(n: number, locale: string = appLocale, maximumFractionDigits = 2): string {
  if (!Number.isFinite(n)) return '–';
  return n.toLocaleString(locale, { maximumFractionDigits }).replace(/^-/, '−');
}

const compactUnits = [
  { at: 1e12, suffix: 'tn' },
  { at: 1e9, suffix: 'bn' },
  { at: 1e6, suffix: 'M' },
  { at: 1e3, suffix: 'k' },
] as const;

/**
 * Compact form for charts, hints and lists, to three significant digits so nothing is rounded
 * away that the room would miss: 850, 1.2 k, 850 k, 14.5 M, 3.4 bn ("14,5 M" in German). The
 * suffixes are ones `readNumber` reads back in every locale.
 */
export function formatCompact(n: number, locale: string = appLocale): string {
  if (!Number.isFinite(n)) return '–';
  if (n < 0) return `−${formatCompact(-n, locale)}`;
  const fmt = new Intl.NumberFormat(locale, { maximumSignificantDigits: 3 });
  for (let u = 0; u < compactUnits.length; u++) {
    const { at, suffix } = compactUnits[u]!;
    if (n < at) continue;
    const v = Number((n / at).toPrecision(3));
    // 999,950 rounds to "1000 k": show it in the next unit up instead.
    if (v >= 1000 && u > 0) return `${fmt.format(v / 1000)} ${compactUnits[u - 1]!.suffix}`;
    return `${fmt.format(v)} ${suffix}`;
  }
  const v = Number(n.toPrecision(3));
  if (v >= 1000) return `1 ${compactUnits[3].suffix}`;
  return fmt.format(v);
}
