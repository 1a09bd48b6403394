// @vitest-environment node
// Property-based tests for sticky-note CSV imports: arbitrary text, broken quoting and hostile
// cell values never crash the parser; a refusal always names a row; a well-formed file built
// from random notes reads back exactly, formulas and all, as plain text.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parseCsv, readStickyNotes } from '../../../src-renderer/domain/journey-csv';

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
