// What each export button produces: file name, MIME type, filters and bytes, from the deck
// model and the renderers. CSV tables go through export/csv.ts. Pure apart from the renderers.
import { logKindLabels, sortLog } from '../domain/actions-log';
import { metricCsvHeader, metricCsvRows } from '../domain/metric';
import { horizonColumns, laneName, readRoadmapSettings, statusLabels } from '../domain/roadmap';
import { fit, sortSegments } from '../domain/segment';
import { fileNamePart, toCsv } from './csv';
import type { DeckData } from './deck-data';

export interface ExportFile {
  readonly suggestedName: string;
  readonly mimeType: string;
  readonly filters: readonly { name: string; extensions: readonly string[] }[];
}

export function baseName(d: DeckData): string {
  const w = d.workshop;
  return [fileNamePart(w.client), fileNamePart(w.title), w.date].filter(Boolean).join(' - ') || 'Workshop';
}

export const pdfFile = (d: DeckData): ExportFile => ({ suggestedName: `${baseName(d)}.pdf`, mimeType: 'application/pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] });
export const roadmapFile = (d: DeckData): ExportFile => ({ suggestedName: `${baseName(d)} - Roadmap A3.pdf`, mimeType: 'application/pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] });
export const pptxFile = (d: DeckData): ExportFile => ({
  suggestedName: `${baseName(d)}.pptx`,
  mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  filters: [{ name: 'PowerPoint', extensions: ['pptx'] }],
});
export const pngFile = (d: DeckData, what: string): ExportFile => ({ suggestedName: `${baseName(d)} - ${fileNamePart(what) || 'Slide'}.png`, mimeType: 'image/png', filters: [{ name: 'PNG image', extensions: ['png'] }] });
export const csvFile = (d: DeckData, what: string): ExportFile => ({ suggestedName: `${baseName(d)} - ${fileNamePart(what)}.csv`, mimeType: 'text/csv', filters: [{ name: 'CSV', extensions: ['csv'] }] });

export type CsvTable = 'measurement' | 'initiatives' | 'actions' | 'segments';
export const csvTableLabels: Readonly<Record<CsvTable, string>> = {
  measurement: 'Measurement plan',
  initiatives: 'Roadmap initiatives',
  actions: 'Decisions & actions',
  segments: 'Segments',
};

/** The rows of a table as a CSV file (UTF-8 with BOM, CRLF, formulas neutralised). */
export function csvOf(d: DeckData, t: CsvTable): string {
  switch (t) {
    case 'measurement':
      return toCsv(metricCsvHeader, metricCsvRows(d.metrics, d.initiatives));
    case 'initiatives': {
      const s = readRoadmapSettings(d.workshop);
      const lanes = new Map(s.lanes.map((l) => [l.id, laneName(l)]));
      const cols = horizonColumns(s);
      return toCsv(
        ['Initiative', 'Description', 'Lane', 'Start', 'End', 'Bucket', 'Owner', 'Status', 'Impact (1-5)', 'Effort (1-5)', 'Resources'],
        d.initiatives.map((i) => [i.title, i.description, lanes.get(i.laneId) ?? i.laneId, i.start ?? '', i.end ?? '', s.horizon === 'buckets' ? (cols[i.bucket ?? 0]?.label ?? '') : '', i.owner, statusLabels[i.status], i.impact, i.effort, i.resources]),
      );
    }
    case 'actions':
      return toCsv(['Kind', 'Text', 'Owner', 'Due', 'Done'], sortLog(d.log).map((e) => [logKindLabels[e.kind], e.text, e.owner, e.due, e.kind === 'action' ? (e.done ? 'yes' : 'no') : '']));
    case 'segments':
      return toCsv(
        ['Segment', 'Description', 'Customers', 'Value today', 'Potential value', 'Fit (%)', 'Priority'],
        sortSegments(d.segments).map((g) => [g.name, g.description, g.size, g.currentValue, g.potentialValue, Math.round(fit(g).score * 100), g.priority ?? '']),
      );
  }
}
