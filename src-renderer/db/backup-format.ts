// The `.centric` backup file: its shape, its version history and migrations, and the one parser
// that turns untrusted text into checked data. Pure: never touches Dexie tables, the DOM or disk,
// and never hands back anything that has not passed every check (callers write only what it returns).
//
// FORMAT: every field name, table name and rule below is read by other copies of Centric.
// Changing one needs a new BACKUP_FORMAT_VERSION with a named migration in `migrations`,
// a before/after fixture in test/fixtures/backup and an entry in docs/backup-format.md.
import { z } from 'zod';
import { newId } from '../domain/ids';
import {
  records,
  tableNames,
  tablesOfBackupVersion,
  workshopTables,
  type RowOf,
  type TableName,
  type UserTemplateRow,
} from '../domain/records';
import { formatPath, parseTemplate } from '../domain/template';
import { capText } from '../domain/text';
import { limits, textLength, type Workshop } from '../domain/workshop';
import { templateRowSchema, workshopRowLimits } from '../domain/workshop-schema';
// Backup files and the database upgrade share one definition of "version 1 to 2".
import { upgradeWorkshopV1toV2 } from '../domain/workshop-migrations';

/** FORMAT: the value of the `format` field; identifies a Centric backup among other JSON files. */
export const BACKUP_FORMAT = 'centric-backup';
/** FORMAT: the version this build writes. Bump only together with a migration in `migrations`. */
export const BACKUP_FORMAT_VERSION = 3;

export type BackupScope = 'workshop' | 'library';

/**
 * Every table of the library, as stored in the file. FORMAT: table names are the Dexie table
 * names; all keys are always present (empty arrays for nothing).
 */
export type LibraryData = { readonly [T in TableName]: readonly RowOf<T>[] };

export type LibraryTable = TableName;

/** FORMAT: table order in written files (and in `tables`): the record definitions' order. */
export const libraryTables: readonly LibraryTable[] = tableNames;

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
  // Inside one workshop row and for setting names: the row schemas' own limits.
  ...workshopRowLimits,
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
  const tables = mapTables((t) => (records[t].backup.scopes.includes(scope) ? [...data[t]] : []));
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

/**
 * Builds LibraryData table by table: the one place the per-table type is assembled from a generic
 * loop. `rowsOf` must return rows of the table it is given (parsed by its definition, read from
 * its Dexie table, or copied from LibraryData of that table).
 */
export function mapTables(rowsOf: (table: TableName) => readonly object[]): LibraryData {
  const out: Partial<Record<TableName, readonly object[]>> = {};
  for (const t of tableNames) out[t] = rowsOf(t);
  return out as LibraryData;
}

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
    // A hostile file can carry a 5 MB field name: echo at most a few, each capped.
    const shown = issue.keys.slice(0, 5).map((k) => `"${capText(k)}"`);
    const more = issue.keys.length > 5 ? ` and ${(issue.keys.length - 5).toLocaleString('en')} more` : '';
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${shown.join(', ')}${more}`;
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

/** The minimum a migration relies on: `tables` is an object of known tables, each a list within the caps. */
function checkStructure(file: Record<string, unknown>, version: number): string | null {
  const tables = file.tables;
  if (!isPlainObject(tables)) return 'tables: is missing or is not an object; the file is incomplete.';
  const expected: readonly string[] = tablesOfBackupVersion(version);
  for (const name of Object.keys(tables)) {
    if (!expected.includes(name)) return `tables.${capText(name)}: is not a table Centric knows.`;
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
  return checkCounts(tables);
}

/**
 * The record definitions' count limits (rows per workshop, cards per journey), counted before any
 * row is validated: a file with 100,000 cards in one journey is refused at once instead of being
 * imported and then freezing the screen that shows it.
 */
function checkCounts(tables: Record<string, unknown>): string | null {
  for (const table of workshopTables) {
    const rows = tables[table];
    if (!Array.isArray(rows)) continue;
    const def = records[table];
    const per: { field: string; max: number; noun: string }[] = [];
    if (def.limits.perWorkshop !== undefined) per.push({ field: 'workshopId', max: def.limits.perWorkshop, noun: 'workshop' });
    if (def.limits.perParent) per.push(def.limits.perParent);
    for (const { field, max, noun } of per) {
      const counts = new Map<string, number>();
      for (const row of rows) {
        if (!isPlainObject(row)) continue;
        const parent = row[field];
        if (typeof parent !== 'string') continue;
        const n = (counts.get(parent) ?? 0) + 1;
        counts.set(parent, n);
        if (n > max) {
          return `tables.${table}: ${noun} "${capText(parent)}" holds more than ${max.toLocaleString('en')} ${def.label[1]}; at most ${max.toLocaleString('en')} are allowed.`;
        }
      }
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

function validateRows(
  problems: Problems,
  table: string,
  rows: readonly unknown[],
  schema: z.ZodType,
  out: unknown[],
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

/** Validates a file already migrated to the current version; returns the typed file or problems. */
function validateCurrent(raw: RawBackup): { ok: true; backup: BackupFile } | { ok: false; error: string } {
  const problems = new Problems();
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) {
    for (const issue of envelope.error.issues) problems.add(at(issue.path as PathPart[], issueMessage(issue)));
    return { ok: false, error: problems.text() };
  }
  const t = raw.tables;
  const rows = {} as Record<TableName, object[]>;
  for (const table of tableNames) {
    if (table === 'templates') continue;
    const out: object[] = [];
    validateRows(problems, table, t[table] ?? [], records[table].schema, out);
    rows[table] = out;
  }
  // Templates are checked by the template module's own parser, so messages match template import.
  const templateRows: { id: string; template: unknown; createdAt: number }[] = [];
  validateRows(problems, 'templates', t.templates ?? [], templateRowSchema, templateRows);
  const templates: UserTemplateRow[] = [];
  templateRows.forEach((row, i) => {
    const parsed = parseTemplate(row.template, formatPath(['tables', 'templates', i, 'template']));
    if (parsed.ok) templates.push({ id: row.id, template: parsed.template, createdAt: row.createdAt });
    else for (const line of parsed.error.split('\n')) problems.add(line);
  });
  rows.templates = templates;
  if (problems.list.length > 0) return { ok: false, error: problems.text() };

  for (const table of tableNames) {
    const key = records[table].key;
    checkUnique(problems, table, rows[table].map((r: object) => String((r as Record<string, unknown>)[key])), key);
  }

  // A row whose parent is not in the file (a card of a journey, anything of a workshop) would be
  // an invisible orphan after import.
  const idsOf = new Map<TableName, Set<string>>();
  const ids = (table: TableName) => {
    let set = idsOf.get(table);
    if (!set) {
      set = new Set(rows[table].map((r: object) => String((r as Record<string, unknown>).id)));
      idsOf.set(table, set);
    }
    return set;
  };
  for (const table of tableNames) {
    for (const parent of records[table].parents) {
      rows[table].forEach((row: object, i: number) => {
        const ref = (row as Record<string, unknown>)[parent.field];
        if (typeof ref === 'string' && !ids(parent.table).has(ref)) {
          problems.add(`tables.${table}[${i}]: belongs to ${parent.noun} "${ref}" which is not in the file`);
        }
      });
    }
  }
  const workshops = rows.workshops;
  const settings = rows.settings;

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

  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      exportedAt: envelope.data.exportedAt,
      appVersion: envelope.data.appVersion,
      scope,
      tables: mapTables((table) => rows[table]),
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
    // checkStructure has seen that `tables` holds a list for every table of the file's version.
    migrated = migrateBackup({ ...parsed, formatVersion: version, tables: parsed.tables as RawBackup['tables'] }).file;
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
  // replaceIds keeps every value's shape and type: only id strings change, so each row stays its table's type.
  return mapTables((table) => {
    if (table === 'workshops') return workshops;
    if (table === 'templates' || table === 'settings') return [...data[table]];
    return data[table].map((row: object) => replaceIds(row, map) as object);
  });
}

/** Empty library data, for building files in code and tests. */
export function emptyLibraryData(): LibraryData {
  return mapTables(() => []);
}
