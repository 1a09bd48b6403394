// Every measurement-plan edit as one undoable command, and the CSV export.
import { getDb } from '../../db/database';
import { putOp } from '../../db/commands';
import { metricCsvHeader, metricCsvRows, type Metric } from '../../domain/metric';
import { localDateString } from '../../domain/ids';
import type { Initiative } from '../../domain/roadmap';
import type { Workshop } from '../../domain/workshop';
import { fileNamePart, toCsv } from '../../export/csv';
import { getHost } from '../../host/host';
import { execute, executeCommand, undoCommand } from '../../state/history';
import { notify } from '../../state/notifications';


export async function nextMetricOrder(workshopId: string): Promise<number> {
  const rows = await getDb().metrics.where('workshopId').equals(workshopId).toArray();
  return rows.reduce((m, r) => Math.max(m, typeof r.order === 'number' ? r.order : 0), -1) + 1;
}

/** Adds one or more metrics (by hand, or picked from the library) in one command. */
export function addMetrics(workshopId: string, metrics: readonly Metric[], label: string): Promise<boolean> {
  return execute({ label, scope: workshopId, touchWorkshop: workshopId, ops: metrics.map((m) => (putOp('metrics', m))) });
}

/** Changes fields of one metric; typing in one field merges into one undo step. */
export function updateMetric(m: Metric, patch: Partial<Omit<Metric, 'id' | 'workshopId'>>, label: string, mergeKey?: string): Promise<boolean> {
  return execute({
    label,
    scope: m.workshopId,
    mergeKey,
    touchWorkshop: m.workshopId,
    ops: [{ type: 'update', table: 'metrics', key: m.id, update: (r) => ({ ...r, ...patch }) }],
  });
}

export async function deleteMetric(m: Metric): Promise<void> {
  const cmd = await executeCommand({ label: 'Delete metric', scope: m.workshopId, touchWorkshop: m.workshopId, ops: [{ type: 'delete', table: 'metrics', key: m.id }] });
  if (cmd) notify({ kind: 'info', message: `Deleted “${m.name || 'metric'}”`, action: { label: 'Undo', run: () => void undoCommand(cmd) } });
}

/** "Measurement plan – Café Müller – 2027-03-14.csv" (local date). */
export function csvFileName(w: Pick<Workshop, 'client' | 'title'>, today = localDateString()): string {
  const who = fileNamePart(w.client) || fileNamePart(w.title) || 'Workshop';
  return `Measurement plan – ${who} – ${today}.csv`;
}

export async function exportMeasurementCsv(w: Workshop, metrics: readonly Metric[], initiatives: readonly Initiative[]): Promise<void> {
  const data = toCsv(metricCsvHeader, metricCsvRows(metrics, initiatives));
  try {
    const r = await getHost().saveFile({
      suggestedName: csvFileName(w),
      data,
      mimeType: 'text/csv;charset=utf-8',
      filters: [{ name: 'CSV (spreadsheet)', extensions: ['csv'] }],
    });
    if (r.saved) notify({ kind: 'success', message: `Saved ${r.name}` });
  } catch (err) {
    notify({ kind: 'error', message: `Could not save the CSV. ${err instanceof Error ? err.message : String(err)}` });
  }
}
