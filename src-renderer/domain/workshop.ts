// The workshop record and its agenda: plain readonly data and pure functions from old to new.
// Imports nothing from React, Dexie or the DOM. Field names are stored in IndexedDB and in backups:
// renaming or retyping one needs a database version and a backup-format migration.
import type { ArtifactKind, AssessmentSet } from './artifacts';
import { localDateString, newId } from './ids';
import type { WorkshopTemplate } from './template';
import type { RoadmapSettings } from './roadmap';

export interface StepArtifact {
  /** Which artifact the step works on. */
  readonly kind: ArtifactKind;
  /** Whether the step creates the artifact or opens one made earlier. */
  readonly action: 'create' | 'open';
  /** Optional title for what is created, e.g. "Onboarding journey". */
  readonly title?: string;
  /** For assessments: which question set. */
  readonly set?: AssessmentSet;
}

export interface AgendaStep {
  /** Unique within the workshop. */
  readonly id: string;
  readonly title: string;
  /** Planned duration in minutes. */
  readonly minutes: number;
  /** The facilitator's instructions for running the step. */
  readonly instructions: string;
  /** Questions the facilitator asks the room. */
  readonly prompts: readonly string[];
  readonly artifacts: readonly StepArtifact[];
  /** What the facilitator captured during the step. */
  readonly notes: string;
}

export interface Workshop {
  readonly id: string;
  /** The workshop's title, e.g. "Customer journey day". */
  readonly title: string;
  /** The client organisation. */
  readonly client: string;
  /** Workshop date in the local calendar, YYYY-MM-DD. */
  readonly date: string;
  readonly location: string;
  /** What the client wants to leave the room with. */
  readonly objectives: string;
  /** Id of the template it was created from, or null for a blank workshop. */
  readonly templateId: string | null;
  /** Template name at creation time, kept for display if the template disappears. */
  readonly templateName: string;
  readonly agenda: readonly AgendaStep[];
  /** ms since epoch */
  readonly createdAt: number;
  /** ms since epoch of the last content edit */
  readonly updatedAt: number;
  /**
   * Lanes and horizon of the lifecycle roadmap. Absent until the facilitator first changes
   * them; read it with `readRoadmapSettings`, which supplies the default (four lifecycle lanes,
   * four quarters from the workshop date).
   */
  readonly roadmap?: RoadmapSettings;
  /**
   * Planned start of the agenda, "HH:MM" on the 24-hour clock (shown in the facilitator's clock
   * format). Absent until first set; read it with `startMinutes` (domain/agenda.ts), which
   * supplies 09:00.
   */
  readonly startTime?: string;
}

/** Limits on text the user types; over-long text is refused with a message, never truncated. */
export const limits = {
  title: 120,
  client: 120,
  location: 120,
  objectives: 4000,
  stepTitle: 120,
  instructions: 4000,
  notes: 20000,
  prompt: 400,
  settingText: 120,
} as const;

export interface NewWorkshopInput {
  title: string;
  client: string;
  date?: string;
  template: WorkshopTemplate | null;
  now?: number;
}

export function createWorkshop(input: NewWorkshopInput): Workshop {
  const now = input.now ?? Date.now();
  const t = input.template;
  return {
    id: newId(),
    title: input.title.trim() || (t ? t.name : 'Untitled workshop'),
    client: input.client.trim(),
    date: input.date ?? localDateString(new Date(now)),
    location: '',
    objectives: '',
    templateId: t ? t.id : null,
    templateName: t ? t.name : 'Blank',
    agenda: t
      ? t.steps.map((s) => ({
          id: s.id,
          title: s.title,
          minutes: s.minutes,
          instructions: s.instructions,
          prompts: [...s.prompts],
          artifacts: s.artifacts.map((a) => ({ ...a })),
          notes: '',
        }))
      : [],
    createdAt: now,
    updatedAt: now,
  };
}

export function agendaMinutes(agenda: readonly AgendaStep[]): number {
  return agenda.reduce((sum, s) => sum + s.minutes, 0);
}

/** Formats minutes as "3 h 30 min" / "45 min". */
export function formatMinutes(total: number): string {
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** The artifact kinds an agenda works on, in first-use order. */
export function agendaArtifactKinds(agenda: readonly AgendaStep[]): ArtifactKind[] {
  const seen: ArtifactKind[] = [];
  for (const step of agenda) for (const a of step.artifacts) if (!seen.includes(a.kind)) seen.push(a.kind);
  return seen;
}

export function updateStep(w: Workshop, stepId: string, patch: Partial<Omit<AgendaStep, 'id'>>): Workshop {
  return { ...w, agenda: w.agenda.map((s) => (s.id === stepId ? { ...s, ...patch } : s)) };
}

/** A copy with a fresh id, a new title and (by default) "(copy)" appended. */
export function duplicateWorkshop(w: Workshop, now = Date.now()): Workshop {
  return { ...w, id: newId(), title: `${w.title} (copy)`, createdAt: now, updatedAt: now };
}

/** Case- and accent-insensitive search over client, title, template and date. */
export function matchesSearch(w: Workshop, query: string): boolean {
  const q = fold(query.trim());
  if (!q) return true;
  const hay = fold([w.title, w.client, w.templateName, w.date, w.location].join(' '));
  return q.split(/\s+/).every((part) => hay.includes(part));
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

// Kept here too for the screens that read text limits with the workshop's `limits`.
export { textLength, tooLongMessage } from './text';
