// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  agendaArtifactKinds,
  agendaMinutes,
  createWorkshop,
  formatMinutes,
  matchesSearch,
  textLength,
  updateStep,
} from '../../../src-renderer/domain/workshop';
import { formatLocalDate, localDateString } from '../../../src-renderer/domain/ids';
import { shippedTemplatesForTests } from './shipped';

describe('workshop domain', () => {
  it('creates a workshop from a template with its full agenda and empty notes', () => {
    const t = shippedTemplatesForTests().find((x) => x.id === 'full-day')!;
    const w = createWorkshop({ title: '', client: ' Acme ', template: t, now: new Date(2026, 10, 24, 23, 30).getTime() });
    expect(w.title).toBe(t.name);
    expect(w.client).toBe('Acme');
    expect(w.date).toBe('2026-11-24');
    expect(w.agenda.map((s) => s.id)).toEqual(t.steps.map((s) => s.id));
    expect(w.agenda.every((s) => s.notes === '')).toBe(true);
    expect(agendaMinutes(w.agenda)).toBe(t.steps.reduce((n, s) => n + s.minutes, 0));
    expect(agendaArtifactKinds(w.agenda)).toContain('journey');
  });

  it('searches client, title and template ignoring case and accents', () => {
    const w = createWorkshop({ title: 'Journey day', client: 'Åsa Möller AB', template: null });
    expect(matchesSearch(w, 'asa moller')).toBe(true);
    expect(matchesSearch(w, 'JOURNEY')).toBe(true);
    expect(matchesSearch(w, 'roadmap')).toBe(false);
    expect(matchesSearch(w, '  ')).toBe(true);
  });

  it('keeps dates in the local calendar', () => {
    expect(localDateString(new Date(2026, 0, 1, 0, 5))).toBe('2026-01-01');
    expect(localDateString(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
    expect(formatLocalDate('2026-03-01', 'en-GB')).toBe('1 Mar 2026');
  });

  it('formats durations and counts characters as a person would', () => {
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(120)).toBe('2 h');
    expect(formatMinutes(425)).toBe('7 h 5 min');
    expect(textLength('株式会社🚀')).toBe(5);
  });

  it('updates one step without touching the others', () => {
    const t = shippedTemplatesForTests()[0]!;
    const w = createWorkshop({ title: 'x', client: 'y', template: t });
    const id = w.agenda[1]!.id;
    const next = updateStep(w, id, { notes: 'Ωmega' });
    expect(next.agenda[1]!.notes).toBe('Ωmega');
    expect(next.agenda[0]).toBe(w.agenda[0]);
    expect(w.agenda[1]!.notes).toBe('');
  });
});
