// Calendar arithmetic on local-calendar dates written YYYY-MM-DD, for the roadmap's quarters,
// week snapping and date inputs. Pure and time-zone proof: a date string is a calendar day,
// never an instant, so every computation runs on UTC day numbers (Date.UTC / getUTC*) and the
// machine's zone can never shift a day. Never use toISOString or local getters on these.
import { isoDatePattern } from './ids';

export const DAY_MS = 86_400_000;

export interface YearQuarter {
  readonly year: number;
  /** 1 to 4 */
  readonly quarter: number;
}

/** The parts of a YYYY-MM-DD string if it names a real calendar day (no 2027-02-30), else null. */
export function parseIsoDate(s: string): { y: number; m: number; d: number } | null {
  if (typeof s !== 'string' || !isoDatePattern.test(s)) return null;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

export function isIsoDate(s: unknown): s is string {
  return typeof s === 'string' && parseIsoDate(s) !== null;
}

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC so no zone is involved.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 for a calendar day (throws on an invalid string). */
export function dayNumber(s: string): number {
  const p = parseIsoDate(s);
  if (!p) throw new Error(`Not a calendar date: ${s}`);
  return Math.round(Date.UTC(p.y, p.m - 1, p.d) / DAY_MS);
}

/** The calendar day `n` days after 1970-01-01. */
export function fromDayNumber(n: number): string {
  const dt = new Date(n * DAY_MS);
  return isoOf(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

export function isoOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(s: string, days: number): string {
  return fromDayNumber(dayNumber(s) + days);
}

/** Whole days from a to b (b - a). */
export function diffDays(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** 0 = Monday … 6 = Sunday (ISO weekday order). */
export function weekdayIndex(s: string): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((dayNumber(s) + 3) % 7) + 7) % 7;
}

/** The Monday on or before the day. */
export function startOfWeek(s: string): string {
  return addDays(s, -weekdayIndex(s));
}

/** Rounds a move in days to whole weeks, so dragged initiatives keep their weekday. */
export function snapDaysToWeeks(days: number): number {
  const weeks = Math.round(days / 7);
  return weeks === 0 ? 0 : weeks * 7;
}

export function quarterOf(s: string): YearQuarter {
  const p = parseIsoDate(s);
  if (!p) throw new Error(`Not a calendar date: ${s}`);
  return { year: p.y, quarter: Math.floor((p.m - 1) / 3) + 1 };
}

export function addQuarters(q: YearQuarter, n: number): YearQuarter {
  const index = q.year * 4 + (q.quarter - 1) + n;
  return { year: Math.floor(index / 4), quarter: (((index % 4) + 4) % 4) + 1 };
}

/** First day of the quarter. */
export function quarterStart(q: YearQuarter): string {
  return isoOf(q.year, (q.quarter - 1) * 3 + 1, 1);
}

/** Last day of the quarter. */
export function quarterEnd(q: YearQuarter): string {
  const lastMonth = q.quarter * 3;
  return isoOf(q.year, lastMonth, daysInMonth(q.year, lastMonth));
}

export function quarterLabel(q: YearQuarter): string {
  return `Q${q.quarter} ${q.year}`;
}

/** The first day of each month from the month of `from` up to and including the month of `to`. */
export function monthStarts(from: string, to: string): string[] {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) return [];
  const out: string[] = [];
  for (let y = a.y, m = a.m; y < b.y || (y === b.y && m <= b.m); m === 12 ? (y++, (m = 1)) : m++) out.push(isoOf(y, m, 1));
  return out;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** "12 Mar 2027" (or "12 Mar" without the year), the same in every zone and locale. */
export function formatDay(s: string, withYear = true): string {
  const p = parseIsoDate(s);
  if (!p) return s;
  return withYear ? `${p.d} ${MONTHS[p.m - 1]} ${p.y}` : `${p.d} ${MONTHS[p.m - 1]}`;
}

export function monthShortName(s: string): string {
  const p = parseIsoDate(s);
  return p ? MONTHS[p.m - 1]! : '';
}

/** "12 Mar – 30 Apr 2027", with the year once when both ends share it. */
export function formatRange(start: string, end: string): string {
  const a = parseIsoDate(start);
  const b = parseIsoDate(end);
  if (!a || !b) return `${start} – ${end}`;
  return a.y === b.y ? `${formatDay(start, false)} – ${formatDay(end)}` : `${formatDay(start)} – ${formatDay(end)}`;
}

/** Earlier of two dates (string order equals calendar order for YYYY-MM-DD). */
export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}
export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}
