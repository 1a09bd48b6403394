// Importing sticky notes exported from whiteboard tools as CSV: an RFC 4180 parser (BOM, quoted
// fields, "," or ";" or tab detected), reading the notes (text, colour, optional column/group),
// and planning where each lands on a journey. All or nothing: any problem is reported with the
// row it is on and nothing is planned. Pure: no React, Dexie or DOM.
import {
  cardColors,
  cardColorIds,
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
import { textLength } from './text';

export const csvLimits = {
  /** Characters of CSV text accepted at all (about 2 MB). */
  chars: 2_000_000,
  /** Notes in one import. */
  notes: 1000,
} as const;

export type CsvResult =
  | { readonly ok: true; readonly rows: string[][]; readonly delimiter: string }
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
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
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
          if (c === '\r' && text[i + 1] === '\n') {
            field += '\r';
            i++;
          }
          line++;
        }
        field += text[i]!;
        i++;
      }
      if (!closed) return { ok: false, row: rows.length + 1, message: `Row ${n(rows.length + 1)}: a quoted field that starts on line ${n(startLine)} is never closed (unbalanced quotes).` };
      fieldStarted = true;
      const next = text[i];
      if (next !== undefined && next !== d && next !== '\n' && next !== '\r') {
        return { ok: false, row: rows.length + 1, message: `Row ${n(rows.length + 1)} (line ${n(recordLine)}): unexpected text after a closing quote. Quotes inside a field must be doubled ("").` };
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
  return { ok: true, rows, delimiter: d };
}

/** A note read from an export. */
export interface StickyNote {
  /** The record number in the file (header = 1). */
  readonly row: number;
  readonly text: string;
  /** A palette colour, or null to use the lane's default. */
  readonly color: CardColor | null;
  /** The column, group or frame the note sat in, or '' when none. */
  readonly group: string;
}

export type NotesResult =
  | { readonly ok: true; readonly notes: StickyNote[]; readonly skippedEmpty: number; readonly hasGroups: boolean }
  | { readonly ok: false; readonly row: number; readonly message: string };

const norm = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
const textHeaders = ['text', 'content', 'note', 'notes', 'sticky', 'stickynote', 'stickytext', 'body', 'title', 'idea', 'card', 'description'];
const colorHeaders = ['color', 'colour', 'fill', 'fillcolor', 'fillcolour', 'background', 'backgroundcolor', 'stickycolor', 'stickycolour', 'notecolor'];
const groupHeaders = ['column', 'group', 'stage', 'frame', 'section', 'category', 'cluster', 'phase', 'step'];

const namedColors: Record<string, CardColor> = {
  yellow: 'yellow', lightyellow: 'yellow', gold: 'yellow', amber: 'orange',
  orange: 'orange', lightorange: 'orange', peach: 'orange',
  pink: 'pink', lightpink: 'pink', red: 'pink', lightred: 'pink', magenta: 'pink', rose: 'pink',
  purple: 'purple', violet: 'purple', lightpurple: 'purple', lilac: 'purple', lavender: 'purple',
  blue: 'blue', lightblue: 'blue', darkblue: 'blue', cyan: 'blue', teal: 'blue', sky: 'blue',
  green: 'green', lightgreen: 'green', darkgreen: 'green', lime: 'green', mint: 'green',
  grey: 'grey', gray: 'grey', lightgrey: 'grey', lightgray: 'grey', white: 'grey', black: 'grey',
};

function rgb(hex: string): [number, number, number] {
  const h = hex.length === 4 ? hex.slice(1).split('').map((c) => c + c).join('') : hex.slice(1);
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

/** The palette colour for an exported colour name or #hex (nearest fill); null when unknown. */
export function colorFromExport(value: string): CardColor | null {
  const v = value.trim();
  if (!v) return null;
  if (/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(v)) {
    const [r, g, b] = rgb(v);
    let best: CardColor = 'yellow';
    let dist = Infinity;
    for (const id of cardColorIds) {
      // Compare against both the pale fill and a saturated edge: tools export either.
      for (const ref of [cardColors[id].fill, cardColors[id].edge]) {
        const [R, G, B] = rgb(ref);
        const d = (r - R) ** 2 + (g - G) ** 2 + (b - B) ** 2;
        if (d < dist) {
          dist = d;
          best = id;
        }
      }
    }
    return best;
  }
  return namedColors[norm(v)] ?? null;
}

/** Reads notes from parsed CSV records; the first record names the columns. */
export function readStickyNotes(rows: readonly (readonly string[])[], maxNotes: number = csvLimits.notes): NotesResult {
  if (rows.length === 0) return { ok: false, row: 0, message: 'The CSV is empty: it needs a first row naming the columns (for example Text, Color, Column) and one row per note.' };
  const header = rows[0]!.map(norm);
  const find = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const ti = find(textHeaders);
  if (ti === -1) {
    const found = rows[0]!.map((h) => `“${h.trim()}”`).join(', ');
    return { ok: false, row: 1, message: `Row 1: no text column. The first row must name the column holding each note’s text, as “Text”, “Content” or “Note”; it names ${found || 'nothing'}.` };
  }
  const ci = find(colorHeaders);
  const gi = find(groupHeaders);
  const notes: StickyNote[] = [];
  let skippedEmpty = 0;
  for (let r = 1; r < rows.length; r++) {
    const rec = rows[r]!;
    const rowNo = r + 1;
    const text = (rec[ti] ?? '').trim();
    if (!text) {
      skippedEmpty++;
      continue;
    }
    if (notes.length >= maxNotes) return { ok: false, row: rowNo, message: `Row ${n(rowNo)}: too many notes. One import takes at most ${n(maxNotes)}; split the file.` };
    const len = textLength(text);
    if (len > journeyLimits.cardText) return { ok: false, row: rowNo, message: `Row ${n(rowNo)}: the text is ${n(len)} characters long; a card holds at most ${n(journeyLimits.cardText)}.` };
    notes.push({ row: rowNo, text, color: ci === -1 ? null : colorFromExport(rec[ci] ?? ''), group: gi === -1 ? '' : (rec[gi] ?? '').trim() });
  }
  if (notes.length === 0) return { ok: false, row: 0, message: 'The CSV holds no notes: every row below the first has an empty text.' };
  return { ok: true, notes, skippedEmpty, hasGroups: gi !== -1 && notes.some((x) => x.group !== '') };
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
        return { ok: false, row: note.row, message: `Row ${n(note.row)}: the column name “${note.group.slice(0, 40)}…” is too long for a stage (at most ${journeyLimits.stageName} characters).` };
      }
      if (journey.stages.length + newStages.length >= journeyLimits.stages) {
        return { ok: false, row: note.row, message: `Row ${n(note.row)}: the column “${note.group}” would be stage ${journey.stages.length + newStages.length + 1}; a journey holds at most ${journeyLimits.stages}.` };
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
