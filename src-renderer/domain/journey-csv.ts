// Importing sticky notes exported from whiteboard tools as CSV: an RFC 4180 parser (BOM, quoted
// fields, "," or ";" or tab detected), reading the notes (text, colour, optional column/group),
// and planning where each lands on a journey. All or nothing: any problem is reported with the
// row it is on and nothing is planned. Pure: no React, Dexie or DOM.
import {
  createCard,
  createStage,
  journeyLimits,
  laneDefaultColor,
  type CardColor,
  type Journey,
  type JourneyCard,
  type Stage,
} from './journey';
import { endOfCell } from './journey-layout';
import { htmlToText, looksLikeHtml } from './html-text';
import { guessColumns, type ColumnChoice } from './note-columns';
import { readExportColor } from './note-colors';
import { capText, textLength } from './text';

export { colorFromExport } from './note-colors';

export const csvLimits = {
  /** Characters of CSV text accepted at all (about 2 MB). */
  chars: 2_000_000,
  /** Notes in one import. */
  notes: 1000,
} as const;

export type CsvResult =
  | {
      readonly ok: true;
      readonly rows: string[][];
      readonly delimiter: string;
      /** Each record's row as a spreadsheet numbers it (blank lines count, though they are not records). */
      readonly numbers: number[];
    }
  | { readonly ok: false; readonly row: number; readonly message: string };

const n = (x: number) => x.toLocaleString('en');

/** The delimiter of the first record: the most frequent of , ; and tab outside quotes (comma on a tie). */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch]!++;
  }
  let best = ',';
  for (const d of [';', '\t']) if (counts[d]! > counts[best]!) best = d;
  return best;
}

/**
 * Parses CSV text into records of fields (RFC 4180, leniently: LF, CRLF or CR line ends; a BOM
 * is dropped; blank lines are skipped). Rows are numbered from 1 as a spreadsheet shows them.
 */
export function parseCsv(input: string, delimiter?: string): CsvResult {
  if (input.length > csvLimits.chars) return { ok: false, row: 0, message: `The text is ${n(input.length)} characters long; an import takes at most ${n(csvLimits.chars)}.` };
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const d = delimiter ?? detectDelimiter(text);
  const rows: string[][] = [];
  const numbers: number[] = [];
  let sheetRow = 1;
  let row: string[] = [];
  let field = '';
  let i = 0;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  const endField = () => {
    row.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    if (!(row.length === 1 && row[0] === '')) {
      rows.push(row);
      numbers.push(sheetRow);
    }
    sheetRow++;
    row = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && !fieldStarted && field === '') {
      // A quoted field: runs to the next lone quote; "" is a quote inside it.
      const startLine = line;
      i++;
      let closed = false;
      while (i < text.length) {
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        if (c === '\r' || c === '\n') {
          // A line break inside a cell is LF whatever the file's line ends (Excel writes CRLF).
          i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
          field += '\n';
          line++;
          continue;
        }
        field += c;
        i++;
      }
      if (!closed) return { ok: false, row: sheetRow, message: `Row ${n(sheetRow)}: a quoted field that starts on line ${n(startLine)} is never closed (unbalanced quotes).` };
      fieldStarted = true;
      const next = text[i];
      if (next !== undefined && next !== d && next !== '\n' && next !== '\r') {
        return { ok: false, row: sheetRow, message: `Row ${n(sheetRow)} (line ${n(recordLine)}): unexpected text after a closing quote. Quotes inside a field must be doubled ("").` };
      }
      continue;
    }
    if (ch === d) {
      endField();
      i++;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += ch;
    fieldStarted = true;
    i++;
  }
  if (field !== '' || fieldStarted || row.length > 0) endRecord();
  return { ok: true, rows, delimiter: d, numbers };
}

/** A note read from an export. */
export interface StickyNote {
  /** The record number in the file (header = 1), or the element's number in a JSON file. */
  readonly row: number;
  /** How a message names where the note came from ("Row 3", "Text element 4"); "Row n" when absent. */
  readonly place?: string;
  readonly text: string;
  /** A palette colour, or null to use the lane's default. */
  readonly color: CardColor | null;
  /** The column, group or frame the note sat in, or '' when none. */
  readonly group: string;
}

/** Rows left out, and why (empty text is not an error: exports are full of blank rows). */
export interface SkippedRow {
  readonly row: number;
  readonly reason: string;
}

/** What a preview tells before anything is stored. */
export interface ReadReport {
  readonly skipped: readonly SkippedRow[];
  /** Colour cells that meant no palette colour (the lane's default is used), with a few of their values. */
  readonly unknownColors: { readonly count: number; readonly examples: readonly string[] };
}

export type NotesResult =
  | ({ readonly ok: true; readonly notes: StickyNote[]; readonly skippedEmpty: number; readonly hasGroups: boolean; readonly columns?: ColumnChoice; readonly header?: readonly string[] } & ReadReport)
  | { readonly ok: false; readonly row: number; readonly message: string; readonly columns?: ColumnChoice; readonly header?: readonly string[] };

export interface ReadOptions {
  /** The user's choice of columns; guessed from the first row when absent. */
  readonly columns?: ColumnChoice;
  readonly maxNotes?: number;
  /** Each record's spreadsheet row (from parseCsv), so messages and the preview name rows as the sheet shows them. */
  readonly numbers?: readonly number[];
}

/** A cell as note text: line ends as LF, HTML (from whiteboard exports) reduced to its text, trimmed. */
export function cellText(raw: string): string {
  const t = raw.replace(/\r\n?/g, '\n');
  return (looksLikeHtml(t) ? htmlToText(t) : t).trim();
}

/** Counts colour cells that name no palette colour, keeping a few distinct values to show. */
export function colorTally() {
  let count = 0;
  const examples: string[] = [];
  return {
    read(value: string): CardColor | null {
      const c = readExportColor(value);
      if (c !== undefined) return c;
      count++;
      const shown = capText(value.trim(), 30);
      if (examples.length < 3 && !examples.includes(shown)) examples.push(shown);
      return null;
    },
    get report() {
      return { count, examples };
    },
  };
}

/** The longest a note may be, checked with the place it came from; null when it fits. */
export function noteTooLong(place: string, text: string): string | null {
  const len = textLength(text);
  return len > journeyLimits.cardText ? `${place}: the text is ${n(len)} characters long; a card holds at most ${n(journeyLimits.cardText)}. Shorten it in the file (nothing is cut on import).` : null;
}

/** Reads notes from parsed CSV records; the first record names the columns unless the user says it is a note. */
export function readStickyNotes(rows: readonly (readonly string[])[], options: number | ReadOptions = {}): NotesResult {
  const o: ReadOptions = typeof options === 'number' ? { maxNotes: options } : options;
  const maxNotes = o.maxNotes ?? csvLimits.notes;
  if (rows.length === 0) return { ok: false, row: 0, message: 'The file is empty: it needs one row per note (and usually a first row naming the columns, for example Text, Color, Column).' };
  const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
  const header = Array.from({ length: width }, (_, i) => (rows[0]![i] ?? '').trim());
  const cols = o.columns ?? guessColumns(header);
  if (cols.text < 0 || cols.text >= width) {
    const found = header.map((h) => `“${capText(h, 40)}”`).join(', ');
    return { ok: false, row: 1, columns: cols, header, message: `Row 1: no text column recognised. The first row names ${found || 'nothing'}; pick the column that holds each note’s text below, or tick “The first row is a note” for a list without headings.` };
  }
  const colIn = (i: number) => (i >= 0 && i < width ? i : -1);
  const [di, gi, ci] = [colIn(cols.detail), colIn(cols.group), colIn(cols.color)];
  const notes: StickyNote[] = [];
  const skipped: SkippedRow[] = [];
  const colors = colorTally();
  for (let r = cols.firstRowIsNote ? 0 : 1; r < rows.length; r++) {
    const rec = rows[r]!;
    const rowNo = o.numbers?.[r] ?? r + 1;
    // Blank lines between records are rows a spreadsheet shows: reported, not silently dropped.
    for (let blank = (r === 0 ? 0 : (o.numbers?.[r - 1] ?? r)) + 1; blank < rowNo; blank++) skipped.push({ row: blank, reason: 'an empty row' });
    const title = cellText(rec[cols.text] ?? '');
    const detail = di === -1 ? '' : cellText(rec[di] ?? '');
    const text = title && detail ? `${title}\n${detail}` : title || detail;
    if (!text) {
      const reason = rec.every((c) => c.trim() === '') ? 'an empty row' : cols.text >= rec.length ? `only ${rec.length} ${rec.length === 1 ? 'cell' : 'cells'}, no text column` : 'the text cell is empty';
      skipped.push({ row: rowNo, reason });
      continue;
    }
    if (notes.length >= maxNotes) return { ok: false, row: rowNo, message: `Row ${n(rowNo)}: too many notes. One import takes at most ${n(maxNotes)}; split the file.` };
    const long = noteTooLong(`Row ${n(rowNo)}`, text);
    if (long) return { ok: false, row: rowNo, message: long };
    notes.push({ row: rowNo, text, color: ci === -1 ? null : colors.read(rec[ci] ?? ''), group: gi === -1 ? '' : cellText(rec[gi] ?? '').replace(/\s+/g, ' ') });
  }
  if (notes.length === 0) return { ok: false, row: 0, columns: cols, header, message: `The file holds no notes: the text column “${capText(header[cols.text] ?? '', 40)}” is empty in every row${cols.firstRowIsNote ? '' : ' below the first'}.` };
  return { ok: true, notes, skippedEmpty: skipped.length, skipped, unknownColors: colors.report, hasGroups: gi !== -1 && notes.some((x) => x.group !== ''), columns: cols, header };
}

export interface ImportOptions {
  readonly laneId: string;
  /** Where notes without a group, or (with 'fallback') with an unknown one, go. */
  readonly fallbackStageId: string;
  /** Unknown groups: into the fallback stage, or as new stages at the end. */
  readonly unknownGroups: 'fallback' | 'new-stages';
}

export interface ImportPlan {
  readonly newStages: readonly Stage[];
  readonly cards: readonly JourneyCard[];
  /** Per stage, in canvas order: how many notes land there. */
  readonly perStage: readonly { readonly name: string; readonly count: number; readonly isNew: boolean }[];
}

export type PlanResult = { readonly ok: true; readonly plan: ImportPlan } | { readonly ok: false; readonly row: number; readonly message: string };

/** Where each note lands: stages matched by name (case and spaces ignored). */
export function planImport(journey: Journey, existing: readonly JourneyCard[], notes: readonly StickyNote[], o: ImportOptions): PlanResult {
  const lane = journey.lanes.find((l) => l.id === o.laneId);
  if (!lane || lane.kind === 'emotion') return { ok: false, row: 0, message: 'Pick a lane that holds cards (not the emotion lane).' };
  if (!journey.stages.some((s) => s.id === o.fallbackStageId)) return { ok: false, row: 0, message: 'Pick the stage for notes without a known column.' };
  if (existing.length + notes.length > journeyLimits.cardsPerJourney) {
    return { ok: false, row: 0, message: `This journey has ${n(existing.length)} cards; ${n(notes.length)} more would pass the limit of ${n(journeyLimits.cardsPerJourney)}.` };
  }
  const key = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
  const byName = new Map(journey.stages.map((s) => [key(s.name), s.id]));
  const newStages: Stage[] = [];
  const stageOf: string[] = [];
  for (const note of notes) {
    const k = key(note.group);
    let id = k ? byName.get(k) : undefined;
    if (!id && k && o.unknownGroups === 'new-stages') {
      if (textLength(note.group) > journeyLimits.stageName) {
        return { ok: false, row: note.row, message: `${note.place ?? `Row ${n(note.row)}`}: the column name “${note.group.slice(0, 40)}…” is too long for a stage (at most ${journeyLimits.stageName} characters).` };
      }
      if (journey.stages.length + newStages.length >= journeyLimits.stages) {
        return { ok: false, row: note.row, message: `${note.place ?? `Row ${n(note.row)}`}: the column “${capText(note.group, 40)}” would be stage ${journey.stages.length + newStages.length + 1}; a journey holds at most ${journeyLimits.stages}.` };
      }
      const stage = createStage(note.group.trim().replace(/\s+/g, ' '));
      newStages.push(stage);
      byName.set(k, stage.id);
      id = stage.id;
    }
    stageOf.push(id ?? o.fallbackStageId);
  }
  const withNew = { ...journey, stages: [...journey.stages, ...newStages] };
  const next = new Map<string, number>();
  const cards = notes.map((note, i) => {
    const cell = { stageId: stageOf[i]!, laneId: lane.id };
    const order = next.get(cell.stageId) ?? endOfCell(existing, cell);
    next.set(cell.stageId, order + 1);
    return createCard(withNew, cell, { text: note.text, color: note.color ?? laneDefaultColor[lane.kind], order });
  });
  const perStage = withNew.stages
    .map((s) => ({ name: s.name, count: stageOf.filter((x) => x === s.id).length, isNew: newStages.includes(s) }))
    .filter((s) => s.count > 0);
  return { ok: true, plan: { newStages, cards, perStage } };
}
