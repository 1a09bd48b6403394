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
}

export const defaultSettings: Settings = {
  facilitatorName: '',
  organisation: '',
  defaultTemplateId: 'full-day',
  defaultLocation: '',
};

export const settingKeys = Object.keys(defaultSettings) as (keyof Settings)[];

/** Builds settings from stored key/value rows, ignoring unknown keys and wrong types. */
export function settingsFromRows(rows: readonly { key: string; value: unknown }[]): Settings {
  const out: Record<string, unknown> = { ...defaultSettings };
  for (const r of rows) {
    if ((settingKeys as string[]).includes(r.key) && typeof r.value === typeof defaultSettings[r.key as keyof Settings]) {
      out[r.key] = r.value;
    }
  }
  return out as unknown as Settings;
}
