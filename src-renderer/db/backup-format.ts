// The `.centric` backup file: its shape, its version history and migrations, and the one parser
// that turns untrusted text into checked data. Pure: never touches Dexie tables, the DOM or disk,
// and never hands back anything that has not passed every check (callers write only what it returns).
//
// FORMAT: every field name, table name and rule below is read by other copies of Centric.
// Changing one needs a new BACKUP_FORMAT_VERSION with a named migration in `migrations`,
// a before/after fixture in test/fixtures/backup and an entry in docs/backup-format.md.
import { z } from 'zod';
import { artifactKinds, assessmentSets } from '../domain/artifacts';
import { idPattern, isoDatePattern, newId } from '../domain/ids';
import { formatPath, parseTemplate } from '../domain/template';
import { limits, textLength, type Workshop } from '../domain/workshop';
// Backup files and the database upgrade share one definition of "version 1 to 2".
import { upgradeWorkshopV1toV2 } from '../domain/workshop-migrations';
import { personaRowSchema } from '../domain/persona';
import { segmentRowSchema } from '../domain/segment';
import { journeyCardRowSchema, journeyRowSchema } from '../domain/journey';
import { initiativeRowSchema } from '../domain/roadmap';
import { metricRowSchema } from '../domain/metric';
import { assessmentRowSchema } from '../domain/assessment';
import { logEntryRowSchema } from '../domain/actions-log';
import { participantRowSchema, sessionRowSchema } from '../domain/run';
import { voteRowSchema } from '../domain/voting';
import {
  workshopTables,
  type ArtifactRow,
  type SettingRow,
  type UserTemplateRow,
  type WorkshopTable,
} from './database';
import { roadmapSettingsSchema } from '../domain/roadmap';

/** FORMAT: the value of the `format` field; identifies a Centric backup among other JSON files. */
export const BACKUP_FORMAT = 'centric-backup';
/** FORMAT: the version this build writes. Bump only together with a migration in `migrations`. */
export const BACKUP_FORMAT_VERSION = 3;

export type BackupScope = 'workshop' | 'library';

/**
 * Every table of the library, as stored in the file. FORMAT: table names are the Dexie table
 * names; all keys are always present (empty arrays for nothing).
 */
export type LibraryData = {
  readonly workshops: readonly Workshop[];
  readonly templates: readonly UserTemplateRow[];
  readonly settings: readonly SettingRow[];
} & { readonly [T in WorkshopTable]: readonly ArtifactRow[] };

export type LibraryTable = keyof LibraryData;

/** FORMAT: table order in written files (and in `tables`); matches allTables in database.ts. */
export const libraryTables: readonly LibraryTable[] = ['workshops', ...workshopTables, 'templates', 'settings'];

export interface BackupFile {
  /** FORMAT: always BACKUP_FORMAT. */
  readonly format: typeof BACKUP_FORMAT;
  /** FORMAT: the layout of `tables`; see the version history in docs/backup-format.md. */
  readonly formatVersion: typeof BACKUP_FORMAT_VERSION;
  /** When the file was written, ISO 8601 in UTC. Informational. */
  readonly exportedAt: string;
  /** Version of the Centric that wrote it. Informational; never used to decide how to read. */
  readonly appVersion: string;
  /** 'workshop': exactly one workshop and its rows. 'library': everything, templates and settings too. */
  readonly scope: BackupScope;
  readonly tables: LibraryData;
}

/** Limits on what a file may hold. Each is far above real use and stops absurd or hostile input early. */
export const backupLimits = {
  /** Characters of text; checked before JSON.parse so a huge file cannot exhaust memory. */
  textMax: 100 * 1024 * 1024,
  /** Levels of nested objects and arrays. */
  nestingMax: 32,
  workshopsMax: 10_000,
  rowsPerTableMax: 200_000,
  /** Characters in any one text value. */
  stringMax: 100_000,
  agendaStepsMax: 500,
  promptsPerStepMax: 200,
  artifactsPerStepMax: 50,
  settingKeyMax: 80,
  appVersionMax: 64,
  /** Problems listed in one error; fixing those usually reveals the rest. */
  reportedProblemsMax: 5,
} as const;

/** Keys that could reach an object's prototype if the data were ever merged naively. */
const forbiddenKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

/** Wraps library data into a backup file. A workshop file carries one workshop and no templates or settings. */
export function createBackup(data: LibraryData, scope: BackupScope, appVersion: string, now = new Date()): BackupFile {
  if (scope === 'workshop' && data.workshops.length !== 1) {
    throw new Error(`A workshop backup holds exactly one workshop, not ${data.workshops.length}.`);
  }
  const tables = Object.fromEntries(
    libraryTables.map((t) => [t, scope === 'workshop' && (t === 'templates' || t === 'settings') ? [] : [...data[t]]]),
  ) as unknown as LibraryData;
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    appVersion,
    scope,
    tables,
  };
}

/** Keys every row starts with, so a file reads (and diffs) the same way each time. */
const leadingKeys = ['format', 'formatVersion', 'exportedAt', 'appVersion', 'scope', 'tables', 'id', 'key', 'workshopId'];

function orderedKeys(value: object): string[] {
  const keys = Object.keys(value);
  const lead = leadingKeys.filter((k) => keys.includes(k));
  const rest = keys.filter((k) => !leadingKeys.includes(k)).sort();
  return [...lead, ...rest];
}

/** The file's text: pretty JSON with a stable key order (envelope, then id-like keys, then A to Z). */
export function backupToText(file: BackupFile): string {
  const json = JSON.stringify(
    file,
    (key, value: unknown) => {
      // `tables` keeps the canonical table order rather than A to Z.
      if (key === 'tables' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const t = value as Record<string, unknown>;
        return Object.fromEntries(libraryTables.filter((name) => name in t).map((name) => [name, t[name]]));
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
      const o = value as Record<string, unknown>;
      // Object.fromEntries defines own properties, so even an odd key could never touch a prototype.
      return Object.fromEntries(orderedKeys(o).map((k) => [k, o[k]]));
    },
    2,
  );
  return `${json}\n`;
}

// ---------------------------------------------------------------------------
// Migrations
// ---------------------------------------------------------------------------

/** A file of some format version, checked only for its envelope and that every table is a list of objects. */
export interface RawBackup {
  readonly formatVersion: number;
  readonly tables: Readonly<Record<string, readonly unknown[]>>;
  readonly [field: string]: unknown;
}

export interface BackupMigration {
  readonly from: number;
  readonly to: number;
  /** Stable name, reported to the user and asserted by the tests. */
  readonly name: string;
  /** Returns the file in the next version. Must not mutate its input. */
  migrate(file: RawBackup): RawBackup;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Every migration, oldest first; the chain must cover 1 .. BACKUP_FORMAT_VERSION without gaps
 * (a test fails otherwise). Never edit a shipped migration: files in that version are out there.
 */
export const migrations: readonly BackupMigration[] = [
  {
    from: 1,
    to: 2,
    name: 'dates-as-local-strings',
    migrate(file) {
      const workshops = (file.tables.workshops ?? []).map((w) => {
        // Leave anything that is not a workshop-shaped object to the validator, which names it.
        if (!isPlainObject(w)) return w;
        if (Array.isArray(w.agenda) && !w.agenda.every(isPlainObject)) return w;
        const copy: Record<string, unknown> = { ...w };
        upgradeWorkshopV1toV2(copy);
        return copy;
      });
      return { ...file, formatVersion: 2, tables: { ...file.tables, workshops, templates: file.tables.templates ?? [] } };
    },
  },
  {
    from: 2,
    to: 3,
    name: 'facilitation-tables',
    migrate(file) {
      const t = file.tables;
      return { ...file, formatVersion: 3, tables: { ...t, participants: t.participants ?? [], votes: t.votes ?? [], sessions: t.sessions ?? [] } };
    },
  },
];

/** Runs every migration from the file's version up to the current one, in order. */
export function migrateBackup(raw: RawBackup): { file: RawBackup; applied: string[] } {
  let file = raw;
  const applied: string[] = [];
  if (!Number.isInteger(file.formatVersion) || file.formatVersion < 1) {
    throw new Error(`Unknown backup format version ${String(file.formatVersion)}.`);
  }
  if (file.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new Error(`Backup format ${file.formatVersion} is newer than this build (${BACKUP_FORMAT_VERSION}).`);
  }
  while (file.formatVersion < BACKUP_FORMAT_VERSION) {
    const step = migrations.find((m) => m.from === file.formatVersion);
    if (!step) throw new Error(`No migration from backup format ${file.formatVersion}.`);
    file = step.migrate(file);
    if (file.formatVersion !== step.to) throw new Error(`Migration ${step.name} did not reach format ${step.to}.`);
    applied.push(step.name);
  }
  return { file, applied };
}

// ---------------------------------------------------------------------------
// Schemas (of the current format version)
// ---------------------------------------------------------------------------

type IssueLike = { readonly input?: unknown };
/** Missing and mistyped values read differently: "is missing" sends people to add, not fix. */
const rule = (message: string) => (issue: IssueLike) => (issue.input === undefined ? 'is missing' : message);

const idMessage = 'must be an id: 1 to 64 letters, digits, "-" or "_"';
const id = () => z.string({ error: rule(idMessage) }).regex(idPattern, { error: idMessage });

/** Text limits count what people see (an emoji is one character), matching the editors. */
const text = (max: number) =>
  z
    .string({ error: rule('must be text') })
    .refine((s) => textLength(s) <= max, { error: `text is longer than ${max.toLocaleString('en')} characters` });

const timestampMessage = 'must be a time (milliseconds since 1970)';
const timestamp = () =>
  z.number({ error: rule(timestampMessage) }).nonnegative({ error: timestampMessage }).finite({ error: timestampMessage });

function isCalendarDate(s: string): boolean {
  if (!isoDatePattern.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const dateMessage = 'must be a calendar date written YYYY-MM-DD';
const minutesMessage = 'must be a whole number of minutes from 1 to 480';

const stepArtifactSchema = z.strictObject({
  kind: z.enum(artifactKinds, { error: rule(`must be one of ${artifactKinds.join(', ')}`) }),
  action: z.enum(['create', 'open'], { error: rule('must be "create" or "open"') }),
  title: text(limits.stepTitle).optional(),
  set: z.enum(assessmentSets, { error: rule(`must be one of ${assessmentSets.join(', ')}`) }).optional(),
});

const agendaStepSchema = z.strictObject({
  id: id(),
  title: text(limits.stepTitle),
  minutes: z
    .number({ error: rule(minutesMessage) })
    .int({ error: minutesMessage })
    .min(1, { error: minutesMessage })
    .max(480, { error: minutesMessage }),
  instructions: text(limits.instructions),
  prompts: z
    .array(text(limits.prompt), { error: rule('must be a list of questions') })
    .max(backupLimits.promptsPerStepMax, { error: `must hold at most ${backupLimits.promptsPerStepMax} questions` }),
  artifacts: z
    .array(stepArtifactSchema, { error: rule('must be a list of artifacts') })
    .max(backupLimits.artifactsPerStepMax, { error: `must hold at most ${backupLimits.artifactsPerStepMax} artifacts` }),
  notes: text(limits.notes),
});

const workshopSchema = z.strictObject({
  id: id(),
  title: text(limits.title),
  client: text(limits.client),
  date: z.string({ error: rule(dateMessage) }).refine(isCalendarDate, { error: dateMessage }),
  location: text(limits.location),
  objectives: text(limits.objectives),
  templateId: id().nullable(),
  templateName: text(limits.title),
  agenda: z
    .array(agendaStepSchema, { error: rule('must be a list of agenda steps') })
    .max(backupLimits.agendaStepsMax, { error: `must hold at most ${backupLimits.agendaStepsMax} steps` }),
  createdAt: timestamp(),
  updatedAt: timestamp(),
  // Roadmap lanes and horizon (domain/roadmap.ts); absent until first changed.
  roadmap: roadmapSettingsSchema.optional(),
});

const templateRowSchema = z.strictObject({
  id: id(),
  // Checked with the template module's own parser below, so messages match template import.
  template: z.unknown().refine((v) => v !== undefined, { error: 'is missing' }),
  createdAt: timestamp(),
});

const settingKeyMessage = `must be a name of 1 to ${backupLimits.settingKeyMax} characters`;
const settingRowSchema = z.strictObject({
  key: z
    .string({ error: rule(settingKeyMessage) })
    .min(1, { error: settingKeyMessage })
    .max(backupLimits.settingKeyMax, { error: settingKeyMessage }),
  value: z.json({ error: rule('must be a JSON value') }),
});

const exportedAtMessage = 'must be a date and time in ISO 8601 form';
const envelopeSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  exportedAt: z
    .string({ error: rule(exportedAtMessage) })
    .regex(/^\d{4}-\d{2}-\d{2}T/, { error: exportedAtMessage, abort: true })
    .refine((s) => !Number.isNaN(Date.parse(s)), { error: exportedAtMessage }),
  appVersion: z
    .string({ error: rule('must be text') })
    .max(backupLimits.appVersionMax, { error: `text is longer than ${backupLimits.appVersionMax} characters` }),
  scope: z.enum(['workshop', 'library'], { error: rule('must be "workshop" or "library"') }),
  // Checked row by row below, so one broken row does not hide where it is.
  tables: z.record(z.string(), z.array(z.unknown())),
});

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}`;
  }
  if (issue.code === 'invalid_type' && issue.path.length === 0) return 'must be an object';
  // The domain row schemas use zod's own wording; a field that is absent reads "is missing" here
  // as everywhere else in this file (rows are parsed with reportInput, so the issue carries it).
  if (issue.path.length > 0 && 'input' in issue && issue.input === undefined) return 'is missing';
  return issue.message;
}

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

export type ParseBackupResult =
  | { readonly ok: true; readonly backup: BackupFile; readonly migratedFrom: number | null }
  | { readonly ok: false; readonly error: string };

type PathPart = string | number;

/** "tables.workshops[0]", or a phrase for the root. */
function where(path: readonly PathPart[]): string {
  return path.length === 0 ? 'the top level' : formatPath(path);
}

function at(path: readonly PathPart[], message: string): string {
  return path.length === 0 ? message : `${formatPath(path)}: ${message}`;
}

interface WalkNode {
  readonly value: object;
  readonly parent: WalkNode | null;
  readonly key: PathPart | null;
  readonly depth: number;
}

function pathOf(node: WalkNode | null, last?: PathPart): PathPart[] {
  const parts: PathPart[] = last === undefined ? [] : [last];
  for (let n = node; n !== null && n.key !== null; n = n.parent) parts.push(n.key);
  return parts.reverse();
}

/**
 * One pass over the whole parsed JSON, iteratively (a recursive walk could be blown up by the
 * very nesting it is meant to catch): hostile keys, depth and text length.
 */
function findHazard(root: unknown): string | null {
  if (root === null || typeof root !== 'object') return null;
  const stack: WalkNode[] = [{ value: root, parent: null, key: null, depth: 0 }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.depth > backupLimits.nestingMax) {
      return `Refused: the file is nested more than ${backupLimits.nestingMax} levels deep at ${where(pathOf(node))}. It may have been tampered with.`;
    }
    const entries: [PathPart, unknown][] = Array.isArray(node.value)
      ? node.value.map((v, i) => [i, v])
      : // Object.keys sees JSON.parse's own "__proto__" property; `in` or a lookup would not.
        Object.keys(node.value).map((k) => [k, (node.value as Record<string, unknown>)[k]]);
    for (const [key, value] of entries) {
      if (typeof key === 'string' && forbiddenKeys.has(key)) {
        return `Refused: the file contains a "${key}" key at ${where(pathOf(node))}. It may have been tampered with.`;
      }
      if (typeof value === 'string' && value.length > backupLimits.stringMax) {
        return at(pathOf(node, key), `text is longer than ${backupLimits.stringMax.toLocaleString('en')} characters`);
      }
      if (value !== null && typeof value === 'object') stack.push({ value, parent: node, key, depth: node.depth + 1 });
    }
  }
  return null;
}

/** Tables a file of the given version holds. */
function tablesOfVersion(version: number): readonly string[] {
  const sinceV3 = ['participants', 'votes', 'sessions'];
  if (version === 1) return libraryTables.filter((t) => t !== 'templates' && !sinceV3.includes(t));
  if (version === 2) return libraryTables.filter((t) => !sinceV3.includes(t));
  return libraryTables;
}

/** The minimum a migration relies on: `tables` is an object of known tables, each a list within the caps. */
function checkStructure(file: Record<string, unknown>, version: number): string | null {
  const tables = file.tables;
  if (!isPlainObject(tables)) return 'tables: is missing or is not an object; the file is incomplete.';
  const expected = tablesOfVersion(version);
  for (const name of Object.keys(tables)) {
    if (!expected.includes(name)) return `tables.${name}: is not a table Centric knows.`;
  }
  for (const name of expected) {
    const rows = tables[name];
    if (rows === undefined) return `tables.${name}: is missing; the file is incomplete.`;
    if (!Array.isArray(rows)) return `tables.${name}: must be a list of rows.`;
    const max = name === 'workshops' ? backupLimits.workshopsMax : backupLimits.rowsPerTableMax;
    if (rows.length > max) {
      return `tables.${name}: holds ${rows.length.toLocaleString('en')} rows; at most ${max.toLocaleString('en')} are allowed.`;
    }
  }
  return null;
}

class Problems {
  readonly list: string[] = [];
  more = false;
  add(message: string): void {
    // One value can break two checks with the same message (a pattern and a refinement).
    if (this.list.includes(message)) return;
    if (this.list.length < backupLimits.reportedProblemsMax) this.list.push(message);
    else this.more = true;
  }
  text(): string {
    return this.more ? [...this.list, '… and more problems.'].join('\n') : this.list.join('\n');
  }
}

function validateRows<T>(
  problems: Problems,
  table: string,
  rows: readonly unknown[],
  schema: z.ZodType<T>,
  out: T[],
): void {
  for (let i = 0; i < rows.length; i++) {
    const result = schema.safeParse(rows[i], { reportInput: true });
    if (result.success) {
      out.push(result.data);
      continue;
    }
    // Every row is checked even once the report has its five lines (no dearer than a valid
    // file), so "and more problems" is only said when it is true.
    for (const issue of result.error.issues) {
      problems.add(at(['tables', table, i, ...(issue.path as PathPart[])], issueMessage(issue)));
    }
  }
}

function checkUnique(problems: Problems, table: string, keys: readonly string[], what: 'id' | 'key'): void {
  const seen = new Set<string>();
  const reported = new Set<string>();
  for (const k of keys) {
    if (seen.has(k) && !reported.has(k)) {
      reported.add(k);
      problems.add(`tables.${table}: ${what} "${k}" appears twice`);
    }
    seen.add(k);
  }
}

/**
 * Every artifact table's row schema, from the domain module that owns the artifact: strict
 * (unknown fields are refused) and with the editors' own limits, so an imported row is always
 * one the screens can read. FORMAT: tightening one needs a new format version and a migration.
 */
const artifactRowSchemas: Readonly<Record<WorkshopTable, z.ZodType<ArtifactRow>>> = {
  personas: personaRowSchema,
  segments: segmentRowSchema,
  journeys: journeyRowSchema,
  journeyCards: journeyCardRowSchema,
  initiatives: initiativeRowSchema,
  metrics: metricRowSchema,
  assessments: assessmentRowSchema,
  actions: logEntryRowSchema,
  participants: participantRowSchema,
  votes: voteRowSchema,
  sessions: sessionRowSchema,
};

/** Validates a file already migrated to the current version; returns the typed file or problems. */
function validateCurrent(raw: RawBackup): { ok: true; backup: BackupFile } | { ok: false; error: string } {
  const problems = new Problems();
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) {
    for (const issue of envelope.error.issues) problems.add(at(issue.path as PathPart[], issueMessage(issue)));
    return { ok: false, error: problems.text() };
  }
  const t = raw.tables;
  const workshops: Workshop[] = [];
  validateRows(problems, 'workshops', t.workshops ?? [], workshopSchema, workshops);
  const artifactRows = {} as Record<WorkshopTable, ArtifactRow[]>;
  for (const table of workshopTables) {
    artifactRows[table] = [];
    validateRows(problems, table, t[table] ?? [], artifactRowSchemas[table], artifactRows[table]);
  }
  const templateRows: { id: string; template: unknown; createdAt: number }[] = [];
  validateRows(problems, 'templates', t.templates ?? [], templateRowSchema, templateRows);
  const templates: UserTemplateRow[] = [];
  templateRows.forEach((row, i) => {
    const parsed = parseTemplate(row.template, formatPath(['tables', 'templates', i, 'template']));
    if (parsed.ok) templates.push({ id: row.id, template: parsed.template, createdAt: row.createdAt });
    else for (const line of parsed.error.split('\n')) problems.add(line);
  });
  const settings: SettingRow[] = [];
  validateRows(problems, 'settings', t.settings ?? [], settingRowSchema, settings);
  if (problems.list.length > 0) return { ok: false, error: problems.text() };

  checkUnique(problems, 'workshops', workshops.map((w) => w.id), 'id');
  for (const table of workshopTables) checkUnique(problems, table, artifactRows[table].map((r) => r.id), 'id');
  checkUnique(problems, 'templates', templates.map((r) => r.id), 'id');
  checkUnique(problems, 'settings', settings.map((r) => r.key), 'key');

  // Rows of a workshop that is not in the file would be invisible orphans after import.
  const workshopIds = new Set(workshops.map((w) => w.id));
  for (const table of workshopTables) {
    artifactRows[table].forEach((row, i) => {
      if (!workshopIds.has(row.workshopId)) {
        problems.add(`tables.${table}[${i}]: belongs to workshop "${row.workshopId}" which is not in the file`);
      }
    });
  }

  const scope = envelope.data.scope;
  if (scope === 'workshop') {
    if (workshops.length !== 1) {
      problems.add(`tables.workshops: a workshop backup must hold exactly one workshop, but holds ${workshops.length}`);
    }
    if (templates.length > 0 || settings.length > 0) {
      problems.add('tables: a workshop backup must not hold templates or settings');
    }
  }
  if (problems.list.length > 0) return { ok: false, error: problems.text() };

  const tables = { workshops, ...artifactRows, templates, settings } as LibraryData;
  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      exportedAt: envelope.data.exportedAt,
      appVersion: envelope.data.appVersion,
      scope,
      tables: Object.fromEntries(libraryTables.map((n) => [n, tables[n]])) as unknown as LibraryData,
    },
  };
}

/**
 * Reads the text of a `.centric` file. Checks everything (size, JSON, format, version, hostile
 * keys, nesting, counts, every row, ids and references) before returning data, so a caller that
 * writes only on `ok` can never half-import a file.
 */
export function parseBackupText(text: string): ParseBackupResult {
  const fail = (error: string): ParseBackupResult => ({ ok: false, error });
  if (typeof text !== 'string') return fail('The file could not be read as text.');
  if (text.length > backupLimits.textMax) {
    return fail(`The file is larger than ${backupLimits.textMax / (1024 * 1024)} MB, far larger than any Centric backup.`);
  }
  // Editors on Windows like to start files with a byte-order mark, which JSON.parse rejects.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = body.trimStart()[0];
  if (first === undefined) return fail('The file is empty.');
  // A picture, a PDF or a zip lands here; "damaged JSON" would send people looking for the wrong fix.
  if (first !== '{' && first !== '[') return fail('This is not a Centric backup file (it does not contain JSON text).');

  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return fail('The file is not valid JSON: it may be truncated or damaged.');
  }
  if (!isPlainObject(parsed)) return fail('This is not a Centric backup file (it is not a JSON object).');
  if (!Object.hasOwn(parsed, 'format')) return fail('This is not a Centric backup file (format field missing).');
  if (parsed.format !== BACKUP_FORMAT) {
    const shown = typeof parsed.format === 'string' ? `"${parsed.format.slice(0, 40)}"` : 'not text';
    return fail(`This is not a Centric backup file (its format is ${shown}, not "${BACKUP_FORMAT}").`);
  }
  const version = parsed.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('formatVersion: must be a whole number of 1 or more; the file is damaged.');
  }
  if (version > BACKUP_FORMAT_VERSION) {
    return fail(`This backup was made by a newer version of Centric (format ${version}). Update Centric to import it.`);
  }

  const hazard = findHazard(parsed);
  if (hazard) return fail(hazard);
  const structural = checkStructure(parsed, version);
  if (structural) return fail(structural);

  let migrated: RawBackup;
  try {
    migrated = migrateBackup(parsed as unknown as RawBackup).file;
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return fail(`This backup (format ${version}) could not be upgraded to the current format: ${detail}`);
  }
  const result = validateCurrent(migrated);
  if (!result.ok) return result;
  return { ok: true, backup: result.backup, migratedFrom: version < BACKUP_FORMAT_VERSION ? version : null };
}

// ---------------------------------------------------------------------------
// Keep both
// ---------------------------------------------------------------------------

/** Appends a suffix, shortening the title so the result stays within limits.title. */
export function titleWithSuffix(title: string, suffix: string): string {
  const room = limits.title - textLength(suffix);
  const points = Array.from(title);
  const base = points.length <= room ? title : points.slice(0, room).join('').trimEnd();
  return `${base}${suffix}`;
}

function replaceIds(value: unknown, map: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return map.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => replaceIds(v, map));
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.keys(value).map((k) => [k, replaceIds(value[k], map)]));
  }
  return value;
}

export interface RemapOptions {
  /** Added to every workshop title; " (imported)" unless given. */
  readonly titleSuffix?: string;
  /** Id generator; tests may pass a predictable one. */
  readonly makeId?: () => string;
}

/**
 * Gives every workshop and artifact row a fresh id and rewrites every text value (at any depth)
 * that equals an old id, so references between rows (journeyCards.journeyId, ...) follow.
 * Templates and settings are returned unchanged: they are keyed by name, not owned by a workshop.
 */
export function remapIds(data: LibraryData, options: RemapOptions = {}): LibraryData {
  const makeId = options.makeId ?? newId;
  const suffix = options.titleSuffix ?? ' (imported)';
  const map = new Map<string, string>();
  for (const w of data.workshops) map.set(w.id, makeId());
  for (const table of workshopTables) {
    for (const row of data[table]) {
      if (map.has(row.id)) continue;
      // A workshop's run session is found by the id "run-<workshopId>", so it follows its workshop.
      const runOf = row.id.startsWith('run-') ? map.get(row.id.slice(4)) : undefined;
      map.set(row.id, runOf && row.workshopId === row.id.slice(4) ? `run-${runOf}` : makeId());
    }
  }

  const workshops = data.workshops.map((w) => {
    const copy = replaceIds(w, map) as Workshop;
    return { ...copy, title: titleWithSuffix(w.title, suffix) };
  });
  const rows = Object.fromEntries(
    workshopTables.map((table) => [table, data[table].map((row) => replaceIds(row, map) as ArtifactRow)]),
  ) as Record<WorkshopTable, ArtifactRow[]>;
  return { workshops, ...rows, templates: [...data.templates], settings: [...data.settings] };
}

/** Empty library data, for building files in code and tests. */
export function emptyLibraryData(): LibraryData {
  return Object.fromEntries(libraryTables.map((t) => [t, []])) as unknown as LibraryData;
}
