// What the exports need to know about writing systems, without any font: the direction of a
// paragraph, Arabic letters' joined forms, and the language of a run of text. Pure.
//
// Arabic is drawn in the PDF as Unicode presentation forms (isolated, initial, medial and final
// letter shapes that Noto Sans Arabic maps directly), because jsPDF draws glyphs one by one and
// applies no OpenType shaping. The measure uses the same forms, so widths match what is drawn.

/** Hebrew, Arabic, Syriac, Thaana, NKo… and their presentation forms: strong right-to-left letters. */
export function isRtlLetter(cp: number): boolean {
  return (
    (cp >= 0x0590 && cp <= 0x08ff && !isArabicNumberOrMark(cp)) ||
    (cp >= 0xfb1d && cp <= 0xfdff) ||
    (cp >= 0xfe70 && cp <= 0xfefc) ||
    (cp >= 0x10800 && cp <= 0x10fff) ||
    (cp >= 0x1e800 && cp <= 0x1efff)
  );
}

/** Arabic-Indic digits and the combining marks of Hebrew and Arabic: not strong letters. */
function isArabicNumberOrMark(cp: number): boolean {
  return (cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06f0 && cp <= 0x06f9) || isRtlMark(cp);
}

/** Combining marks of Hebrew (points, cantillation) and Arabic (harakat): no advance of their own. */
export function isRtlMark(cp: number): boolean {
  return (
    (cp >= 0x0591 && cp <= 0x05bd) || cp === 0x05bf || cp === 0x05c1 || cp === 0x05c2 || cp === 0x05c4 || cp === 0x05c5 || cp === 0x05c7 ||
    (cp >= 0x0610 && cp <= 0x061a) || (cp >= 0x064b && cp <= 0x065f) || cp === 0x0670 || (cp >= 0x06d6 && cp <= 0x06dc) || (cp >= 0x06df && cp <= 0x06e4) ||
    cp === 0x06e7 || cp === 0x06e8 || (cp >= 0x06ea && cp <= 0x06ed)
  );
}

/** Letters (of any script) that set a paragraph's direction when they come first. */
function isStrongLtr(cp: number): boolean {
  if (cp < 0x41) return false;
  if (cp <= 0x5a || (cp >= 0x61 && cp <= 0x7a)) return true;
  if (cp < 0xc0 || cp === 0xd7 || cp === 0xf7) return false;
  if (cp >= 0x2000 && cp <= 0x2bff) return false; // punctuation, symbols, arrows
  if (cp >= 0x3000 && cp <= 0x303f) return false; // CJK punctuation
  if (cp >= 0xfe00 && cp <= 0xfe0f) return false;
  if (cp >= 0x1f000 && cp <= 0x1faff) return false; // emoji
  return !isRtlLetter(cp) && !isArabicNumberOrMark(cp) && /\p{L}/u.test(String.fromCodePoint(cp));
}

/**
 * The paragraph direction from its first strong letter (rules P2 and P3 of the Unicode
 * bidirectional algorithm): "שלום, Tel Aviv" is right-to-left, "Tel Aviv – שלום" left-to-right.
 */
export function textDirection(text: string): 'ltr' | 'rtl' {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (isRtlLetter(cp)) return 'rtl';
    if (isStrongLtr(cp)) return 'ltr';
  }
  return 'ltr';
}

/** Whether any character would be drawn right to left. */
export function hasRtl(text: string): boolean {
  for (const ch of text) if (isRtlLetter(ch.codePointAt(0)!)) return true;
  return false;
}

/** Where text in a box sits: a right-to-left paragraph set "left" starts at the right edge. */
export function visualAlign(align: 'left' | 'center' | 'right', dir: 'ltr' | 'rtl'): 'left' | 'center' | 'right' {
  if (dir === 'ltr' || align === 'center') return align;
  return align === 'left' ? 'right' : 'left';
}

// ---------------------------------------------------------------------------------------------
// Arabic joining

/** Letter -> [isolated, final, initial, medial]; two forms only for letters that join on the right. */
const FORMS: Readonly<Record<number, readonly number[]>> = (() => {
  const t: Record<number, number[]> = {};
  // U+0621–064A in the order of Arabic Presentation Forms-B (U+FE80…): how many forms each has.
  const counts: [number, number][] = [
    [0x0621, 1], [0x0622, 2], [0x0623, 2], [0x0624, 2], [0x0625, 2], [0x0626, 4], [0x0627, 2], [0x0628, 4], [0x0629, 2], [0x062a, 4], [0x062b, 4],
    [0x062c, 4], [0x062d, 4], [0x062e, 4], [0x062f, 2], [0x0630, 2], [0x0631, 2], [0x0632, 2], [0x0633, 4], [0x0634, 4], [0x0635, 4], [0x0636, 4],
    [0x0637, 4], [0x0638, 4], [0x0639, 4], [0x063a, 4], [0x0641, 4], [0x0642, 4], [0x0643, 4], [0x0644, 4], [0x0645, 4], [0x0646, 4], [0x0647, 4],
    [0x0648, 2], [0x0649, 2], [0x064a, 4],
  ];
  let at = 0xfe80;
  for (const [cp, n] of counts) {
    t[cp] = Array.from({ length: n }, (_, k) => at + k);
    at += n;
  }
  // Persian and Urdu letters, in Arabic Presentation Forms-A.
  const a: [number, number, number][] = [
    [0x067e, 0xfb56, 4], [0x0686, 0xfb7a, 4], [0x0698, 0xfb8a, 2], [0x06a9, 0xfb8e, 4], [0x06af, 0xfb92, 4], [0x06cc, 0xfbfc, 4],
    [0x0679, 0xfb66, 4], [0x0688, 0xfb88, 2], [0x0691, 0xfb8c, 2], [0x06ba, 0xfb9e, 2], [0x06be, 0xfbaa, 4], [0x06c1, 0xfba6, 4], [0x06d2, 0xfbae, 2],
  ];
  for (const [cp, start, n] of a) t[cp] = Array.from({ length: n }, (_, k) => start + k);
  return t;
})();

/** The letter a presentation form stands for (U+FEB3 -> U+0633), or undefined for anything else. */
export const arabicLetterOfForm: (cp: number) => number | undefined = (() => {
  const back = new Map<number, number>();
  for (const [letter, forms] of Object.entries(FORMS)) for (const f of forms) back.set(f, Number(letter));
  return (cp: number) => back.get(cp);
})();

/** Lam-alef ligatures: alef variant -> [isolated, final]. */
const LAM_ALEF: Readonly<Record<number, readonly [number, number]>> = { 0x0622: [0xfef5, 0xfef6], 0x0623: [0xfef7, 0xfef8], 0x0625: [0xfef9, 0xfefa], 0x0627: [0xfefb, 0xfefc] };

const TATWEEL = 0x0640;
const ZWJ = 0x200d;

/** Whether a letter joins the one after it (dual-joining letters and the tatweel). */
function joinsForward(cp: number | undefined): boolean {
  if (cp === undefined) return false;
  if (cp === TATWEEL || cp === ZWJ) return true;
  return (FORMS[cp]?.length ?? 0) === 4;
}

/** Whether a letter joins the one before it. */
function joinsBackward(cp: number | undefined): boolean {
  if (cp === undefined) return false;
  if (cp === TATWEEL || cp === ZWJ) return true;
  return (FORMS[cp]?.length ?? 0) >= 2;
}

/**
 * Arabic letters replaced by their contextual presentation forms (and lam-alef by its
 * ligature), in logical order. Text without Arabic comes back unchanged.
 */
export function shapeArabic(text: string): string {
  if (!/[\u0621-\u06ff]/.test(text)) return text;
  const cps = [...text].map((c) => c.codePointAt(0)!);
  const marks = (cp: number) => isRtlMark(cp);
  const neighbour = (i: number, step: 1 | -1): number | undefined => {
    for (let k = i + step; k >= 0 && k < cps.length; k += step) if (!marks(cps[k]!)) return cps[k];
    return undefined;
  };
  let out = '';
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i]!;
    const forms = FORMS[cp];
    if (!forms) {
      out += String.fromCodePoint(cp);
      continue;
    }
    const prevJoins = joinsForward(neighbour(i, -1));
    const next = neighbour(i, 1);
    if (cp === 0x0644 && next !== undefined && LAM_ALEF[next] && cps[i + 1] === next) {
      out += String.fromCodePoint(LAM_ALEF[next][prevJoins ? 1 : 0]);
      i++;
      continue;
    }
    const nextJoins = forms.length === 4 && joinsBackward(next);
    const back = prevJoins && forms.length >= 2;
    const form = back && nextJoins ? 3 : nextJoins ? 2 : back ? 1 : 0;
    out += String.fromCodePoint(forms[form] ?? forms[0]!);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Language of a run of text (for the PowerPoint's spelling and font choice)

export type Script = 'latin' | 'greek' | 'cyrillic' | 'hebrew' | 'arabic' | 'han' | 'kana' | 'hangul' | 'thai' | 'other' | 'common';

export function scriptOf(cp: number): Script {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) ? 'latin' : 'common';
  if (cp >= 0x00c0 && cp <= 0x024f && cp !== 0xd7 && cp !== 0xf7) return 'latin';
  if (cp >= 0x1e00 && cp <= 0x1eff) return 'latin';
  if (cp >= 0x0370 && cp <= 0x03ff) return 'greek';
  if (cp >= 0x1f00 && cp <= 0x1fff) return 'greek';
  if (cp >= 0x0400 && cp <= 0x052f) return 'cyrillic';
  if ((cp >= 0x0590 && cp <= 0x05ff) || (cp >= 0xfb1d && cp <= 0xfb4f)) return 'hebrew';
  if ((cp >= 0x0600 && cp <= 0x08ff) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfefc)) return 'arabic';
  if ((cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x31f0 && cp <= 0x31ff) || (cp >= 0xff66 && cp <= 0xff9f)) return 'kana';
  if ((cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f) || (cp >= 0xac00 && cp <= 0xd7af)) return 'hangul';
  if ((cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3ffff)) return 'han';
  if (cp >= 0x0e00 && cp <= 0x0e7f) return 'thai';
  if (/\p{L}/u.test(String.fromCodePoint(cp))) return 'other';
  return 'common';
}

export interface LangRun {
  readonly text: string;
  /** BCP 47 tag, e.g. "he-IL"; the first Latin language the text's letters point to. */
  readonly lang: string;
  readonly rtl: boolean;
}

/** Latin-script languages told apart by letters only they use (checked in this order). */
const LATIN_HINTS: readonly [RegExp, string][] = [
  [/[ąćęłńśźżĄĆĘŁŃŚŹŻ]/, 'pl-PL'],
  [/[ěřůťďňĚŘŮŤĎŇ]/, 'cs-CZ'],
  [/[ğışİŞĞ]/, 'tr-TR'],
  [/[őűŐŰ]/, 'hu-HU'],
  [/[ãõÃÕ]/, 'pt-PT'],
  [/[ñ¿¡Ñ]/, 'es-ES'],
  [/[äöüßÄÖÜẞ]/, 'de-DE'],
  [/[åøæÅØÆ]/, 'nb-NO'],
  [/[çœèêëîïôùûÿÇŒÈÊËÎÏÔÙÛŸàâ]/, 'fr-FR'],
];

function langOfScript(script: Script, text: string, context: string, fallback: string): string {
  switch (script) {
    case 'hebrew':
      return 'he-IL';
    case 'arabic':
      return 'ar-SA';
    case 'greek':
      return 'el-GR';
    case 'cyrillic':
      return /[іїєґІЇЄҐ]/.test(context) ? 'uk-UA' : /[ђћџљњЂЋЏЉЊ]/.test(context) ? 'sr-RS' : 'ru-RU';
    case 'kana':
      return 'ja-JP';
    case 'hangul':
      return 'ko-KR';
    // Han alone does not say which language: Japanese when the text around it has kana.
    case 'han':
      return /[\u3040-\u30ff]/.test(context) ? 'ja-JP' : 'zh-CN';
    case 'thai':
      return 'th-TH';
    case 'latin':
      for (const [re, lang] of LATIN_HINTS) if (re.test(text)) return lang;
      for (const [re, lang] of LATIN_HINTS) if (re.test(context)) return lang;
      return fallback;
    default:
      return fallback;
  }
}

/**
 * A line cut into runs of one language each, detected from the script of its letters: spaces,
 * digits and punctuation stay with the run they sit in. `context` (the whole paragraph) tells
 * Japanese kanji from Chinese; `fallback` is the tag for plain Latin text.
 */
export function langRuns(line: string, context = line, fallback = 'en-US'): LangRun[] {
  // Most lines are plain ASCII: one run, its language from the paragraph's letters.
  if (/^[\x20-\x7e]*$/.test(line)) return [{ text: line, lang: /[A-Za-z]/.test(line) ? langOfScript('latin', line, context, fallback) : fallback, rtl: false }];
  const parts: { text: string; script: Script }[] = [];
  for (const ch of line) {
    let s = scriptOf(ch.codePointAt(0)!);
    // Kanji among kana are one Japanese run.
    const last = parts[parts.length - 1];
    if (last && ((s === 'han' && last.script === 'kana') || (s === 'kana' && last.script === 'han'))) s = last.script;
    if (last && (s === 'common' || s === last.script)) last.text += ch;
    else if (last && last.script === 'common') {
      last.text += ch;
      last.script = s;
    } else parts.push({ text: ch, script: s });
  }
  const runs: LangRun[] = [];
  for (const p of parts) {
    const lang = langOfScript(p.script, p.text, context, fallback);
    const rtl = p.script === 'hebrew' || p.script === 'arabic';
    const last = runs[runs.length - 1];
    if (last && last.lang === lang) runs[runs.length - 1] = { text: last.text + p.text, lang, rtl };
    else runs.push({ text: p.text, lang, rtl });
  }
  return runs;
}
