// The Dexie database: every table, every schema version and its upgrade, in this one module.
// Schema versions are history: never edit or delete a version below; add a new one.
// Table names and indexes are storage keys: changing them needs a new version with an upgrade.
import Dexie, { type Table } from 'dexie';
import type { Workshop } from '../domain/workshop';
import type { WorkshopTemplate } from '../domain/template';
import { upgradeWorkshopV1toV2 } from '../domain/workshop-migrations';

export { upgradeWorkshopV1toV2 };

export const DB_NAME = 'centric';
/** The newest schema version this build knows. A database newer than this is refused. */
export const DB_VERSION = 3;

/** Tables whose rows belong to one workshop (each row has `workshopId`). */
export const workshopTables = [
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
] as const;
export type WorkshopTable = (typeof workshopTables)[number];

/** An artifact row. Its other fields are defined by the artifact's editor. */
export interface ArtifactRow {
  readonly id: string;
  readonly workshopId: string;
  readonly [field: string]: unknown;
}

export interface SettingRow {
  readonly key: string;
  readonly value: unknown;
}

/** A template the facilitator saved or imported (shipped templates live in templates/). */
export interface UserTemplateRow {
  readonly id: string;
  readonly template: WorkshopTemplate;
  readonly createdAt: number;
}

export type TableName = 'workshops' | WorkshopTable | 'templates' | 'settings';
export const allTables: readonly TableName[] = ['workshops', ...workshopTables, 'templates', 'settings'];

export class CentricDb extends Dexie {
  workshops!: Table<Workshop, string>;
  personas!: Table<ArtifactRow, string>;
  segments!: Table<ArtifactRow, string>;
  journeys!: Table<ArtifactRow, string>;
  journeyCards!: Table<ArtifactRow, string>;
  initiatives!: Table<ArtifactRow, string>;
  metrics!: Table<ArtifactRow, string>;
  assessments!: Table<ArtifactRow, string>;
  actions!: Table<ArtifactRow, string>;
  participants!: Table<ArtifactRow, string>;
  votes!: Table<ArtifactRow, string>;
  sessions!: Table<ArtifactRow, string>;
  templates!: Table<UserTemplateRow, string>;
  settings!: Table<SettingRow, string>;

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
export function keyOf(table: TableName, row: Record<string, unknown>): string {
  const key = table === 'settings' ? row.key : row.id;
  if (typeof key !== 'string') throw new Error(`A ${table} row has no key.`);
  return key;
}
