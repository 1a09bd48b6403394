// Clock times as the facilitator reads them: one setting (Settings.clockFormat) decides 24-hour
// ("14:30") or 12-hour ("2:30 PM") everywhere a time of day is shown. Pure: no DOM, no storage.

/** FORMAT: stored as a setting value; renaming one needs a migration. */
export const clockFormats = ['24h', '12h'] as const;
export type ClockFormat = (typeof clockFormats)[number];

export function isClockFormat(v: unknown): v is ClockFormat {
  return typeof v === 'string' && (clockFormats as readonly string[]).includes(v);
}

/** "09:05" or "9:05 AM" for a number of minutes after midnight (wraps past 24 h). */
export function formatMinutesOfDay(minutes: number, format: ClockFormat): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  const h = Math.floor(m / 60);
  const mm = String(m % 60).padStart(2, '0');
  if (format === '24h') return `${String(h).padStart(2, '0')}:${mm}`;
  return `${h % 12 === 0 ? 12 : h % 12}:${mm} ${h < 12 ? 'AM' : 'PM'}`;
}

/** A time (ms since epoch) as a local time of day in the given format. */
export function formatClockTime(ms: number, format: ClockFormat): string {
  const d = new Date(ms);
  return formatMinutesOfDay(d.getHours() * 60 + d.getMinutes(), format);
}
