// Build-time gate for the shipped templates: every templates/*.json must parse, ids must be
// unique and match file names, and template.schema.json must match the zod schema.
// Reads only; writes nothing unless asked with --write (and then only the schema file).
//
//   npx tsx scripts/check-templates.ts          check (exit 1 on any problem)
//   npx tsx scripts/check-templates.ts --write  regenerate templates/template.schema.json, then check

import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTemplateText, templateJsonSchema, templateTotalMinutes } from '../src-renderer/domain/template';
import { compareTemplates, isTemplateSchemaFile, loadTemplates } from '../src-renderer/domain/template-load';
import { parseMetricLibrary } from '../src-renderer/domain/metric';
import { loadAssessmentSets } from '../src-renderer/domain/assessment';
import { assessmentSets } from '../src-renderer/domain/artifacts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const templatesDir = join(root, 'templates');
const schemaFile = 'template.schema.json';
const schemaPath = join(templatesDir, schemaFile);
const schemaRef = `./${schemaFile}`;

const write = process.argv.includes('--write');
const problems: string[] = [];

const expectedSchema = `${JSON.stringify(templateJsonSchema(), null, 2)}\n`;
if (write) {
  writeFileSync(schemaPath, expectedSchema);
  console.log(`wrote templates/${schemaFile}`);
} else if (!existsSync(schemaPath)) {
  problems.push(`${schemaFile}: missing; run \`npx tsx scripts/check-templates.ts --write\``);
} else if (readFileSync(schemaPath, 'utf8') !== expectedSchema) {
  problems.push(
    `${schemaFile}: out of date with src-renderer/domain/template.ts; run \`npx tsx scripts/check-templates.ts --write\``,
  );
}

const files = readdirSync(templatesDir)
  .filter((name) => name.endsWith('.json') && !isTemplateSchemaFile(name))
  .sort();

if (files.length === 0) problems.push('templates/: no template files found');

// Each file goes through the same text path as an imported file (size cap, JSON, schema),
// then the same library loader as the renderer (duplicate ids, order).
const parsed: Record<string, unknown> = {};
for (const name of files) {
  const text = readFileSync(join(templatesDir, name), 'utf8');
  const result = parseTemplateText(text, name);
  if (!result.ok) {
    problems.push(result.error);
    continue;
  }
  if (result.template.id !== name.replace(/\.json$/, '')) {
    problems.push(`${name}: id: "${result.template.id}" must match the file name (${result.template.id}.json)`);
  }
  // Editors only validate files that point at the schema; keep every shipped file pointing at it.
  const hint = (JSON.parse(text) as { $schema?: unknown }).$schema;
  if (hint !== schemaRef) problems.push(`${name}: $schema: must be "${schemaRef}"`);
  parsed[name] = JSON.parse(text);
}

const library = loadTemplates(parsed);
for (const error of library.errors) problems.push(error.message);

const idWidth = Math.max(0, ...library.templates.map((t) => t.id.length));
const nameWidth = Math.max(0, ...library.templates.map((t) => t.name.length));
for (const template of [...library.templates].sort(compareTemplates)) {
  const minutes = templateTotalMinutes(template);
  const steps = template.steps.length;
  console.log(
    `✓ ${template.id.padEnd(idWidth)}  ${template.name.padEnd(nameWidth)}  ${steps} step${steps === 1 ? '' : 's'} · ${minutes} min`,
  );
}

// The assessment question sets (templates/assessments/*.json): each parses, and every set exists.
const setsDir = join(templatesDir, 'assessments');
const setFiles = existsSync(setsDir) ? readdirSync(setsDir).filter((n) => n.endsWith('.json')) : [];
const sets = loadAssessmentSets(Object.fromEntries(setFiles.map((n) => [n, JSON.parse(readFileSync(join(setsDir, n), 'utf8')) as unknown])));
problems.push(...sets.errors.map((e) => `assessments/${e}`));
for (const id of assessmentSets) if (!sets.sets[id]) problems.push(`assessments/${id}.json: missing or invalid`);
console.log(`✓ ${Object.keys(sets.sets).length} assessment question sets`);

// The metric library (measurement plan) sits in templates/library/, outside the template glob.
const metricLibrary = parseMetricLibrary(JSON.parse(readFileSync(join(templatesDir, 'library', 'metric-library.json'), 'utf8')));
if (metricLibrary.ok) console.log(`✓ library/metric-library.json  ${metricLibrary.library.metrics.length} metrics`);
else problems.push(metricLibrary.error);

if (problems.length > 0) {
  console.error('');
  for (const problem of problems) {
    for (const line of problem.split('\n')) console.error(`✗ ${line}`);
  }
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in templates/`);
  process.exit(1);
}
console.log(`${library.templates.length} templates OK`);
