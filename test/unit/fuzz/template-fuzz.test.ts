// @vitest-environment node
// Property-based tests for template files: arbitrary JSON and broken copies of a shipped template
// are refused with a message naming the file, never crash the parser and never pollute prototypes.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// Thousands of generated files per test: give a loaded CI machine time.
vi.setConfig({ testTimeout: 60_000 });
import { parseTemplate, parseTemplateText } from '../../../src-renderer/domain/template';

const shippedText = readFileSync(join(__dirname, '../../../templates/full-day.json'), 'utf8');
const shipped = JSON.parse(shippedText) as { steps: Record<string, unknown>[] };

afterEach(() => expect(({} as Record<string, unknown>).polluted).toBeUndefined());

describe('template parser under fuzzing', () => {
  it('refuses arbitrary JSON with a message naming the file', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        const result = parseTemplate(value, 'fuzz.json');
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error).toContain('fuzz.json');
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a shipped template with one step field replaced by junk, naming the step', () => {
    const fields = ['id', 'title', 'minutes', 'instructions', 'prompts', 'artifacts'] as const;
    fc.assert(
      fc.property(
        fc.nat({ max: shipped.steps.length - 1 }),
        fc.constantFrom(...fields),
        fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 0 }), fc.double({ noNaN: false }), fc.object(), fc.constant('x'.repeat(5000))),
        (stepIndex, field, junk) => {
          const copy = structuredClone(shipped);
          copy.steps[stepIndex]![field] = junk;
          const result = parseTemplate(copy, 'full-day.json');
          if (!result.ok) expect(result.error).toMatch(new RegExp(`full-day\\.json: steps\\[${stepIndex}\\]`));
          // Some junk is still valid (a string title), but then it must come back as given.
          else expect(result.template.steps[stepIndex]![field]).toEqual(junk);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('refuses hostile keys anywhere and truncated text', () => {
    fc.assert(
      fc.property(fc.nat({ max: shippedText.trimEnd().length - 1 }), fc.constantFrom('__proto__', 'constructor', 'prototype'), (cut, key) => {
        expect(parseTemplateText(shippedText.slice(0, cut), 'cut.json').ok).toBe(false);
        const hostile = shippedText.replace('"steps"', `"${key}": {"polluted": true}, "steps"`);
        const result = parseTemplateText(hostile, 'hostile.json');
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error).toContain(key);
      }),
      { numRuns: 500 },
    );
  });
});
