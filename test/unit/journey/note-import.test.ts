// @vitest-environment node
// One fixture per format teams really bring (built here, byte for byte where bytes matter), each
// asserting the exact notes, groups and colours that come out, or the specific refusal.
import { describe, expect, it } from 'vitest';
import { createJourney } from '../../../src-renderer/domain/journey';
import { planImport, type StickyNote } from '../../../src-renderer/domain/journey-csv';
import { readNotesText, type ImportRead } from '../../../src-renderer/domain/note-import';
import { decodeTextBytes } from '../../../src-renderer/domain/text-bytes';
import { htmlToText } from '../../../src-renderer/domain/html-text';
import { readExportColor } from '../../../src-renderer/domain/note-colors';
import { checkRow } from '../../../src-renderer/domain/records';

const utf8 = (s: string) => new TextEncoder().encode(s);
function cp1252(s: string): Uint8Array {
  const table: Record<string, number> = { '€': 0x80, '…': 0x85, '„': 0x84, '“': 0x93, '”': 0x94, '–': 0x96 };
  return Uint8Array.from([...s].map((ch) => table[ch] ?? (ch.charCodeAt(0) <= 0xff ? ch.charCodeAt(0) : 0x3f)));
}
function utf16(s: string, bigEndian: boolean, bom = true): Uint8Array {
  const out: number[] = bom ? (bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]) : [];
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    out.push(...(bigEndian ? [u >> 8, u & 0xff] : [u & 0xff, u >> 8]));
  }
  return Uint8Array.from(out);
}
function fromBytes(bytes: Uint8Array): ImportRead {
  const d = decodeTextBytes(bytes);
  if (!d.ok) throw new Error(d.message);
  return readNotesText(d.text);
}
const notesOf = (r: ImportRead): Pick<StickyNote, 'text' | 'group' | 'color'>[] => {
  if (!r.ok) throw new Error(r.message);
  return r.notes.map((x) => ({ text: x.text, group: x.group, color: x.color }));
};

describe('encodings', () => {
  it('German Excel in Windows-1252 with ; and the headers Notiz;Farbe;Phase', () => {
    const r = fromBytes(cp1252('Notiz;Farbe;Phase\r\nÜberweisung dauert 3 Tage … 12 €;gelb;Kaufen\r\n„Wo ist mein Geld?“;Rot;Nutzen\r\nGebühr unklar;hellblau;Kaufen\r\n'));
    expect(decodeTextBytes(cp1252('Ü')).ok && (decodeTextBytes(cp1252('Ü')) as { encoding: string }).encoding).toBe('Windows-1252');
    expect(notesOf(r)).toEqual([
      { text: 'Überweisung dauert 3 Tage … 12 €', group: 'Kaufen', color: 'yellow' },
      { text: '„Wo ist mein Geld?“', group: 'Nutzen', color: 'pink' },
      { text: 'Gebühr unklar', group: 'Kaufen', color: 'blue' },
    ]);
  });

  it('Excel “Unicode Text”: UTF-16 LE with BOM, tab-separated; and UTF-16 BE', () => {
    const table = 'Note\tColour\tStage\r\nPays online\tlight_green\tBuy\r\nCalls – twice\tpurple\tUse\r\n';
    for (const be of [false, true]) {
      const d = decodeTextBytes(utf16(table, be));
      expect(d.ok && d.encoding).toBe(be ? 'UTF-16 BE' : 'UTF-16 LE');
      const r = fromBytes(utf16(table, be));
      expect(r.ok && r.delimiter).toBe('\t');
      expect(notesOf(r)).toEqual([
        { text: 'Pays online', group: 'Buy', color: 'green' },
        { text: 'Calls – twice', group: 'Use', color: 'purple' },
      ]);
    }
  });

  it('UTF-8 with and without BOM, emoji and all', () => {
    for (const bom of ['', '\ufeff']) expect(notesOf(fromBytes(utf8(`${bom}Text\nLoves it 🚀\nCafé\n`))).map((x) => x.text)).toEqual(['Loves it 🚀', 'Café']);
    expect(decodeTextBytes(utf8('\ufeffa')).ok && (decodeTextBytes(utf8('\ufeffa')) as { encoding: string }).encoding).toBe('UTF-8 with BOM');
  });

  it('refuses NUL-filled text (UTF-16 without its BOM), naming the likely cause', () => {
    const d = decodeTextBytes(utf16('Text\r\nOne\r\n', false, false));
    expect(d.ok).toBe(false);
    expect(!d.ok && d.message).toMatch(/^Line 1: the file holds \d+ NUL characters\. It is probably UTF-16 \(Excel’s “Unicode Text”\) saved without its byte-order mark/);
  });

  it('refuses pasted text holding NULs, naming the line', () => {
    const r = readNotesText('Text\nfine\nbro\u0000ken\n');
    expect(!r.ok && r.message).toMatch(/^Line 3: the text holds 1 NUL character\. It is probably not a text file/);
  });

  it('refuses a workbook (.xlsx) with what to do instead', () => {
    const d = decodeTextBytes(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]));
    expect(!d.ok && d.message).toMatch(/Excel workbook \(\.xlsx\).*CSV UTF-8/);
  });

  it('refuses a UTF-8 BOM followed by invalid bytes', () => {
    expect(decodeTextBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0xc3, 0x28])).ok).toBe(false);
  });

  it('decodes UTF-8 strictly: overlongs and surrogates are not UTF-8, so the bytes read as Windows-1252', () => {
    const overlong = decodeTextBytes(Uint8Array.from([0x41, 0xc0, 0xaf]));
    expect(overlong.ok && overlong.encoding).toBe('Windows-1252');
    const surrogate = decodeTextBytes(Uint8Array.from([0xed, 0xa0, 0x80]));
    expect(surrogate.ok && surrogate.encoding).toBe('Windows-1252');
    const four = decodeTextBytes(utf8('𝄞'));
    expect(four.ok && four.text).toBe('𝄞');
  });
});

describe('tables from tools', () => {
  it('Miro sticky-note CSV: Sticky Title + Sticky Description joined, Tag1 the group', () => {
    const csv = 'Sticky Title,Sticky Description,Tag1,Tag2\n"Waits for the call","Nobody says how long",Pain,Aware\n"Compares prices",,Consider,\n,,,\n';
    const r = readNotesText(csv);
    expect(notesOf(r)).toEqual([
      { text: 'Waits for the call\nNobody says how long', group: 'Pain', color: null },
      { text: 'Compares prices', group: 'Consider', color: null },
    ]);
    expect(r.ok && r.skipped).toEqual([{ row: 4, reason: 'an empty row' }]);
  });

  it('Trello board CSV: Card Name, List Name, and the colour in brackets of Labels', () => {
    const csv =
      'Card ID,Card Name,Card URL,Card Description,Labels,Members,List ID,List Name,Board Name\n' +
      'a1,Can’t find the form,https://trello.com/c/a1,,"Pain (red), Web (blue)",,l1,Aware,Claims\n' +
      'a2,Chat answers fast,https://trello.com/c/a2,"Within 2 minutes, mostly",Gain (green),,l2,Use,Claims\n' +
      'a3,Letter arrives,https://trello.com/c/a3,,,,l2,Use,Claims\n';
    const r = readNotesText(csv);
    expect(notesOf(r)).toEqual([
      { text: 'Can’t find the form', group: 'Aware', color: 'pink' },
      { text: 'Chat answers fast\nWithin 2 minutes, mostly', group: 'Use', color: 'green' },
      { text: 'Letter arrives', group: 'Use', color: null },
    ]);
    expect(r.ok && r.unknownColors.count).toBe(0);
  });

  it('Jira CSV: Summary (not Description), Status the group, every row kept despite multi-line quoted cells', () => {
    const csv =
      'Summary,Issue key,Issue id,Issue Type,Status,Priority,Description\r\n' +
      'Login times out,CX-1,10001,Bug,To Do,High,"Steps:\r\n1. open app\r\n2. wait, then ""retry"""\r\n' +
      'Add chat,CX-2,10002,Story,In Progress,Medium,"As a customer\r\nI want chat"\r\n' +
      'Clarify fees,CX-3,10003,Task,Done,Low,\r\n';
    const r = readNotesText(csv);
    expect(notesOf(r)).toEqual([
      { text: 'Login times out', group: 'To Do', color: null },
      { text: 'Add chat', group: 'In Progress', color: null },
      { text: 'Clarify fees', group: 'Done', color: null },
    ]);
    expect(r.ok && r.skipped).toEqual([]);
  });

  it('a line break inside a quoted cell arrives as LF, never CR', () => {
    const r = readNotesText('Text,Column\r\n"first line\r\nsecond line",Aware\r\n');
    expect(notesOf(r)).toEqual([{ text: 'first line\nsecond line', group: 'Aware', color: null }]);
  });

  it('French and Dutch headings and colour words', () => {
    expect(notesOf(readNotesText('Texte;Couleur;Étape\nAttend le devis;vert clair;Achat\n'))).toEqual([{ text: 'Attend le devis', group: 'Achat', color: 'green' }]);
    expect(notesOf(readNotesText('Notitie;Kleur;Fase\nBelt de klantenservice;oranje;Gebruik\n'))).toEqual([{ text: 'Belt de klantenservice', group: 'Gebruik', color: 'orange' }]);
  });

  it('headerless one-note-per-line list: no column recognised, then read with “the first row is a note”', () => {
    const list = 'Sees the ad on the bus\nAsks a friend\n\nDownloads the app\n';
    const guessed = readNotesText(list);
    expect(guessed.ok).toBe(false);
    expect(!guessed.ok && guessed.message).toMatch(/^Row 1: no text column recognised.*“Sees the ad on the bus”.*The first row is a note/);
    expect(!guessed.ok && guessed.header).toEqual(['Sees the ad on the bus']);
    const r = readNotesText(list, { columns: { text: 0, detail: -1, group: -1, color: -1, firstRowIsNote: true } });
    expect(notesOf(r).map((x) => x.text)).toEqual(['Sees the ad on the bus', 'Asks a friend', 'Downloads the app']);
  });

  it('picked columns override the guess (an unrecognised header)', () => {
    const r = readNotesText('Was;Wann;Ton\nRuft an;Kauf;#f00\nWartet;Nutzung;#0000FF80\n', { columns: { text: 0, detail: -1, group: 1, color: 2, firstRowIsNote: false } });
    expect(notesOf(r)).toEqual([
      { text: 'Ruft an', group: 'Kauf', color: 'pink' },
      { text: 'Wartet', group: 'Nutzung', color: 'blue' },
    ]);
  });

  it('reports empty rows with why, and unrecognised colours with examples', () => {
    const r = readNotesText('Text,Color\nOne,plaid\n\n,yellow\nTwo,tartan\nThree,plaid\n"four\n\nlines",\nFive,"\n"\n');
    expect(r.ok && r.skipped).toEqual([
      { row: 3, reason: 'an empty row' },
      { row: 4, reason: 'the text cell is empty' },
    ]);
    // Rows are named as a spreadsheet shows them: blank lines count, a multi-line cell is one row.
    expect(r.ok && r.notes.map((x) => x.row)).toEqual([2, 5, 6, 7, 8]);
    expect(r.ok && r.unknownColors).toEqual({ count: 3, examples: ['plaid', 'tartan'] });
  });
});

describe('content', () => {
  it('HTML to text: paragraphs and <br> are line breaks, entities decoded, scripts dropped, nothing rendered', () => {
    expect(htmlToText('<p>Pays &amp; leaves</p><p>Second<br/>line&nbsp;&#8364;&#x1F680;</p>')).toBe('Pays & leaves\nSecond\nline €🚀');
    expect(htmlToText('<ul><li>one</li><li>two</li></ul>')).toBe('• one\n• two');
    expect(htmlToText('<p>a<script>alert(1)</script> <img src=x onerror="alert(2)">b</p><!-- c -->')).toBe('a b');
    expect(htmlToText('<p title="x > y">5 &lt; 6 &unknown; &#0;</p>')).toBe('5 < 6 &unknown; \ufffd');
    expect(htmlToText('<p>  lots   of\n space </p>')).toBe('lots of space');
  });

  it('plain text holding a "<" stays as typed', () => {
    expect(notesOf(readNotesText('Text\n"use <b> for bold, a < b"\n'))[0]!.text).toBe('use <b> for bold, a < b');
  });

  it('colours: hex with and without alpha, rgb()/rgba(), tool names and words in four languages', () => {
    const cases: [string, string | null | undefined][] = [
      ['#FFF', 'grey'], ['#f80a', 'orange'], ['#ff0a', 'yellow'], ['#fff9b1', 'yellow'], ['#FAFAFAFF', 'grey'], ['#FCFE7DFF', 'yellow'], ['#ffc9c9', 'pink'],
      ['rgb(255, 216, 168)', 'orange'], ['rgba(165,216,255,0.5)', 'blue'], ['rgb(208 191 255 / 50%)', 'purple'], ['rgb(300,0,0)', undefined],
      ['light_pink', 'pink'], ['light_yellow', 'yellow'], ['dark_green', 'green'], ['cyan', 'blue'], ['violet', 'purple'], ['sky', 'blue'], ['green_dark', 'green'],
      ['Gelb', 'yellow'], ['Grün', 'green'], ['dunkelblau', 'blue'], ['rouge', 'pink'], ['bleu clair', 'blue'], ['geel', 'yellow'], ['paars', 'purple'], ['grijs', 'grey'],
      ['Pain (red)', 'pink'], ['transparent', null], ['', null], ['plaid', undefined],
    ];
    for (const [v, want] of cases) expect([v, readExportColor(v)]).toEqual([v, want]);
  });
});

describe('JSON', () => {
  const excalidraw = {
    type: 'excalidraw',
    version: 2,
    elements: [
      { id: 'f1', type: 'frame', name: 'Aware', x: 0, y: 0, width: 400, height: 400, isDeleted: false },
      { id: 'r1', type: 'rectangle', x: 10, y: 50, width: 120, height: 80, backgroundColor: '#ffec99', frameId: 'f1', boundElements: [{ id: 't1', type: 'text' }] },
      { id: 't1', type: 'text', x: 20, y: 60, width: 100, height: 20, text: 'Sees the\nad', originalText: 'Sees the ad', containerId: 'r1', frameId: 'f1' },
      { id: 't2', type: 'text', x: 20, y: 200, width: 100, height: 20, text: 'Free text in frame', containerId: null, frameId: 'f1' },
      { id: 'area', type: 'rectangle', x: 600, y: 0, width: 500, height: 500, backgroundColor: 'transparent', boundElements: [{ id: 'tArea', type: 'text' }] },
      { id: 'tArea', type: 'text', x: 610, y: 10, width: 80, height: 20, text: 'Use', containerId: 'area' },
      { id: 'r2', type: 'ellipse', x: 650, y: 100, width: 100, height: 60, backgroundColor: '#b2f2bb', boundElements: [{ id: 't3', type: 'text' }] },
      { id: 't3', type: 'text', x: 660, y: 110, width: 80, height: 20, text: 'Likes the app', containerId: 'r2' },
      { id: 't4', type: 'text', x: 2000, y: 0, width: 80, height: 20, text: 'Loose note' },
      { id: 'a1', type: 'arrow', x: 0, y: 0, width: 10, height: 10, boundElements: [{ id: 't5', type: 'text' }] },
      { id: 't5', type: 'text', x: 0, y: 0, width: 10, height: 10, text: 'leads to', containerId: 'a1' },
      { id: 't6', type: 'text', x: 0, y: 0, width: 10, height: 10, text: 'deleted', isDeleted: true },
    ],
    appState: {},
    files: {},
  };

  it('Excalidraw: text elements and text in shapes become notes, grouped by frame or enclosing labelled area', () => {
    const r = readNotesText(JSON.stringify(excalidraw));
    expect(r.source).toBe('excalidraw');
    expect(notesOf(r)).toEqual([
      { text: 'Loose note', group: '', color: null },
      { text: 'Sees the ad', group: 'Aware', color: 'yellow' },
      { text: 'Likes the app', group: 'Use', color: 'green' },
      { text: 'Free text in frame', group: 'Aware', color: null },
    ]);
    expect(r.ok && r.skipped).toEqual([{ row: 11, reason: 'a label on an arrow, not a note' }]);
  });

  it('Miro REST items: HTML content stripped, fillColor names mapped, frames as groups', () => {
    const miro = {
      data: [
        { id: 'F', type: 'frame', data: { title: 'Consider' }, position: { x: 0, y: 0 } },
        { id: '1', type: 'sticky_note', data: { content: '<p>Reads reviews &amp; forums</p><p>on the phone</p>', shape: 'square' }, style: { fillColor: 'light_pink' }, parent: { id: 'F' }, position: { x: 10, y: 10 } },
        { id: '2', type: 'sticky_note', data: { content: '<p>Asks&nbsp;a friend</p>' }, style: { fillColor: 'light_yellow' }, position: { x: 10, y: 20 } },
        { id: '3', type: 'connector', position: { x: 0, y: 0 } },
        { id: '4', type: 'sticky_note', data: { content: '<p></p>' }, style: { fillColor: 'gray' }, position: { x: 0, y: 30 } },
      ],
      total: 5,
    };
    const r = readNotesText(JSON.stringify(miro));
    expect(r.source).toBe('miro');
    expect(notesOf(r)).toEqual([
      { text: 'Reads reviews & forums\non the phone', group: 'Consider', color: 'pink' },
      { text: 'Asks a friend', group: '', color: 'yellow' },
    ]);
    expect(r.ok && r.skipped).toEqual([
      { row: 4, reason: 'a connector, not a note' },
      { row: 5, reason: 'an empty note' },
    ]);
  });

  it('Mural widgets: htmlText, #RRGGBBAA colours, areas as groups', () => {
    const mural = {
      value: [
        { id: 'A', type: 'area', title: 'Onboard', x: 0, y: 0 },
        { id: 'w1', type: 'sticky note', text: 'Fills the form', htmlText: '<div>Fills the form</div>', style: { backgroundColor: '#FCFE7DFF' }, parentId: 'A', x: 5, y: 5 },
        { id: 'w2', type: 'sticky note', text: 'Gets lost', htmlText: '<div>Gets lost<br>twice</div>', style: { backgroundColor: '#FAFAFAFF' }, x: 5, y: 50 },
        { id: 'w3', type: 'sticky note', text: 'Odd colour', style: { backgroundColor: 'rgb(255,192,97)' }, x: 5, y: 90 },
      ],
    };
    const r = readNotesText(JSON.stringify(mural));
    expect(r.source).toBe('mural');
    expect(notesOf(r)).toEqual([
      { text: 'Fills the form', group: 'Onboard', color: 'yellow' },
      { text: 'Gets lost\ntwice', group: '', color: 'grey' },
      { text: 'Odd colour', group: '', color: 'orange' },
    ]);
  });

  it('refuses JSON it cannot read, or that holds no notes, with a specific message', () => {
    expect(readNotesText('{"type":"excalidraw", "elements": [').ok).toBe(false);
    const none = readNotesText('{"hello": 1}');
    expect(!none.ok && none.message).toMatch(/no list of notes.*Excalidraw/);
    const long = readNotesText(JSON.stringify({ data: [{ type: 'sticky_note', data: { content: 'x'.repeat(501) } }] }));
    expect(!long.ok && long.message).toMatch(/^Item 1: the text is 501 characters long/);
  });

  it('planned cards from an imported drawing pass the stored-row check and name the element on a refusal', () => {
    const j = createJourney('w1', { name: 'J', personaId: null, scenario: '' }, 0, 1);
    const r = readNotesText(JSON.stringify(excalidraw));
    if (!r.ok) throw new Error(r.message);
    const plan = planImport(j, [], r.notes, { laneId: j.lanes[0]!.id, fallbackStageId: j.stages[0]!.id, unknownGroups: 'new-stages' });
    if (!plan.ok) throw new Error(plan.message);
    for (const c of plan.plan.cards) expect(checkRow('journeyCards', c).ok).toBe(true);
    expect(plan.plan.newStages.map((s) => s.name)).toEqual([]);
    const tooLong = planImport(j, [], [{ ...r.notes[0]!, group: 'g'.repeat(300) }], { laneId: j.lanes[0]!.id, fallbackStageId: j.stages[0]!.id, unknownGroups: 'new-stages' });
    expect(!tooLong.ok && tooLong.message).toMatch(/^Text element \d+: the column name/);
  });
});
