import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  answerScore, compareScores, createRun, dimensionScores, employeesTestStatus, loadAssessmentSets, overallScore,
  parseAssessmentSet, previousRun, questionScore, rankGaps, spread, tickRefusal, type AssessmentRun, type AssessmentSetDef,
} from '../../../src-renderer/domain/assessment';

const dir = join(__dirname, '../../../templates/assessments');
const files = Object.fromEntries(readdirSync(dir).map((n) => [`../../templates/assessments/${n}`, JSON.parse(readFileSync(join(dir, n), 'utf8')) as unknown]));
const lib = loadAssessmentSets(files);
const set = (id: keyof typeof lib.sets): AssessmentSetDef => lib.sets[id]!;

describe('warning signs need an example', () => {
  it('refuses "We see this" without an example, only in the set that asks for one', () => {
    const signs = set('warning-signs');
    expect(signs.exampleRequired).toBe(true);
    expect(tickRefusal(signs, 'present', undefined)).toBe('Write an example first: a sign without an example stays unticked.');
    expect(tickRefusal(signs, 'present', '   ')).not.toBeNull();
    expect(tickRefusal(signs, 'present', 'The sales deck opens with features.')).toBeNull();
    expect(tickRefusal(signs, 'absent', undefined)).toBeNull();
    expect(tickRefusal(signs, undefined, undefined)).toBeNull();
    expect(tickRefusal(set('contrasts'), 'present', undefined)).toBeNull();
  });
});

describe('question sets', () => {
  it('ships the five sets from the domain guide, all valid', () => {
    expect(lib.errors).toEqual([]);
    expect(set('readiness').questions).toHaveLength(5);
    expect(set('warning-signs').questions).toHaveLength(7);
    expect(set('contrasts').questions).toHaveLength(7);
    expect(set('capabilities').questions).toHaveLength(12);
    expect(set('capabilities').rule).toMatch(/piloted it in one division” is a 1, not a 4/);
    expect(set('audit').areas).toHaveLength(4);
    expect(set('audit').questions).toHaveLength(17);
    expect(set('audit').employeesTest).toBe(true);
  });

  it('reports a bad file and still loads the others', () => {
    const bad = { ...files, '../x/broken.json': { formatVersion: 1, id: 'readiness' } };
    const r = loadAssessmentSets(bad);
    expect(r.errors[0]).toMatch(/^broken\.json: /);
    expect(Object.keys(r.sets)).toHaveLength(5);
    expect(parseAssessmentSet({ ...set('audit'), questions: [{ id: 'q', short: 'Q', text: 'Q?' }] }, 'a.json')).toMatchObject({ ok: false });
    expect(parseAssessmentSet({ ...set('readiness'), __proto__x: 1 }, 'a.json').ok).toBe(false);
  });
});

describe('scoring', () => {
  it('scores each answer type from 0 to 1', () => {
    expect([answerScore('yes-partly-no', 'yes'), answerScore('yes-partly-no', 'partly'), answerScore('yes-partly-no', 'no')]).toEqual([1, 0.5, 0]);
    expect([answerScore('checklist', 'present'), answerScore('checklist', 'absent')]).toEqual([0, 1]);
    expect([answerScore('scale-5', 1), answerScore('scale-5', 3), answerScore('scale-5', 5)]).toEqual([0, 0.5, 1]);
    expect(answerScore('scale-5', 'yes')).toBeNull();
    expect(answerScore('yes-partly-no', undefined)).toBeNull();
  });

  it('uses the agreed answer, else the participants\u2019 mean in individual mode', () => {
    const a = { people: { p1: 1 as const, p2: 5 as const } };
    expect(questionScore('scale-5', 'group', a)).toBeNull();
    expect(questionScore('scale-5', 'individual', a)).toBe(0.5);
    expect(questionScore('scale-5', 'individual', { ...a, group: 4 })).toBe(0.75);
  });

  it('computes spread', () => {
    expect(spread([])).toBeNull();
    const s = spread([1, 3, 5])!;
    expect(s).toMatchObject({ n: 3, min: 1, max: 5, mean: 3 });
    expect(s.stdev).toBeCloseTo(Math.sqrt(8 / 3));
  });

  it('scores per dimension: per question, or per area for the audit', () => {
    const r: AssessmentRun = { ...createRun('w', 'readiness', 0), answers: { 'one-truth': { group: 'yes' }, 'why-not-only-what': { group: 'partly' } } };
    const d = dimensionScores(set('readiness'), r);
    expect(d.map((x) => x.score)).toEqual([100, 50, null, null, null]);
    expect(overallScore(d)).toBe(75);
    const audit: AssessmentRun = { ...createRun('w', 'audit', 0), answers: { 'brand-promise': { group: 'yes' }, 'brand-staff': { group: 'no' } } };
    const a = dimensionScores(set('audit'), audit);
    expect(a[0]).toMatchObject({ id: 'brand', score: 50, answered: 2, total: 3 });
    expect(a[1]!.score).toBeNull();
  });

  it('ranks the largest gaps: against targets, else the lowest scores', () => {
    const scores = [
      { id: 'a', label: 'A', score: 25, answered: 1, total: 1 },
      { id: 'b', label: 'B', score: 50, answered: 1, total: 1 },
      { id: 'c', label: 'C', score: null, answered: 0, total: 1 },
      { id: 'd', label: 'D', score: 100, answered: 1, total: 1 },
      { id: 'e', label: 'E', score: 50, answered: 1, total: 1 },
    ];
    expect(rankGaps(scores, {}).map((g) => [g.id, g.gap])).toEqual([['a', 75], ['b', 50], ['e', 50]]);
    const withTargets = rankGaps(scores, { a: 25, b: 100 });
    expect(withTargets.map((g) => g.id)).toEqual(['b', 'e']);
    expect(withTargets[0]).toMatchObject({ hasTarget: true, gap: 50 });
    expect(rankGaps(scores, {}, 1)).toHaveLength(1);
  });

  it('shows the change between two runs of a set', () => {
    const first = { ...createRun('w', 'contrasts', 1), answers: { 'strategy-targets': { group: 2 as const } } };
    const second = { ...createRun('w', 'contrasts', 2), answers: { 'strategy-targets': { group: 4 as const }, understanding: { group: 3 as const } } };
    const delta = compareScores(dimensionScores(set('contrasts'), first), dimensionScores(set('contrasts'), second));
    expect(delta[0]).toMatchObject({ before: 25, after: 75, delta: 50 });
    expect(delta[1]).toMatchObject({ before: null, after: 50, delta: null });
    expect(previousRun([second, first], second)?.id).toBe(first.id);
    expect(previousRun([second, first], first)).toBeNull();
  });
});

describe('five-employees test', () => {
  const emp = (department: string, answer = 'We listen') => ({ id: department + answer, name: '', department, answer });
  const unjudged = { consistency: null, clarity: null, enthusiasm: null };
  it('needs five answers from five departments and all three judgements', () => {
    const r = { employees: [emp('Sales'), emp('Service'), emp('IT')], ...unjudged };
    const s = employeesTestStatus(r);
    expect(s).toMatchObject({ answered: 3, departments: 3, complete: false, judgementScore: null });
    expect(s.missing).toEqual(['2 more answers', '5 different departments (3 so far)', 'a judgement of uniform, clear, enthusing']);
  });

  it('spots a department asked twice, ignoring case and blanks', () => {
    const r = { employees: [emp('Sales'), emp(' sales '), emp('IT'), emp('HR'), emp('Finance'), emp('Product', '  ')], ...unjudged, consistency: 2 as const };
    const s = employeesTestStatus(r);
    expect(s.answered).toBe(5);
    expect(s.departments).toBe(4);
    expect(s.repeatedDepartments).toEqual(['Sales']);
    expect(s.complete).toBe(false);
    expect(s.judgementScore).toBe(25);
  });

  it('is complete with five departments judged uniform, clear and enthusing; the score is their mean', () => {
    const five = ['Sales', 'Service', 'IT', 'HR', 'Finance'].map((d) => emp(d));
    expect(employeesTestStatus({ employees: five, consistency: 5, clarity: 5, enthusiasm: 5 })).toMatchObject({ complete: true, missing: [], judgementScore: 100 });
    const s = employeesTestStatus({ employees: five, consistency: 5, clarity: 3, enthusiasm: null });
    expect(s).toMatchObject({ complete: false, missing: ['a judgement of enthusing'], judgementScore: 75 });
  });
});
