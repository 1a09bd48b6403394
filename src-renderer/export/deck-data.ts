// What a deck is made from: the workshop's rows as plain typed data (never Dexie), plus the
// facilitator's settings and the assessment question sets. `deckDataFromRows` takes a workshop's
// stored rows, typed by their record definitions (as readWorkshopData returns them).
import type { AssessmentSet } from '../domain/artifacts';
import type { AssessmentRun, AssessmentSetDef } from '../domain/assessment';
import type { LogEntry } from '../domain/actions-log';
import type { Journey, JourneyCard } from '../domain/journey';
import type { Metric } from '../domain/metric';
import type { Persona } from '../domain/persona';
import type { RowOf, WorkshopTable } from '../domain/records';
import type { Initiative } from '../domain/roadmap';
import type { Segment } from '../domain/segment';
import type { Participant, Brainstorm } from '../domain/run';
import type { Vote, VoteExercise } from '../domain/voting';
import type { ScoringRound } from '../domain/phone-rounds';
import { formatValue as formatSegmentValue } from '../domain/segment';
import type { Workshop } from '../domain/workshop';

export interface DeckData {
  readonly workshop: Workshop;
  readonly facilitatorName: string;
  readonly organisation: string;
  readonly personas: readonly Persona[];
  readonly segments: readonly Segment[];
  readonly journeys: readonly Journey[];
  readonly cards: readonly JourneyCard[];
  readonly initiatives: readonly Initiative[];
  readonly metrics: readonly Metric[];
  readonly assessments: readonly AssessmentRun[];
  readonly assessmentSets: Partial<Record<AssessmentSet, AssessmentSetDef>>;
  readonly log: readonly LogEntry[];
  /** Silent brainstorms and dot votes of the workshop (the run session itself is not shown). */
  readonly exercises: readonly (Brainstorm | VoteExercise)[];
  readonly votes: readonly Vote[];
  readonly participants: readonly Participant[];
  /** Assessments scored on phones: the revealed rounds (anonymous by then), oldest first. */
  readonly scoringRounds: readonly ScoringRound[];
}

/** A workshop and (any of) its stored rows, each table typed by its record definition. */
export type WorkshopRows = { readonly workshop: Workshop } & { readonly [T in WorkshopTable]?: readonly RowOf<T>[] };

const byOrder = <T extends { order: number; createdAt: number }>(a: T, b: T) => a.order - b.order || a.createdAt - b.createdAt;

/** Typed deck data from a workshop's stored rows; rows of other workshops are ignored. */
export function deckDataFromRows(
  rows: WorkshopRows,
  settings: { facilitatorName: string; organisation: string },
  assessmentSets: Partial<Record<AssessmentSet, AssessmentSetDef>>,
): DeckData {
  const id = rows.workshop.id;
  const mine = <R extends { readonly workshopId: string }>(list: readonly R[] | undefined): R[] => (list ?? []).filter((r) => r.workshopId === id);
  return {
    workshop: rows.workshop,
    facilitatorName: settings.facilitatorName,
    organisation: settings.organisation,
    personas: mine(rows.personas).sort(byOrder),
    segments: mine(rows.segments).sort(byOrder),
    journeys: mine(rows.journeys).sort(byOrder),
    cards: mine(rows.journeyCards),
    initiatives: mine(rows.initiatives).sort(byOrder),
    metrics: mine(rows.metrics),
    assessments: mine(rows.assessments).sort((a, b) => a.createdAt - b.createdAt),
    assessmentSets,
    log: mine(rows.actions),
    exercises: mine(rows.sessions).filter((r): r is Brainstorm | VoteExercise => r.kind === 'brainstorm' || r.kind === 'vote').sort((a, b) => a.createdAt - b.createdAt),
    votes: mine(rows.votes),
    participants: mine(rows.participants).sort(byOrder),
    scoringRounds: mine(rows.sessions).filter((r): r is ScoringRound => r.kind === 'scoring' && r.revealedAt !== null).sort((a, b) => a.createdAt - b.createdAt),
  };
}

/**
 * The currency the workshop's money is typed in: the sign on its currency metrics ("£96"), else
 * on its initiatives' resources ("€80k"); '' when none is typed anywhere. Segment values are
 * stored as bare numbers, so the deck shows them with this sign.
 */
export function deckCurrency(d: Pick<DeckData, 'metrics' | 'initiatives'>): string {
  const signs = [
    ...d.metrics.filter((x) => x.unit === 'currency').flatMap((x) => [x.baseline, x.target]),
    ...d.initiatives.map((i) => i.resources),
  ].flatMap((t) => t.match(/[€$£¥]/gu) ?? []);
  return signs[0] ?? '';
}

/** A segment's money value with the workshop's currency: "£96", "£4.2 M", "−€12 k". */
export function formatMoney(n: number, currency: string): string {
  const v = formatSegmentValue(Math.abs(n));
  return `${n < 0 ? '−' : ''}${currency}${v}`;
}
