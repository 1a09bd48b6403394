// One definition per stored record: its domain type, its strict row schema, its key and indexes,
// how it belongs to a workshop (and to which parent rows), its count limits, and what a backup
// holds of it. Typed tables (db/database.ts), typed command ops (db/commands.ts), backup
// validation and import limits (db/backup-format.ts), undo's refusal to orphan rows and the check
// of rows arriving from participants' devices all read this table, so a new field or table is
// added here once. Pure: imports nothing from React, Dexie or the DOM.
// STORAGE: table names, keys and indexes are storage keys; changing one needs a Dexie version
// (db/database.ts) and a backup-format migration.
import { z } from 'zod';
import { assessmentRowSchema, readRun, type AssessmentRun } from './assessment';
import { logEntryRowSchema, readLogEntry, type LogEntry } from './actions-log';
import { journeyCardRowSchema, journeyLimits, journeyRowSchema, type Journey, type JourneyCard } from './journey';
import { metricRowSchema, normalizeMetric, type Metric } from './metric';
import { personaRowSchema, type Persona } from './persona';
import type { EmotionRound, ScoringRound } from './phone-rounds';
import { initiativeRowSchema, normalizeInitiative, type Initiative } from './roadmap';
import { participantRowSchema, sessionRowSchema, type Brainstorm, type Participant, type RunSession } from './run';
import { readSegment, segmentRowSchema, type Segment } from './segment';
import { parseTemplate } from './template';
import { voteRowSchema, type Vote, type VoteExercise } from './voting';
import type { Workshop } from './workshop';
import { settingRowSchema, templateRowSchema, workshopRowSchema, type SettingRow, type UserTemplateRow } from './workshop-schema';

export type { SettingRow, UserTemplateRow };

/** Any row of the 'sessions' table: the run session, a dot-voting exercise, a silent brainstorm, or a round answered on phones. */
export type SessionRow = RunSession | VoteExercise | Brainstorm | ScoringRound | EmotionRound;

/** The domain type of each table's rows. */
export interface RecordTypes {
  workshops: Workshop;
  personas: Persona;
  segments: Segment;
  journeys: Journey;
  journeyCards: JourneyCard;
  initiatives: Initiative;
  metrics: Metric;
  assessments: AssessmentRun;
  actions: LogEntry;
  participants: Participant;
  votes: Vote;
  sessions: SessionRow;
  templates: UserTemplateRow;
  settings: SettingRow;
}

export type TableName = keyof RecordTypes;
export type RowOf<T extends TableName> = RecordTypes[T];

/** STORAGE: every table in canonical order (backup files list their tables in this order). */
export const tableNames = [
  'workshops',
  'personas',
  'segments',
  'journeys',
  'journeyCards',
  'initiatives',
  'metrics',
  'assessments',
  'actions',
  'participants',
  'votes',
  'sessions',
  'templates',
  'settings',
] as const satisfies readonly TableName[];

/** Which backups carry a table: every backup, or only a whole-library one. */
export type BackupScope = 'workshop' | 'library';

/** A row this row cannot live without: `field` holds the id of a row of `table`. */
export interface ParentLink {
  readonly field: string;
  readonly table: TableName;
  /** How people call the parent in a message ("the workshop", "the journey"). */
  readonly noun: string;
}

export interface RecordDefinition<T extends TableName> {
  readonly table: T;
  /** How people call one row and several, for messages and counts. */
  readonly label: readonly [singular: string, plural: string];
  /** The strict row schema: rows from a backup, a file or a participant's device pass it first. */
  readonly schema: z.ZodType<RowOf<T>>;
  /** The primary key field. */
  readonly key: 'id' | 'key';
  /** STORAGE: the Dexie index spec in the newest storage version (primary key first). */
  readonly indexes: string;
  /** 'workshop': the row has `workshopId` and goes where its workshop goes; 'library': it does not. */
  readonly belongsTo: 'workshop' | 'library';
  /** Rows that must exist for this row to exist (checked by backups, undo and redo). */
  readonly parents: readonly ParentLink[];
  /** Count limits, far above real use: they keep a hostile or runaway file from freezing a screen. */
  readonly limits: {
    /** Rows per workshop (workshop records only). */
    readonly perWorkshop?: number;
    /** Rows per parent row, e.g. cards per journey. */
    readonly perParent?: { readonly field: string; readonly max: number; readonly noun: string };
  };
  /** What a backup holds of it: the first backup format with the table, and which backups carry it. */
  readonly backup: { readonly since: number; readonly scopes: readonly BackupScope[] };
}

const ofWorkshop: ParentLink = { field: 'workshopId', table: 'workshops', noun: 'workshop' };
const everyBackup: readonly BackupScope[] = ['workshop', 'library'];

/** A template row as stored: the template itself is parsed by the template module, so rows hold a checked template. */
const userTemplateSchema: z.ZodType<UserTemplateRow> = templateRowSchema.transform((row, ctx) => {
  const parsed = parseTemplate(row.template, 'template');
  if (!parsed.ok) {
    for (const message of parsed.error.split('\n')) ctx.addIssue({ code: 'custom', message, path: ['template'] });
    return z.NEVER;
  }
  return { id: row.id, template: parsed.template, createdAt: row.createdAt };
});

/**
 * Four records were first stored with fields missing (added later, filled in on read); their row
 * schemas accept a missing field and these complete the row, so every parsed row is whole.
 * Storage version 4 completed the rows already stored (db/database.ts); version 5 completed
 * assessment runs again when they gained the five-employees test's `clarity` and `enthusiasm`,
 * and segments when they gained the portfolio `strategy`.
 */
const initiativeSchema: z.ZodType<Initiative> = initiativeRowSchema.transform((r) => normalizeInitiative(r));
const metricSchema: z.ZodType<Metric> = metricRowSchema.transform((r) => normalizeMetric(r));
const assessmentSchema: z.ZodType<AssessmentRun> = assessmentRowSchema.transform((r) => readRun(r));
// Segments gained `strategy` in storage version 5.
const segmentSchema: z.ZodType<Segment> = segmentRowSchema.transform((r) => readSegment(r));
const logEntrySchema: z.ZodType<LogEntry> = logEntryRowSchema.transform((r) => readLogEntry(r));

function workshopRecord<T extends TableName>(
  table: T,
  label: readonly [string, string],
  schema: z.ZodType<RowOf<T>>,
  perWorkshop: number,
  more: Partial<Pick<RecordDefinition<T>, 'indexes' | 'parents' | 'limits' | 'backup'>> = {},
): RecordDefinition<T> {
  return {
    table,
    label,
    schema,
    key: 'id',
    indexes: more.indexes ?? 'id, workshopId',
    belongsTo: 'workshop',
    parents: more.parents ?? [ofWorkshop],
    limits: { perWorkshop, ...more.limits },
    backup: more.backup ?? { since: 1, scopes: everyBackup },
  };
}

/** Every table's definition. A test fails if a table lacks one or the storage schema disagrees. */
export const records: { readonly [T in TableName]: RecordDefinition<T> } = {
  workshops: {
    table: 'workshops',
    label: ['workshop', 'workshops'],
    schema: workshopRowSchema,
    key: 'id',
    indexes: 'id, updatedAt',
    belongsTo: 'library',
    parents: [],
    limits: {},
    backup: { since: 1, scopes: everyBackup },
  },
  personas: workshopRecord('personas', ['persona', 'personas'], personaRowSchema, 500),
  segments: workshopRecord('segments', ['segment', 'segments'], segmentSchema, 500),
  journeys: workshopRecord('journeys', ['journey', 'journeys'], journeyRowSchema, 200),
  journeyCards: workshopRecord('journeyCards', ['journey card', 'journey cards'], journeyCardRowSchema, 50_000, {
    indexes: 'id, workshopId, journeyId',
    parents: [ofWorkshop, { field: 'journeyId', table: 'journeys', noun: 'journey' }],
    limits: { perParent: { field: 'journeyId', max: journeyLimits.cardsPerJourney, noun: 'journey' } },
  }),
  initiatives: workshopRecord('initiatives', ['initiative', 'initiatives'], initiativeSchema, 5_000),
  metrics: workshopRecord('metrics', ['metric', 'metrics'], metricSchema, 5_000),
  assessments: workshopRecord('assessments', ['assessment', 'assessments'], assessmentSchema, 1_000),
  actions: workshopRecord('actions', ['action', 'actions'], logEntrySchema, 10_000),
  participants: workshopRecord('participants', ['participant', 'participants'], participantRowSchema, 500, {
    backup: { since: 3, scopes: everyBackup },
  }),
  votes: workshopRecord('votes', ['vote', 'votes'], voteRowSchema, 100_000, {
    indexes: 'id, workshopId, targetId',
    backup: { since: 3, scopes: everyBackup },
  }),
  sessions: workshopRecord('sessions', ['session', 'sessions'], sessionRowSchema, 2_000, {
    backup: { since: 3, scopes: everyBackup },
  }),
  templates: {
    table: 'templates',
    label: ['template', 'templates'],
    schema: userTemplateSchema,
    key: 'id',
    indexes: 'id, createdAt',
    belongsTo: 'library',
    parents: [],
    limits: {},
    backup: { since: 2, scopes: ['library'] },
  },
  settings: {
    table: 'settings',
    label: ['setting', 'settings'],
    schema: settingRowSchema,
    key: 'key',
    indexes: 'key',
    belongsTo: 'library',
    parents: [],
    limits: {},
    backup: { since: 1, scopes: ['library'] },
  },
};

/** Tables whose rows belong to one workshop (each row has `workshopId`), in canonical order. */
export const workshopTables = tableNames.filter(
  (t): t is Exclude<TableName, 'workshops' | 'templates' | 'settings'> => records[t].belongsTo === 'workshop',
);
export type WorkshopTable = Exclude<TableName, 'workshops' | 'templates' | 'settings'>;

/** The definition of a table, typed by its name. */
export function recordOf<T extends TableName>(table: T): RecordDefinition<T> {
  return records[table];
}

/** The key of a row of the given table. */
export function rowKey<T extends TableName>(table: T, row: RowOf<T>): string {
  const fields: object = row;
  const key: unknown = (fields as Readonly<Record<string, unknown>>)[records[table].key];
  if (typeof key !== 'string') throw new Error(`A ${table} row has no key.`);
  return key;
}

/** The tables a backup of the given format version holds (older files lack the newer tables). */
export function tablesOfBackupVersion(version: number): readonly TableName[] {
  return tableNames.filter((t) => records[t].backup.since <= version);
}

/**
 * Checks one row against its table's definition, as for a row arriving from outside the
 * facilitator's own editors: the strict schema, then nothing else. Returns the parsed row or the
 * problems, each as "field: message".
 */
export function checkRow<T extends TableName>(
  table: T,
  value: unknown,
): { readonly ok: true; readonly row: RowOf<T> } | { readonly ok: false; readonly problems: readonly string[] } {
  const result = records[table].schema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, row: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message)),
  };
}
