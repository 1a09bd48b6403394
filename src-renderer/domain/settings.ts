// The facilitator's settings: plain data with defaults. Keys are stored in the settings table
// and in library backups: renaming one needs a migration.

export interface Settings {
  /** Shown on exports and new workshops. */
  readonly facilitatorName: string;
  /** The facilitator's consultancy or team. */
  readonly organisation: string;
  /** Template preselected when creating a workshop ('' = none). */
  readonly defaultTemplateId: string;
  /** Location prefilled on new workshops. */
  readonly defaultLocation: string;
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
  deckPlan: '',
};

export const settingKeys = Object.keys(defaultSettings) as (keyof Settings)[];

/** Builds settings from stored key/value rows, ignoring unknown keys and wrong types. */
export function settingsFromRows(rows: readonly { key: string; value: unknown }[]): Settings {
  const out: { -readonly [K in keyof Settings]: Settings[K] } = { ...defaultSettings };
  for (const r of rows) {
    const key = settingKeys.find((k) => k === r.key);
    // Every setting is text today; a value of another type (a damaged row) keeps the default.
    if (key && typeof r.value === typeof defaultSettings[key] && typeof r.value === 'string') out[key] = r.value;
  }
  return out;
}
