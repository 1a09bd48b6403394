// The CSV writer every CSV export in the app uses. Pure: strings in, one string out; no UI,
// storage or host. Output opens cleanly in Excel, Numbers, LibreOffice and Google Sheets:
//  - UTF-8 with a byte-order mark, so Excel reads accents and any script correctly;
//  - CRLF line ends (RFC 4180), every field quoted, quotes inside doubled, so commas,
//    semicolons (European Excel's separator) and line breaks inside a field stay in their cell;
//  - formula injection neutralised (OWASP "CSV injection"): a field starting with = + - @,
//    TAB or CR gets a leading apostrophe, so a spreadsheet shows it as text and never runs it.
// Decision: a plain negative number such as -3 or -12.5 is left as is. It cannot be a formula
// (no operator or function follows the sign), and a spreadsheet should keep it as a number.
// Anything else after the sign ("-3+A1", "-SUM(1)") is neutralised.

export const CSV_BOM = '\uFEFF';
export const CSV_EOL = '\r\n';

/** A field a spreadsheet might run as a formula: starts with = + - @, a tab or a carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain negative decimal number, e.g. -3, -0.5, -1200.75. */
const NEGATIVE_NUMBER = /^-\d+(\.\d+)?$/;

export type CsvValue = string | number | boolean | null | undefined;

/** The text of one cell, made safe to open: formula-like text gets a leading apostrophe. */
export function neutraliseFormula(text: string): string {
  if (NEGATIVE_NUMBER.test(text)) return text;
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cellText(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return String(v);
}

/** One field: neutralised, quoted, inner quotes doubled. Line breaks stay inside the quotes. */
export function csvField(v: CsvValue): string {
  return `"${neutraliseFormula(cellText(v)).replace(/"/g, '""')}"`;
}

/** A whole file: BOM, header and rows, CRLF after every record (including the last). */
export function toCsv(header: readonly CsvValue[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(','));
  return CSV_BOM + lines.map((l) => l + CSV_EOL).join('');
}

/** A file-name-safe piece of text ("Café Müller & Co." -> "Café Müller & Co"): keeps letters of any script. */
export function fileNamePart(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 80);
}
