// Personas: evidence-backed portraits of customers. Plain readonly data and pure functions.
// Imports nothing from React, Dexie or the DOM. Field names are stored in IndexedDB ("personas"
// table) and in backups: renaming or retyping one needs a database version and a backup migration.
import { moveItem } from './lists';
import { z } from 'zod';
import { rowId, rowText, timeMs, orderNumber } from './row-fields';
import { newId } from './ids';
import { textLength, tooLongMessage } from './text';

/** Where a claim about the customer comes from. 'assumption' means nobody has checked it yet. */
export const evidenceSources = ['interview', 'survey', 'analytics', 'assumption'] as const;
export type EvidenceSource = (typeof evidenceSources)[number];

export const evidenceLabels: Readonly<Record<EvidenceSource, string>> = {
  interview: 'Interview',
  survey: 'Survey',
  analytics: 'Analytics',
  assumption: 'Assumption',
};

/** One item of a list field (a goal, a pain…) and the evidence behind it. */
export interface Claim {
  readonly id: string;
  readonly text: string;
  readonly source: EvidenceSource;
  /**
   * Where exactly it comes from, e.g. "Interview 3, March 2026" or "App analytics, Q3". Optional:
   * claims stored before it existed have none, and an empty one is dropped on save.
   */
  readonly citation?: string;
}

/** The list fields of a persona, in the order the editor and the card show them. */
export const personaListFields = ['goals', 'needs', 'pains', 'gains', 'behaviours', 'channels', 'motivations'] as const;
export type PersonaListField = (typeof personaListFields)[number];

export const personaListLabels: Readonly<Record<PersonaListField, { label: string; hint: string }>> = {
  goals: { label: 'Goals', hint: 'What they are trying to achieve.' },
  needs: { label: 'Needs', hint: 'What they need from a provider like us.' },
  pains: { label: 'Pains', hint: 'What frustrates them or gets in the way.' },
  gains: { label: 'Gains', hint: 'What would delight them.' },
  behaviours: { label: 'Behaviours', hint: 'What they actually do (the “what”).' },
  channels: { label: 'Preferred channels', hint: 'Where they like to meet us.' },
  motivations: { label: 'Motivations', hint: 'Why they do it (the “why”).' },
};

export type PersonaAvatar =
  /** Initials on a colour (the default). */
  | { readonly kind: 'initials'; readonly color: string }
  /** An image the user picked, stored locally as a small data URL (size-limited). */
  | { readonly kind: 'image'; readonly dataUrl: string };

export interface Persona {
  readonly id: string;
  readonly workshopId: string;
  readonly name: string;
  readonly avatar: PersonaAvatar;
  /** The segment this persona represents, or null. */
  readonly segmentId: string | null;
  /** Something they would say, in their words. */
  readonly quote: string;
  /** Demographics or firmographics. */
  readonly context: string;
  readonly goals: readonly Claim[];
  readonly needs: readonly Claim[];
  readonly pains: readonly Claim[];
  readonly gains: readonly Claim[];
  readonly behaviours: readonly Claim[];
  readonly channels: readonly Claim[];
  readonly motivations: readonly Claim[];
  /** Position in the gallery (ascending). */
  readonly order: number;
  /** ms since epoch */
  readonly createdAt: number;
}

export const personaLimits = {
  name: 80,
  quote: 300,
  context: 1000,
  claim: 300,
  citation: 200,
  claimsPerList: 30,
  /** Characters of an avatar image's data URL (about 60 KB of image). */
  avatarDataUrl: 90_000,
  /** Largest image file a user may pick before it is scaled down. */
  avatarFileBytes: 5 * 1024 * 1024,
} as const;

/** Avatar colours, chosen to keep white initials readable (contrast 4.5:1 or better). */
export const avatarColors = ['#2f4fd8', '#0f7a5f', '#7a4fd6', '#b4481f', '#a3326b', '#1f6f8b', '#5b6b1f', '#8a5a00'] as const;

// ---------------------------------------------------------------------------
// Pure functions: creating, naming, measuring evidence, editing lists, copying, validating.
// ---------------------------------------------------------------------------


/** One item of each list, in words, for buttons and accessible names ("Add goal", "Goal 2"). */
export const personaListSingular: Readonly<Record<PersonaListField, string>> = {
  goals: 'goal',
  needs: 'need',
  pains: 'pain',
  gains: 'gain',
  behaviours: 'behaviour',
  channels: 'channel',
  motivations: 'motivation',
};

/** Names for the avatar colours, in the order of `avatarColors` (for screen readers). */
export const avatarColorNames: readonly string[] = ['Blue', 'Green', 'Purple', 'Rust', 'Plum', 'Teal', 'Olive', 'Amber'];

export const DEFAULT_PERSONA_NAME = 'New persona';

/** Combining marks, ZWJ, the emoji variation selector and skin-tone modifiers attach to what precedes them. */
function extendsPrevious(cp: string): boolean {
  const c = cp.codePointAt(0)!;
  return /\p{M}/u.test(cp) || c === 0x200d || c === 0xfe0f || (c >= 0x1f3fb && c <= 0x1f3ff);
}

/** The user-perceived characters of a string (emoji with modifiers, letters with accents stay whole). */
export function graphemes(s: string): string[] {
  const Segmenter = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  if (Segmenter) return Array.from(new Segmenter(undefined, { granularity: 'grapheme' }).segment(s), (x) => x.segment);
  // Fallback: code points, with combining marks, variation selectors and ZWJ sequences kept on their base.
  const out: string[] = [];
  let joinNext = false;
  for (const cp of s) {
    if (out.length > 0 && (joinNext || extendsPrevious(cp))) out[out.length - 1] += cp;
    else out.push(cp);
    joinNext = cp === '\u200d';
  }
  return out;
}

/** Uppercases one character only when that keeps it one character ("ß" stays "ß", not "SS"). */
function upperOne(g: string): string {
  const up = g.toLocaleUpperCase();
  return textLength(up) === textLength(g) ? up : g;
}

const startsWithLetter = (w: string) => /^[\p{L}\p{N}]/u.test(w);

/**
 * Up to two initials: the first character of the first and of the last word, in any script.
 * "Ana María" → "AM", "Ωmega Ζ" → "ΩΖ", "株式 会社" → "株会". Words that do not start with a
 * letter or digit (an emoji) are skipped unless nothing else is left. Never splits a character.
 */
export function personaInitials(name: string): string {
  // A descriptor after the name is not part of it: "Margaret Hughes, loyal for 22 years" is "MH",
  // "Priya Shah – first-time buyer" is "PS", "Tom (the skeptic)" is "T".
  const person = name.trim().split(/\s*[,;:(|]\s*|\s+[–—-]\s+/u)[0]!.trim() || name.trim();
  const all = person.split(/\s+/u).filter(Boolean);
  if (all.length === 0) return '?';
  const words = all.some(startsWithLetter) ? all.filter(startsWithLetter) : all;
  const first = graphemes(words[0]!)[0] ?? '';
  if (words.length === 1) return upperOne(first);
  const last = graphemes(words[words.length - 1]!)[0] ?? '';
  return upperOne(first) + upperOne(last);
}

/** A colour from `avatarColors`, always the same for the same name (FNV-1a over code points). */
export function defaultAvatarColor(name: string): string {
  let h = 0x811c9dc5;
  for (const ch of name.trim()) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return avatarColors[h % avatarColors.length]!;
}

export function createPersona(workshopId: string, name: string, order: number, now: number): Persona {
  return {
    id: newId(),
    workshopId,
    name,
    avatar: { kind: 'initials', color: defaultAvatarColor(name) },
    segmentId: null,
    quote: '',
    context: '',
    goals: [],
    needs: [],
    pains: [],
    gains: [],
    behaviours: [],
    channels: [],
    motivations: [],
    order,
    createdAt: now,
  };
}

/** Renames; an avatar still on the old name's default colour follows the new name's default. */
export function renamePersona(p: Persona, name: string): Persona {
  const followsDefault = p.avatar.kind === 'initials' && p.avatar.color === defaultAvatarColor(p.name);
  return {
    ...p,
    name,
    avatar: followsDefault ? { kind: 'initials', color: defaultAvatarColor(name) } : p.avatar,
  };
}

export function createClaim(text = '', source: EvidenceSource = 'assumption'): Claim {
  return { id: newId(), text, source };
}

// --- Evidence coverage -----------------------------------------------------

export interface Coverage {
  /** Claims with text (an empty row is not a claim yet). */
  readonly total: number;
  /** Claims backed by an interview, a survey or analytics. */
  readonly evidenced: number;
  readonly assumed: number;
  /** evidenced / total, 0 when there are no claims. */
  readonly share: number;
  readonly bySource: Readonly<Record<EvidenceSource, number>>;
}

export function listCoverage(claims: readonly Claim[]): Coverage {
  const bySource: Record<EvidenceSource, number> = { interview: 0, survey: 0, analytics: 0, assumption: 0 };
  let total = 0;
  for (const c of claims) {
    if (!c.text.trim()) continue;
    total++;
    bySource[c.source]++;
  }
  const assumed = bySource.assumption;
  const evidenced = total - assumed;
  return { total, evidenced, assumed, share: total === 0 ? 0 : evidenced / total, bySource };
}

export interface PersonaCoverage extends Coverage {
  readonly byList: Readonly<Record<PersonaListField, Coverage>>;
}

export function evidenceCoverage(p: Persona): PersonaCoverage {
  const byList = {} as Record<PersonaListField, Coverage>;
  const all: Claim[] = [];
  for (const f of personaListFields) {
    byList[f] = listCoverage(p[f]);
    all.push(...p[f]);
  }
  return { ...listCoverage(all), byList };
}

/** "62% evidenced · 5 assumptions", or "No claims yet". */
export function coverageSummary(c: Coverage): string {
  if (c.total === 0) return 'No claims yet';
  const pct = `${Math.round(c.share * 100)}% evidenced`;
  if (c.assumed === 0) return `${pct} · no assumptions`;
  return `${pct} · ${c.assumed} ${c.assumed === 1 ? 'assumption' : 'assumptions'}`;
}

// --- List editing ------------------------------------------------------------

/** The list with the claim at `from` moved to `to` (both clamped); the same list if nothing moves. */
export const moveClaim = moveItem;

/** Inserts a claim at `index` (clamped). Refuses (returns the list) when the list is full. */
export function insertClaim(list: readonly Claim[], index: number, claim: Claim): readonly Claim[] {
  if (list.length >= personaLimits.claimsPerList) return list;
  const i = Math.max(0, Math.min(list.length, index));
  return [...list.slice(0, i), claim, ...list.slice(i)];
}

export function updateClaim(list: readonly Claim[], claimId: string, patch: Partial<Omit<Claim, 'id'>>): readonly Claim[] {
  return list.map((c) => (c.id === claimId ? { ...c, ...patch } : c));
}

/** The claim with its citation set; an empty citation is left out rather than stored empty. */
export function withCitation(c: Claim, citation: string): Claim {
  const { citation: _old, ...rest } = c;
  void _old;
  return citation.trim() ? { ...rest, citation } : rest;
}

export function removeClaim(list: readonly Claim[], claimId: string): readonly Claim[] {
  return list.filter((c) => c.id !== claimId);
}

/** Moves the claim with this id to `to`, wherever it is now (safe against concurrent edits). */
export function moveClaimById(list: readonly Claim[], claimId: string, to: number): readonly Claim[] {
  return moveClaim(list, list.findIndex((c) => c.id === claimId), to);
}

// --- Copying -----------------------------------------------------------------

/** "Ana (copy)", unless that would be too long for a name. */
export function copyName(name: string): string {
  const n = `${name} (copy)`;
  return textLength(n) <= personaLimits.name ? n : name;
}

/**
 * A copy with fresh ids for the persona and every claim. Within the same workshop it keeps the
 * segment and is named "… (copy)"; in another workshop the segment does not exist, so it is cleared.
 */
export function duplicatePersona(p: Persona, targetWorkshopId: string, order: number, now: number): Persona {
  const same = targetWorkshopId === p.workshopId;
  const lists = {} as Record<PersonaListField, readonly Claim[]>;
  for (const f of personaListFields) lists[f] = p[f].map((c) => ({ ...c, id: newId() }));
  return {
    ...p,
    ...lists,
    id: newId(),
    workshopId: targetWorkshopId,
    name: same ? copyName(p.name) : p.name,
    segmentId: same ? p.segmentId : null,
    order,
    createdAt: now,
  };
}

// --- Validation --------------------------------------------------------------

export type PersonaTextField = 'name' | 'quote' | 'context' | 'claim' | 'citation';

const textFieldLabels: Record<PersonaTextField, string> = { name: 'Name', quote: 'Quote', context: 'Context', claim: 'Each item', citation: 'Source' };

export const personaTextLimit = (field: PersonaTextField): number => personaLimits[field];

/** An error message for text that cannot be stored, or null. Over-long text is refused, never cut. */
export function validatePersonaText(field: PersonaTextField, value: string, label = textFieldLabels[field]): string | null {
  if (field === 'name' && !value.trim()) return 'A persona needs a name.';
  const max = personaLimits[field];
  if (textLength(value) > max) return tooLongMessage(label, max);
  return null;
}

// --- Schema (for backups and any other border) -------------------------------

const limitedText = rowText;
const idSchema = rowId;

export const avatarDataUrlPattern = /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/;

const claimSchema = z.strictObject({
  id: idSchema,
  text: limitedText(personaLimits.claim),
  source: z.enum(evidenceSources),
  citation: limitedText(personaLimits.citation).optional(),
});
const claimListSchema = z
  .array(claimSchema)
  .max(personaLimits.claimsPerList, { error: `must hold at most ${personaLimits.claimsPerList} items` });

const avatarSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('initials'),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour written #rrggbb' }),
  }),
  z.strictObject({
    kind: z.literal('image'),
    dataUrl: z
      .string()
      .max(personaLimits.avatarDataUrl, { error: `must be at most ${personaLimits.avatarDataUrl.toLocaleString('en')} characters` })
      .regex(avatarDataUrlPattern, { error: 'must be a PNG, JPEG or WebP image as a base64 data URL' }),
  }),
]);

/** One stored persona row, strictly: every field, no extras, limits from `personaLimits`. */
export const personaRowSchema = z.strictObject({
  id: idSchema,
  workshopId: idSchema,
  name: limitedText(personaLimits.name),
  avatar: avatarSchema,
  segmentId: idSchema.nullable(),
  quote: limitedText(personaLimits.quote),
  context: limitedText(personaLimits.context),
  goals: claimListSchema,
  needs: claimListSchema,
  pains: claimListSchema,
  gains: claimListSchema,
  behaviours: claimListSchema,
  channels: claimListSchema,
  motivations: claimListSchema,
  order: orderNumber,
  createdAt: timeMs,
});

// Keeps the schema and the type in step: a field on one and not the other fails to compile.
type SchemaPersona = z.infer<typeof personaRowSchema>;
const _schemaMatchesType: (p: SchemaPersona) => Persona = (p) => p;
type _SameKeys = Exclude<keyof Persona, keyof SchemaPersona> | Exclude<keyof SchemaPersona, keyof Persona>;
const _noMissingKeys: [_SameKeys] extends [never] ? true : never = true;
void _schemaMatchesType;
void _noMissingKeys;

// --- Links ---------------------------------------------------------------------

function quotedList(kind: string, kinds: string, names: readonly string[]): string {
  const q = names.map((n) => `“${n}”`);
  if (q.length === 1) return `the ${kind} ${q[0]}`;
  return `the ${kinds} ${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

/**
 * What deleting a persona will unlink, in words:
 * "Ana is linked to the segment “Young families” and the journey “Onboarding”. Deleting Ana removes those links."
 * Null when nothing refers to it.
 */
export function describePersonaLinks(name: string, segmentName: string | null, journeyTitles: readonly string[]): string | null {
  const parts: string[] = [];
  if (segmentName !== null) parts.push(quotedList('segment', 'segments', [segmentName]));
  if (journeyTitles.length > 0) parts.push(quotedList('journey', 'journeys', journeyTitles));
  if (parts.length === 0) return null;
  const count = (segmentName !== null ? 1 : 0) + journeyTitles.length;
  return `${name} is linked to ${parts.join(' and ')}. Deleting ${name} removes ${count === 1 ? 'that link' : 'those links'}.`;
}
