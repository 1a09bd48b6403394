// Which columns of an exported table hold a note's text, its group and its colour, from the
// names tools and people give them in English, German, French and Dutch: Miro ("Sticky Title",
// "Sticky Description", "Tag1"), Trello ("Card Name", "List Name", "Labels"), Jira ("Summary",
// "Status"), a German Excel sheet ("Notiz;Farbe;Phase"), Centric's own ("Text, Color, Column").
// Pure; the user can override every choice (see ColumnChoice).
import { normWord } from './note-colors';

/** Column indexes (-1 = none) and whether the first row is already a note (a headerless list). */
export interface ColumnChoice {
  readonly text: number;
  /** A second text column added below the first (a description under a title); -1 for none. */
  readonly detail: number;
  readonly group: number;
  readonly color: number;
  readonly firstRowIsNote: boolean;
}

/** Text columns, best first: a title or name, then a summary, the note's text, its content, a description. */
const textRanks: readonly (readonly string[])[] = [
  ['title', 'titel', 'titre', 'stickytitle', 'cardtitle', 'notetitle', 'ideatitle', 'onderwerp', 'betreff', 'sujet'],
  ['name', 'naam', 'nom', 'cardname', 'kartenname', 'kaartnaam', 'nomdelacarte', 'notename', 'stickyname'],
  ['summary', 'zusammenfassung', 'resume', 'samenvatting', 'kurzbeschreibung', 'synthese'],
  ['stickytext', 'stickynote', 'sticky', 'stickynotetext', 'text', 'tekst', 'texte', 'notetext', 'haftnotiz', 'klebezettel', 'postit', 'textedelanote'],
  ['note', 'notes', 'notiz', 'notizen', 'notitie', 'notities', 'remarque', 'idea', 'idee', 'ideen', 'idees', 'card', 'karte', 'kaart', 'carte', 'body'],
  ['content', 'contents', 'inhalt', 'contenu', 'inhoud', 'message', 'nachricht', 'bericht'],
  ['description', 'beschreibung', 'omschrijving', 'beschrijving', 'stickydescription', 'carddescription', 'notedescription', 'details', 'detail', 'erlauterung', 'toelichting'],
];
const titleRanks = 2; // title and name: a description beside them is joined below them
const descriptionRank = textRanks.length - 1;

const groupRanks: readonly (readonly string[])[] = [
  ['list', 'listname', 'liste', 'listenname', 'lijst', 'lijstnaam', 'nomdelaliste'],
  ['column', 'columnname', 'spalte', 'colonne', 'kolom'],
  ['section', 'abschnitt', 'sektion', 'sectie'],
  ['area', 'bereich', 'zone', 'gebied'],
  ['lane', 'swimlane', 'bahn', 'couloir', 'baan'],
  ['stage', 'phase', 'fase', 'etappe', 'etape', 'stufe', 'step', 'schritt', 'stap'],
  ['status', 'statut'],
  ['frame', 'framename', 'frametitle', 'rahmen', 'cadre', 'kader'],
  ['tag', 'tags', 'schlagwort', 'motcle', 'trefwoord'],
  ['group', 'gruppe', 'groupe', 'groep', 'category', 'kategorie', 'categorie', 'cluster', 'thema', 'theme'],
];

const colorRanks: readonly (readonly string[])[] = [
  ['color', 'colour', 'farbe', 'couleur', 'kleur', 'stickycolor', 'stickycolour', 'notecolor', 'notecolour', 'cardcolor', 'kartenfarbe', 'notizfarbe',
    'fillcolor', 'fillcolour', 'fill', 'backgroundcolor', 'backgroundcolour', 'background', 'stylebackgroundcolor', 'stylefillcolor', 'hintergrundfarbe', 'couleurdefond', 'achtergrondkleur'],
  ['labels', 'label', 'labelcolor', 'etiketten', 'etikett', 'etiquettes', 'etiquette', 'labelkleur'],
];

/** A header as compared: letters only (digits dropped, so "Tag1" is "tag"), accents and case ignored. */
export const normHeader = normWord;

function best(header: readonly string[], ranks: readonly (readonly string[])[], taken: ReadonlySet<number>): { index: number; rank: number } {
  for (let r = 0; r < ranks.length; r++) {
    const i = header.findIndex((h, k) => !taken.has(k) && ranks[r]!.includes(h));
    if (i !== -1) return { index: i, rank: r };
  }
  return { index: -1, rank: -1 };
}

/**
 * The columns recognised in a header row. A title or name column gets a description column
 * joined below it, but Jira's Summary does not: its Description is the whole ticket.
 */
export function guessColumns(headerRow: readonly string[]): ColumnChoice {
  const header = headerRow.map(normHeader);
  const taken = new Set<number>();
  const text = best(header, textRanks, taken);
  if (text.index !== -1) taken.add(text.index);
  let detail = -1;
  if (text.index !== -1 && text.rank < titleRanks) {
    detail = best(header, [textRanks[descriptionRank]!], taken).index;
    if (detail !== -1) taken.add(detail);
  }
  const color = best(header, colorRanks, taken).index;
  if (color !== -1) taken.add(color);
  const group = best(header, groupRanks, taken).index;
  return { text: text.index, detail, group, color, firstRowIsNote: false };
}
