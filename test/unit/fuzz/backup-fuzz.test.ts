// @vitest-environment node
// Property-based tests: thousands of malformed, oversized and hostile backup files are each
// refused with a message, never crash the parser, never pollute prototypes, and an attempted
// import of any of them leaves the stored library exactly as it was.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// Thousands of generated files per test: give a loaded CI machine time.
vi.setConfig({ testTimeout: 60_000 });
import { freshDb } from '../../helpers/db';
import { parseBackupText } from '../../../src-renderer/db/backup-format';
import { importOps, readLibraryData } from '../../../src-renderer/db/library-io';
import { applyCommand } from '../../../src-renderer/db/commands';

const validText = readFileSync(join(__dirname, '../../fixtures/backup/library-v3.centric'), 'utf8');
const valid = JSON.parse(validText) as Record<string, unknown>;

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
});

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path (list of keys) inside a JSON value. */
function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

function setAt(root: Json, path: (string | number)[], replace: (old: Json) => Json): Json {
  if (path.length === 0) return replace(root);
  const copy = structuredClone(root) as Record<string | number, Json>;
  let node = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  node[last] = replace(node[last] as Json);
  return copy as Json;
}

const allPaths = paths(valid as Json);

/** A valid file with one random thing broken: a value's type, a hostile key, a huge string, a deletion. */
const mutatedFile = fc
  .record({
    pathIndex: fc.nat({ max: allPaths.length - 1 }),
    kind: fc.constantFrom('type', 'hostile', 'huge', 'delete', 'number'),
    replacement: fc.jsonValue({ maxDepth: 2 }),
    hostileKey: fc.constantFrom('__proto__', 'constructor', 'prototype'),
  })
  .map(({ pathIndex, kind, replacement, hostileKey }) => {
    const path = allPaths[pathIndex]!;
    let json: string;
    if (kind === 'hostile') {
      // Written as text so "__proto__" stays an own key, as JSON.parse would produce it.
      const marker = '"__HOSTILE__":1';
      const withMarker = setAt(valid as Json, path, (old): Json =>
        old && typeof old === 'object' && !Array.isArray(old) ? { ...old, __HOSTILE__: 1 } : { __HOSTILE__: 1, value: old ?? null },
      );
      json = JSON.stringify(withMarker).replace(marker, `"${hostileKey}":{"polluted":true}`);
    } else if (kind === 'huge') {
      json = JSON.stringify(setAt(valid as Json, path, () => 'x'.repeat(150_000)));
    } else if (kind === 'delete' && path.length > 0) {
      json = JSON.stringify(
        setAt(valid as Json, path.slice(0, -1), (parent) => {
          if (Array.isArray(parent)) return parent.filter((_, i) => i !== path[path.length - 1]);
          const { [String(path[path.length - 1])]: _gone, ...rest } = parent as Record<string, Json>;
          return rest;
        }),
      );
    } else if (kind === 'number') {
      json = JSON.stringify(setAt(valid as Json, path, () => -1e308));
    } else {
      json = JSON.stringify(setAt(valid as Json, path, () => replacement as Json));
    }
    return { json, kind, path: path.join('.') };
  });

describe('backup parser under fuzzing', () => {
  it('never throws on arbitrary JSON and refuses what is not a backup with a message', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const result = parseBackupText(JSON.stringify(value) ?? 'null');
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.length).toBeGreaterThan(10);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary text, truncations and byte noise', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.nat({ max: validText.trimEnd().length - 1 }).map((n) => validText.slice(0, n))), (text) => {
        const result = parseBackupText(text);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error).toMatch(/\w/);
      }),
      { numRuns: 1500 },
    );
  });

  it('a valid file with one thing broken is refused with a message or read safely; hostile keys are always refused', () => {
    fc.assert(
      fc.property(mutatedFile, ({ json, kind, path }) => {
        const result = parseBackupText(json);
        // A hostile key is always refused; inside the tables it is named. (In the envelope the file
        // is first refused as not being a backup at all.)
        if (kind === 'hostile') {
          expect(result.ok).toBe(false);
          if (!result.ok && path.startsWith('tables')) expect(result.error).toMatch(/__proto__|constructor|prototype/);
        }
        if (!result.ok) expect(result.error.length).toBeGreaterThan(10);
        else expect(result.backup.format).toBe('centric-backup');
      }),
      { numRuns: 1200 },
    );
  });

  it('an attempted import of a broken file leaves the stored library byte-for-byte unchanged', async () => {
    const db = freshDb();
    const seed = parseBackupText(validText);
    if (!seed.ok) throw new Error(seed.error);
    await applyCommand(db, { label: 'Seed', scope: 'library', ops: await importOps(db, seed.backup.tables, 'keep-both') });
    const before = JSON.stringify(await readLibraryData(db));
    await fc.assert(
      fc.asyncProperty(mutatedFile, async ({ json }) => {
        const result = parseBackupText(json);
        // Only a file that passed every check may be written; the rest must change nothing.
        if (!result.ok) expect(JSON.stringify(await readLibraryData(db))).toBe(before);
      }),
      { numRuns: 300 },
    );
  });
});
