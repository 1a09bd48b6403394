// Customer-journey canvases: stages as columns, lanes as rows, cards in cells, an emotion
// score per stage. Plain readonly data and pure functions; no React, Dexie or DOM.
// Field names are stored in IndexedDB ("journeys" and "journeyCards" tables) and in backups:
// renaming or retyping one needs a database version and a backup migration.
import { moveItem } from './lists';
import { z } from 'zod';
import { rowId, rowText, timeMs, orderNumber } from './row-fields';
import { newId } from './ids';
import { textLength, tooLongMessage } from './text';

export const laneKinds = [
  'actions',
  'touchpoints',
  'thoughts',
  'emotion',
  'pains',
  'moments',
  'opportunities',
  'owner',
  'backstage',
  'custom',
] as const;
export type LaneKind = (typeof laneKinds)[number];

export interface Stage {
  readonly id: string;
  readonly name: string;
  /** Column width in canvas pixels. */
  readonly width: number;
}

export interface Lane {
  readonly id: string;
  readonly name: string;
  readonly kind: LaneKind;
  /** Minimum row height in canvas pixels (rows grow to fit their cards). */
  readonly height: number;
}

export interface Journey {
  readonly id: string;
  readonly workshopId: string;
  readonly name: string;
  /** The persona whose journey this is, or null. */
  readonly personaId: string | null;
  /** The situation mapped, e.g. "Renews home insurance after a claim". */
  readonly scenario: string;
  readonly stages: readonly Stage[];
  readonly lanes: readonly Lane[];
  /** Emotion score per stage id, -3 (very negative) to +3 (delighted). Missing = not scored. */
  readonly emotions: Readonly<Record<string, number>>;
  readonly order: number;
  /** ms since epoch */
  readonly createdAt: number;
}

/** What a card is marked as; shown with an icon. */
export const cardMarks = ['pain', 'moment-of-truth', 'drop-off'] as const;
export type CardMark = (typeof cardMarks)[number];

export interface JourneyCard {
  readonly id: string;
  readonly workshopId: string;
  readonly journeyId: string;
  readonly stageId: string;
  readonly laneId: string;
  /** Position within its cell (ascending). */
  readonly order: number;
  readonly text: string;
  /** One of the sticky-note colours (a token name, see cardColors). */
  readonly color: string;
  readonly marks: readonly CardMark[];
  /** Optional emotion score for this card, -3..+3. */
  readonly emotion: number | null;
  /** For opportunity cards promoted to the roadmap: the initiative's id. */
  readonly initiativeId: string | null;
  /**
   * A card written by a participant on their own device (the room): who, and the revision of
   * their entry last stored, so a replayed or older entry never overwrites a newer edit.
   * Absent for the facilitator's own cards.
   */
  readonly author?: CardAuthor;
}

export interface CardAuthor {
  readonly participantId: string;
  readonly rev: number;
}

export const journeyLimits = {
  name: 120,
  scenario: 500,
  stageName: 60,
  laneName: 60,
  cardText: 500,
  stages: 20,
  lanes: 20,
  cardsPerJourney: 5000,
} as const;

// ---------------------------------------------------------------------------
// Pure functions: defaults, creating, editing stages and lanes, emotions, validating.
// ---------------------------------------------------------------------------

/**
 * Sticky-note colours. The key is what a card stores (`JourneyCard.color`); fill and ink keep
 * text at 7:1 contrast or better, also on a washed-out projector.
 */
export const cardColors = {
  yellow: { label: 'Yellow', fill: '#fff1a8', ink: '#2b2300', edge: '#e5cf5a' },
  orange: { label: 'Orange', fill: '#ffd9b0', ink: '#3a1d00', edge: '#eca661' },
  pink: { label: 'Pink', fill: '#ffd3e2', ink: '#3d0a1e', edge: '#e98cae' },
  purple: { label: 'Purple', fill: '#e4dbff', ink: '#1f1147', edge: '#a891f0' },
  blue: { label: 'Blue', fill: '#d3e6ff', ink: '#0b2447', edge: '#7eaef0' },
  green: { label: 'Green', fill: '#d4f3de', ink: '#0b3319', edge: '#74cf95' },
  grey: { label: 'Grey', fill: '#e8ebf0', ink: '#17202e', edge: '#b3bbc8' },
} as const;
export type CardColor = keyof typeof cardColors;
export const cardColorIds = Object.keys(cardColors) as CardColor[];

export function isCardColor(c: string): c is CardColor {
  return Object.prototype.hasOwnProperty.call(cardColors, c);
}

export const cardMarkLabels: Readonly<Record<CardMark, string>> = {
  pain: 'Pain point',
  'moment-of-truth': 'Moment of truth',
  'drop-off': 'Drop-off point',
};

export const laneKindLabels: Readonly<Record<LaneKind, string>> = {
  actions: 'Actions',
  touchpoints: 'Touchpoints & channels',
  thoughts: 'Thoughts & feelings',
  emotion: 'Emotion',
  pains: 'Pain points',
  moments: 'Moments of truth',
  opportunities: 'Opportunities',
  owner: 'Owner',
  backstage: 'Backstage',
  custom: 'Custom lane',
};

/** The colour a new card gets in a lane of this kind. */
export const laneDefaultColor: Readonly<Record<LaneKind, CardColor>> = {
  actions: 'yellow',
  touchpoints: 'blue',
  thoughts: 'purple',
  emotion: 'yellow',
  pains: 'pink',
  moments: 'orange',
  opportunities: 'green',
  owner: 'grey',
  backstage: 'grey',
  custom: 'yellow',
};

export const defaultStageNames = ['Aware', 'Consider', 'Buy', 'Onboard', 'Use', 'Renew or leave'] as const;
/** The lanes a new journey starts with, in this order. */
export const defaultLaneKinds: readonly LaneKind[] = [
  'actions',
  'touchpoints',
  'thoughts',
  'emotion',
  'pains',
  'moments',
  'opportunities',
  'owner',
  'backstage',
];

export const stageWidth = { default: 440, min: 240, max: 1200, step: 40 } as const;
export const laneHeight = { default: 140, min: 96, max: 800, step: 24, emotion: 200 } as const;
export const emotionRange = { min: -3, max: 3 } as const;

export const DEFAULT_JOURNEY_NAME = 'Customer journey';

export function createStage(name: string, width: number = stageWidth.default): Stage {
  return { id: newId(), name, width };
}

export function createLane(name: string, kind: LaneKind): Lane {
  return { id: newId(), name, kind, height: kind === 'emotion' ? laneHeight.emotion : laneHeight.default };
}

export function createJourney(
  workshopId: string,
  init: { name: string; personaId: string | null; scenario: string },
  order: number,
  now: number,
): Journey {
  return {
    id: newId(),
    workshopId,
    name: init.name,
    personaId: init.personaId,
    scenario: init.scenario,
    stages: defaultStageNames.map((n) => createStage(n)),
    lanes: defaultLaneKinds.map((k) => createLane(laneKindLabels[k], k)),
    emotions: {},
    order,
    createdAt: now,
  };
}

export function createCard(
  journey: Pick<Journey, 'id' | 'workshopId'>,
  cell: { stageId: string; laneId: string },
  init: { text?: string; color?: string; marks?: readonly CardMark[]; order: number },
): JourneyCard {
  return {
    id: newId(),
    workshopId: journey.workshopId,
    journeyId: journey.id,
    stageId: cell.stageId,
    laneId: cell.laneId,
    order: init.order,
    text: init.text ?? '',
    color: init.color && isCardColor(init.color) ? init.color : 'yellow',
    marks: init.marks ?? [],
    emotion: null,
    initiativeId: null,
  };
}


export function clampNumber(n: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, n));
}

/** Stage edits, addressed by id so they apply to the row as stored. */
export function renameStage(j: Journey, stageId: string, name: string): Journey {
  return { ...j, stages: j.stages.map((s) => (s.id === stageId ? { ...s, name } : s)) };
}
export function resizeStage(j: Journey, stageId: string, width: number): Journey {
  const w = Math.round(clampNumber(width, stageWidth.min, stageWidth.max));
  return { ...j, stages: j.stages.map((s) => (s.id === stageId ? { ...s, width: w } : s)) };
}
export function moveStage(j: Journey, stageId: string, to: number): Journey {
  return { ...j, stages: moveItem(j.stages, j.stages.findIndex((s) => s.id === stageId), to) };
}
export function insertStage(j: Journey, stage: Stage, index: number): Journey {
  if (j.stages.length >= journeyLimits.stages) return j;
  const i = clampNumber(index, 0, j.stages.length);
  return { ...j, stages: [...j.stages.slice(0, i), stage, ...j.stages.slice(i)] };
}
export function removeStage(j: Journey, stageId: string): Journey {
  const { [stageId]: _gone, ...emotions } = j.emotions;
  return { ...j, stages: j.stages.filter((s) => s.id !== stageId), emotions };
}

export function renameLane(j: Journey, laneId: string, name: string): Journey {
  return { ...j, lanes: j.lanes.map((l) => (l.id === laneId ? { ...l, name } : l)) };
}
export function resizeLane(j: Journey, laneId: string, height: number): Journey {
  const h = Math.round(clampNumber(height, laneHeight.min, laneHeight.max));
  return { ...j, lanes: j.lanes.map((l) => (l.id === laneId ? { ...l, height: h } : l)) };
}
export function moveLane(j: Journey, laneId: string, to: number): Journey {
  return { ...j, lanes: moveItem(j.lanes, j.lanes.findIndex((l) => l.id === laneId), to) };
}
export function insertLane(j: Journey, lane: Lane, index: number): Journey {
  if (j.lanes.length >= journeyLimits.lanes) return j;
  const i = clampNumber(index, 0, j.lanes.length);
  return { ...j, lanes: [...j.lanes.slice(0, i), lane, ...j.lanes.slice(i)] };
}
export function removeLane(j: Journey, laneId: string): Journey {
  return { ...j, lanes: j.lanes.filter((l) => l.id !== laneId) };
}

/** Sets (or with null clears) a stage's emotion score, rounded and clamped to -3..+3. */
export function setEmotion(j: Journey, stageId: string, score: number | null): Journey {
  const { [stageId]: _old, ...rest } = j.emotions;
  if (score === null || !Number.isFinite(score)) return { ...j, emotions: rest };
  return { ...j, emotions: { ...rest, [stageId]: Math.round(clampNumber(score, emotionRange.min, emotionRange.max)) } };
}

/** Words for a score, for accessible names and the curve's labels. */
export function emotionWords(score: number | undefined): string {
  if (score === undefined) return 'not scored';
  const words: Record<number, string> = { [-3]: 'very negative', [-2]: 'negative', [-1]: 'slightly negative', 0: 'neutral', 1: 'slightly positive', 2: 'positive', 3: 'delighted' };
  return `${score > 0 ? '+' : ''}${score}, ${words[score] ?? ''}`;
}

/** A card's accessible name: "Card: <text>, <stage>, <lane>". */
export function cardAccessibleName(text: string, stageName: string, laneName: string): string {
  return `Card: ${text.trim() || 'empty'}, ${stageName}, ${laneName}`;
}

/** A problem with a card's text, or null. */
export function cardTextProblem(text: string): string | null {
  return textLength(text) > journeyLimits.cardText ? tooLongMessage('Card text', journeyLimits.cardText) : null;
}

/** A unique stage name: "New stage", "New stage 2", … */
export function uniqueName(base: string, taken: readonly string[]): string {
  const set = new Set(taken.map((t) => t.trim().toLowerCase()));
  if (!set.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!set.has(`${base} ${i}`.toLowerCase())) return `${base} ${i}`;
}

// --- Schema (for backups and any other border) -------------------------------

const limitedText = rowText;
const idSchema = rowId;
const emotionScore = z.number().int().min(emotionRange.min).max(emotionRange.max);

const stageSchema = z.strictObject({
  id: idSchema,
  name: limitedText(journeyLimits.stageName),
  width: z.number().min(stageWidth.min).max(stageWidth.max),
});
const laneSchema = z.strictObject({
  id: idSchema,
  name: limitedText(journeyLimits.laneName),
  kind: z.enum(laneKinds),
  height: z.number().min(laneHeight.min).max(laneHeight.max),
});

/** One stored journey row, strictly: every field, no extras, limits from `journeyLimits`. */
export const journeyRowSchema = z
  .strictObject({
    id: idSchema,
    workshopId: idSchema,
    name: limitedText(journeyLimits.name),
    personaId: idSchema.nullable(),
    scenario: limitedText(journeyLimits.scenario),
    stages: z.array(stageSchema).max(journeyLimits.stages, { error: `must hold at most ${journeyLimits.stages} stages` }),
    lanes: z.array(laneSchema).max(journeyLimits.lanes, { error: `must hold at most ${journeyLimits.lanes} lanes` }),
    emotions: z.record(idSchema, emotionScore),
    order: orderNumber,
    createdAt: timeMs,
  })
  .superRefine((j, ctx) => {
    const ids = new Set<string>();
    for (const s of [...j.stages, ...j.lanes]) {
      if (ids.has(s.id)) ctx.addIssue({ code: 'custom', message: `the id ${s.id} is used twice` });
      ids.add(s.id);
    }
    for (const k of Object.keys(j.emotions)) {
      if (!j.stages.some((s) => s.id === k)) ctx.addIssue({ code: 'custom', path: ['emotions', k], message: 'scores a stage that does not exist' });
    }
  });

/** One stored journey card row. */
export const journeyCardRowSchema = z.strictObject({
  id: idSchema,
  workshopId: idSchema,
  journeyId: idSchema,
  stageId: idSchema,
  laneId: idSchema,
  order: orderNumber,
  text: limitedText(journeyLimits.cardText),
  color: z.enum(cardColorIds as [CardColor, ...CardColor[]]),
  marks: z.array(z.enum(cardMarks)).max(cardMarks.length),
  emotion: emotionScore.nullable(),
  initiativeId: idSchema.nullable(),
  author: z.strictObject({ participantId: idSchema, rev: z.number().int().min(1).max(1e9) }).optional(),
});

// Keeps the schemas and the types in step: a field on one and not the other fails to compile.
type SchemaJourney = z.infer<typeof journeyRowSchema>;
type SchemaCard = z.infer<typeof journeyCardRowSchema>;
const _journeyMatches: (j: SchemaJourney) => Journey = (j) => j;
const _cardMatches: (c: SchemaCard) => JourneyCard = (c) => c;
type _JourneyKeys = Exclude<keyof Journey, keyof SchemaJourney> | Exclude<keyof SchemaJourney, keyof Journey>;
type _CardKeys = Exclude<keyof JourneyCard, keyof SchemaCard> | Exclude<keyof SchemaCard, keyof JourneyCard>;
const _noMissingKeys: [_JourneyKeys | _CardKeys] extends [never] ? true : never = true;
void _journeyMatches;
void _cardMatches;
void _noMissingKeys;
