// The Dexie database: every table, every schema version and its upgrade, in this one module.
// Schema versions are history: never edit or delete a version below; add a new one.
// Table names and indexes are storage keys: changing them needs a new version with an upgrade.
// Every table's rows are typed by its record definition (domain/records.ts); the definitions'
// `indexes` must equal the newest version's spec below (a test compares them).
import Dexie, { type Table } from 'dexie';
import { upgradeWorkshopV1toV2 } from '../domain/workshop-migrations';
import { normalizeInitiative } from '../domain/roadmap';
import { normalizeMetric } from '../domain/metric';
import { readRun } from '../domain/assessment';
import { readLogEntry } from '../domain/actions-log';
import {
  records,
  rowKey,
  tableNames,
  workshopTables,
  type RowOf,
  type SettingRow,
  type TableName,
  type UserTemplateRow,
  type WorkshopTable,
} from '../domain/records';

export { upgradeWorkshopV1toV2 };

export const DB_NAME = 'centric';
/** The newest schema version this build knows. A database newer than this is refused. */
export const DB_VERSION = 5;

export { workshopTables, tableNames as allTables };
export type { WorkshopTable, TableName, RowOf, SettingRow, UserTemplateRow };

/** A Dexie table holding the rows of one record definition (domain/records.ts), keyed by string. */
type TableOf<T extends TableName> = Table<RowOf<T>, string>;

export class CentricDb extends Dexie {
  workshops!: TableOf<'workshops'>;
  personas!: TableOf<'personas'>;
  segments!: TableOf<'segments'>;
  journeys!: TableOf<'journeys'>;
  journeyCards!: TableOf<'journeyCards'>;
  initiatives!: TableOf<'initiatives'>;
  metrics!: TableOf<'metrics'>;
  assessments!: TableOf<'assessments'>;
  actions!: TableOf<'actions'>;
  participants!: TableOf<'participants'>;
  votes!: TableOf<'votes'>;
  sessions!: TableOf<'sessions'>;
  templates!: TableOf<'templates'>;
  settings!: TableOf<'settings'>;

  constructor(name = DB_NAME) {
    super(name);
    // Version 1: the first layout. Workshop dates were stored as ms timestamps (UTC midnight),
    // which showed the wrong day west of Greenwich.
    this.version(1).stores({
      workshops: 'id, updatedAt',
      personas: 'id, workshopId',
      segments: 'id, workshopId',
      journeys: 'id, workshopId',
      journeyCards: 'id, workshopId, journeyId',
      initiatives: 'id, workshopId',
      metrics: 'id, workshopId',
      assessments: 'id, workshopId',
      actions: 'id, workshopId',
      settings: 'key',
    });
    // Version 2: dates become local-calendar strings (YYYY-MM-DD); agenda steps gain `notes`,
    // workshops gain location/objectives; user templates get their own table.
    this.version(2)
      .stores({ templates: 'id, createdAt' })
      .upgrade(async (tx) => {
        await tx
          .table('workshops')
          .toCollection()
          .modify((w: Record<string, unknown>) => upgradeWorkshopV1toV2(w));
      });
    // Version 3: facilitation. Session participants, dot votes (on any card, need or
    // initiative: indexed by target) and run sessions (timer start times, the current step).
    this.version(3).stores({
      participants: 'id, workshopId',
      votes: 'id, workshopId, targetId',
      sessions: 'id, workshopId',
    });
    // Version 4: every row is whole. Initiatives, metrics, assessments and log entries were
    // stored with fields missing (added later and filled in on read); they are completed once
    // here, so each table holds exactly its record definition's type. No index changes.
    this.version(4)
      .stores({})
      .upgrade(async (tx) => {
        const complete = (row: Record<string, unknown>, whole: object) => {
          Object.assign(row, whole);
        };
        await tx.table('initiatives').toCollection().modify((r: Record<string, unknown>) => complete(r, normalizeInitiative(r)));
        await tx.table('metrics').toCollection().modify((r: Record<string, unknown>) => complete(r, normalizeMetric(r)));
        await tx.table('assessments').toCollection().modify((r: Record<string, unknown>) => complete(r, readRun(r)));
        await tx.table('actions').toCollection().modify((r: Record<string, unknown>) => complete(r, readLogEntry(r)));
      });
    // Version 5: the five-employees test is judged on three things (uniform, clear, enthusing).
    // The stored `consistency` keeps its value and meaning (uniform); runs gain `clarity` and
    // `enthusiasm`, unjudged. Answers, targets and scores are untouched. Segments gain the
    // portfolio `strategy`, undecided. No index changes.
    this.version(5)
      .stores({})
      .upgrade(async (tx) => {
        await tx.table('assessments').toCollection().modify((r: Record<string, unknown>) => {
          Object.assign(r, readRun(r));
        });
        await tx.table('segments').toCollection().modify((r: Record<string, unknown>) => {
          if (r.strategy === undefined) r.strategy = null;
        });
      });
  }

  /** The typed table of a record definition. */
  tableOf<T extends TableName>(table: T): TableOf<T> {
    return this.table(table);
  }
}

let instance: CentricDb | null = null;

/** The app's database (one per renderer). Tests may pass their own instance. */
export function getDb(): CentricDb {
  instance ??= new CentricDb();
  return instance;
}

export function setDbForTests(db: CentricDb | null): void {
  instance = db;
}

/** The key field of a table's rows. */
export function keyOf<T extends TableName>(table: T, row: RowOf<T>): string {
  return rowKey(table, row);
}

/** The newest version's index spec per table, as the definitions state it (compared by a test). */
export function definedIndexes(): Record<TableName, string> {
  return Object.fromEntries(tableNames.map((t) => [t, records[t].indexes])) as Record<TableName, string>;
}
