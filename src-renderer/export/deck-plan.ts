// The deck's result sections that are mostly tables: assessment results (radar and the
// largest gaps, the readiness verdict, the value-steps checklist, the warning signs' reach, the
// five-employees test verbatim, commitments), the measurement plan (per lifecycle stage, with where resources
// should shift) and decisions & actions. Long tables continue on "(continued)" slides. Pure.
import {
  answerLabel, checklistScores, dimensionScores, employeesTestStatus, formatPercent, judgementCriteria, overallScore, rankGaps,
  runVerdict, scopeLabels, signReach, verdictHeadline, type AssessmentRun, type AssessmentSetDef,
} from '../domain/assessment';
import { logKindLabels, sortLog } from '../domain/actions-log';
import { cadenceLabels, formatValue, healthSignal, kindShort, metricStatusLabels, sortMetrics, stageHealth, timingLabels } from '../domain/metric';
import { readRoadmapSettings, stageLabels } from '../domain/roadmap';
import { groupedIdeas, themeName, type Brainstorm } from '../domain/run';
import { scoringSpread, showScore } from '../domain/phone-rounds';
import { voteCatalogue } from '../domain/vote-catalogue';
import { tally, type TallyRow, type VoteExercise } from '../domain/voting';
import { radarChart } from './deck-charts';
import { deckCurrency, formatMoney, type DeckData } from './deck-data';
import { contentSlide, contentWidth, fitTextBlock, formatDeckDate, paginateTable, tableHeight, textBlock, theme, type Column } from './deck-layout';
import type { SectionId, Slide } from './deck-model';
import type { TextMeasure } from './text-measure';

const c = theme.colors;
const M = theme.margin;
const fullH = M.contentBottom - M.contentTop;

/** Slides for each table page, the first with `first` title, then "(continued)". */
function tableSlides(m: TextMeasure, section: Slide['section'] & string, kicker: string, title: string, cols: readonly Column[], rows: string[][], topOffset = 0, subtitle?: string): Slide[] {
  const tables = paginateTable(m, cols, rows, { x: M.x, y: M.contentTop + topOffset }, fullH - topOffset, fullH);
  return tables.map((t, i) => {
    const s = contentSlide(m, section as 'measurement', kicker, i === 0 ? title : `${title} (continued)`, i === 0 ? subtitle : undefined);
    s.blocks.push(i === 0 ? t : { ...t, y: M.contentTop });
    return s;
  });
}

// ---------------------------------------------------------------------------------------------

/** The spread of each revealed phone round on a run: how the room scored each item on its own, the widest disagreement first. */
export function scoreSpreadSlides(d: DeckData, run: AssessmentRun, set: AssessmentSetDef, m: TextMeasure): Slide[] {
  const out: Slide[] = [];
  for (const round of d.scoringRounds.filter((r) => r.runId === run.id && r.sheets.length > 0)) {
    const spread = scoringSpread(set, round);
    const label = (v: string) => (set.answerType === 'scale-5' ? v : v.charAt(0).toUpperCase() + v.slice(1));
    const rows = spread.map((s) => {
      const q = set.questions.find((x) => x.id === s.questionId);
      const answers = s.counts.filter((c) => c.n > 0).map((c) => `${label(String(c.value))}: ${c.n}`).join(' · ');
      const range = s.n === 0 ? 'No scores' : `${showScore(set.answerType, s.min!)} to ${showScore(set.answerType, s.max!)}, median ${showScore(set.answerType, s.median!)}`;
      return [q?.short ?? s.questionId, answers || '—', range, s.unknown ? String(s.unknown) : '', s.notes.map((n) => `“${n}”`).join('\n')];
    });
    out.push(...tableSlides(m, 'assessment', 'Assessment results', `${set.name}: how each person scored`, [
      { label: 'Item', width: 150, bold: true },
      { label: 'Answers', width: 170 },
      { label: 'Range', width: 150 },
      { label: "Don't know", width: 60 },
      { label: 'Evidence given (anonymous)', width: contentWidth - 150 - 170 - 150 - 60 },
    ], rows, 0, `Scored silently on ${round.sheets.length} phones, without names, before the room agreed · the widest disagreement first`));
  }
  return out;
}

export function buildAssessmentSlides(d: DeckData, m: TextMeasure): Slide[] {
  const out: Slide[] = [];
  for (const run of d.assessments) {
    const set = d.assessmentSets[run.set];
    if (!set) continue;
    // Right after the run's results: how each person scored it on their phone, if they did.
    const spreads = () => scoreSpreadSlides(d, run, set, m);
    const scores = dimensionScores(set, run);
    const overall = overallScore(scores);
    const when = formatDeckDate(new Date(run.createdAt).toISOString().slice(0, 10));
    const s = contentSlide(m, 'assessment', 'Assessment results', set.name, `${run.mode === 'group' ? 'Scored by the room as one group' : 'Scored individually, agreed answers where given'} · ${when}`);
    const chartW = 470;
    s.blocks.push(...radarChart(m, scores.map((sc) => ({ label: sc.label, score: sc.score, target: typeof run.targets[sc.id] === 'number' ? run.targets[sc.id]! : null })), { x: M.x, y: M.contentTop, w: chartW, h: fullH }));
    const rx = M.x + chartW + 28;
    const rw = contentWidth - chartW - 28;
    s.blocks.push({ kind: 'rect', x: rx, y: M.contentTop, w: rw, h: 62, radius: theme.radius.md, fill: c.primarySoft });
    s.blocks.push(textBlock(m, 'Overall score', { x: rx + 14, y: M.contentTop + 10, w: 160, size: theme.size.caption, bold: true, color: c.inkMuted }));
    s.blocks.push(textBlock(m, formatPercent(overall), { x: rx + 14, y: M.contentTop + 24, w: 160, size: theme.size.h1, bold: true, color: c.primary, leading: 1.1 }));
    const answered = scores.reduce((n, x) => n + x.answered, 0);
    const total = scores.reduce((n, x) => n + x.total, 0);
    const targeted = scores.filter((x) => typeof run.targets[x.id] === 'number').length;
    const targetNote = targeted === 0 ? 'The room set no targets.' : targeted === scores.length ? 'Rings and dashed line: the targets the room set.' : `Rings: the targets the room set, on ${targeted} of ${scores.length} dimensions.`;
    s.blocks.push(textBlock(m, `${answered} of ${total} questions answered. ${targetNote}`, { x: rx + 170, y: M.contentTop + 14, w: rw - 184, size: theme.size.caption, color: c.inkMuted }));
    // Gaps against the targets the room set lead; dimensions without one follow, lowest score
    // first, with no target and no gap invented for them.
    const ranked = rankGaps(scores, run.targets);
    const gaps = [...ranked.filter((g) => g.hasTarget), ...ranked.filter((g) => !g.hasTarget).sort((a, b) => a.score - b.score)];
    let gy = M.contentTop + 78;
    // The readiness verdict stands above the gaps: an average can look fine while one no blocks.
    const verdict = runVerdict(set, run);
    if (verdict) {
      const lines = [verdictHeadline[verdict.status]];
      if (verdict.blocking.length) lines.push(`In the way: ${verdict.blocking.map((q) => `${q.short} (${answerLabel(q.answer!).toLocaleLowerCase()})`).join(' · ')}`);
      if (verdict.unanswered.length) lines.push(`Not answered yet: ${verdict.unanswered.map((q) => q.short).join(' · ')}`);
      const head = textBlock(m, lines[0]!, { x: rx, y: gy, w: rw, size: theme.size.body + 2, bold: true, color: verdict.status === 'ready' ? c.primary : c.danger });
      s.blocks.push(head);
      const rest = lines.slice(1).join('\n');
      let h = head.h + 4;
      if (rest) {
        const body = textBlock(m, rest, { x: rx, y: gy + h, w: rw, size: theme.size.small, color: c.inkMuted });
        s.blocks.push(body);
        h += body.h;
      }
      gy += h + 14;
    }
    if (set.scopeMarking) {
      const reach = signReach(set, run);
      if (reach.company + reach.local + reach.unmarked > 0) {
        const b = textBlock(m, `Signs seen: ${reach.company} company-wide · ${reach.local} local${reach.unmarked ? ` · ${reach.unmarked} not marked` : ''}`, { x: rx, y: gy, w: rw, size: theme.size.small, bold: true });
        s.blocks.push(b);
        gy += b.h + 10;
      }
    }
    s.blocks.push(textBlock(m, targeted ? 'Largest gaps to target' : 'Lowest scores (no targets set)', { x: rx, y: gy, w: rw, size: theme.size.small, bold: true }));
    const rows = gaps.map((g) => [g.label, formatPercent(g.score), g.hasTarget ? formatPercent(g.target) : 'Not set', g.hasTarget ? `${Math.round(g.gap)} pts` : '–']);
    const cols: Column[] = [
      { label: 'Dimension', width: rw - 56 - 72 - 56, bold: true },
      { label: 'Score', width: 56 },
      { label: 'Target', width: 72 },
      { label: 'Gap', width: 56, color: c.danger, bold: true },
    ];
    if (rows.length) {
      const tables = paginateTable(m, cols, rows, { x: rx, y: gy + 18 }, M.contentBottom - gy - 18, fullH);
      s.blocks.push(tables[0]!);
      out.push(s);
      tables.slice(1).forEach((t) => {
        const cs = contentSlide(m, 'assessment', 'Assessment results', `${set.name}: gaps (continued)`);
        cs.blocks.push({ ...t, x: M.x, y: M.contentTop });
        out.push(cs);
      });
    } else {
      s.blocks.push(textBlock(m, 'No gaps: every scored dimension meets its target.', { x: rx, y: gy + 18, w: rw, size: theme.size.body, color: c.inkMuted }));
      out.push(s);
    }
    out.push(...spreads());
    out.push(...valueStepSlides(m, set, run));
    out.push(...signSlides(m, set, run));
    out.push(...employeesTestSlides(m, set, run));
    const notes = [set.closing?.trim() ?? '', run.notes.trim()].filter(Boolean).join('\n\n');
    const commit = run.commitments.filter((x) => x.text.trim()).map((x) => [x.text.trim(), x.owner.trim()]);
    if (commit.length) {
      out.push(...tableSlides(m, 'assessment', 'Assessment results', `${set.name}: commitments`, [{ label: 'Commitment', width: contentWidth - 200, bold: false }, { label: 'Owner', width: 200, bold: true }], commit));
    }
    if (notes) {
      let rest: string | null = notes;
      let first = true;
      while (rest) {
        const ns = contentSlide(m, 'assessment', 'Assessment results', first ? `${set.name}: notes` : `${set.name}: notes (continued)`);
        const r = fitTextBlock(m, rest, { x: M.x, y: M.contentTop, w: contentWidth * 0.7, size: theme.size.body + 1 }, fullH);
        if (r.block) ns.blocks.push(r.block);
        out.push(ns);
        rest = r.rest;
        first = false;
      }
    }
  }
  return out;
}

/** The set's own checklist (the contrasts' value steps): the score per step, then every item's answer. */
function valueStepSlides(m: TextMeasure, set: AssessmentSetDef, run: AssessmentRun): Slide[] {
  if (!set.checklist) return [];
  const scores = checklistScores(set, run);
  if (scores.every((x) => x.answered === 0)) return [];
  const subtitle = scores.map((x) => `${x.label} ${formatPercent(x.score)}`).join(' · ');
  const rows = set.checklist.groups.flatMap((g) => g.items.map((item) => {
    const a = run.answers[item.id]?.group;
    return [g.label, item.text, a ? answerLabel(a) : '–', run.answers[item.id]?.note?.trim() ?? ''];
  }));
  const cols: Column[] = [
    { label: 'Step', width: 130, bold: true },
    { label: 'Item', width: contentWidth - 130 - 80 - 260 },
    { label: 'Answer', width: 80, bold: true },
    { label: 'Evidence', width: 260, bold: false },
  ];
  return tableSlides(m, 'assessment', 'Assessment results', `${set.name}: ${set.checklist.title.toLocaleLowerCase()}`, cols, rows, 0, subtitle);
}

/** The warning signs the room ticked, each with where it holds. */
function signSlides(m: TextMeasure, set: AssessmentSetDef, run: AssessmentRun): Slide[] {
  if (!set.scopeMarking) return [];
  const rows = set.questions
    .filter((q) => run.answers[q.id]?.group === 'present')
    .map((q) => {
      const a = run.answers[q.id]!;
      return [q.short, a.scope ? scopeLabels[a.scope] : 'Not marked', a.note?.trim() ?? ''];
    });
  if (!rows.length) return [];
  const cols: Column[] = [
    { label: 'Sign', width: 240, bold: true },
    { label: 'Holds', width: 140 },
    { label: 'Example', width: contentWidth - 240 - 140, bold: false },
  ];
  return tableSlides(m, 'assessment', 'Assessment results', `${set.name}: the signs the room sees`, cols, rows);
}

/** The five-employees test: the answers verbatim and the room's judgement of them. */
function employeesTestSlides(m: TextMeasure, set: AssessmentSetDef, run: AssessmentRun): Slide[] {
  if (!set.employeesTest) return [];
  const people = run.employees.filter((e) => e.answer.trim());
  // The room's judgement is said even when no answer was written down.
  if (!people.length && !run.consistencyNote.trim()) return [];
  const status = employeesTestStatus(run);
  const judged = judgementCriteria.map((c) => `${c.label}: ${run[c.field] === null ? 'not judged' : `${run[c.field]}/5`}`).join(' · ');
  const subtitle = `${status.answered} answers from ${status.departments} departments · ${judged}`;
  const rows = people.map((e) => [e.department.trim() || '–', e.name.trim(), `“${e.answer.trim()}”`]);
  if (run.consistencyNote.trim()) rows.push(['The room’s judgement', '', run.consistencyNote.trim()]);
  const cols: Column[] = [
    { label: 'Department', width: 160, bold: true },
    { label: 'Name', width: 150 },
    { label: 'What customer centricity means for a customer, in their words', width: contentWidth - 160 - 150, bold: false },
  ];
  return tableSlides(m, 'assessment', 'Assessment results', 'Five-employees test', cols, rows, 0, subtitle);
}

// ---------------------------------------------------------------------------------------------

export function buildMeasurementSlides(d: DeckData, m: TextMeasure): Slide[] {
  const settings = readRoadmapSettings(d.workshop);
  const laneStage = new Map(settings.lanes.map((l) => [l.id, l.stage]));
  const health = stageHealth(d.metrics, d.initiatives, (id) => laneStage.get(id) ?? null);
  const signal = healthSignal(health);
  const titles = new Map(d.initiatives.map((i) => [i.id, i.title]));
  const rows = sortMetrics(d.metrics).map((x) => [
    stageLabels[x.stage],
    x.name,
    x.definition + (x.initiativeId && titles.get(x.initiativeId) ? `\nFor: ${titles.get(x.initiativeId)}` : ''),
    `${kindShort[x.kind]} · ${timingLabels[x.timing]}`,
    formatValue(x.baseline, x.unit),
    `${formatValue(x.target, x.unit)} (${x.direction === 'up' ? 'up' : 'down'})`,
    x.owner,
    `${cadenceLabels[x.cadence]} · ${x.source}`.replace(/ · $/, ''),
    metricStatusLabels[x.status],
  ]);
  const fixed = 74 + 112 + 66 + 56 + 64 + 82 + 104 + 60;
  const cols: Column[] = [
    { label: 'Stage', width: 74, color: c.inkMuted, bold: true },
    { label: 'Metric', width: 112, bold: true },
    { label: 'Definition', width: contentWidth - fixed },
    { label: 'Type', width: 66 },
    { label: 'Baseline', width: 56 },
    { label: 'Target', width: 64, bold: true },
    { label: 'Owner', width: 82 },
    { label: 'Cadence · source', width: 104 },
    { label: 'Status', width: 60 },
  ];
  // The health signal as a callout on the first slide.
  const callout = textBlock(m, signal.message, { x: M.x + 14, y: M.contentTop + 8, w: contentWidth - 28, size: theme.size.body, color: c.ink });
  const calloutH = callout.h + 16;
  const slides = tableSlides(m, 'measurement', 'Measurement plan', 'Measurement plan', cols, rows, calloutH + 10, `${d.metrics.length} metrics across the lifecycle, agreed before the work starts.`);
  slides[0]?.blocks.push({ kind: 'rect', x: M.x, y: M.contentTop, w: contentWidth, h: calloutH, radius: theme.radius.md, fill: signal.weakest ? c.warningSoft : c.surfaceSunken }, callout);
  return slides;
}

// ---------------------------------------------------------------------------------------------

/** Revealed brainstorms with at least one kept idea: what the room wrote, as it grouped it. */
export function revealedBrainstorms(d: DeckData): Brainstorm[] {
  return d.exercises.filter((e): e is Brainstorm => e.kind === 'brainstorm' && e.revealedAt !== null && e.ideas.some((i) => i.kept));
}

/** Closed votes with at least one dot, each with its ranked result (dots by people of the workshop, within the rules). */
export function closedVotes(d: DeckData): { ex: VoteExercise; rows: TallyRow[] }[] {
  const catalogue = voteCatalogue({ journeys: d.journeys, cards: d.cards, segments: d.segments, initiatives: d.initiatives, sessions: d.exercises });
  const people = d.participants.map((p) => p.id);
  return d.exercises
    .filter((e): e is VoteExercise => e.kind === 'vote' && e.closedAt !== null)
    .map((ex) => ({ ex, rows: tally(d.votes, ex, catalogue.targetsOf(ex.sources), people) }))
    .filter((v) => v.rows.some((r) => r.count > 0));
}

/** One line per idea, bulleted, in the order written. */
const ideaLines = (ideas: readonly { text: string }[]): string => ideas.map((i) => `• ${i.text}`).join('\n');

export function buildIdeasSlides(d: DeckData, m: TextMeasure): Slide[] {
  const out: Slide[] = [];
  for (const b of revealedBrainstorms(d)) {
    const { themes, ungrouped } = groupedIdeas(b);
    const kept = b.ideas.filter((i) => i.kept);
    const subtitle = `Silent brainstorm · ${kept.length} ${kept.length === 1 ? 'idea' : 'ideas'} kept${themes.length ? ` in ${themes.length} ${themes.length === 1 ? 'theme' : 'themes'}` : ''}`;
    if (themes.length) {
      const rows = themes
        .map((g) => ({ g, ideas: g.ideas.filter((i) => i.kept) }))
        .filter((x) => x.ideas.length || x.g.theme.sentTo)
        .map((x) => [themeName(b, x.g.theme), ideaLines(x.ideas), x.g.theme.sentTo ?? '']);
      const rest = ungrouped.filter((i) => i.kept);
      if (rest.length) rows.push(['Not grouped', ideaLines(rest), '']);
      out.push(...tableSlides(m, 'ideas', 'Ideas and votes', b.prompt, [
        { label: 'Theme', width: 210, bold: true },
        { label: 'Ideas', width: contentWidth - 210 - 150 },
        { label: 'Sent to', width: 150, color: c.inkMuted },
      ], rows, 0, subtitle));
    } else {
      out.push(...tableSlides(m, 'ideas', 'Ideas and votes', b.prompt, [
        { label: '#', width: 28, color: c.inkSubtle },
        { label: 'Idea', width: contentWidth - 28 - 150 },
        { label: 'Sent to', width: 150, color: c.inkMuted },
      ], kept.map((i, n) => [String(n + 1), i.text, i.sentTo ?? '']), 0, subtitle));
    }
  }
  for (const { ex, rows } of closedVotes(d)) {
    const tagged = new Set(ex.tagged);
    const voters = new Set(d.votes.filter((v) => v.exerciseId === ex.id).map((v) => v.participantId)).size;
    const dots = rows.reduce((n, r) => n + r.count, 0);
    const voted = rows.filter((r) => r.count > 0);
    out.push(...tableSlides(m, 'ideas', 'Ideas and votes', ex.question, [
      { label: 'Rank', width: 44, color: c.inkSubtle },
      { label: 'Item', width: contentWidth - 44 - 200 - 50 - 80 },
      { label: 'From', width: 200, color: c.inkMuted },
      { label: 'Dots', width: 50, bold: true },
      { label: '', width: 80, bold: true, color: c.primary },
    ], voted.map((r) => [String(r.rank), r.target.text, r.target.origin, String(r.count), tagged.has(r.target.id) ? `Top ${ex.topN}` : '']), 0,
    `Dot vote · ${voters} ${voters === 1 ? 'person' : 'people'}, ${ex.votesPerPerson} dots each, ${dots} placed${rows.length > voted.length ? ` · ${rows.length - voted.length} items without a dot not listed` : ''}`));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

export function buildActionsSlides(d: DeckData, m: TextMeasure): Slide[] {
  const log = sortLog(d.log);
  const out: Slide[] = [];
  const decisions = log.filter((e) => e.kind === 'decision').map((e, i) => [String(i + 1), e.text]);
  const actions = log.filter((e) => e.kind === 'action').map((e) => [e.text, e.owner || 'Owner to agree', e.due ? formatDeckDate(e.due) : 'Date to agree', e.done ? 'Done' : 'Open']);
  const parked = log.filter((e) => e.kind === 'parking').map((e, i) => [String(i + 1), e.text]);
  if (actions.length) {
    out.push(...tableSlides(m, 'actions', 'Decisions & actions', 'Actions: who does what by when', [
      { label: 'Action', width: contentWidth - 180 - 110 - 60 },
      { label: 'Owner', width: 180, bold: true },
      { label: 'Due', width: 110 },
      { label: 'Status', width: 60 },
    ], actions));
  }
  if (decisions.length) out.push(...tableSlides(m, 'actions', 'Decisions & actions', logKindLabels.decision + 's', [{ label: '#', width: 28, color: c.inkSubtle }, { label: 'Decision taken in the room', width: contentWidth - 28 }], decisions));
  if (parked.length) out.push(...tableSlides(m, 'actions', 'Decisions & actions', logKindLabels.parking, [{ label: '#', width: 28, color: c.inkSubtle }, { label: 'Parked for later', width: contentWidth - 28 }], parked));
  void tableHeight;
  return out;
}

// ---------------------------------------------------------------------------------------------

/**
 * What a section's divider says: one finding of this workshop (the weakest score, the
 * segment with most headroom, the lowest moment of a journey…), never a description of the app.
 */
export function sectionFinding(d: DeckData, s: SectionId): string {
  switch (s) {
    case 'agenda':
      return '';
    case 'assessment': {
      const parts = d.assessments.flatMap((run) => {
        const set = d.assessmentSets[run.set];
        if (!set) return [];
        const scores = dimensionScores(set, run);
        const overall = overallScore(scores);
        const low = scores.filter((x) => x.score !== null).sort((a, b) => a.score! - b.score!)[0];
        if (overall === null) return [];
        return [`${set.name}: ${formatPercent(overall)} overall${low ? `, weakest on ${low.label} (${formatPercent(low.score!)})` : ''}.`];
      });
      return parts.slice(0, 3).join(' ');
    }
    case 'personas': {
      const claims = d.personas.flatMap((p) => [p.goals, p.needs, p.pains, p.gains, p.behaviours, p.channels, p.motivations].flat());
      const assumed = claims.filter((c) => c.source === 'assumption').length;
      return `${d.personas.length} ${d.personas.length === 1 ? 'persona' : 'personas'} with ${claims.length} claims; ${assumed} of them still assumptions to test.`;
    }
    case 'segments': {
      const best = [...d.segments].sort((a, b) => b.potentialValue - b.currentValue - (a.potentialValue - a.currentValue))[0];
      const cur = deckCurrency(d);
      return best ? `Most headroom: ${best.name}, from ${formatMoney(best.currentValue, cur)} today to ${formatMoney(best.potentialValue, cur)} potential.` : '';
    }
    case 'journeys': {
      const lows = d.journeys.flatMap((j) => j.stages.filter((st) => j.emotions[st.id] !== undefined).map((st) => ({ j, st, v: j.emotions[st.id]! })));
      const low = lows.sort((a, b) => a.v - b.v)[0];
      return low && low.v < 0 ? `Lowest moment: “${low.st.name.trim() || 'a stage'}” in ${low.j.name} (${low.v} on a scale of −3 to +3).` : `${d.journeys.length} journeys mapped.`;
    }
    case 'roadmap': {
      const quick = d.initiatives.filter((i) => i.impact >= 3 && i.effort <= 2).length;
      return `${d.initiatives.length} initiatives; ${quick} ${quick === 1 ? 'is a quick win' : 'are quick wins'} (high impact, small effort).`;
    }
    case 'measurement': {
      const settings = readRoadmapSettings(d.workshop);
      const laneStage = new Map(settings.lanes.map((l) => [l.id, l.stage]));
      return healthSignal(stageHealth(d.metrics, d.initiatives, (id) => laneStage.get(id) ?? null)).message;
    }
    case 'ideas': {
      const top = closedVotes(d)[0]?.rows[0];
      return top ? `The room’s first choice: ${top.target.text} (${top.count} dots).` : `${revealedBrainstorms(d).length} brainstorms kept.`;
    }
    case 'actions': {
      const actions = d.log.filter((e) => e.kind === 'action');
      const open = actions.filter((e) => !e.owner.trim()).length;
      return `${actions.length} actions${open ? `, ${open} still without an owner` : ', each with an owner'}; ${d.log.filter((e) => e.kind === 'decision').length} decisions.`;
    }
  }
}
