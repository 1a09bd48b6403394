import { describe, expect, it } from 'vitest';
import { createJourney } from '../../../src-renderer/domain/journey';
import { colorFromExport, detectDelimiter, parseCsv, planImport, readStickyNotes } from '../../../src-renderer/domain/journey-csv';

const j = createJourney('w1', { name: 'J', personaId: null, scenario: '' }, 0, 1);
const actions = j.lanes[0]!.id;

function notesOf(text: string) {
  const p = parseCsv(text);
  if (!p.ok) throw new Error(p.message);
  return readStickyNotes(p.rows);
}

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, any line ending, and drops a BOM', () => {
    const r = parseCsv('\ufeffText,Color\r\n"Hello, world",yellow\n"She said ""hi""",blue\r"two\nlines",green\n');
    expect(r).toEqual({ ok: true, delimiter: ',', numbers: [1, 2, 3, 4], rows: [['Text', 'Color'], ['Hello, world', 'yellow'], ['She said "hi"', 'blue'], ['two\nlines', 'green']] });
  });

  it('detects ; and tab delimiters outside quotes', () => {
    expect(detectDelimiter('Text;Colour\na;b')).toBe(';');
    expect(detectDelimiter('"a;b;c",x\n')).toBe(',');
    expect(detectDelimiter('Text\tColor\n')).toBe('\t');
    const r = parseCsv('Text;Column\n"1,5 stars";Aware\n');
    expect(r.ok && r.rows[1]).toEqual(['1,5 stars', 'Aware']);
  });

  it('keeps empty fields and skips blank lines', () => {
    const r = parseCsv('a,,c\n\n,,\n');
    expect(r.ok && r.rows).toEqual([['a', '', 'c'], ['', '', '']]);
    expect(r.ok && r.numbers).toEqual([1, 3]);
  });

  it('names the row of an unbalanced quote', () => {
    const r = parseCsv('Text\nfine\n"never closed\nmore\n');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^Row 3: .*never closed/);
  });

  it('refuses text after a closing quote', () => {
    const r = parseCsv('Text\n"a"b\n');
    expect(!r.ok && r.message).toMatch(/^Row 2.*after a closing quote/);
  });
});

describe('readStickyNotes', () => {
  it('finds the text, colour and group columns by common names', () => {
    const r = notesOf('Content,Fill colour,Frame\nOne,#fff1a8,Aware\nTwo,light_blue,\n,red,Buy\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.notes).toEqual([
      { row: 2, text: 'One', color: 'yellow', group: 'Aware' },
      { row: 3, text: 'Two', color: 'blue', group: '' },
    ]);
    expect(r.skippedEmpty).toBe(1);
  });

  it('refuses a file without a text column, naming the columns it has', () => {
    const r = notesOf('Colour,Column\nyellow,Aware\n');
    expect(!r.ok && r.message).toMatch(/Row 1: no text column.*“Colour”, “Column”/);
  });

  it('refuses over-long text and too many rows, naming the row', () => {
    const long = notesOf(`Text\nok\n${'x'.repeat(501)}\n`);
    expect(!long.ok && long.message).toMatch(/^Row 3: the text is 501 characters/);
    const many = readStickyNotes([['Text'], ...Array.from({ length: 4 }, (_, i) => [`n${i}`])], 3);
    expect(!many.ok && many.message).toMatch(/^Row 5: too many notes/);
  });

  it('maps colours by name or nearest hex', () => {
    expect(colorFromExport('Violet')).toBe('purple');
    expect(colorFromExport('#d4f3de')).toBe('green');
    expect(colorFromExport('#ea8daf')).toBe('pink');
    expect(colorFromExport('plaid')).toBeNull();
  });
});

describe('planImport', () => {
  const notes = (() => {
    const r = notesOf('Text,Column\nA,aware\nB,Consider\nC,Waiting\nD,\n');
    if (!r.ok) throw new Error('bad');
    return r.notes;
  })();

  it('matches stages by name and sends unknown columns to the chosen stage', () => {
    const r = planImport(j, [], notes, { laneId: actions, fallbackStageId: j.stages[5]!.id, unknownGroups: 'fallback' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.newStages).toEqual([]);
    expect(r.plan.cards.map((c) => j.stages.findIndex((s) => s.id === c.stageId))).toEqual([0, 1, 5, 5]);
    expect(r.plan.cards.map((c) => c.order)).toEqual([0, 0, 0, 1]);
    expect(r.plan.cards.every((c) => c.laneId === actions && c.color === 'yellow')).toBe(true);
  });

  it('can create new stages for unknown columns', () => {
    const r = planImport(j, [], notes, { laneId: actions, fallbackStageId: j.stages[0]!.id, unknownGroups: 'new-stages' });
    expect(r.ok && r.plan.newStages.map((s) => s.name)).toEqual(['Waiting']);
    expect(r.ok && r.plan.perStage.find((s) => s.isNew)).toEqual({ name: 'Waiting', count: 1, isNew: true });
  });

  it('refuses the emotion lane', () => {
    const emotion = j.lanes.find((l) => l.kind === 'emotion')!.id;
    expect(planImport(j, [], notes, { laneId: emotion, fallbackStageId: j.stages[0]!.id, unknownGroups: 'fallback' }).ok).toBe(false);
  });
});
