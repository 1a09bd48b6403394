// Id and date helpers shared by every artifact. Pure: no DOM, no storage.

/** A new random id (UUID v4). Ids are opaque strings; never parse them. */
export function newId(): string {
  return crypto.randomUUID();
}

export const idPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** Today's date in the local calendar as YYYY-MM-DD (never via toISOString, which is UTC). */
export function localDateString(d: Date = new Date()): string {
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

export const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Formats a YYYY-MM-DD local date for display, e.g. "24 Nov 2026", without a time-zone shift. */
export function formatLocalDate(iso: string, locale?: string): string {
  if (!isoDatePattern.test(iso)) return iso;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' });
}
