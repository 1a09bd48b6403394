// @vitest-environment node
// Property-based tests for sticky-note CSV imports: arbitrary text, broken quoting and hostile
// cell values never crash the parser; a refusal always names a row; a well-formed file built
// from random notes reads back exactly, formulas and all, as plain text, whatever its encoding;
// arbitrary bytes, JSON and HTML never crash the decoders and readers.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createCard, createJourney } from '../../../src-renderer/domain/journey';
import { parseCsv, planImport, readStickyNotes } from '../../../src-renderer/domain/journey-csv';
import { htmlToText, looksLikeHtml } from '../../../src-renderer/domain/html-text';
import { readNotesText } from '../../../src-renderer/domain/note-import';
import { decodeTextBytes } from '../../../src-renderer/domain/text-bytes';

vi.setConfig({ testTimeout: 60_000 });

const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;

describe('sticky-note CSV import under fuzzing', () => {
  it('never throws on arbitrary text; a refusal names the row and says what is wrong', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600, unit: fc.constantFrom('a', 'b', ',', ';', '"', '\n', '\r', '\t', ' ', 'é', '株', '=', '🚀') }), (text) => {
        const parsed = parseCsv(text);
        if (!parsed.ok) {
          expect(parsed.row).toBeGreaterThanOrEqual(1);
          expect(parsed.message.length).toBeGreaterThan(10);
          return;
        }
        const notes = readStickyNotes(parsed.rows);
        if (!notes.ok) expect(notes.message.length).toBeGreaterThan(10);
        else for (const n of notes.notes) expect(typeof n.text).toBe('string');
      }),
      { numRuns: 3000 },
    );
  });

  it('reads back every note of a well-formed export exactly, including formula-like and multi-line text', () => {
    const cell = fc.string({ minLength: 1, maxLength: 80, unit: fc.constantFrom('a', 'Z', ' ', ',', ';', '"', '\n', 'ß', 'Ω', '株', '🚀', '=', '+', '@', '-') }).filter((s) => s.trim() !== '');
    fc.assert(
      fc.property(fc.array(fc.record({ text: cell, group: fc.constantFrom('Aware', 'Buy', 'Use') }), { minLength: 1, maxLength: 40 }), (notes) => {
        const csv = ['Text,Column', ...notes.map((n) => `${quote(n.text)},${quote(n.group)}`)].join('\r\n');
        const parsed = parseCsv(csv);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const read = readStickyNotes(parsed.rows);
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        expect(read.notes.map((n) => n.group)).toEqual(notes.map((n) => n.group));
        expect(read.notes.map((n) => n.text.trim())).toEqual(notes.map((n) => n.text.trim()));
      }),
      { numRuns: 800 },
    );
  });

  it('refuses an unclosed quote anywhere with the row it starts on', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b c', 'd,e'), { minLength: 1, maxLength: 20 }), fc.nat(), (rows, at) => {
        const lines = ['Text', ...rows];
        const broken = at % lines.length;
        lines[broken] = `"${lines[broken]}`;
        const parsed = parseCsv(lines.join('\n'));
        expect(parsed.ok).toBe(false);
        if (!parsed.ok) expect(parsed.row).toBe(broken + 1);
      }),
      { numRuns: 500 },
    );
  });
});

describe('imports from other tools under fuzzing', () => {
  const units = fc.constantFrom('a', 'Z', ' ', ',', ';', '"', '\n', 'ß', 'Ü', '€', '–', 'Ω', '株', '🚀', '=', '+', '@', '-', '<', '>', '&');

  it('arbitrary bytes never crash the decoder; a refusal says why, a success holds no NUL', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const d = decodeTextBytes(bytes);
        if (d.ok) expect(d.text.includes('\u0000')).toBe(false);
        else expect(d.message.length).toBeGreaterThan(20);
      }),
      { numRuns: 3000 },
    );
  });

  it('arbitrary text, JSON and HTML never crash the readers; a refusal names where', () => {
    const anyText = fc.oneof(
      fc.string({ maxLength: 400, unit: fc.constantFrom('a', ',', ';', '"', '\n', '\r', '\t', '<', '>', '/', 'p', '&', '#', ';', '{', '}', '[', ']', ':', '1') }),
      fc.json({ maxDepth: 4 }),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify({ type: 'excalidraw', elements: [v, { type: 'text', text: v, containerId: v }] })),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        const r = readNotesText(text);
        if (!r.ok) expect(r.message).toMatch(/^(Row \d|Line \d|Item \d|Text element \d|The |This )/);
        else for (const x of r.notes) expect(x.text.trim()).toBe(x.text);
        expect(typeof htmlToText(text)).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });

  it('a well-formed table round-trips through UTF-8 with BOM, UTF-16 LE and BE bytes, quoted line breaks as LF', () => {
    const cell = fc.string({ minLength: 1, maxLength: 60, unit: units }).filter((s) => s.trim() !== '' && !looksLikeHtml(s));
    fc.assert(
      fc.property(fc.array(fc.record({ text: cell, group: fc.constantFrom('Aware', 'Buy', 'Use'), color: fc.constantFrom('yellow', 'pink', 'blue') }), { minLength: 1, maxLength: 30 }), fc.constantFrom('utf8', 'le', 'be'), (notes, enc) => {
        const csv = '\ufeff' + ['Text,Color,Column', ...notes.map((n) => `${quote(n.text)},${n.color},${quote(n.group)}`)].join('\r\n');
        const bytes = enc === 'utf8' ? new TextEncoder().encode(csv) : utf16(csv, enc === 'be');
        const d = decodeTextBytes(bytes);
        expect(d.ok).toBe(true);
        if (!d.ok) return;
        const r = readNotesText(d.text);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.notes.map((n) => [n.text, n.group, n.color])).toEqual(notes.map((n) => [n.text.trim(), n.group, n.color]));
      }),
      { numRuns: 500 },
    );
  });

  it('over-long text is refused with its row, never cut; the 5,000-card limit holds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 501, max: 900 }), fc.integer({ min: 0, max: 5 }), (len, before) => {
        const rows = [...Array.from({ length: before }, (_, i) => `ok ${i}`), 'x'.repeat(len)];
        const r = readNotesText(['Notiz', ...rows].join('\n'));
        expect(!r.ok && r.message).toBe(`Row ${before + 2}: the text is ${len} characters long; a card holds at most 500. Shorten it in the file (nothing is cut on import).`);
      }),
      { numRuns: 100 },
    );
    const j = createJourney('w1', { name: 'J', personaId: null, scenario: '' }, 0, 1);
    const existing = Array.from({ length: 4999 }, (_, i) => createCard(j, { stageId: j.stages[0]!.id, laneId: j.lanes[0]!.id }, { order: i }));
    const two = readNotesText('Text\na\nb\n');
    if (!two.ok) throw new Error(two.message);
    const plan = planImport(j, existing, two.notes, { laneId: j.lanes[0]!.id, fallbackStageId: j.stages[0]!.id, unknownGroups: 'fallback' });
    expect(!plan.ok && plan.message).toMatch(/4,999 cards; 2 more would pass the limit of 5,000/);
  });
});

function utf16(s: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    out[2 + 2 * i] = bigEndian ? u >> 8 : u & 0xff;
    out[3 + 2 * i] = bigEndian ? u & 0xff : u >> 8;
  }
  return out;
}
