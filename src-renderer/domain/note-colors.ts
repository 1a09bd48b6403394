// Which of Centric's sticky colours an exported colour means: hex (#RGB, #RGBA, #RRGGBB,
// #RRGGBBAA; alpha ignored), rgb()/rgba(), the colour names whiteboard tools use (Miro's
// light_yellow, Trello's sky, Excalidraw's transparent) and common colour words in English,
// German, French and Dutch, also inside a label such as "Pain (red)". Pure.
import { cardColorIds, type CardColor } from './journey';

/** Letters only, lower case, accents dropped ("Grün" → "grun", "light_pink" → "lightpink"). */
export function normWord(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z]/g, '');
}

const words: Readonly<Record<CardColor, readonly string[]>> = {
  yellow: ['yellow', 'gold', 'golden', 'cream', 'beige', 'gelb', 'jaune', 'geel', 'goud', 'sand'],
  orange: ['orange', 'amber', 'peach', 'apricot', 'brown', 'oranje', 'braun', 'marron', 'bruin', 'abricot', 'pfirsich'],
  pink: ['pink', 'red', 'magenta', 'rose', 'rosa', 'rot', 'rouge', 'roze', 'rood', 'fuchsia', 'coral', 'koralle', 'corail', 'salmon', 'lachs'],
  purple: ['purple', 'violet', 'lilac', 'lavender', 'lila', 'violett', 'mauve', 'paars', 'lavendel', 'pourpre', 'plum'],
  blue: ['blue', 'cyan', 'teal', 'sky', 'turquoise', 'navy', 'blau', 'turkis', 'bleu', 'blauw', 'azure', 'aqua', 'petrol', 'marine'],
  green: ['green', 'lime', 'mint', 'olive', 'grun', 'gruen', 'vert', 'groen', 'minze', 'menthe', 'munt', 'olijf'],
  grey: ['grey', 'gray', 'white', 'black', 'silver', 'grau', 'weiss', 'schwarz', 'gris', 'blanc', 'noir', 'grijs', 'wit', 'zwart', 'zilver', 'argent', 'silber'],
};
const byWord = new Map<string, CardColor>();
for (const id of cardColorIds) for (const w of words[id]) byWord.set(w, id);

/** Shade words tools put before or after a colour ("light_pink", "dunkelblau", "bleu clair", "green_dark"). */
const shades = ['light', 'dark', 'pale', 'bright', 'deep', 'hell', 'dunkel', 'licht', 'donker', 'clair', 'claire', 'fonce', 'foncee', 'pastel', 'neon', 'soft'];

/** Words that mean "no colour": not counted as unrecognised. */
const noColour = new Set(['transparent', 'none', 'default', 'auto', 'inherit', 'null', 'keine', 'aucune', 'geen', 'sans', 'ohne']);

function fromWord(value: string): CardColor | null | undefined {
  const w = normWord(value);
  if (!w) return undefined;
  if (noColour.has(w)) return null;
  const direct = byWord.get(w);
  if (direct) return direct;
  for (const s of shades) {
    if (w.startsWith(s) && byWord.has(w.slice(s.length))) return byWord.get(w.slice(s.length))!;
    if (w.endsWith(s) && byWord.has(w.slice(0, -s.length))) return byWord.get(w.slice(0, -s.length))!;
  }
  return undefined;
}

/** The nearest sticky colour to an RGB value, by hue; colours with little chroma are grey. */
export function colorFromRgb(r: number, g: number, b: number): CardColor {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const chroma = max - min;
  if (chroma < 20) return 'grey';
  let hue: number;
  if (max === r) hue = (60 * ((g - b) / chroma) + 360) % 360;
  else if (max === g) hue = 60 * ((b - r) / chroma) + 120;
  else hue = 60 * ((r - g) / chroma) + 240;
  // Centric has no red note: reds are pink, as on most whiteboards' palettes.
  if (hue < 15 || hue >= 330) return 'pink';
  if (hue < 45) return 'orange';
  if (hue < 70) return 'yellow';
  if (hue < 165) return 'green';
  if (hue < 250) return 'blue';
  if (hue < 290) return 'purple';
  return 'pink';
}

function fromHex(v: string): CardColor | undefined {
  const m = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(v);
  if (!m) return undefined;
  const h = m[1]!;
  const full = h.length <= 4 ? h.slice(0, 3).split('').map((c) => c + c).join('') : h.slice(0, 6);
  return colorFromRgb(parseInt(full.slice(0, 2), 16), parseInt(full.slice(2, 4), 16), parseInt(full.slice(4, 6), 16));
}

function fromRgbFunction(v: string): CardColor | undefined {
  const m = /^rgba?\(\s*([^)]*)\)$/i.exec(v);
  if (!m) return undefined;
  const parts = m[1]!.split(/\s*[,/]\s*|\s+/).filter(Boolean).slice(0, 3);
  if (parts.length !== 3) return undefined;
  const channels = parts.map((p) => (p.endsWith('%') ? (parseFloat(p) * 255) / 100 : parseFloat(p)));
  if (channels.some((c) => !Number.isFinite(c) || c < 0 || c > 255)) return undefined;
  return colorFromRgb(channels[0]!, channels[1]!, channels[2]!);
}

/**
 * The sticky colour an exported value means: a colour, null for "no colour" (empty,
 * transparent), or undefined when it is not recognised.
 */
export function readExportColor(value: string): CardColor | null | undefined {
  const v = value.trim();
  if (!v) return null;
  const direct = fromHex(v) ?? fromRgbFunction(v) ?? fromWord(v);
  if (direct !== undefined) return direct;
  // A label such as "Pain (red)", or several: "Pain (red), Idea (green)" — the first colour wins.
  const bracketed = [...v.matchAll(/\(([^()]{1,40})\)/g)].map((x) => x[1]!);
  for (const part of [...bracketed, ...v.split(/[,;|]/)]) {
    const c = fromHex(part.trim()) ?? fromRgbFunction(part.trim()) ?? fromWord(part);
    if (c) return c;
  }
  return undefined;
}

/** The palette colour for an exported colour, or null when unknown or none. */
export function colorFromExport(value: string): CardColor | null {
  return readExportColor(value) ?? null;
}
