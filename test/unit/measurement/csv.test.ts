// The CSV writer: BOM, CRLF, every field quoted, quotes doubled, line breaks kept in the cell,
// any script intact, and formula injection neutralised.
import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvField, fileNamePart, neutraliseFormula, toCsv } from '../../../src-renderer/export/csv';

describe('csv', () => {
  it('starts with a BOM, quotes every field and ends every record with CRLF', () => {
    const out = toCsv(['Name', 'Value'], [['a', 1], ['b', null]]);
    expect(out.startsWith(CSV_BOM)).toBe(true);
    expect(out.slice(1)).toBe('"Name","Value"\r\n"a","1"\r\n"b",""\r\n');
  });

  it('doubles quotes and keeps commas, semicolons and line breaks inside the field', () => {
    expect(csvField('Say "hi", ok; done')).toBe('"Say ""hi"", ok; done"');
    expect(csvField('line 1\nline 2\r\nline 3')).toBe('"line 1\nline 2\r\nline 3"');
  });

  it('keeps text in any script and emoji intact', () => {
    const s = 'Café Müller · Zürich · 東京 · مرحبا · Ελλάδα · 👩🏽‍💼';
    expect(csvField(s)).toBe(`"${s}"`);
    expect(new TextDecoder().decode(new TextEncoder().encode(toCsv([s], [])))).toContain(s);
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+SUM(A1:A9)', "'+SUM(A1:A9)"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\t=HYPERLINK("x")', "'\t=HYPERLINK(\"x\")"],
    ['\r=1', "'\r=1"],
    ['=HYPERLINK("http://evil","click")', '\'=HYPERLINK("http://evil","click")'],
    ['-SUM(1)', "'-SUM(1)"],
  ])('neutralises %j', (input, expected) => expect(neutraliseFormula(input)).toBe(expected));

  it('keeps plain negative numbers and ordinary text as they are', () => {
    expect(neutraliseFormula('-3')).toBe('-3');
    expect(neutraliseFormula('-12.5')).toBe('-12.5');
    expect(neutraliseFormula('a=b')).toBe('a=b');
    expect(neutraliseFormula('4.1%')).toBe('4.1%');
    expect(csvField(-3)).toBe('"-3"');
    expect(csvField('=cmd|"/c calc"!A1')).toBe('"\'=cmd|""/c calc""!A1"');
  });

  it('makes file-name-safe parts without losing letters', () => {
    expect(fileNamePart('Café Müller: "Nord/Süd"')).toBe('Café Müller Nord Süd');
    expect(fileNamePart('..')).toBe('');
  });
});
