// @vitest-environment node
// The templates that ship with Centric: they parse, read like a real workshop, and together
// cover every question set and artifact kind the app offers.

import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { artifactKinds, assessmentSets } from '../../../src-renderer/domain/artifacts';
import {
  parseTemplateText,
  templateJsonSchema,
  templateTotalMinutes,
  type WorkshopTemplate,
} from '../../../src-renderer/domain/template';
import { loadTemplates } from '../../../src-renderer/domain/template-load';

const templatesDir = join(dirname(fileURLToPath(import.meta.url)), '../../../templates');

// The same call the renderer makes, so a template that loads here loads in the app.
const globbed = import.meta.glob('../../../templates/*.json', { eager: true, import: 'default' });
const library = loadTemplates(globbed);
const byId = new Map(library.templates.map((t) => [t.id, t]));

function get(id: string): WorkshopTemplate {
  const template = byId.get(id);
  if (!template) throw new Error(`template ${id} did not load`);
  return template;
}

const templateFiles = readdirSync(templatesDir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));

describe('shipped templates', () => {
  it('all load without errors, ignoring the JSON Schema that sits beside them', () => {
    expect(library.errors).toEqual([]);
    expect(library.templates.length).toBe(templateFiles.length);
    expect(library.templates.length).toBeGreaterThanOrEqual(5);
  });

  it.each(templateFiles)('%s parses from its text, is named after its id and points at the schema', (file) => {
    const text = readFileSync(join(templatesDir, file), 'utf8');
    const result = parseTemplateText(text, file);
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(`${result.template.id}.json`).toBe(file);
    expect((JSON.parse(text) as { $schema?: string }).$schema).toBe('./template.schema.json');
  });

  it('include the five core workshops, in picker order', () => {
    expect(library.templates.map((t) => t.id).slice(0, 5)).toEqual([
      'readiness-kickoff',
      'personas-and-segments',
      'journey-mapping',
      'lifecycle-roadmap',
      'full-day',
    ]);
  });

  it('have sane running times: half days of 3–4.5 hours, a full day of 6.5–8 hours', () => {
    for (const id of ['readiness-kickoff', 'personas-and-segments', 'journey-mapping', 'lifecycle-roadmap']) {
      const minutes = templateTotalMinutes(get(id));
      expect(minutes, id).toBeGreaterThanOrEqual(180);
      expect(minutes, id).toBeLessThanOrEqual(270);
    }
    const fullDay = templateTotalMinutes(get('full-day'));
    expect(fullDay).toBeGreaterThanOrEqual(390);
    expect(fullDay).toBeLessThanOrEqual(480);
  });

  it('give every step realistic timing, real instructions and questions for the room', () => {
    for (const template of library.templates) {
      for (const step of template.steps) {
        const where = `${template.id}/${step.id}`;
        expect(step.minutes, where).toBeGreaterThanOrEqual(5);
        expect(step.minutes, where).toBeLessThanOrEqual(90);
        const sentences = step.instructions.split(/(?<=[.!?])\s+/).filter((s) => s.trim() !== '');
        expect(sentences.length, where).toBeGreaterThanOrEqual(2);
        expect(sentences.length, where).toBeLessThanOrEqual(6);
        expect(step.prompts.length, where).toBeGreaterThanOrEqual(2);
        expect(step.prompts.length, where).toBeLessThanOrEqual(5);
        for (const prompt of step.prompts) expect(prompt, where).toMatch(/\?$/);
      }
    }
  });

  it('end every workshop with decisions and actions', () => {
    for (const template of library.templates) {
      const last = template.steps[template.steps.length - 1];
      expect(last?.artifacts.map((a) => a.kind), template.id).toContain('actions');
    }
  });

  it('use every assessment set and every artifact kind somewhere', () => {
    const artifacts = library.templates.flatMap((t) => t.steps.flatMap((s) => s.artifacts));
    const sets = new Set(artifacts.flatMap((a) => (a.set ? [a.set] : [])));
    const kinds = new Set(artifacts.map((a) => a.kind));
    for (const set of assessmentSets) expect(sets.has(set), set).toBe(true);
    for (const kind of artifactKinds) expect(kinds.has(kind), kind).toBe(true);
  });

  it('never open an artifact the workshop has not created first, except personas and journeys from earlier sessions', () => {
    for (const template of library.templates) {
      const created = new Set<string>();
      for (const step of template.steps) {
        for (const a of step.artifacts) {
          const key = `${a.kind}:${a.set ?? ''}`;
          if (a.action === 'create') created.add(key);
          else if (a.kind !== 'persona' && a.kind !== 'journey') {
            expect(created.has(key), `${template.id}/${step.id} opens ${key}`).toBe(true);
          }
        }
      }
    }
  });

  it('state the honesty rule in the full-day capability self-assessment', () => {
    const step = get('full-day').steps.find((s) => s.artifacts.some((a) => a.set === 'capabilities'));
    expect(step?.instructions).toMatch(/pilot in one division scores 1, not 4/);
  });

  it('keep breaks free of artifacts', () => {
    for (const template of library.templates) {
      for (const step of template.steps.filter((s) => /^(break|lunch)$/i.test(s.title))) {
        expect(step.artifacts, `${template.id}/${step.id}`).toEqual([]);
      }
    }
  });

  it('ship a template.schema.json that matches the zod schema', () => {
    const onDisk = readFileSync(join(templatesDir, 'template.schema.json'), 'utf8');
    expect(onDisk).toBe(`${JSON.stringify(templateJsonSchema(), null, 2)}\n`);
  });
});
