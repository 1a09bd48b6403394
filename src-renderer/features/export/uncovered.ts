// Where the characters no export font can draw were typed, and what to do about them: the
// export screen names each field before export, so nothing is dropped silently. Pure.
import type { DeckData } from '../../export/deck-data';

export interface UncoveredField {
  /** The thing the field belongs to: 'Persona “Somchai”', 'Journey card “…” in “Claims”'. */
  readonly where: string;
  /** The field, in words: "name", "pains", "description". */
  readonly field: string;
  /** The characters of this field no font has. */
  readonly chars: readonly string[];
}

type Item = Readonly<Record<string, unknown>>;

const quote = (s: string) => `“${s.length > 40 ? `${s.slice(0, 39).trimEnd()}…` : s}”`;
const nameOf = (x: Item, ...keys: string[]): string => {
  for (const k of keys) if (typeof x[k] === 'string' && x[k]) return x[k];
  return '';
};

/** Field keys in words ("painPoints" -> "pain points"); the list item's own "text" adds nothing. */
function fieldName(path: readonly string[]): string {
  const keys = path.filter((k) => !/^\d+$/.test(k));
  if (keys.length > 1 && keys[keys.length - 1] === 'text') keys.pop();
  return keys.map((k) => k.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()).join(' › ') || 'text';
}

/** Keys that hold no text a reader sees. */
const SKIP = new Set(['id', 'workshopId', 'journeyId', 'stageId', 'laneId', 'segmentId', 'personaId', 'color', 'avatar', 'source', 'kind', 'status', 'createdAt', 'updatedAt']);

function walk(value: unknown, path: string[], visit: (text: string, path: string[]) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, String(i)], visit));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (!SKIP.has(k)) walk(v, [...path, k], visit);
}

/**
 * Every field that holds one of `chars` (the deck's uncovered characters), in the order of the
 * workshop's sections, each named by its owner and its field.
 */
export function uncoveredFields(data: DeckData, chars: readonly string[]): UncoveredField[] {
  if (chars.length === 0) return [];
  const out = new Map<string, { where: string; field: string; chars: string[] }>();
  const scan = (where: string, value: unknown, base: string[] = []) =>
    walk(value, base, (text, path) => {
      const found = chars.filter((c) => text.includes(c));
      if (found.length === 0) return;
      const field = fieldName(path);
      const key = `${where}\u0000${field}`;
      const hit = out.get(key) ?? { where, field, chars: [] };
      for (const c of found) if (!hit.chars.includes(c)) hit.chars.push(c);
      out.set(key, hit);
    });
  scan('Workshop', data.workshop);
  scan('Facilitator', { name: data.facilitatorName, organisation: data.organisation });
  for (const p of data.personas) scan(`Persona ${quote(p.name)}`, p);
  for (const s of data.segments) scan(`Segment ${quote(nameOf(s as unknown as Item, 'name'))}`, s);
  const journeys = new Map(data.journeys.map((j) => [j.id, j]));
  for (const j of data.journeys) scan(`Journey ${quote(j.name)}`, j);
  for (const c of data.cards) {
    const j = journeys.get(c.journeyId);
    const stage = j?.stages.find((s) => s.id === c.stageId)?.name;
    scan(`Journey card ${quote(c.text)}${j ? ` in ${quote(j.name)}${stage ? `, stage ${quote(stage)}` : ''}` : ''}`, c);
  }
  for (const x of data.initiatives) scan(`Initiative ${quote(x.title)}`, x);
  for (const x of data.metrics) scan(`Metric ${quote(x.name)}`, x);
  for (const x of data.log) scan(`Decisions & actions: ${quote(nameOf(x as unknown as Item, 'text', 'title'))}`, x);
  for (const x of data.exercises) scan(`Exercise ${quote(nameOf(x as unknown as Item, 'title', 'question', 'prompt', 'name'))}`, x);
  for (const x of data.assessments) scan('Assessment', x);
  return [...out.values()];
}

/** Scripts with no export font, named as people know them. */
const SCRIPTS = [
  'Thai', 'Devanagari', 'Bengali', 'Tamil', 'Telugu', 'Gujarati', 'Gurmukhi', 'Kannada', 'Malayalam', 'Sinhala', 'Armenian', 'Georgian', 'Ethiopic',
  'Khmer', 'Lao', 'Myanmar', 'Tibetan', 'Syriac', 'Thaana', 'Mongolian', 'Cherokee',
] as const;

export interface UncoveredAdvice {
  /** Scripts whose letters no export font has ("Thai"). */
  readonly scripts: readonly string[];
  /** Whether some of the characters are emoji (newer than the emoji font). */
  readonly emoji: boolean;
  /** Whether some are other symbols. */
  readonly symbols: boolean;
}

/** What kind of characters these are, so the advice fits them (a whole script is not "replaced with words"). */
export function adviceFor(chars: readonly string[]): UncoveredAdvice {
  const scripts = new Set<string>();
  let emoji = false;
  let symbols = false;
  for (const c of chars) {
    const script = SCRIPTS.find((s) => new RegExp(`\\p{Script=${s}}`, 'u').test(c));
    if (script) scripts.add(script);
    else if (/\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(c)) emoji = true;
    else if (/\p{L}/u.test(c)) scripts.add('some');
    else symbols = true;
  }
  return { scripts: [...scripts], emoji, symbols };
}

/** The characters in words: letters of a script as "Thai letters", other characters as they are. */
export function describeChars(chars: readonly string[]): string {
  const parts: string[] = [];
  for (const c of chars) {
    const script = SCRIPTS.find((s) => new RegExp(`\\p{Script=${s}}`, 'u').test(c));
    const part = script ? `${script} letters` : c;
    if (!parts.includes(part)) parts.push(part);
  }
  return parts.join(', ');
}
