// Field schemas every stored record is built from: ids, limited text, times and ordering
// numbers with real ranges. Pure (zod only). A value these accept is one the screens and
// exports can show: a time formats as a date, a number is finite and of a sane size.
// FORMAT: tightening a rule here tightens every table and backup; it needs a migration.
import { z } from 'zod';
import { idPattern } from './ids';
import { textLength } from './text';

export const idMessage = 'must be an id: 1 to 64 letters, digits, "-" or "_"';
/** A row id or a reference to one. */
export const rowId = z.string().regex(idPattern, { error: idMessage });

/** Text of at most `max` user-perceived characters (an emoji is one), as the editors count. */
export const rowText = (max: number) =>
  z.string().refine((s) => textLength(s) <= max, { error: `text is longer than ${max.toLocaleString('en')} characters` });

/**
 * The latest time a record may carry: the last millisecond of 9999 (UTC). JavaScript dates reach
 * further (8.64e15 ms), but past year 9999 `toISOString` and most formatters throw or print
 * nonsense; a backup with `createdAt: 9e15` once blanked the export screen.
 */
export const TIME_MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
export const timeMessage = 'must be a time between 1970 and 9999 (milliseconds since 1970)';
/** A moment, in ms since 1970, that every date formatter can show. */
export const timeMs = z
  .number({ error: timeMessage })
  .finite({ error: timeMessage })
  .min(0, { error: timeMessage })
  .max(TIME_MAX_MS, { error: timeMessage });

/** A span of time in ms: up to a year, far beyond any workshop timer. */
export const DURATION_MAX_MS = 366 * 24 * 60 * 60 * 1000;
export const durationMs = z
  .number()
  .finite()
  .min(0)
  .max(DURATION_MAX_MS, { error: 'must be a duration of at most a year' });

/**
 * Sort keys ("order"): fractional positions between neighbours. Bounded so that arithmetic on
 * them (a midpoint, +1) stays exact enough and nothing prints as "1e+300".
 */
export const ORDER_MAX = 1e12;
export const orderNumber = z
  .number()
  .finite()
  .min(-ORDER_MAX, { error: `must be a number from -${ORDER_MAX.toExponential()} to ${ORDER_MAX.toExponential()}` })
  .max(ORDER_MAX, { error: `must be a number from -${ORDER_MAX.toExponential()} to ${ORDER_MAX.toExponential()}` });

/** True when `ms` is a time `timeMs` accepts (for formatters that must never throw). */
export function isShowableTime(ms: unknown): ms is number {
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 && ms <= TIME_MAX_MS;
}

/** A schema's inferred type with readonly lists and fields, as the domain types are declared. */
export type DeepReadonly<T> = T extends (infer U)[] ? readonly DeepReadonly<U>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;
