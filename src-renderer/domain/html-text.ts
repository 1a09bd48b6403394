// The text of an HTML fragment, as whiteboard tools export a sticky note's content
// ("<p>Pays &amp; leaves</p>"). A small tokenizer, never a DOM: nothing is rendered, fetched or
// run, and it works the same in Node tests. Paragraphs, list items and other blocks start a new
// line; <br> is a line break; entities are decoded; script and style content is dropped.

const named: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', shy: '',
  ndash: '–', mdash: '—', hellip: '…', euro: '€', pound: '£', yen: '¥', cent: '¢', copy: '©', reg: '®', trade: '™', deg: '°',
  laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', bull: '•', middot: '·', times: '×', divide: '÷',
  auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß', euml: 'ë', iuml: 'ï', Euml: 'Ë', Iuml: 'Ï',
  eacute: 'é', egrave: 'è', ecirc: 'ê', Eacute: 'É', Egrave: 'È', Ecirc: 'Ê', aacute: 'á', agrave: 'à', acirc: 'â', Agrave: 'À', Acirc: 'Â',
  iacute: 'í', icirc: 'î', oacute: 'ó', ocirc: 'ô', Ocirc: 'Ô', uacute: 'ú', ugrave: 'ù', ucirc: 'û', ccedil: 'ç', Ccedil: 'Ç', ntilde: 'ñ', oelig: 'œ', OElig: 'Œ', aelig: 'æ',
};

const blockTags = new Set(['p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'blockquote', 'pre', 'section', 'article', 'header', 'footer', 'dl', 'dt', 'dd', 'hr']);
const skipContent = new Set(['script', 'style', 'head', 'title', 'template', 'noscript', 'iframe', 'object', 'svg']);

/** Decodes &name; &#123; and &#x1F600; (unknown names stay as written; invalid numbers become U+FFFD). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g, (whole, body: string) => {
    if (body[0] === '#') {
      const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(cp) || cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(cp);
    }
    return Object.prototype.hasOwnProperty.call(named, body) ? named[body]! : whole;
  });
}

const knownTag = '(p|br|div|span|strong|b|i|em|u|a|ul|ol|li|h[1-6]|s|strike|del|code|pre|blockquote|font|table|tr|td|th|sub|sup|mark)';
const startsWithTag = new RegExp(`^\\s*<${knownTag}(\\s[^<>]*)?\\/?>`, 'i');
const breakOrParagraph = /<br\s*\/?>|<\/p>/i;
const entity = /&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|amp|lt|gt|quot|apos|nbsp);/;

/**
 * Whether a cell is HTML (as whiteboard APIs export a note's content) rather than plain text
 * that happens to hold a "<": it starts with a known tag, holds a <br> or </p>, or an entity
 * such as &amp;. A note reading "use <b> for bold" stays as typed.
 */
export function looksLikeHtml(s: string): boolean {
  return startsWithTag.test(s) || breakOrParagraph.test(s) || entity.test(s);
}

/** The plain text of an HTML fragment (see the file comment). Never throws. */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  let line = '';
  // Text runs collapse their white space as a browser would; a run's leading space is kept only after text.
  const addText = (raw: string) => {
    const t = decodeEntities(raw.replace(/[\t\n\r\f ]+/g, ' '));
    line += line === '' || line.endsWith(' ') ? t.replace(/^ +/, '') : t;
  };
  const hardBreak = () => {
    lines.push(line);
    line = '';
  };
  const softBreak = () => {
    if (line.trim() !== '') hardBreak();
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      addText(html.slice(i));
      break;
    }
    if (lt > i) addText(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const m = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)/.exec(html.slice(lt, lt + 40));
    if (!m) {
      if (/^<[!?]/.test(html.slice(lt, lt + 2))) {
        // A doctype or processing instruction: skipped to its end.
        const end = html.indexOf('>', lt);
        i = end === -1 ? html.length : end + 1;
      } else {
        // A lone "<" (as in "a < b") is text.
        addText('<');
        i = lt + 1;
      }
      continue;
    }
    // The tag's end: the first ">" outside a quoted attribute value.
    let j = lt + m[0].length;
    let quote = '';
    while (j < html.length) {
      const c = html[j]!;
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
      j++;
    }
    i = j + 1;
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    if (name === 'br') hardBreak();
    else if (blockTags.has(name)) {
      softBreak();
      if (name === 'li' && !closing) line = '• ';
    } else if (!closing && skipContent.has(name)) {
      const end = html.toLowerCase().indexOf(`</${name}`, i);
      i = end === -1 ? html.length : end;
    } else if (name === 'td' || name === 'th') {
      if (closing) addText(' ');
    }
  }
  lines.push(line);
  return lines
    .map((l) => l.replace(/[ \u00a0]+$/g, '').replace(/^[ ]+/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
