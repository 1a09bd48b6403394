// The decisions and actions log and the parking lot: one list of entries ('actions' table),
// each a decision, an action (who does what by when) or a parked topic.
// Imports nothing from React, Dexie or the DOM. Field names are stored: renaming one needs a migration.
import { z } from 'zod';
import { rowId, rowText, timeMs } from './row-fields';
import { isoDatePattern, newId } from './ids';

export const logKinds = ['action', 'decision', 'parking'] as const;
export type LogKind = (typeof logKinds)[number];

export const logKindLabels: Readonly<Record<LogKind, string>> = {
  action: 'Action',
  decision: 'Decision',
  parking: 'Parking lot',
};

export interface LogEntry {
  readonly id: string;
  readonly workshopId: string;
  readonly kind: LogKind;
  /** What was decided, what will be done, or what is parked. */
  readonly text: string;
  /** Who owns it (actions). */
  readonly owner: string;
  /** By when, local date YYYY-MM-DD, or '' (actions). */
  readonly due: string;
  readonly done: boolean;
  /** The agenda step it was captured in, if any. */
  readonly stepId: string | null;
  readonly createdAt: number;
}

export const logLimits = { text: 600, owner: 120 } as const;

/** Validates what the facilitator typed before it is stored. */
export const logInputSchema = z.object({
  kind: z.enum(logKinds),
  text: z.string().trim().min(1, { error: 'Say what it is.' }).max(logLimits.text, { error: `At most ${logLimits.text} characters.` }),
  owner: z.string().trim().max(logLimits.owner, { error: `At most ${logLimits.owner} characters.` }),
  due: z.union([z.literal(''), z.string().regex(isoDatePattern, { error: 'Use a date like 2026-05-31.' })]),
});
export type LogInput = z.input<typeof logInputSchema>;

export type LogParse = { readonly ok: true; readonly value: z.output<typeof logInputSchema> } | { readonly ok: false; readonly field: string; readonly error: string };

export function parseLogInput(input: LogInput): LogParse {
  const r = logInputSchema.safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0]!;
  return { ok: false, field: String(issue.path[0] ?? 'text'), error: issue.message };
}

export function createLogEntry(workshopId: string, input: z.output<typeof logInputSchema>, stepId: string | null, now = Date.now()): LogEntry {
  return { id: newId(), workshopId, kind: input.kind, text: input.text, owner: input.owner, due: input.due, done: false, stepId, createdAt: now };
}

/** Fills fields an older row may lack. */
export function readLogEntry(stored: object): LogEntry {
  // Reads any stored or arriving shape field by field; what is missing or wrong gets its default.
  const row = stored as Readonly<Record<string, unknown>>;
  const r = row as Partial<LogEntry> & { id: string; workshopId: string };
  return {
    id: r.id, workshopId: r.workshopId, kind: logKinds.includes(r.kind as LogKind) ? (r.kind as LogKind) : 'action',
    text: r.text ?? '', owner: r.owner ?? '', due: r.due ?? '', done: r.done ?? false, stepId: r.stepId ?? null, createdAt: r.createdAt ?? 0,
  };
}

/** An action without an owner or a date is not yet an action (the template's own rule). */
export function isIncompleteAction(e: LogEntry): boolean {
  return e.kind === 'action' && (!e.owner.trim() || !e.due);
}

/** Open actions by due date (undated last), then done ones; other kinds in capture order. */
export function sortLog(entries: readonly LogEntry[]): LogEntry[] {
  return [...entries].sort((a, b) => {
    if (a.kind === 'action' && b.kind === 'action') {
      if (a.done !== b.done) return a.done ? 1 : -1;
      if (a.due !== b.due) return !a.due ? 1 : !b.due ? -1 : a.due < b.due ? -1 : 1;
    }
    return a.createdAt - b.createdAt;
  });
}

export function isOverdue(e: LogEntry, today: string): boolean {
  return e.kind === 'action' && !e.done && e.due !== '' && e.due < today;
}

// --- Schema of a stored entry (for backups and any other border) ------------------


/**
 * One stored log entry, strictly: no unknown fields, every value of the right type and within
 * `logLimits`. Fields `readLogEntry` fills in when missing are optional; when present they must be valid.
 */
export const logEntryRowSchema = z.strictObject({
  id: rowId,
  workshopId: rowId,
  kind: z.enum(logKinds).optional(),
  text: rowText(logLimits.text).optional(),
  owner: rowText(logLimits.owner).optional(),
  due: z.string().refine((s) => s === '' || isoDatePattern.test(s), { error: 'must be empty or a date written YYYY-MM-DD' }).optional(),
  done: z.boolean().optional(),
  stepId: rowId.nullable().optional(),
  createdAt: timeMs.optional(),
});

// Keeps the schema and the type in step: a field on one and not the other, or a value one
// allows and the other does not, fails to compile.
type SchemaEntry = z.infer<typeof logEntryRowSchema>;
const _entryFromSchema: (e: Required<SchemaEntry>) => LogEntry = (e) => e;
const _entryToSchema: (e: LogEntry) => SchemaEntry = (e) => e;
type _EntryKeys = Exclude<keyof LogEntry, keyof SchemaEntry> | Exclude<keyof SchemaEntry, keyof LogEntry>;
const _entryKeysMatch: [_EntryKeys] extends [never] ? true : never = true;
void _entryFromSchema;
void _entryToSchema;
void _entryKeysMatch;
