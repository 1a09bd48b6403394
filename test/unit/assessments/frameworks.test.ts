// The assessments held against the method (../shared/domain.md, "Frameworks"): the readiness
// verdict, the audit's seventeen questions, the contrasts' value-steps checklist, warning signs
// marked company-wide or local, the five-employees test judged three ways, and runs stored with
// the earlier question sets (test/fixtures/assessments/sets-2026-11) keeping their scores.
import 'fake-indexeddb/auto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  answerOptions, assessmentRowSchema, checklistScores, compareScores, createRun, dimensionScores, employeesTestStatus,
  loadAssessmentSets, overallScore, parseAssessmentSet, rankGaps, readRun, runVerdict, signReach, type AnswerValue,
  type AssessmentRun, type AssessmentSetDef,
} from '../../../src-renderer/domain/assessment';
import type { AssessmentSet } from '../../../src-renderer/domain/artifacts';
import { checkRow } from '../../../src-renderer/domain/records';

function library(dir: string) {
  const files = Object.fromEntries(readdirSync(dir).map((n) => [n, JSON.parse(readFileSync(join(dir, n), 'utf8')) as unknown]));
  return loadAssessmentSets(files);
}
const now = library(join(__dirname, '../../../templates/assessments'));
const before = library(join(__dirname, '../../fixtures/assessments/sets-2026-11'));
const set = (id: AssessmentSet): AssessmentSetDef => now.sets[id]!;
const oldSet = (id: AssessmentSet): AssessmentSetDef => before.sets[id]!;

/** A run as the earlier build stored it: no clarity or enthusiasm, answers keyed by the old question ids. */
function storedRun(s: AssessmentSet, answers: Record<string, { group?: AnswerValue; people?: Record<string, AnswerValue> }>, extra: object = {}): AssessmentRun {
  return readRun({ id: `run-${s}`, workshopId: 'w1', set: s, createdAt: 1_700_000_000_000, mode: 'group', answers, targets: {}, commitments: [], employees: [], consistency: null, consistencyNote: '', notes: '', ...extra });
}

describe('readiness verdict', () => {
  const readiness = set('readiness');
  const answer = (vals: AnswerValue[]) => Object.fromEntries(readiness.questions.map((q, i) => [q.id, { group: vals[i]! }]));

  it('is ready only when all five are an honest yes', () => {
    const run = { ...createRun('w', 'readiness'), answers: answer(['yes', 'yes', 'yes', 'yes', 'yes']) };
    expect(runVerdict(readiness, run)).toEqual({ status: 'ready', blocking: [], unanswered: [] });
  });

  it('is not ready with one partly, whatever the average, and names the questions in the way', () => {
    const run = { ...createRun('w', 'readiness'), answers: answer(['yes', 'partly', 'yes', 'no', 'yes']) };
    // 70 % on average can look like progress; the verdict says otherwise.
    expect(overallScore(dimensionScores(readiness, run))).toBe(70);
    const v = runVerdict(readiness, run)!;
    expect(v.status).toBe('not-ready');
    expect(v.blocking).toEqual([
      { id: 'why-not-only-what', short: 'Why, not only what', answer: 'partly' },
      { id: 'lifecycle-resources', short: 'Resources across the lifecycle', answer: 'no' },
    ]);
  });

  it('has no verdict while questions are open, unless one already blocks', () => {
    const run = { ...createRun('w', 'readiness'), answers: { 'one-truth': { group: 'yes' as const } } };
    const v = runVerdict(readiness, run)!;
    expect(v.status).toBe('open');
    expect(v.unanswered.map((q) => q.id)).toEqual(['why-not-only-what', 'insight-in-decisions', 'lifecycle-resources', 'measurement-mandate']);
    expect(runVerdict(readiness, { ...run, answers: { ...run.answers, 'insight-in-decisions': { group: 'no' } } })!.status).toBe('not-ready');
  });

  it('in individual mode a question is a yes only when everyone said yes', () => {
    const all = Object.fromEntries(readiness.questions.map((q) => [q.id, { people: { a: 'yes' as const, b: 'yes' as const } }]));
    const run = { ...createRun('w', 'readiness'), mode: 'individual' as const, answers: all };
    expect(runVerdict(readiness, run)!.status).toBe('ready');
    const split = { ...all, 'one-truth': { people: { a: 'yes' as const, b: 'no' as const } } };
    expect(runVerdict(readiness, { ...run, answers: split })!.blocking).toEqual([{ id: 'one-truth', short: 'One customer truth', answer: 'partly' }]);
    // The agreed answer, once given, decides.
    expect(runVerdict(readiness, { ...run, answers: { ...split, 'one-truth': { group: 'yes', people: { a: 'yes', b: 'no' } } } })!.status).toBe('ready');
  });

  it('is given only for sets that ask for it, and only on yes / partly / no sets', () => {
    expect(runVerdict(set('audit'), createRun('w', 'audit'))).toBeNull();
    expect(parseAssessmentSet({ ...set('contrasts'), verdict: 'all-yes' }, 'contrasts.json')).toMatchObject({ ok: false, error: expect.stringMatching(/verdict: needs yes/) });
  });

  it('asks whether the company is willing and able (question 2) and names the owners (question 4)', () => {
    const q = Object.fromEntries(readiness.questions.map((x) => [x.id, x.text]));
    expect(q['why-not-only-what']).toMatch(/willing and able to combine/);
    expect(q['lifecycle-resources']).toMatch(/one owner, or a partnership of the stage owners/);
  });
});

describe('audit: seventeen questions', () => {
  const audit = set('audit');
  it('has 3 brand, 6 experience, 4 go-to-market and 4 organisation questions', () => {
    expect(audit.questions).toHaveLength(17);
    expect(dimensionsCount(audit)).toEqual({ brand: 3, experience: 6, 'go-to-market': 4, organisation: 4 });
  });

  it('keeps every earlier question id, so stored answers still belong to the same item; the split-off items are new', () => {
    const oldIds = oldSet('audit').questions.map((q) => q.id);
    const newIds = audit.questions.map((q) => q.id);
    expect(newIds).toEqual(expect.arrayContaining(oldIds));
    expect(newIds.filter((id) => !oldIds.includes(id))).toEqual(['cx-insights-current', 'gtm-coordinated']);
  });

  it('an earlier run keeps its area scores, gaps and overall score; the new questions start unanswered', () => {
    const answers = Object.fromEntries(oldSet('audit').questions.map((q, i) => [q.id, { group: (['yes', 'partly', 'no'] as const)[i % 3] }]));
    const run = storedRun('audit', answers, { targets: { experience: 75 } });
    const then = dimensionScores(oldSet('audit'), run);
    const today = dimensionScores(audit, run);
    expect(today.map((d) => [d.id, d.score])).toEqual(then.map((d) => [d.id, d.score]));
    expect(overallScore(today)).toBe(overallScore(then));
    expect(rankGaps(today, run.targets)).toEqual(rankGaps(then, run.targets));
    expect(today.find((d) => d.id === 'experience')).toMatchObject({ answered: 5, total: 6 });
    expect(today.find((d) => d.id === 'go-to-market')).toMatchObject({ answered: 3, total: 4 });
    expect(run.answers['cx-insights-current']).toBeUndefined();
    expect(run.answers['gtm-coordinated']).toBeUndefined();
  });

  it('the change between an earlier run and a new one still works, split items included', () => {
    const oldRun = storedRun('audit', { 'cx-what-matters': { group: 'partly' }, 'gtm-concert': { group: 'no' } });
    const newRun = { ...createRun('w1', 'audit', oldRun.createdAt + 1), answers: { 'cx-what-matters': { group: 'yes' as const }, 'cx-insights-current': { group: 'no' as const }, 'gtm-concert': { group: 'yes' as const }, 'gtm-coordinated': { group: 'yes' as const } } };
    const change = compareScores(dimensionScores(audit, oldRun), dimensionScores(audit, newRun));
    expect(change.find((c) => c.id === 'experience')).toMatchObject({ before: 50, after: 50, delta: 0 });
    expect(change.find((c) => c.id === 'go-to-market')).toMatchObject({ before: 0, after: 100, delta: 100 });
  });

  it('restores the clauses the short wording dropped', () => {
    const text = audit.questions.map((q) => q.text).join('\n');
    for (const clause of [/invited to give feedback/, /social media included/, /treated consistently/, /and acted upon/, /silos removed/, /empowered customer-insight champion/, /whole marketing toolkit/, /understand each other's roles/, /keeps those insights current/]) {
      expect(text).toMatch(clause);
    }
  });
});

function dimensionsCount(s: AssessmentSetDef): Record<string, number> {
  return Object.fromEntries(dimensionScores(s, createRun('w', s.id)).map((d) => [d.id, d.total]));
}

describe('every set: runs stored with the earlier sets compute the same results', () => {
  for (const id of ['readiness', 'warning-signs', 'contrasts', 'capabilities', 'audit'] as const) {
    it(id, () => {
      const old = oldSet(id);
      const opts = answerOptions(old.answerType);
      const answers = Object.fromEntries(old.questions.map((q, i) => [q.id, { group: opts[i % opts.length]!, note: `evidence ${i}` }]));
      const individual = Object.fromEntries(old.questions.map((q, i) => [q.id, { people: { a: opts[i % opts.length]!, b: opts[(i + 1) % opts.length]! } }]));
      for (const run of [storedRun(id, answers), storedRun(id, individual, { mode: 'individual' })]) {
        expect(checkRow('assessments', run).ok).toBe(true);
        const then = dimensionScores(old, run);
        const today = dimensionScores(set(id), run);
        expect(today.map((d) => [d.id, d.label, d.score])).toEqual(then.map((d) => [d.id, d.label, d.score]));
        expect(overallScore(today)).toBe(overallScore(then));
      }
    });
  }
});

describe('contrasts: the three value steps as a scored checklist', () => {
  const contrasts = set('contrasts');
  it('has creation, delivery and capture with the items of the method', () => {
    expect(contrasts.checklist!.groups.map((g) => [g.id, g.items.length])).toEqual([['creation', 3], ['delivery', 7], ['capture', 3]]);
  });

  it('scores each step from its answered items, yes 1, partly ½, no 0', () => {
    const run = { ...createRun('w', 'contrasts'), answers: {
      'value-segments': { group: 'yes' as const }, 'value-not-to-do': { group: 'partly' as const },
      'value-experiments': { group: 'no' as const },
      'strategy-targets': { group: 5 as const },
    } };
    expect(checklistScores(contrasts, run).map((d) => [d.id, d.score, d.answered, d.total])).toEqual([
      ['creation', 75, 2, 3], ['delivery', 0, 1, 7], ['capture', null, 0, 3],
    ]);
    // The checklist is scored on its own: the seven contrasts' scores do not include it.
    expect(dimensionScores(contrasts, run).map((d) => d.score)).toEqual([100, null, null, null, null, null, null]);
    expect(checklistScores(set('audit'), run)).toEqual([]);
  });

  it('refuses a checklist item whose id is also a question id (both answers share one record)', () => {
    const bad = { ...contrasts, checklist: { ...contrasts.checklist!, groups: [{ id: 'creation', label: 'Value creation', items: [{ id: 'collaboration', short: 'X', text: 'X' }] }] } };
    expect(parseAssessmentSet(bad, 'contrasts.json')).toMatchObject({ ok: false, error: expect.stringMatching(/"collaboration" is used twice/) });
  });

  it('names the inward-looking ends the method gives (#2, #4, #6)', () => {
    const hint = Object.fromEntries(contrasts.questions.map((q) => [q.id, q.hint ?? '']));
    expect(hint.understanding).toMatch(/gut feeling, with no design or validation with customers/);
    expect(hint['long-term-value']).toMatch(/buying customers into a weak offer/);
    expect(hint['journey-concept']).toMatch(/processes designed for itself/);
  });
});

describe('warning signs: company-wide or local', () => {
  const signs = set('warning-signs');
  it('counts ticked signs by where they hold; signs not ticked do not count', () => {
    const run = { ...createRun('w', 'warning-signs'), answers: {
      'mission-inward': { group: 'present' as const, scope: 'company' as const },
      'executives-away': { group: 'present' as const, scope: 'company' as const },
      'product-pitches': { group: 'present' as const, scope: 'local' as const },
      'same-message': { group: 'present' as const },
      'no-segmentation': { group: 'absent' as const, scope: 'local' as const },
    } };
    expect(signReach(signs, run)).toEqual({ company: 2, local: 1, unmarked: 1 });
    // Marking where a sign holds leaves its score alone.
    const unmarked = { ...run, answers: Object.fromEntries(Object.entries(run.answers).map(([k, a]) => [k, { group: a.group }])) };
    expect(dimensionScores(signs, run)).toEqual(dimensionScores(signs, unmarked));
  });

  it('no longer tells the room to tick only its own department', () => {
    expect(signs.summary).not.toMatch(/own department/);
    expect(signs.summary).toMatch(/company-wide or local/);
    expect(parseAssessmentSet({ ...set('readiness'), scopeMarking: true }, 'readiness.json').ok).toBe(false);
  });

  it('stores the mark with the answer; any other value is refused', () => {
    const row = { id: 'r', workshopId: 'w', set: 'warning-signs', answers: { 'mission-inward': { group: 'present', scope: 'company' } } };
    expect(assessmentRowSchema.safeParse(row).success).toBe(true);
    expect(assessmentRowSchema.safeParse({ ...row, answers: { 'mission-inward': { group: 'present', scope: 'region' } } }).success).toBe(false);
  });
});

describe('capabilities wording', () => {
  const caps = set('capabilities');
  it('puts "piloted in one division" at the lowest level of the scale and keeps the sharp clauses', () => {
    expect(caps.scaleLabels![0]).toMatch(/pilot in one division/);
    const text = Object.fromEntries(caps.questions.map((q) => [q.id, q.text]));
    expect(text['customer-information']).toMatch(/legacy copies are retired/);
    expect(text.marketing).toMatch(/enterprise-wide/);
    expect(text.access).toMatch(/identity once, ideally never/);
    expect(text['attrition-risk']).toMatch(/rewarded or penalised.*proactive saves/);
    expect(text['potential-value']).toMatch(/act on it/);
    expect(text['total-value']).toMatch(/low-profit/);
  });
});

describe('five-employees test: stored runs from the earlier build', () => {
  it('an earlier run opens with its consistency kept as "uniform" and clear / enthusing unjudged', () => {
    const earlier = { id: 'r', workshopId: 'w', set: 'audit', createdAt: 1, mode: 'group', answers: {}, targets: {}, commitments: [], employees: [], consistency: 4, consistencyNote: 'close', notes: '' };
    expect(assessmentRowSchema.safeParse(earlier).success).toBe(true);
    const run = readRun(earlier);
    expect(run).toMatchObject({ consistency: 4, clarity: null, enthusiasm: null, consistencyNote: 'close' });
    expect(checkRow('assessments', run).ok).toBe(true);
    // The judgement's score is what the single consistency rating gave before (4 of 5 → 75 %).
    expect(employeesTestStatus(run).judgementScore).toBe(75);
  });
});

describe('storage version 5', () => {
  it('completes assessment runs stored by version 4 without touching answers, targets or the judgement', async () => {
    const { default: Dexie } = await import('dexie');
    const { CentricDb } = await import('../../../src-renderer/db/database');
    const name = `test-${crypto.randomUUID()}`;
    const v4 = new Dexie(name);
    v4.version(4).stores({
      workshops: 'id, updatedAt', personas: 'id, workshopId', segments: 'id, workshopId', journeys: 'id, workshopId',
      journeyCards: 'id, workshopId, journeyId', initiatives: 'id, workshopId', metrics: 'id, workshopId', assessments: 'id, workshopId',
      actions: 'id, workshopId', settings: 'key', templates: 'id, createdAt', participants: 'id, workshopId', votes: 'id, workshopId, targetId', sessions: 'id, workshopId',
    });
    await v4.open();
    const stored = {
      id: 'r1', workshopId: 'w', set: 'audit', createdAt: 5, mode: 'group',
      answers: { 'cx-what-matters': { group: 'partly', note: 'only for retail' }, 'gtm-concert': { group: 'yes' } },
      targets: { experience: 75 }, commitments: [], employees: [{ id: 'e1', name: 'Ana', department: 'HR', answer: 'We help' }],
      consistency: 3, consistencyNote: 'so-so', notes: '',
    };
    await v4.table('assessments').put(stored);
    v4.close();

    const db = new CentricDb(name);
    await db.open();
    const row = (await db.assessments.get('r1'))!;
    expect(row).toEqual({ ...stored, clarity: null, enthusiasm: null });
    expect(checkRow('assessments', row).ok).toBe(true);
    expect(dimensionScores(set('audit'), row).map((d) => d.score)).toEqual(dimensionScores(oldSet('audit'), readRun(stored)).map((d) => d.score));
    db.close();
    await Dexie.delete(name);
  });
});
