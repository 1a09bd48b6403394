// What a deck is made from: the workshop's rows as plain typed data (never Dexie), plus the
// facilitator's settings and the assessment question sets. `deckDataFromRows` reads loosely
// typed rows (as readWorkshopData returns them) defensively, with the domain's own readers.
import type { AssessmentSet } from '../domain/artifacts';
import { readRun, type AssessmentRun, type AssessmentSetDef } from '../domain/assessment';
import { readLogEntry, type LogEntry } from '../domain/actions-log';
import type { Journey, JourneyCard } from '../domain/journey';
import { normalizeMetric, type Metric } from '../domain/metric';
import type { Persona } from '../domain/persona';
import { normalizeInitiative, type Initiative } from '../domain/roadmap';
import type { Segment } from '../domain/segment';
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
}

export interface LooseRows {
  readonly workshop: Workshop;
  readonly personas?: readonly object[];
  readonly segments?: readonly object[];
  readonly journeys?: readonly object[];
  readonly journeyCards?: readonly object[];
  readonly initiatives?: readonly object[];
  readonly metrics?: readonly object[];
  readonly assessments?: readonly object[];
  readonly actions?: readonly object[];
}

const byOrder = <T extends { order: number; createdAt: number }>(a: T, b: T) => a.order - b.order || a.createdAt - b.createdAt;

/** Typed deck data from a workshop's stored rows; rows of other workshops are ignored. */
export function deckDataFromRows(
  rows: LooseRows,
  settings: { facilitatorName: string; organisation: string },
  assessmentSets: Partial<Record<AssessmentSet, AssessmentSetDef>>,
): DeckData {
  const id = rows.workshop.id;
  const mine = (list: readonly object[] | undefined) => (list ?? []).filter((r) => (r as { workshopId?: unknown }).workshopId === id) as Record<string, unknown>[];
  return {
    workshop: rows.workshop,
    facilitatorName: settings.facilitatorName,
    organisation: settings.organisation,
    personas: (mine(rows.personas) as unknown as Persona[]).slice().sort(byOrder),
    segments: (mine(rows.segments) as unknown as Segment[]).slice().sort(byOrder),
    journeys: (mine(rows.journeys) as unknown as Journey[]).slice().sort(byOrder),
    cards: mine(rows.journeyCards) as unknown as JourneyCard[],
    initiatives: mine(rows.initiatives).map(normalizeInitiative).sort(byOrder),
    metrics: mine(rows.metrics).map(normalizeMetric),
    assessments: mine(rows.assessments).map(readRun).sort((a, b) => a.createdAt - b.createdAt),
    assessmentSets,
    log: mine(rows.actions).map(readLogEntry),
  };
}
