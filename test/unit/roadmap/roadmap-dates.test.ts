// Date helpers work on calendar days, never instants: the results must not depend on the
// machine's time zone. Run these under any TZ (e.g. TZ=Pacific/Kiritimati or America/Los_Angeles).
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addQuarters,
  dayNumber,
  diffDays,
  formatDay,
  formatRange,
  fromDayNumber,
  isIsoDate,
  monthStarts,
  quarterEnd,
  quarterLabel,
  quarterOf,
  quarterStart,
  snapDaysToWeeks,
  startOfWeek,
  weekdayIndex,
} from '../../../src-renderer/domain/roadmap-dates';

describe('roadmap dates', () => {
  it('validates real calendar days only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-13-01')).toBe(false);
    expect(isIsoDate('2027-1-01')).toBe(false);
    expect(isIsoDate(20270101)).toBe(false);
  });

  it('adds days across month, year, leap day and DST changes without drifting', () => {
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    // US and EU daylight-saving switches: a local-time implementation would lose or gain a day here.
    expect(addDays('2027-03-13', 1)).toBe('2027-03-14');
    expect(addDays('2027-03-27', 2)).toBe('2027-03-29');
    expect(addDays('2027-10-30', 7)).toBe('2027-11-06');
    expect(diffDays('2027-01-01', '2027-12-31')).toBe(364);
    for (let n = -800; n < 800; n += 37) expect(dayNumber(fromDayNumber(n + 20000))).toBe(n + 20000);
  });

  it('knows weekdays and weeks (Monday first)', () => {
    expect(weekdayIndex('2027-01-04')).toBe(0); // a Monday
    expect(weekdayIndex('2027-01-10')).toBe(6); // a Sunday
    expect(startOfWeek('2027-01-10')).toBe('2027-01-04');
    expect(startOfWeek('2027-01-01')).toBe('2026-12-28');
    expect(snapDaysToWeeks(3)).toBe(0);
    expect(snapDaysToWeeks(4)).toBe(7);
    expect(snapDaysToWeeks(-11)).toBe(-14);
  });

  it('computes quarters with real first and last days', () => {
    expect(quarterOf('2027-03-31')).toEqual({ year: 2027, quarter: 1 });
    expect(quarterOf('2027-04-01')).toEqual({ year: 2027, quarter: 2 });
    expect(quarterStart({ year: 2027, quarter: 3 })).toBe('2027-07-01');
    expect(quarterEnd({ year: 2027, quarter: 1 })).toBe('2027-03-31');
    expect(quarterEnd({ year: 2028, quarter: 4 })).toBe('2028-12-31');
    expect(addQuarters({ year: 2027, quarter: 4 }, 1)).toEqual({ year: 2028, quarter: 1 });
    expect(addQuarters({ year: 2027, quarter: 1 }, -1)).toEqual({ year: 2026, quarter: 4 });
    expect(quarterLabel({ year: 2027, quarter: 2 })).toBe('Q2 2027');
    expect(monthStarts('2027-11-15', '2028-02-01')).toEqual(['2027-11-01', '2027-12-01', '2028-01-01', '2028-02-01']);
  });

  it('formats days the same in every zone', () => {
    expect(formatDay('2027-01-01')).toBe('1 Jan 2027');
    expect(formatDay('2027-12-31', false)).toBe('31 Dec');
    expect(formatRange('2027-03-01', '2027-04-11')).toBe('1 Mar – 11 Apr 2027');
    expect(formatRange('2027-12-01', '2028-01-15')).toBe('1 Dec 2027 – 15 Jan 2028');
  });

  it('does not depend on the process time zone (also checked by the e2e in two zones)', () => {
    // Whatever TZ this runs in, midnight-UTC arithmetic gives the same day numbers.
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2027-01-01')).toBe(20819);
    expect(fromDayNumber(20819)).toBe('2027-01-01');
  });
});
