// Reading notes from whatever a team brings: a table (CSV/TSV from a spreadsheet, Miro, Trello,
// Jira) or JSON (an .excalidraw drawing, Miro's or Mural's API answer). Decides which by the
// first character, then hands a table to readStickyNotes and JSON to the readers here. Pure:
// text in, notes or a refusal naming where out; nothing is stored.
import { cellText, colorTally, csvLimits, noteTooLong, parseCsv, readStickyNotes, type NotesResult, type ReadOptions, type SkippedRow, type StickyNote } from './journey-csv';
import { normWord } from './note-colors';
import { capText } from './text';
import { nulProblem } from './text-bytes';

export type NoteSource = 'table' | 'excalidraw' | 'miro' | 'mural' | 'json';
export const noteSourceLabels: Readonly<Record<NoteSource, string>> = {
  table: 'Table (CSV)',
  excalidraw: 'Excalidraw drawing',
  miro: 'Miro board (JSON)',
  mural: 'Mural board (JSON)',
  json: 'JSON list of notes',
};

export type ImportRead = NotesResult & { readonly source: NoteSource; readonly delimiter?: string };

/** JSON can carry embedded pictures (Excalidraw keeps them inline), so it may be larger than a table. */
export const jsonLimits = { chars: 20_000_000 } as const;

const n = (x: number) => x.toLocaleString('en');
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Reads notes from pasted or decoded file text: JSON when it looks like JSON, a table otherwise. */
export function readNotesText(text: string, options: ReadOptions = {}): ImportRead {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Pasted text can carry NULs too (copied from a UTF-16 file opened as the wrong encoding).
  const nul = nulProblem(body);
  if (nul) return { ok: false, row: 0, source: 'table', message: nul };
  const first = body.trimStart()[0];
  if (first === '{' || first === '[') {
    if (body.length > jsonLimits.chars) return { ok: false, row: 0, source: 'json', message: `The file is ${n(body.length)} characters long; a JSON import takes at most ${n(jsonLimits.chars)}.` };
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch (err) {
      // "[" can also start a table's first heading; only "{" is surely meant as JSON.
      if (first === '{') return { ok: false, row: 0, source: 'json', message: `The file looks like JSON but cannot be read: ${capText((err as Error).message, 120)}` };
      data = undefined;
    }
    if (data !== undefined) return readNotesJson(data, options.maxNotes ?? csvLimits.notes);
  }
  const parsed = parseCsv(body);
  if (!parsed.ok) return { ...parsed, source: 'table' };
  return { ...readStickyNotes(parsed.rows, { ...options, numbers: parsed.numbers }), source: 'table', delimiter: parsed.delimiter };
}

interface Candidate {
  readonly index: number;
  readonly place: string;
  readonly text: string;
  readonly colorValue: string;
  readonly group: string;
  readonly y: number;
  readonly x: number;
}

/** Turns candidates into notes in reading order (top to bottom, left to right), with the all-or-nothing checks. */
function finish(source: NoteSource, cands: readonly Candidate[], skipped: SkippedRow[], maxNotes: number, what: string): ImportRead {
  const sorted = [...cands].sort((a, b) => a.y - b.y || a.x - b.x || a.index - b.index);
  const colors = colorTally();
  const notes: StickyNote[] = [];
  for (const c of sorted) {
    if (notes.length >= maxNotes) return { ok: false, row: c.index, source, message: `${c.place}: too many notes. One import takes at most ${n(maxNotes)}.` };
    const long = noteTooLong(c.place, c.text);
    if (long) return { ok: false, row: c.index, source, message: long };
    notes.push({ row: c.index, place: c.place, text: c.text, color: colors.read(c.colorValue), group: c.group.replace(/\s+/g, ' ').trim() });
  }
  if (notes.length === 0) return { ok: false, row: 0, source, message: `The ${what} holds no notes with text.` };
  return { ok: true, source, notes, skipped, skippedEmpty: skipped.length, unknownColors: colors.report, hasGroups: notes.some((x) => x.group !== '') };
}

/** Notes from parsed JSON: an Excalidraw drawing, a Miro or Mural API answer, or a plain list of notes. */
export function readNotesJson(data: unknown, maxNotes: number = csvLimits.notes): ImportRead {
  if (isObj(data) && (data.type === 'excalidraw' || data.type === 'excalidraw/clipboard') && Array.isArray(data.elements)) return readExcalidraw(data.elements, maxNotes);
  const list = Array.isArray(data) ? data : isObj(data) ? [data.data, data.value, data.widgets, data.items, data.notes, data.elements].find(Array.isArray) : undefined;
  if (!list) return { ok: false, row: 0, source: 'json', message: 'This JSON holds no list of notes: Centric reads an Excalidraw drawing (.excalidraw), Miro’s or Mural’s board items, or a list of objects with a “text”.' };
  if (list.some((x) => isObj(x) && Array.isArray(x.boundElements))) return readExcalidraw(list, maxNotes);
  return readBoardItems(list, maxNotes);
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}
const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h && b.w * b.h > a.w * a.h;

/**
 * An .excalidraw drawing: each text element is a note; text bound inside a shape takes the
 * shape's fill. A shape that encloses other notes is an area, and its own label names their
 * group, as does a frame; the nearest (smallest) enclosing one wins, a frame first.
 */
function readExcalidraw(elements: readonly unknown[], maxNotes: number): ImportRead {
  const els = elements.filter(isObj).filter((e) => e.isDeleted !== true);
  const byId = new Map(els.map((e) => [str(e.id), e]));
  const box = (e: Obj): Box => ({ x: num(e.x), y: num(e.y), w: Math.abs(num(e.width)), h: Math.abs(num(e.height)) });
  const texts = els.filter((e) => e.type === 'text');
  const frames = els.filter((e) => e.type === 'frame' || e.type === 'magicframe');
  const frameNames = new Map(frames.map((f, i) => [str(f.id), str(f.name).trim() || `Frame ${i + 1}`]));
  const skipped: SkippedRow[] = [];
  // Each text with the box it occupies on the canvas (its container's, when bound).
  const placed = texts.map((t) => {
    const container = byId.get(str(t.containerId));
    return { t, container, box: container ? box(container) : box(t), index: elements.indexOf(t) + 1 };
  });
  const shapes = els.filter((e) => ['rectangle', 'ellipse', 'diamond'].includes(str(e.type)));
  const areas = shapes.filter((s) => placed.some((p) => p.container !== s && inside(p.box, box(s))));
  const areaLabel = new Map(areas.map((a) => [a, placed.find((p) => p.container === a)]));
  const cands: Candidate[] = [];
  for (const p of placed) {
    const place = `Text element ${n(p.index)}`;
    if (p.container && areas.includes(p.container)) continue; // an area's label: a group name, not a note
    if (p.container && !shapes.includes(p.container)) {
      skipped.push({ row: p.index, reason: `a label on ${str(p.container.type) === 'arrow' ? 'an arrow' : 'a line'}, not a note` });
      continue;
    }
    const text = cellText(str(p.t.originalText) || str(p.t.text));
    if (!text) {
      skipped.push({ row: p.index, reason: 'an empty text' });
      continue;
    }
    const frameId = str(p.t.frameId) || str(p.container?.frameId);
    const nearest = areas.filter((a) => inside(p.box, box(a))).sort((a, b) => box(a).w * box(a).h - box(b).w * box(b).h)[0];
    const group = frameNames.get(frameId) ?? (nearest ? cellText(str(areaLabel.get(nearest)?.t.originalText) || str(areaLabel.get(nearest)?.t.text)) : '');
    cands.push({ index: p.index, place, text, colorValue: p.container ? str(p.container.backgroundColor) : '', group, y: p.box.y, x: p.box.x });
  }
  return finish('excalidraw', cands, skipped, maxNotes, 'drawing');
}

/** The first non-empty string among paths such as "data.content" or "style.fillColor". */
function pick(o: Obj, paths: readonly string[]): string {
  for (const path of paths) {
    let v: unknown = o;
    for (const k of path.split('.')) v = isObj(v) ? v[k] : undefined;
    if (typeof v === 'string' && v.trim() !== '') return v;
  }
  return '';
}

const containerTypes = new Set(['frame', 'area', 'group', 'column', 'section', 'list']);
const noteTypes = new Set(['stickynote', 'sticky', 'note', 'card', 'text', 'shape', 'textbox', 'title', '']);

/**
 * Board items as Miro's REST API (data[].type "sticky_note", data.content HTML, style.fillColor
 * like "light_yellow", parent.id a frame) and Mural's (value[].type "sticky note", htmlText,
 * style.backgroundColor "#FCFE7DFF", parentId an area) return them, or any list of objects with
 * a text. Connectors, images and the like are skipped with the reason shown.
 */
function readBoardItems(list: readonly unknown[], maxNotes: number): ImportRead {
  const items = list.filter(isObj);
  const types = items.map((o) => normWord(str(o.type)));
  const source: NoteSource = types.some((t) => t === 'stickynote') && items.some((o) => 'htmlText' in o || 'parentId' in o) ? 'mural' : items.some((o) => isObj(o.data) && ('content' in o.data || 'title' in o.data)) ? 'miro' : 'json';
  const titles = new Map<string, string>();
  items.forEach((o, i) => {
    if (containerTypes.has(types[i]!)) titles.set(str(o.id), cellText(pick(o, ['data.title', 'title', 'name', 'data.name', 'text'])) || `${str(o.type) || 'Frame'} ${titles.size + 1}`);
  });
  const skipped: SkippedRow[] = [];
  const cands: Candidate[] = [];
  list.forEach((raw, k) => {
    const index = k + 1;
    if (!isObj(raw)) {
      skipped.push({ row: index, reason: 'not an object' });
      return;
    }
    const type = normWord(str(raw.type));
    if (containerTypes.has(type)) return;
    if (!noteTypes.has(type)) {
      skipped.push({ row: index, reason: `${/^[aeiou]/i.test(str(raw.type)) ? 'an' : 'a'} ${capText(str(raw.type), 30)}, not a note` });
      return;
    }
    const title = cellText(pick(raw, ['data.title', 'title']));
    const body = cellText(pick(raw, ['htmlText', 'data.content', 'content', 'text', 'data.text', 'note', 'body', 'data.description', 'description']));
    const text = title && body && title !== body ? `${title}\n${body}` : title || body;
    if (!text) {
      skipped.push({ row: index, reason: 'an empty note' });
      return;
    }
    const parent = pick(raw, ['parent.id', 'parentId', 'frameId']);
    const group = titles.get(parent) ?? cellText(pick(raw, ['group', 'column', 'stage', 'frame', 'list']));
    const colorValue = pick(raw, ['style.fillColor', 'style.backgroundColor', 'fillColor', 'backgroundColor', 'color', 'colour']);
    cands.push({ index, place: `Item ${n(index)}`, text, colorValue, group, y: num((raw.position as Obj | undefined)?.y ?? raw.y), x: num((raw.position as Obj | undefined)?.x ?? raw.x) });
  });
  return finish(source, cands, skipped, maxNotes, 'board');
}
