// @vitest-environment node
// The shipped templates' guidance held against the method (../shared/domain.md): steps ask for
// nothing that has not happened yet, open what they promise, and put what must come first first.
import { describe, expect, it } from 'vitest';
import { templateTotalMinutes, type WorkshopTemplate } from '../../../src-renderer/domain/template';
import { loadTemplates } from '../../../src-renderer/domain/template-load';

const library = loadTemplates(import.meta.glob('../../../templates/*.json', { eager: true, import: 'default' }));
const get = (id: string): WorkshopTemplate => library.templates.find((t) => t.id === id)!;
const step = (t: string, id: string) => get(t).steps.find((s) => s.id === id)!;
const index = (t: string, id: string) => get(t).steps.findIndex((s) => s.id === id);

describe('full day', () => {
  it('the afternoon break asks for nothing from a vote that has not happened', () => {
    const brk = step('full-day', 'afternoon-break');
    expect(brk.instructions).not.toMatch(/from the dot vote/);
    // The vote itself comes after the break, in the step that collects opportunities.
    expect(step('full-day', 'opportunities-to-roadmap').instructions).toMatch(/vote/);
    expect(index('full-day', 'opportunities-to-roadmap')).toBeGreaterThan(index('full-day', 'afternoon-break'));
  });

  it('gives segments an hour within the same day length', () => {
    expect(step('full-day', 'segments-and-value').minutes).toBe(60);
    expect(templateTotalMinutes(get('full-day'))).toBe(425);
  });

  it('opens the capability step with the executive question and names the forces that block change', () => {
    const caps = step('full-day', 'capability-self-assessment');
    expect(caps.instructions).toMatch(/^Open with the executive question: you know last month's sales; how many did you not make/);
    expect(caps.prompts[0]).toMatch(/how many did we not make/);
    expect(caps.prompts.join(' ')).toMatch(/channel owners .* product owners .* IT and data/);
  });
});

describe('readiness kick-off', () => {
  it('"agree priorities" opens every assessment it speaks of, and votes on gaps through ideas the voting tool takes', () => {
    const p = step('readiness-kickoff', 'agree-priorities');
    expect(p.artifacts.map((a) => a.kind === 'assessment' ? a.set : null)).toEqual(['readiness', 'warning-signs', 'contrasts', 'audit']);
    expect(p.instructions).toMatch(/silent round/);
    expect(p.instructions).toMatch(/dot-vote on them/);
  });

  it('the five-employees answers are gathered before the workshop, outside the room, and judged three ways', () => {
    const s = step('readiness-kickoff', 'five-employees-test');
    expect(s.instructions).toMatch(/gathered before the workshop from people outside this room/);
    expect(s.instructions).toMatch(/uniform.*clear.*enthusing/);
  });

  it('the warning signs are marked company-wide or local, not limited to one\u2019s own department', () => {
    const s = step('readiness-kickoff', 'warning-signs');
    expect(s.instructions).not.toMatch(/own department/);
    expect(s.instructions).toMatch(/company-wide or local/);
  });
});

describe('lifecycle roadmap', () => {
  it('records stage baselines in the measurement plan before the weakest stage is chosen', () => {
    const weakest = step('lifecycle-roadmap', 'weakest-stage');
    expect(weakest.artifacts).toEqual([expect.objectContaining({ kind: 'measurement-plan', action: 'create' })]);
    expect(weakest.instructions).toMatch(/^Start with a baseline/);
    expect(step('lifecycle-roadmap', 'measurement-plan').artifacts[0]).toMatchObject({ kind: 'measurement-plan', action: 'open' });
    expect(templateTotalMinutes(get('lifecycle-roadmap'))).toBe(240);
  });
});
