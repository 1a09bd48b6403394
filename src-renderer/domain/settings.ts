// The facilitator's settings: plain data with defaults. Keys are stored in the settings table
// and in library backups: renaming one needs a migration.
import { isClockFormat, type ClockFormat } from './clock';

export interface Settings {
  /** Shown on exports and new workshops. */
  readonly facilitatorName: string;
  /** The facilitator's consultancy or team. */
  readonly organisation: string;
  /** Template preselected when creating a workshop ('' = none). */
  readonly defaultTemplateId: string;
  /** Location prefilled on new workshops. */
  readonly defaultLocation: string;
  /** How times of day are shown: the agenda's clock times, run mode's planned end. */
  readonly clockFormat: ClockFormat;
  /** The firm's look on exports (domain/brand.ts): colours as #rrggbb, '' = the app's own. */
  readonly brandPrimary: string;
  readonly brandAccent: string;
  /** A typeface id from brandTypefaces. */
  readonly brandTypeface: string;
  /** The logo as a data URL (PNG or JPEG, checked when picked), '' = none. Stored locally only. */
  readonly brandLogo: string;
  /**
   * The export screen's deck plan, as text: the section ids in deck order, each left-out one
   * prefixed with '-', then 'dividers' or 'no-dividers' ("assessment,-agenda,personas,…,no-dividers").
   * '' is every section in the default order, with dividers. Read with export/deck-sections.ts.
   */
  readonly deckPlan: string;
}

export const defaultSettings: Settings = {
  facilitatorName: '',
  organisation: '',
  defaultTemplateId: 'full-day',
  defaultLocation: '',
  clockFormat: '24h',
  brandPrimary: '',
  brandAccent: '',
  brandTypeface: 'noto-sans',
  brandLogo: '',
  deckPlan: '',
};

export const settingKeys = Object.keys(defaultSettings) as (keyof Settings)[];

/** Builds settings from stored key/value rows, ignoring unknown keys and wrong types. */
export function settingsFromRows(rows: readonly { key: string; value: unknown }[]): Settings {
  const out: { -readonly [K in keyof Settings]: Settings[K] } = { ...defaultSettings };
  for (const r of rows) {
    const key = settingKeys.find((k) => k === r.key);
    // A value of another type or outside a setting's choices (a damaged row) keeps the default.
    if (key === 'clockFormat') {
      if (isClockFormat(r.value)) out.clockFormat = r.value;
    } else if (key && typeof r.value === 'string') out[key] = r.value;
  }
  return out;
}
