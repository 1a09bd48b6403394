// @vitest-environment node
// Parsing untrusted template files: every problem names the file and the field, unsafe or
// oversized input is refused, and one bad file never keeps the good ones from loading.

import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  agendaToTemplate,
  formatPath,
  parseTemplate,
  parseTemplateText,
  serializeTemplate,
  slugify,
  templateLimits,
  templateTotalMinutes,
  TemplateConversionError,
  type WorkshopTemplate,
} from '../../../src-renderer/domain/template';
import { fileNameOf, loadTemplates } from '../../../src-renderer/domain/template-load';
import { backupToText, createBackup, emptyLibraryData } from '../../../src-renderer/db/backup-format';

const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/templates');

function fixtureText(name: string): string {
  return readFileSync(join(fixturesDir, name), 'utf8');
}

function fixture(name: string): unknown {
  return JSON.parse(fixtureText(name));
}

function errorOf(result: ReturnType<typeof parseTemplate>): string {
  if (result.ok) throw new Error('expected the template to be refused');
  return result.error;
}

describe('parseTemplate', () => {
  it('says a backup picked as a template is a backup, and where to import it', () => {
    const text = backupToText(createBackup(emptyLibraryData(), 'library', '1.0.0'));
    const error = errorOf(parseTemplateText(text, 'Centric library 2026-11-30.centric'));
    expect(error).toBe(
      'Centric library 2026-11-30.centric: is a Centric backup, not a template. Import it with “Import backup” on the Workshops screen or under “Your data” in Settings.',
    );
    expect(error).not.toMatch(/update Centric/i);
  });

  it('accepts a valid template and drops the editor-only $schema key', () => {
    const result = parseTemplate({ $schema: './template.schema.json', ...(fixture('good.json') as object) }, 'good.json');
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.template.id).toBe('fixture-good');
      expect(result.template).not.toHaveProperty('$schema');
    }
  });

  it('names file and field for a value of the wrong type', () => {
    expect(errorOf(parseTemplate(fixture('wrong-type.json'), 'wrong-type.json'))).toBe(
      'wrong-type.json: steps[2].minutes: must be a whole number between 1 and 480',
    );
  });

  it('says which field is missing', () => {
    expect(errorOf(parseTemplate(fixture('missing-field.json'), 'missing-field.json'))).toBe(
      'missing-field.json: summary: is required',
    );
  });

  it('refuses duplicate step ids and points at the second one', () => {
    expect(errorOf(parseTemplate(fixture('duplicate-step-id.json'), 'duplicate-step-id.json'))).toBe(
      'duplicate-step-id.json: steps[2].id: "welcome" is already used by steps[0]; step ids must be unique',
    );
  });

  it('requires a question set on assessments, and only on assessments', () => {
    expect(errorOf(parseTemplate(fixture('assessment-without-set.json'), 'assessment-without-set.json'))).toMatch(
      /^assessment-without-set\.json: steps\[1\]\.artifacts\[1\]\.set: is required when kind is "assessment"/,
    );
    expect(errorOf(parseTemplate(fixture('set-on-non-assessment.json'), 'set-on-non-assessment.json'))).toBe(
      'set-on-non-assessment.json: steps[0].artifacts[0].set: is only allowed when kind is "assessment"',
    );
  });

  it('names unknown fields instead of silently dropping them', () => {
    expect(errorOf(parseTemplate(fixture('unknown-field.json'), 'unknown-field.json'))).toBe(
      'unknown-field.json: steps[0]: unknown field "notes"',
    );
  });

  it('refuses a file from a newer Centric with a message that says so', () => {
    expect(errorOf(parseTemplate(fixture('newer-format.json'), 'newer-format.json'))).toMatch(
      /^newer-format\.json: formatVersion: is 2, but this version of Centric reads template format 1/,
    );
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a %s key anywhere, before schema validation', (key) => {
    const json = JSON.parse(`{"formatVersion":1,"meta":{"deep":[{"${key}":{"polluted":true}}]}}`) as unknown;
    expect(errorOf(parseTemplate(json, 'evil.json'))).toBe(
      `evil.json: meta.deep[0]: contains the key "${key}", which is not allowed in template files`,
    );
  });

  it('refuses the __proto__ fixture and leaves Object.prototype alone', () => {
    const json = JSON.parse(fixtureText('proto-key.json')) as unknown;
    expect(errorOf(parseTemplate(json, 'proto-key.json'))).toBe(
      'proto-key.json: steps[0]: contains the key "__proto__", which is not allowed in template files',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses input nested deeper than any template', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 200; i++) deep = [deep];
    expect(errorOf(parseTemplate({ steps: deep }, 'deep.json'))).toMatch(/^deep\.json: steps(\[0\])+: is nested too deeply/);
  });

  it.each([null, [], 'text', 42])('refuses %j as not being one template', (value) => {
    expect(errorOf(parseTemplate(value, 'odd.json'))).toBe('odd.json: must be a JSON object holding one template');
  });

  it('lists at most five problems and says how many more there are', () => {
    const steps = Array.from({ length: 8 }, (_, i) => ({ id: `s${i}`, title: '', minutes: 0 }));
    const lines = errorOf(parseTemplate({ formatVersion: 1, id: 'many', name: 'x', summary: 'y', steps }, 'many.json')).split('\n');
    expect(lines).toHaveLength(6);
    expect(lines.every((l) => l.startsWith('many.json: '))).toBe(true);
    expect(lines[5]).toMatch(/more problems$/);
  });
});

describe('parseTemplateText', () => {
  it('reports bad JSON with the file name', () => {
    expect(errorOf(parseTemplateText(fixtureText('bad-json.txt'), 'bad-json.json'))).toMatch(
      /^bad-json\.json: is not valid JSON \(.+\)$/,
    );
  });

  it('refuses files over 1 MB without parsing them', () => {
    const padding = 'x'.repeat(templateLimits.fileBytesMax);
    const text = JSON.stringify({ ...(fixture('good.json') as object), summary: padding });
    expect(errorOf(parseTemplateText(text, 'huge.json'))).toBe(
      'huge.json: is larger than 1 MB; a template file is far smaller',
    );
  });

  it('counts bytes, not characters, against the cap', () => {
    // 400k three-byte characters: under the cap in characters, over it in UTF-8 bytes.
    expect(errorOf(parseTemplateText(`"${'€'.repeat(400_000)}"`, 'euro.json'))).toMatch(/larger than 1 MB/);
  });

  it('tolerates a byte-order mark from Windows editors', () => {
    expect(parseTemplateText(`\uFEFF${fixtureText('good.json')}`, 'good.json').ok).toBe(true);
  });

  it('reads back what serializeTemplate writes', () => {
    const result = parseTemplateText(fixtureText('good.json'), 'good.json');
    if (!result.ok) throw new Error(result.error);
    const again = parseTemplateText(serializeTemplate(result.template), 'exported.json');
    expect(again).toEqual({ ok: true, template: result.template });
  });
});

describe('loadTemplates', () => {
  const fixtureFiles = Object.fromEntries(
    readdirSync(fixturesDir)
      .filter((f) => f.endsWith('.json') && f !== 'duplicate-id.json')
      .map((f) => [`../../test/fixtures/templates/${f}`, fixture(f)]),
  );

  it('keeps the good template and reports each bad one by file name and field', () => {
    const { templates, errors } = loadTemplates(fixtureFiles);
    expect(templates.map((t) => t.id)).toEqual(['fixture-good']);
    const sources = errors.map((e) => e.source).sort();
    expect(sources).toEqual([
      'assessment-without-set.json',
      'duplicate-step-id.json',
      'missing-field.json',
      'newer-format.json',
      'proto-key.json',
      'set-on-non-assessment.json',
      'unknown-field.json',
      'wrong-type.json',
    ]);
    for (const error of errors) expect(error.message.startsWith(`${error.source}: `)).toBe(true);
    expect(errors.find((e) => e.source === 'wrong-type.json')?.message).toContain('steps[2].minutes');
  });

  it('rejects the second template with an id already in use', () => {
    const { templates, errors } = loadTemplates({
      '../../templates/good.json': fixture('good.json'),
      '../../templates/duplicate-id.json': fixture('duplicate-id.json'),
    });
    // duplicate-id.json sorts first, so it wins whatever order the bundler lists the files in.
    expect(templates).toHaveLength(1);
    expect(templates[0]?.name).toBe('Another template with the same id');
    expect(errors).toEqual([
      {
        source: 'good.json',
        message: 'good.json: id: "fixture-good" is already used by duplicate-id.json; template ids must be unique',
      },
    ]);
  });

  it('ignores the JSON Schema file that a templates/*.json glob also matches', () => {
    const { templates, errors } = loadTemplates({
      '../../templates/template.schema.json': { $schema: 'https://json-schema.org/draft/2020-12/schema' },
      '../../templates/good.json': fixture('good.json'),
    });
    expect(errors).toEqual([]);
    expect(templates).toHaveLength(1);
  });

  it('sorts by order, then by name', () => {
    const base = fixture('good.json') as WorkshopTemplate;
    const { templates } = loadTemplates({
      'a.json': { ...base, id: 'zeta', name: 'Zeta' },
      'b.json': { ...base, id: 'alpha', name: 'Alpha' },
      'c.json': { ...base, id: 'second', name: 'Second', order: 20 },
      'd.json': { ...base, id: 'first', name: 'First', order: 10 },
    });
    expect(templates.map((t) => t.id)).toEqual(['first', 'second', 'alpha', 'zeta']);
  });

  it('reports file names without the folder', () => {
    expect(fileNameOf('../../templates/journey-mapping.json')).toBe('journey-mapping.json');
    expect(fileNameOf('C:\\templates\\x.json')).toBe('x.json');
  });
});

describe('agendaToTemplate', () => {
  it('round-trips through parseTemplate', () => {
    const template = agendaToTemplate({
      id: 'acme-kickoff',
      name: 'ACME kick-off',
      summary: 'The agenda we ran at ACME, kept for the next client.',
      steps: [
        { id: 'welcome', title: 'Welcome', minutes: 15, instructions: 'Open.', prompts: ['Why are we here?'] },
        {
          id: 'readiness',
          title: 'Readiness',
          minutes: 40,
          instructions: 'Score the five questions.',
          artifacts: [{ kind: 'assessment', action: 'create', set: 'readiness', title: 'Readiness check' }],
        },
        { id: 'actions', title: 'Actions', minutes: 15, artifacts: [{ kind: 'actions' }] },
      ],
    });
    const parsed = parseTemplateText(serializeTemplate(template), 'acme-kickoff.json');
    expect(parsed).toEqual({ ok: true, template });
    expect(templateTotalMinutes(template)).toBe(70);
    expect(template.steps[2]?.artifacts).toEqual([{ kind: 'actions', action: 'create' }]);
  });

  it('turns a messy live agenda into a valid template', () => {
    const template = agendaToTemplate({
      id: '',
      name: '  Café workshop: Zürich  ',
      summary: '',
      steps: [
        { title: 'Intro', minutes: 0.4, prompts: ['', '  Why?  '] },
        { title: 'Intro', minutes: 10_000, instructions: 'x'.repeat(5000) },
        { id: 'Bad Id!', title: '', minutes: Number.NaN, artifacts: [{ kind: 'assessment' }, { kind: 'persona', set: 'audit' }] },
      ],
    });
    expect(template.id).toBe('cafe-workshop-zurich');
    expect(template.name).toBe('Café workshop: Zürich');
    expect(template.steps.map((s) => s.id)).toEqual(['intro', 'intro-2', 'bad-id']);
    expect(template.steps.map((s) => s.minutes)).toEqual([1, 480, 1]);
    expect(template.steps[0]?.prompts).toEqual(['Why?']);
    expect(template.steps[1]?.instructions.length).toBe(templateLimits.instructionsMax);
    expect(template.steps[2]?.title).toBe('Step 3');
    // Neither artifact could be valid: an assessment without a set, a set on a persona.
    expect(template.steps[2]?.artifacts).toEqual([]);
    expect(parseTemplate(template, 'messy.json').ok).toBe(true);
  });

  it('refuses an empty agenda and one longer than the format allows', () => {
    const step = { title: 'Step', minutes: 10 };
    expect(() => agendaToTemplate({ id: 'x1', name: 'X', summary: 'Y', steps: [] })).toThrow(TemplateConversionError);
    expect(() =>
      agendaToTemplate({ id: 'x1', name: 'X', summary: 'Y', steps: Array.from({ length: 41 }, () => step) }),
    ).toThrow(/1 to 40 steps; this agenda has 41/);
  });
});

describe('small helpers', () => {
  it('formats paths the way an editor shows them', () => {
    expect(formatPath(['steps', 2, 'minutes'])).toBe('steps[2].minutes');
    expect(formatPath([])).toBe('');
  });

  it('slugifies names', () => {
    expect(slugify('  Journey Mapping — Q3!  ')).toBe('journey-mapping-q3');
    expect(slugify('!!!')).toBe('');
  });
});
