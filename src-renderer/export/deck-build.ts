// The deck model: (workshop data, options) → slides. Title, agenda, one section per artifact
// (each opened by a divider), footers and page numbers. Content that does not fit a slide
// continues on the next one, titled "… (continued)". Pure: no fonts loaded here, no DOM.
import { coverageSummary, evidenceCoverage, evidenceLabels, personaInitials, personaListFields, personaListLabels, type Persona } from '../domain/persona';
import {
  effectivePriority,
  fit,
  formatCount,
  importanceLabels,
  needKindLabels,
  needKinds,
  offerKindLabels,
  offerKinds,
  priorityLabels,
  sortSegments,
  type Segment,
} from '../domain/segment';
import { agendaMinutes, formatMinutes } from '../domain/workshop';
import { portfolioChart } from './deck-charts';
import { deckCurrency, formatMoney, type DeckData } from './deck-data';
import { buildJourneySlides } from './deck-journeys';
import {
  addChrome,
  clampLines,
  mergeSmallTables,
  contentSlide,
  contentWidth,
  flowColumns,
  flowColumnsLayout,
  lineHeightOf,
  paginateTable,
  SLIDE,
  tableHeight,
  textBlock,
  theme,
  type FlowItem,
} from './deck-layout';
import { sectionIds, sectionLabels, type Block, type Deck, type SectionId, type Slide, type TextBlock } from './deck-model';
import { buildActionsSlides, buildAssessmentSlides, buildIdeasSlides, buildMeasurementSlides, closedVotes, revealedBrainstorms, sectionFinding } from './deck-plan';
import { buildRoadmapSlides } from './deck-roadmap';
import type { TextMeasure } from './text-measure';
import { facilitatorLine, formatDeckDate } from './deck-layout';

export { facilitatorLine, formatDeckDate };

const c = theme.colors;
const M = theme.margin;

export interface DeckOptions {
  /** Sections to include, in the deck's order (the agenda always first). The title slide is always there. */
  readonly sections: readonly SectionId[];
  /** Personas to include (null: all). */
  readonly personaIds: readonly string[] | null;
  /** Journeys to include (null: all). */
  readonly journeyIds: readonly string[] | null;
  /** Whether each section opens with a divider (carrying one finding); true when absent. */
  readonly dividers?: boolean;
}

export const allSections: DeckOptions = { sections: sectionIds, personaIds: null, journeyIds: null };

/** Whether a section has anything to show for these options (empty sections are left out). */
export function sectionHasContent(d: DeckData, s: SectionId, o: DeckOptions = allSections): boolean {
  switch (s) {
    case 'agenda':
      return d.workshop.agenda.length > 0 || d.workshop.objectives.trim() !== '';
    case 'assessment':
      return d.assessments.some((r) => d.assessmentSets[r.set]);
    case 'personas':
      return selectedPersonas(d, o).length > 0;
    case 'segments':
      return d.segments.length > 0;
    case 'journeys':
      return selectedJourneys(d, o).length > 0;
    case 'roadmap':
      return d.initiatives.length > 0;
    case 'measurement':
      return d.metrics.length > 0;
    case 'ideas':
      return revealedBrainstorms(d).length > 0 || closedVotes(d).length > 0;
    case 'actions':
      return d.log.length > 0;
  }
}

export function selectedPersonas(d: DeckData, o: DeckOptions): Persona[] {
  return d.personas.filter((p) => !o.personaIds || o.personaIds.includes(p.id));
}
export function selectedJourneys(d: DeckData, o: DeckOptions) {
  return d.journeys.filter((j) => !o.journeyIds || o.journeyIds.includes(j.id));
}

/** Builds the whole deck. */
export function buildDeck(d: DeckData, o: DeckOptions, m: TextMeasure): Deck {
  const w = d.workshop;
  const body: { section: SectionId; slides: Slide[] }[] = [];
  // In the facilitator's order; the agenda always comes first, after the title.
  const order = o.sections.filter((s, i) => s !== 'agenda' && o.sections.indexOf(s) === i && sectionHasContent(d, s, o));
  order.forEach((s, i) => {
    const slides: Slide[] = o.dividers === false ? [] : [dividerSlide(d, m, s, i + 1)];
    if (s === 'assessment') slides.push(...buildAssessmentSlides(d, m));
    if (s === 'personas') for (const p of selectedPersonas(d, o)) slides.push(...personaSlides(d, p, m));
    if (s === 'segments') slides.push(...segmentSlides(d, m));
    if (s === 'journeys') for (const j of selectedJourneys(d, o)) slides.push(...buildJourneySlides(d, j, m));
    if (s === 'roadmap') slides.push(...buildRoadmapSlides(d, m));
    if (s === 'measurement') slides.push(...buildMeasurementSlides(d, m));
    if (s === 'ideas') slides.push(...buildIdeasSlides(d, m));
    if (s === 'actions') slides.push(...buildActionsSlides(d, m));
    body.push({ section: s, slides: mergeSmallTables(m, slides) });
  });

  const slides: Slide[] = [titleSlide(d, m)];
  if (o.sections.includes('agenda') && sectionHasContent(d, 'agenda', o)) {
    // The contents list needs the page of each section, which depends on how many agenda slides there are.
    const probe = agendaSlides(d, m, body, 0);
    slides.push(...agendaSlides(d, m, body, probe.length));
  }
  for (const b of body) slides.push(...b.slides);

  const dateText = formatDeckDate(w.date);
  addChrome(m, slides, {
    left: [w.client.trim(), w.title.trim()].filter(Boolean).join(' · '),
    middle: [facilitatorLine(d), dateText].filter(Boolean).join(' · '),
  });
  const allText = slides.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'text' ? b.lines : b.kind === 'table' ? b.rows.flatMap((r) => r.cells.flatMap((cl) => cl.lines)) : []))).join('\n');
  return {
    width: SLIDE.w,
    height: SLIDE.h,
    title: `${w.client ? `${w.client} – ` : ''}${w.title}`,
    author: facilitatorLine(d),
    slides,
    needsCjk: m.needsCjk(allText),
    uncovered: m.uncovered(allText),
  };
}

// ---------------------------------------------------------------------------------------------
// Title, agenda and dividers

function titleSlide(d: DeckData, m: TextMeasure): Slide {
  const w = d.workshop;
  const blocks: Block[] = [];
  const x = 72;
  const tw = 720;
  blocks.push({ kind: 'rect', x: 0, y: 0, w: SLIDE.w, h: SLIDE.h, fill: c.sidebar });
  blocks.push({ kind: 'rect', x: 0, y: SLIDE.h - 10, w: SLIDE.w, h: 10, fill: c.primary });
  // Measured before placed: the title takes the largest size at which it fits in four lines with
  // no word cut, and the lines under it follow it down, so nothing is ever drawn over it.
  const clientText = (w.client.trim() || 'Workshop report').toLocaleUpperCase('en');
  const sub = [formatDeckDate(w.date), w.location.trim()].filter(Boolean).join(' · ');
  const by = facilitatorLine(d);
  const room = SLIDE.h - 40 - 70;
  const longestWord = (t: string, size: number) => Math.max(0, ...t.split(/\s+/u).map((x) => m.width(x, size, true)));
  let stack: Block[] = [];
  for (const size of [theme.size.display, 36, 30, 26, 22, 18]) {
    const parts: TextBlock[] = [];
    const client = textBlock(m, clientText, { x, y: 0, w: tw, size: theme.size.lead, bold: true, color: c.sidebarInk, role: 'client' });
    const title = textBlock(m, w.title, { x, y: 0, w: tw, size, bold: true, color: c.onPrimary, leading: 1.12, role: 'title' });
    parts.push(client, title);
    if (sub) parts.push(textBlock(m, sub, { x, y: 0, w: tw, size: theme.size.h3, color: c.sidebarInk, role: 'date' }));
    if (by) parts.push(textBlock(m, `Facilitated by ${by}`, { x, y: 0, w: tw, size: theme.size.small + 1, color: c.sidebarMuted, role: 'facilitator' }));
    parts.push(textBlock(m, 'Customer-centricity workshop · results and next steps', { x, y: 0, w: tw, size: theme.size.small, color: c.sidebarMuted, role: 'subtitle' }));
    const gaps = parts.map((p, i) => (i === 0 ? 0 : i === 1 ? 10 : i === 2 ? 18 : 6));
    const total = parts.reduce((n, p, i) => n + p.h + gaps[i]!, 0);
    const fits = total <= room && title.lines.length <= 4 && longestWord(w.title, size) <= tw;
    if (!fits && size !== 18) continue;
    // Placed from about a third down, higher when the stack is tall.
    let y = Math.max(60, Math.min(150, SLIDE.h - 40 - total));
    stack = [{ kind: 'rect', x, y: y - 14, w: 40, h: 4, fill: c.primary }];
    parts.forEach((p, i) => {
      y += gaps[i]!;
      stack.push({ ...p, y });
      y += p.h;
    });
    break;
  }
  blocks.push(...stack);
  return { id: 'title', section: 'title', title: w.title, blocks, chrome: false };
}

function dividerSlide(d: DeckData, m: TextMeasure, s: SectionId, n: number): Slide {
  const blocks: Block[] = [];
  blocks.push({ kind: 'rect', x: 0, y: 0, w: SLIDE.w, h: SLIDE.h, fill: c.primary });
  blocks.push({ kind: 'rect', x: 0, y: 0, w: 300, h: SLIDE.h, fill: c.primaryHover });
  blocks.push(textBlock(m, String(n).padStart(2, '0'), { x: 72, y: 196, w: 200, size: 72, bold: true, color: c.onPrimary, leading: 1.1, role: 'number' }));
  const t = textBlock(m, sectionLabels[s], { x: 340, y: 206, w: 560, size: theme.size.h1 + 2, bold: true, color: c.onPrimary, leading: 1.15, role: 'title' });
  blocks.push(t);
  // A finding of this workshop, not the app's description of the section.
  const finding = sectionFinding(d, s);
  if (finding) blocks.push(clampLines(m, textBlock(m, finding, { x: 340, y: t.y + t.h + 12, w: 540, size: theme.size.lead - 1, color: c.primarySoft, role: 'finding' }), 6));
  return { id: `divider-${s}`, section: 'divider', title: sectionLabels[s], blocks, chrome: false };
}

function agendaSlides(d: DeckData, m: TextMeasure, body: readonly { section: SectionId; slides: Slide[] }[], agendaCount: number): Slide[] {
  const w = d.workshop;
  const leftW = 300;
  const rightX = M.x + leftW + 32;
  const rightW = contentWidth - leftW - 32;
  const top = M.contentTop;
  const steps = w.agenda.map((s, i) => [String(i + 1), s.title, formatMinutes(s.minutes)]);
  const cols = [
    { label: '#', width: 28, color: c.inkSubtle },
    { label: 'Step', width: rightW - 28 - 80, bold: false },
    { label: 'Time', width: 80, color: c.inkMuted },
  ];
  const headingH = 22;
  const tables = steps.length ? paginateTable(m, cols, steps, { x: rightX, y: top + headingH }, M.contentBottom - top - headingH, M.contentBottom - top - headingH) : [];
  const pages = Math.max(1, tables.length);
  const out: Slide[] = [];
  for (let p = 0; p < pages; p++) {
    const s = contentSlide(m, 'agenda', 'Agenda', p === 0 ? 'Agenda' : 'Agenda (continued)');
    if (p === 0) {
      // Contents of this deck, with the page each section starts on.
      let page = 2 + agendaCount;
      let y = top;
      s.blocks.push(textBlock(m, 'In this report', { x: M.x, y, w: leftW, size: theme.size.h3, bold: true, role: 'heading' }));
      y += 28;
      body.forEach((b, i) => {
        const num = textBlock(m, String(i + 1).padStart(2, '0'), { x: M.x, y, w: 26, size: theme.size.lead, bold: true, color: c.primary });
        const label = textBlock(m, sectionLabels[b.section], { x: M.x + 32, y, w: leftW - 32 - 40, size: theme.size.lead });
        const pg = textBlock(m, String(page), { x: M.x + leftW - 36, y, w: 36, size: theme.size.lead, color: c.inkMuted, align: 'right' });
        s.blocks.push(num, label, pg);
        y += Math.max(label.h, num.h) + 6;
        s.blocks.push({ kind: 'line', x1: M.x, y1: y - 3, x2: M.x + leftW, y2: y - 3, stroke: { color: c.border, width: 0.5 } });
        page += b.slides.length;
      });
      if (w.objectives.trim()) {
        y += 14;
        s.blocks.push(textBlock(m, 'Objectives', { x: M.x, y, w: leftW, size: theme.size.small, bold: true, color: c.inkMuted }));
        y += 16;
        const room = M.contentBottom - y;
        const full = textBlock(m, w.objectives.trim(), { x: M.x, y, w: leftW, size: theme.size.body, color: c.ink });
        const maxLines = Math.floor(room / full.lineHeight);
        if (full.lines.length <= maxLines) s.blocks.push(full);
        else if (maxLines > 0) {
          // The full objectives continue under the agenda table's last page.
          const keep = full.lines.slice(0, Math.max(0, maxLines - 1));
          s.blocks.push({ ...full, lines: [...keep, 'Continued on the next slide…'], h: (keep.length + 1) * full.lineHeight });
          const restText = full.lines.slice(keep.length).join('\n');
          const cont = contentSlide(m, 'agenda', 'Agenda', 'Objectives (continued)');
          cont.blocks.push(textBlock(m, restText, { x: M.x, y: top, w: contentWidth, size: theme.size.body }));
          out.push(s);
          if (tables[0]) s.blocks.push(textBlock(m, `Workshop agenda · ${formatMinutes(agendaMinutes(w.agenda))}`, { x: rightX, y: top, w: rightW, size: theme.size.h3, bold: true }), tables[0]);
          out.push(cont);
          continue;
        }
      }
    }
    const t = tables[p];
    if (t) s.blocks.push(textBlock(m, `Workshop agenda · ${formatMinutes(agendaMinutes(w.agenda))}`, { x: rightX, y: top, w: rightW, size: theme.size.h3, bold: true }), t);
    out.push(s);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Personas: one card per slide; long lists continue on the next slide

function avatarBlocks(m: TextMeasure, p: Persona, x: number, y: number, size: number): Block[] {
  if (p.avatar.kind === 'image') {
    return [
      { kind: 'image', x, y, w: size, h: size, dataUrl: p.avatar.dataUrl },
      { kind: 'ellipse', cx: x + size / 2, cy: y + size / 2, rx: size / 2, ry: size / 2, stroke: { color: c.surface, width: 2 } },
    ];
  }
  const t = textBlock(m, personaInitials(p.name), { x, y: 0, w: size, size: size * 0.38, bold: true, color: c.onPrimary, align: 'center', leading: 1.2 });
  return [{ kind: 'ellipse', cx: x + size / 2, cy: y + size / 2, rx: size / 2, ry: size / 2, fill: p.avatar.color }, { ...t, y: y + size / 2 - t.h / 2 }];
}

function sourceColor(s: string): string {
  return s === 'assumption' ? c.warning : c.accent;
}

function personaSlides(d: DeckData, p: Persona, m: TextMeasure): Slide[] {
  const segment = d.segments.find((s) => s.id === p.segmentId);
  const panelW = 252;
  const top = M.contentTop - 6;
  const bottom = M.contentBottom;
  // The card on the left: avatar, name, segment, quote, context, evidence.
  const panel = (full: boolean): Block[] => {
    const out: Block[] = [{ kind: 'rect', x: M.x, y: top, w: panelW, h: bottom - top, radius: theme.radius.lg, fill: c.surfaceSunken, frame: true }];
    const ix = M.x + 16;
    const iw = panelW - 32;
    let y = top + 16;
    out.push(...avatarBlocks(m, p, ix, y, 56));
    // Name and segment are bounded here (the slide's title and the segment's own slides say them whole).
    const name = clampLines(m, textBlock(m, p.name, { x: ix + 68, y: y + 4, w: iw - 68, size: theme.size.h3, bold: true, leading: 1.2, role: 'persona-name' }), 4);
    out.push(name);
    let below = name.y + name.h;
    if (segment) {
      const seg = clampLines(m, textBlock(m, segment.name, { x: ix + 68, y: name.y + name.h + 2, w: iw - 68, size: theme.size.caption, color: c.inkMuted, bold: true }), 2);
      out.push(seg);
      below = seg.y + seg.h;
    }
    // A long name or segment pushes the quote down rather than running into it.
    y = Math.max(y + 64, below + 10);
    if (!full) return out;
    const maxY = bottom - 40;
    const add = (text: string, size: number, color: string, bold = false, indent = 0) => {
      if (!text.trim() || y >= maxY) return;
      const b = textBlock(m, text.trim(), { x: ix + indent, y, w: iw - indent, size, color, bold });
      const fitLines = Math.floor((maxY - y) / b.lineHeight);
      const lines = b.lines.length <= fitLines ? b.lines : [...b.lines.slice(0, Math.max(0, fitLines - 1)), '(continues overleaf)'];
      out.push({ ...b, lines, h: lines.length * b.lineHeight });
      y += lines.length * b.lineHeight + 10;
    };
    if (p.quote.trim()) {
      // The bar runs the quote's height to its left, clear of the opening quote mark.
      const y0 = y;
      const n = out.length;
      add(`“${p.quote.trim()}”`, theme.size.body + 1, c.ink, false, 10);
      const q = out[n];
      if (q && q.kind === 'text') out.splice(n, 0, { kind: 'rect', x: ix, y: y0 + 2, w: 3, h: q.h - 4, fill: c.primary });
    }
    add(p.context, theme.size.caption + 0.5, c.inkMuted);
    const cov = coverageSummary(evidenceCoverage(p));
    out.push(textBlock(m, `Evidence: ${cov}`, { x: ix, y: bottom - 28, w: iw, size: theme.size.micro, color: c.inkMuted, role: 'evidence' }));
    return out;
  };
  // Overflowing quote/context text goes to a continuation slide's right side.
  const overflow: string[] = [];
  {
    const probe = panel(true);
    if (probe.some((b) => b.kind === 'text' && b.lines.includes('(continues overleaf)'))) overflow.push(p.quote.trim() ? `“${p.quote.trim()}”` : '', p.context.trim());
  }

  const bodySize = theme.size.caption + 0.5;
  const claimItems = (size: number): FlowItem[] => {
    const items: FlowItem[] = [];
    if (overflow.length) {
      items.push(heading('Quote and context', c.primary));
      for (const t of overflow.filter(Boolean)) items.push(paragraph(m, t, size, c.ink));
    }
    for (const f of personaListFields) {
      const claims = p[f].filter((cl) => cl.text.trim());
      if (claims.length === 0) continue;
      items.push(heading(personaListLabels[f].label, c.primary));
      for (const cl of claims) items.push(bullet(m, cl.text.trim(), evidenceLabels[cl.source], sourceColor(cl.source), size));
    }
    if (items.length === 0) items.push(paragraph(m, 'No goals, needs or pains captured yet.', size, c.inkMuted));
    return items;
  };
  const items = claimItems(bodySize);
  const colX = M.x + panelW + 24;
  const colW = (contentWidth - panelW - 24 - 20) / 2;
  // One slide whenever the persona fits: two columns, else three, each a little smaller type
  // (never below 8 pt); only then two slides, filled evenly.
  let pages = flowColumns(items, [{ x: colX, w: colW }, { x: colX + colW + 20, w: colW }], top + 2, bottom, { balance: true });
  if (pages.length > 1) {
    const avail = contentWidth - panelW - 24;
    for (const size of [bodySize, bodySize - 0.5, 8]) {
      const w3 = (avail - 2 * 14) / 3;
      const cols3 = [0, 1, 2].map((k) => ({ x: colX + k * (w3 + 14), w: w3 }));
      const list = size === bodySize ? items : claimItems(size);
      const p2 = flowColumns(list, [{ x: colX, w: colW }, { x: colX + colW + 20, w: colW }], top + 2, bottom, { balance: true });
      if (p2.length === 1) {
        pages = p2;
        break;
      }
      const p3 = flowColumns(list, cols3, top + 2, bottom, { balance: true });
      if (p3.length === 1) {
        pages = p3;
        break;
      }
    }
  }
  return pages.map((blocks, i) => {
    const s = contentSlide(m, 'personas', 'Persona', i === 0 ? p.name : `${p.name} (continued)`);
    s.blocks.push(...panel(i === 0), ...blocks);
    return s;
  });

  function heading(text: string, color: string, cont = false): FlowItem {
    const size = theme.size.small;
    const label = `${text.toLocaleUpperCase('en')}${cont ? ' (continued)' : ''}`;
    return {
      keepWithNext: !cont,
      gap: 3,
      height: () => lineHeightOf(size) + 2,
      draw: (x, y, w) => [textBlock(m, label, { x, y, w, size: size - 1, bold: true, color, role: 'heading' })],
      ...(cont ? {} : { continued: heading(text, color, true) }),
    };
  }
}

function paragraph(m: TextMeasure, text: string, size: number, color: string): FlowItem {
  return {
    gap: 6,
    height: (w) => textBlock(m, text, { x: 0, y: 0, w, size }).h,
    draw: (x, y, w) => [textBlock(m, text, { x, y, w, size, color })],
  };
}

/** A bullet with a small tag after the text (an evidence source, an importance). */
function bullet(m: TextMeasure, text: string, tag: string, tagColor: string, size: number, gap = 5): FlowItem {
  const tagSize = theme.size.micro - 0.5;
  const lay = (x: number, y: number, w: number) => {
    const t = textBlock(m, text, { x: x + 10, y, w: w - 10, size, color: c.ink, role: 'item' });
    const tagBlock = tag ? textBlock(m, tag, { x: x + 10, y: y + t.h, w: w - 10, size: tagSize, color: tagColor, bold: true }) : null;
    return { t, tagBlock, h: t.h + (tagBlock ? tagBlock.h : 0) };
  };
  return {
    gap,
    height: (w) => lay(0, 0, w).h,
    draw: (x, y, w) => {
      const l = lay(x, y, w);
      const dot: Block = { kind: 'ellipse', cx: x + 3, cy: y + l.t.lineHeight / 2, rx: 1.8, ry: 1.8, fill: c.inkMuted };
      return [dot, l.t, ...(l.tagBlock ? [l.tagBlock] : [])];
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Segments: the portfolio, then one value map per segment

function segmentSlides(d: DeckData, m: TextMeasure): Slide[] {
  const cur = deckCurrency(d);
  const all = sortSegments(d.segments);
  const out: Slide[] = [];
  const top = M.contentTop;
  const chartW = 430;
  const s = contentSlide(m, 'segments', 'Segments', 'Segment portfolio', 'Value today against potential value; bubble size is the number of customers.');
  s.blocks.push(
    ...portfolioChart(
      m,
      all.map((g) => ({
        name: g.name,
        color: g.color,
        size: g.size,
        current: g.currentValue,
        potential: g.potentialValue,
        note: `${priorityLabels[effectivePriority(g, all)]} priority · fit ${Math.round(fit(g).score * 100)}%`,
      })),
      { x: M.x, y: top, w: chartW, h: M.contentBottom - top },
      (v) => formatMoney(v, cur),
    ),
  );
  const tx = M.x + chartW + 24;
  const tw = contentWidth - chartW - 24;
  const rows = all.map((g) => {
    const pr = effectivePriority(g, all);
    return [g.name, formatCount(g.size), formatMoney(g.currentValue, cur), formatMoney(g.potentialValue, cur), `${Math.round(fit(g).score * 100)}%`, `${priorityLabels[pr]}${g.priority ? '' : ' (suggested)'}`];
  });
  const cols = [
    { label: 'Segment', width: tw - 52 - 46 - 60 - 40 - 78, bold: true },
    { label: 'Size', width: 52 },
    { label: 'Today', width: 46 },
    { label: 'Potential', width: 60 },
    { label: 'Fit', width: 40 },
    { label: 'Priority', width: 78 },
  ];
  const tables = paginateTable(m, cols, rows, { x: tx, y: top }, M.contentBottom - top, M.contentBottom - top);
  s.blocks.push(tables[0]!);
  out.push(s);
  for (const t of tables.slice(1)) {
    const cont = contentSlide(m, 'segments', 'Segments', 'Segment portfolio (continued)');
    cont.blocks.push({ ...t, x: M.x, colWidths: t.colWidths });
    out.push(cont);
  }
  for (const g of all) out.push(...valueMapSlides(m, g, all, cur));
  return out;
}

function importanceTag(n: number): string {
  return `Importance ${n}/5 · ${importanceLabels[n] ?? ''}`;
}

function valueMapSlides(m: TextMeasure, g: Segment, all: readonly Segment[], cur: string): Slide[] {
  const f = fit(g);
  const pr = effectivePriority(g, all);
  const top = M.contentTop;
  const statsH = 46;
  const stats: [string, string][] = [
    ['Customers', formatCount(g.size)],
    ['Value today', formatMoney(g.currentValue, cur)],
    ['Potential value', formatMoney(g.potentialValue, cur)],
    ['Fit', `${Math.round(f.score * 100)}%`],
    ['Priority', `${priorityLabels[pr]}${g.priority ? '' : ' (suggested)'}`],
  ];
  const statBlocks: Block[] = [];
  const sw = (contentWidth - 4 * 10) / 5;
  stats.forEach(([label, value], i) => {
    const x = M.x + i * (sw + 10);
    statBlocks.push({ kind: 'rect', x, y: top, w: sw, h: statsH, radius: theme.radius.md, fill: i === 4 ? c.primarySoft : c.surfaceSunken });
    statBlocks.push(textBlock(m, label, { x: x + 10, y: top + 6, w: sw - 20, size: theme.size.micro, color: c.inkMuted, bold: true }));
    statBlocks.push(textBlock(m, value, { x: x + 10, y: top + 19, w: sw - 20, size: theme.size.h3, bold: true, color: i === 4 ? c.primary : c.ink }));
  });
  const bodyTop = top + statsH + 16;
  const needName = new Map(g.needs.map((n) => [n.id, n.text.trim() || 'untitled']));
  const answered = new Set(f.answered.map((n) => n.id));
  const itemsFor = (st: ValueMapStyle): { left: FlowItem[]; right: FlowItem[] } => {
    const left: FlowItem[] = [];
    for (const k of needKinds) {
      const ns = g.needs.filter((n) => n.kind === k && n.text.trim());
      if (!ns.length) continue;
      left.push(sectionHeading(m, needKindLabels[k], st.tight));
      for (const n of ns) left.push(bullet(m, n.text.trim(), `${importanceTag(n.importance)}${answered.has(n.id) ? '' : ' · unanswered'}`, answered.has(n.id) ? c.inkMuted : c.danger, st.size, st.tight ? 3 : 5));
    }
    const right: FlowItem[] = [];
    for (const k of offerKinds) {
      const os = g.offers.filter((o) => o.kind === k && o.text.trim());
      if (!os.length) continue;
      right.push(sectionHeading(m, offerKindLabels[k], st.tight));
      for (const o of os) {
        const names = o.needIds.map((id) => needName.get(id)).filter((x): x is string => !!x);
        right.push(bullet(m, o.text.trim(), names.length ? `Answers: ${names.join('; ')}` : 'Answers no need yet', names.length ? c.accent : c.warning, st.size, st.tight ? 3 : 5));
      }
    }
    if (g.description.trim()) left.unshift(paragraph(m, g.description.trim(), st.size, c.inkMuted));
    if (!left.length) left.push(paragraph(m, 'No needs captured yet.', st.size, c.inkMuted));
    if (!right.length) right.push(paragraph(m, 'No offer mapped yet.', st.size, c.inkMuted));
    return { left, right };
  };
  const headH = 20;
  const flowTop = bodyTop + headH;
  const nextTop = top + headH;
  const geometry = (st: ValueMapStyle) => {
    const area = contentWidth - 24;
    const leftW = (area * st.leftCols) / (st.leftCols + st.rightCols);
    const rightX = M.x + leftW + 24;
    const rightW = area - leftW;
    const sub = (x: number, w: number, n: number) => Array.from({ length: n }, (_, i) => ({ x: x + (i * (w + 16)) / n, w: (w - (n - 1) * 16) / n }));
    return { leftW, rightX, rightW, leftCols: sub(M.x, leftW, st.leftCols), rightCols: sub(rightX, rightW, st.rightCols) };
  };
  const lay = (st: ValueMapStyle, pages?: number) => {
    const it = itemsFor(st);
    const geo = geometry(st);
    const left = flowColumnsLayout(it.left, geo.leftCols, flowTop, M.contentBottom, { nextTop, balance: true, pages });
    const right = flowColumnsLayout(it.right, geo.rightCols, flowTop, M.contentBottom, { nextTop, balance: true, pages });
    return { st, geo, left: left.pages, right: right.pages, n: Math.max(left.pages.length, right.pages.length) };
  };
  // A map that overflows by a little is tightened (spacing, then type down to VALUE_MAP_MIN_SIZE,
  // then a second column for the longer side) to stay on one slide; one that truly needs more
  // is spread evenly over the slides it needs, both sides on every slide.
  let chosen = valueMapStyles.map((st) => lay(st)).find((l) => l.n === 1);
  if (!chosen) {
    const n = lay(valueMapStyles[0]!).n;
    chosen = lay(valueMapStyles[0]!, n);
  }
  const { geo, left, right, n } = chosen;
  const out: Slide[] = [];
  for (let i = 0; i < n; i++) {
    const s = contentSlide(m, 'segments', 'Value map', i === 0 ? g.name : `${g.name} (continued)`);
    s.blocks.push({ kind: 'rect', x: M.x - 12, y: theme.margin.top + 2, w: 4, h: 40, fill: g.color });
    if (i === 0) s.blocks.push(...statBlocks);
    const y0 = i === 0 ? bodyTop : top;
    const cont = i === 0 ? '' : ' (continued)';
    s.blocks.push(textBlock(m, `Customer profile: what they need${cont}`, { x: M.x, y: y0, w: geo.leftW, size: theme.size.small, bold: true, color: c.ink }));
    s.blocks.push(textBlock(m, `Value proposition: what we offer${cont}`, { x: geo.rightX, y: y0, w: geo.rightW, size: theme.size.small, bold: true, color: c.ink }));
    s.blocks.push({ kind: 'line', x1: M.x + geo.leftW + 12, y1: y0, x2: M.x + geo.leftW + 12, y2: M.contentBottom, stroke: { color: c.border, width: 0.6 } });
    s.blocks.push(...(left[i] ?? []), ...(right[i] ?? []));
    out.push(s);
  }
  return out;
}

/** The smallest item type a value map may use to stay on one slide (pt). */
export const VALUE_MAP_MIN_SIZE = 9;

interface ValueMapStyle {
  /** Item text size, pt (never below VALUE_MAP_MIN_SIZE). */
  readonly size: number;
  /** Tighter spacing between items and under headings. */
  readonly tight: boolean;
  /** Columns for the needs and for the offers (the page is shared in proportion). */
  readonly leftCols: 1 | 2;
  readonly rightCols: 1 | 2;
}

/** Value map layouts from the most generous to the most compact; the first that fits one slide wins. */
const valueMapStyles: readonly ValueMapStyle[] = (() => {
  const base = theme.size.caption + 0.5;
  const out: ValueMapStyle[] = [];
  for (const [leftCols, rightCols] of [[1, 1], [2, 1], [1, 2]] as const) {
    out.push({ size: base, tight: false, leftCols, rightCols }, { size: base, tight: true, leftCols, rightCols }, { size: VALUE_MAP_MIN_SIZE, tight: true, leftCols, rightCols });
  }
  return out;
})();

function sectionHeading(m: TextMeasure, text: string, tight = false, cont = false): FlowItem {
  const size = theme.size.small - 1;
  const above = tight ? 2 : 4;
  const label = `${text.toLocaleUpperCase('en')}${cont ? ' (continued)' : ''}`;
  return {
    keepWithNext: !cont,
    ...(cont ? {} : { continued: sectionHeading(m, text, tight, true) }),
    gap: tight ? 2 : 3,
    height: () => lineHeightOf(size) + above + 2,
    draw: (x, y, w) => [textBlock(m, label, { x, y: y + above, w, size, bold: true, color: c.primary, role: 'heading' })],
  };
}

/** The block moved down by dy (dy may be negative). */
export function moveBlock(b: Block, dy: number): Block {
  switch (b.kind) {
    case 'line':
      return { ...b, y1: b.y1 + dy, y2: b.y2 + dy };
    case 'ellipse':
      return { ...b, cy: b.cy + dy };
    case 'path':
      return { ...b, commands: b.commands.map((cmd) => (cmd.op === 'Z' ? cmd : cmd.op === 'C' ? { ...cmd, y1: cmd.y1 + dy, y2: cmd.y2 + dy, y: cmd.y + dy } : { ...cmd, y: cmd.y + dy })) };
    default:
      return { ...b, y: b.y + dy };
  }
}

export { tableHeight };
