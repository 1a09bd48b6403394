// Settings, template import/export and snapshot actions. Writes go through the command layer.
import { LIBRARY_SCOPE } from '../../db/commands';
import { getDb } from '../../db/database';
import { takeSnapshot } from '../../db/snapshots';
import type { Settings } from '../../domain/settings';
import { parseTemplateText, type WorkshopTemplate } from '../../domain/template';
import { getHost, type SnapshotInfo } from '../../host/host';
import { formatDateTimeSeconds } from '../../ui/format';
import { execute } from '../../state/history';
import { notify } from '../../state/notifications';
import { shipped } from '../../state/templates';

export const SETTINGS_SCOPE = 'settings';

export function setSetting<K extends keyof Settings>(key: K, value: Settings[K], label: string): Promise<boolean> {
  return execute({
    label,
    scope: SETTINGS_SCOPE,
    mergeKey: `setting:${key}`,
    ops: [{ type: 'put', table: 'settings', row: { key, value } }],
  });
}

const templateFilters = [{ name: 'Centric template', extensions: ['json'] }] as const;

export async function exportTemplate(t: WorkshopTemplate): Promise<void> {
  try {
    const res = await getHost().saveFile({
      suggestedName: `${t.id}.json`,
      data: `${JSON.stringify({ $schema: './template.schema.json', ...t }, null, 2)}\n`,
      mimeType: 'application/json',
      filters: templateFilters,
    });
    if (res.saved) notify({ kind: 'success', message: `Template saved as ${res.name}.` });
  } catch (err) {
    notify({ kind: 'error', message: `The template was not saved: ${(err as Error).message}` });
  }
}

/** Imports a template file; returns an error message, or null on success or cancel. */
export async function importTemplateFile(): Promise<string | null> {
  const file = await getHost().openFile(templateFilters);
  if (!file) return null;
  const parsed = parseTemplateText(file.text, file.name);
  if (!parsed.ok) return parsed.error;
  let template = parsed.template;
  const mine = await getDb().templates.get(template.id);
  if (mine || shipped.templates.some((t) => t.id === template.id)) {
    // Never overwrite a shipped template or silently replace one of the user's own.
    template = { ...template, id: `${template.id.slice(0, 50)}-${crypto.randomUUID().slice(0, 6)}` };
  }
  const ok = await execute({
    label: 'Import template',
    scope: LIBRARY_SCOPE,
    ops: [{ type: 'put', table: 'templates', row: { id: template.id, template, createdAt: Date.now() } }],
  });
  if (ok) notify({ kind: 'success', message: `Imported the template “${template.name}”.` });
  return null;
}

export async function deleteMyTemplate(id: string, name: string): Promise<void> {
  await execute({ label: 'Delete template', scope: LIBRARY_SCOPE, ops: [{ type: 'delete', table: 'templates', key: id }] });
  notify({ kind: 'info', message: `Deleted the template “${name}”. Undo from the library with Ctrl+Z.` });
}

/**
 * Accessible names of the snapshots' Restore buttons, in list order: time with seconds and the
 * reason ("…, before importing a backup"); should two still read the same (taken within one
 * second for the same reason), each of those also says its place in the list.
 */
export function restoreButtonNames(snapshots: readonly SnapshotInfo[]): string[] {
  const names = snapshots.map((s) => {
    const reason = s.reason.trim();
    const why = reason ? `, ${reason.charAt(0).toLowerCase()}${reason.slice(1)}` : '';
    return `Restore snapshot from ${formatDateTimeSeconds(s.createdAt)}${why}`;
  });
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return names.map((n, i) => ((counts.get(n) ?? 0) > 1 ? `${n}, snapshot ${i + 1} of ${names.length}` : n));
}

export async function snapshotNow(): Promise<void> {
  try {
    await takeSnapshot(getDb(), getHost(), 'Taken by hand');
    notify({ kind: 'success', message: 'Snapshot taken.' });
  } catch (err) {
    notify({ kind: 'error', message: `The snapshot failed: ${(err as Error).message}` });
  }
}
