// Workshop templates: the file format (schema, limits, JSON Schema export), parsing with
// errors a facilitator can act on, and turning an agenda into a template. Pure: never
// touches React, Dexie, the DOM or the file system; callers read and write the files.

import { z } from 'zod';
import { capText } from './text';
import { artifactKinds, assessmentSets, type ArtifactKind, type AssessmentSet } from './artifacts';

/**
 * The template file format version this build reads and writes.
 * FORMAT: bump only together with a named migration for older files; a file with a
 * higher version is refused, never half-read.
 */
export const TEMPLATE_FORMAT_VERSION = 1;

/**
 * Limits of the format. FORMAT: tightening any of these can make existing template
 * files invalid, so it needs a migration (or a clear plan for files already out there).
 */
export const templateLimits = {
  idPattern: /^[a-z0-9][a-z0-9-]{1,60}$/,
  nameMax: 80,
  summaryMax: 400,
  audienceMax: 200,
  stepsMin: 1,
  stepsMax: 40,
  stepTitleMax: 120,
  stepMinutesMin: 1,
  stepMinutesMax: 480,
  instructionsMax: 4000,
  promptsMax: 20,
  promptMax: 400,
  artifactsPerStepMax: 8,
  artifactTitleMax: 120,
  orderMax: 9999,
  /** Imported template files are small; anything bigger is a mistake or an attack. */
  fileBytesMax: 1024 * 1024,
  /** Deeper nesting than any valid template needs; stops pathological input early. */
  nestingMax: 32,
} as const;

/** Keys that could reach an object's prototype if a file were merged naively. */
const forbiddenKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

// ---------------------------------------------------------------------------
// Types. Written out by hand so every field carries its meaning; the schema below
// is checked against them at compile time.
// ---------------------------------------------------------------------------

/** What a step does with an artifact when the facilitator reaches it. */
export type StepArtifactAction = 'create' | 'open';

export interface StepArtifact {
  /** Which kind of artifact. FORMAT: values come from artifacts.ts; renaming one needs a migration. */
  readonly kind: ArtifactKind;
  /** `create` starts a new one; `open` brings back one made earlier in the workshop. */
  readonly action: StepArtifactAction;
  /** Suggested title for a created artifact, or a hint which one to open. */
  readonly title?: string;
  /** Question set; present exactly when `kind` is 'assessment'. */
  readonly set?: AssessmentSet;
}

export interface TemplateStep {
  /** Slug, unique within the template; agendas copied from a template keep it for traceability. */
  readonly id: string;
  /** Short title shown on the agenda and the projector. */
  readonly title: string;
  /** Planned duration in whole minutes. */
  readonly minutes: number;
  /** The facilitator's instructions: what to do, how to run the room, what good looks like. */
  readonly instructions: string;
  /** Questions the facilitator asks the room, in the order to ask them. */
  readonly prompts: readonly string[];
  /** Artifacts the step creates or opens; empty for breaks and discussions. */
  readonly artifacts: readonly StepArtifact[];
}

export interface WorkshopTemplate {
  /** FORMAT: see TEMPLATE_FORMAT_VERSION. */
  readonly formatVersion: typeof TEMPLATE_FORMAT_VERSION;
  /** Slug, unique across the library; shipped files are named `<id>.json`. */
  readonly id: string;
  /** Name shown in the template picker. */
  readonly name: string;
  /** One or two sentences: what the workshop achieves and for whom. */
  readonly summary: string;
  /** Who should be in the room. */
  readonly audience?: string;
  /** Position in the picker, lowest first; templates without one come last, by name. */
  readonly order?: number;
  /** The agenda, in running order. */
  readonly steps: readonly TemplateStep[];
}

// ---------------------------------------------------------------------------
// Schema
// ---------------------------------------------------------------------------

type IssueLike = { readonly input?: unknown };

/** One message per field, so the same rule reads the same whether the value is missing, mistyped or out of range. */
function rule(message: string) {
  return (issue: IssueLike) => (issue.input === undefined ? 'is required' : message);
}

function text(min: number, max: number, what = 'text') {
  const message = `must be ${what} of ${min} to ${max} characters`;
  return z
    .string({ error: rule(message) })
    .min(min, { error: message })
    .max(max, { error: message })
    .regex(/\S/, { error: 'must not be blank' });
}

const slugMessage =
  'must be a slug: 2 to 61 characters, lowercase letters, digits and hyphens, starting with a letter or digit';

const slug = () =>
  z.string({ error: rule(slugMessage) }).regex(templateLimits.idPattern, { error: slugMessage });

const kindMessage = `must be one of ${artifactKinds.join(', ')}`;
const setMessage = `must be one of ${assessmentSets.join(', ')}`;

export const stepArtifactSchema = z
  .strictObject({
    kind: z.enum(artifactKinds, { error: rule(kindMessage) }).meta({ description: 'Which kind of artifact.' }),
    action: z
      .enum(['create', 'open'], { error: rule('must be "create" or "open"') })
      .meta({ description: '"create" starts a new artifact; "open" returns to one made earlier.' }),
    title: text(1, templateLimits.artifactTitleMax)
      .optional()
      .meta({ description: 'Suggested title for a created artifact, or which one to open.' }),
    set: z
      .enum(assessmentSets, { error: rule(setMessage) })
      .optional()
      .meta({ description: 'Question set. Required when kind is "assessment", not allowed otherwise.' }),
  })
  .superRefine((artifact, ctx) => {
    if (artifact.kind === 'assessment' && artifact.set === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['set'],
        message: `is required when kind is "assessment" (${setMessage})`,
      });
    }
    if (artifact.kind !== 'assessment' && artifact.set !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['set'], message: 'is only allowed when kind is "assessment"' });
    }
  });

const minutesMessage = `must be a whole number between ${templateLimits.stepMinutesMin} and ${templateLimits.stepMinutesMax}`;

export const templateStepSchema = z.strictObject({
  id: slug().meta({ description: 'Slug, unique within the template.' }),
  title: text(1, templateLimits.stepTitleMax).meta({ description: 'Short title shown on the agenda.' }),
  minutes: z
    .number({ error: rule(minutesMessage) })
    .int({ error: minutesMessage })
    .min(templateLimits.stepMinutesMin, { error: minutesMessage })
    .max(templateLimits.stepMinutesMax, { error: minutesMessage })
    .meta({ description: 'Planned duration in whole minutes.' }),
  instructions: text(1, templateLimits.instructionsMax).meta({
    description: "The facilitator's instructions: what to do, how to run the room, what a good outcome looks like.",
  }),
  prompts: z
    .array(text(1, templateLimits.promptMax), {
      error: rule(`must be a list of at most ${templateLimits.promptsMax} questions`),
    })
    .max(templateLimits.promptsMax, { error: `must hold at most ${templateLimits.promptsMax} questions` })
    .meta({ description: 'Questions the facilitator asks the room.' }),
  artifacts: z
    .array(stepArtifactSchema, {
      error: rule(`must be a list of at most ${templateLimits.artifactsPerStepMax} artifacts`),
    })
    .max(templateLimits.artifactsPerStepMax, {
      error: `must hold at most ${templateLimits.artifactsPerStepMax} artifacts`,
    })
    .meta({ description: 'Artifacts the step creates or opens; empty for breaks.' }),
});

const stepsMessage = `must be a list of ${templateLimits.stepsMin} to ${templateLimits.stepsMax} steps`;
const orderMessage = `must be a whole number between 0 and ${templateLimits.orderMax}`;

export const templateSchema = z
  .strictObject({
    $schema: z
      .string({ error: 'must be text' })
      .optional()
      .meta({ description: 'Editor hint pointing at this schema; ignored by Centric.' }),
    formatVersion: z
      .literal(TEMPLATE_FORMAT_VERSION, { error: rule(`must be ${TEMPLATE_FORMAT_VERSION}`) })
      .meta({ description: 'Template file format version.' }),
    id: slug().meta({ description: 'Slug, unique across the template library; shipped files are named <id>.json.' }),
    name: text(1, templateLimits.nameMax).meta({ description: 'Name shown in the template picker.' }),
    summary: text(1, templateLimits.summaryMax).meta({ description: 'What the workshop achieves and for whom.' }),
    audience: text(1, templateLimits.audienceMax).optional().meta({ description: 'Who should be in the room.' }),
    order: z
      .number({ error: orderMessage })
      .int({ error: orderMessage })
      .min(0, { error: orderMessage })
      .max(templateLimits.orderMax, { error: orderMessage })
      .optional()
      .meta({ description: 'Position in the template picker, lowest first.' }),
    steps: z
      .array(templateStepSchema, { error: rule(stepsMessage) })
      .min(templateLimits.stepsMin, { error: stepsMessage })
      .max(templateLimits.stepsMax, { error: stepsMessage })
      .meta({ description: 'The agenda, in running order.' }),
  })
  .superRefine((template, ctx) => {
    const firstIndex = new Map<string, number>();
    template.steps.forEach((step, index) => {
      const earlier = firstIndex.get(step.id);
      if (earlier === undefined) {
        firstIndex.set(step.id, index);
      } else {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', index, 'id'],
          message: `"${step.id}" is already used by steps[${earlier}]; step ids must be unique`,
        });
      }
    });
  });

// Compile-time guard: the hand-written types and the schema must describe the same shape.
type SchemaTemplate = Omit<z.output<typeof templateSchema>, '$schema'>;
type Mutable<T> = T extends readonly (infer U)[]
  ? Mutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Mutable<T[K]> }
    : T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesTypes: Same<Mutable<WorkshopTemplate>, SchemaTemplate> = true;
void schemaMatchesTypes;

/**
 * JSON Schema for editors (VS Code validates and completes template files through their
 * `$schema` key). The check script keeps templates/template.schema.json equal to this.
 */
export function templateJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(templateSchema, {
    target: 'draft-2020-12',
    override: (ctx) => {
      // The `set` rule lives in a superRefine, which JSON Schema cannot see; spell it out
      // so editors flag the same mistake the app does.
      if (ctx.zodSchema === stepArtifactSchema) {
        Object.assign(ctx.jsonSchema, {
          if: { properties: { kind: { const: 'assessment' } }, required: ['kind'] },
          then: { required: ['set'] },
          else: { not: { required: ['set'] } },
        });
      }
    },
  });
  // Identity first, then the generated body, so the file reads top-down in an editor.
  return {
    $schema: schema.$schema,
    $id: 'https://centric.app/schemas/template-v1.json',
    title: 'Centric workshop template',
    description:
      'One workshop template. Validated by src-renderer/domain/template.ts; regenerate with `npx tsx scripts/check-templates.ts --write`.',
    ...schema,
  };
}

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

export type ParseTemplateResult =
  | { readonly ok: true; readonly template: WorkshopTemplate }
  | { readonly ok: false; readonly error: string };

/** At most this many problems are listed; fixing those usually reveals the rest. */
const maxReportedIssues = 5;

/** `steps[2].minutes`: the notation people read in their editor, not zod's array. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    // A key from a file can be megabytes long: a path shown in a message names it capped.
    else out += out === '' ? capText(String(part)) : `.${capText(String(part))}`;
  }
  return out;
}

function line(source: string, path: readonly PropertyKey[], message: string): string {
  const where = formatPath(path);
  return where === '' ? `${source}: ${message}` : `${source}: ${where}: ${message}`;
}

/** Walks plain JSON data looking for keys that could pollute a prototype, and for absurd depth. */
function findUnsafeKey(value: unknown, path: PropertyKey[], depth: number): { path: PropertyKey[]; message: string } | null {
  if (value === null || typeof value !== 'object') return null;
  if (depth > templateLimits.nestingMax) return { path, message: 'is nested too deeply to be a template' };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeKey(value[i], [...path, i], depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    if (forbiddenKeys.has(key)) {
      return { path, message: `contains the key "${key}", which is not allowed in template files` };
    }
    const found = findUnsafeKey((value as Record<string, unknown>)[key], [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

function describeIssue(issue: z.core.$ZodIssue): { path: PropertyKey[]; message: string } {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    return { path: issue.path, message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}` };
  }
  if (issue.code === 'invalid_type' && issue.path.length === 0) {
    return { path: [], message: 'must be a JSON object holding one template' };
  }
  return { path: issue.path, message: issue.message };
}

/**
 * Validates untrusted data (an imported file, a shipped JSON module) as a template.
 * `source` names the file in every message so a facilitator knows what to fix.
 */
export function parseTemplate(json: unknown, source: string): ParseTemplateResult {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, error: `${source}: must be a JSON object holding one template` };
  }
  const unsafe = findUnsafeKey(json, [], 0);
  if (unsafe) return { ok: false, error: line(source, unsafe.path, unsafe.message) };

  // A backup picked by mistake carries a formatVersion too, and would be told to update Centric.
  // The value is the backup envelope's `format` (db/backup-format.ts), repeated so that domain
  // code does not import storage code.
  if ((json as { format?: unknown }).format === 'centric-backup') {
    return {
      ok: false,
      error: `${source}: is a Centric backup, not a template. Import it with “Import backup” on the Workshops screen or under “Your data” in Settings.`,
    };
  }

  // A newer file gets its own message: "must be 1" would send people hunting for a typo.
  const version = (json as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > TEMPLATE_FORMAT_VERSION) {
    return {
      ok: false,
      error: line(
        source,
        ['formatVersion'],
        `is ${version}, but this version of Centric reads template format ${TEMPLATE_FORMAT_VERSION}; update Centric to use this template`,
      ),
    };
  }

  const result = templateSchema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues;
    const lines = issues.slice(0, maxReportedIssues).map((issue) => {
      const { path, message } = describeIssue(issue);
      return line(source, path, message);
    });
    if (issues.length > maxReportedIssues) {
      lines.push(`${source}: … and ${issues.length - maxReportedIssues} more problems`);
    }
    return { ok: false, error: lines.join('\n') };
  }
  const { $schema: _editorHint, ...template } = result.data;
  void _editorHint;
  return { ok: true, template };
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Parses the text of a template file: size cap, then JSON, then the schema. */
export function parseTemplateText(text: string, source: string): ParseTemplateResult {
  const max = templateLimits.fileBytesMax;
  // Every character is at least one byte, so the cheap length test rejects huge input before encoding it.
  if (text.length > max || utf8Length(text) > max) {
    return { ok: false, error: `${source}: is larger than ${max / (1024 * 1024)} MB; a template file is far smaller` };
  }
  // Editors on Windows like to start files with a byte-order mark, which JSON.parse rejects.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `${source}: is not valid JSON (${detail})` };
  }
  return parseTemplate(json, source);
}

/**
 * The text of a template file, as exported for another facilitator. Exactly one template,
 * same schema as the shipped ones, so what one Centric writes another reads.
 */
export function serializeTemplate(template: WorkshopTemplate): string {
  return `${JSON.stringify(template, null, 2)}\n`;
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

export function templateTotalMinutes(template: Pick<WorkshopTemplate, 'steps'>): number {
  return template.steps.reduce((sum, step) => sum + step.minutes, 0);
}

/** Thrown by agendaToTemplate when an agenda cannot become a template without losing steps. */
export class TemplateConversionError extends Error {
  override readonly name = 'TemplateConversionError';
}

/** An agenda step as the workshop holds it; looser than a template step because people type it live. */
export interface AgendaStepInput {
  readonly id?: string;
  readonly title: string;
  readonly minutes: number;
  readonly instructions?: string;
  readonly prompts?: readonly string[];
  readonly artifacts?: readonly {
    readonly kind: ArtifactKind;
    readonly action?: StepArtifactAction;
    readonly title?: string;
    readonly set?: AssessmentSet;
  }[];
}

export interface AgendaToTemplateParams {
  /** Wanted id; turned into a slug. Falls back to the name. */
  readonly id: string;
  readonly name: string;
  readonly summary: string;
  readonly steps: readonly AgendaStepInput[];
}

/** Lowercase ASCII slug within the id limits; empty if nothing usable is left. */
export function slugify(value: string, maxLength = 61): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}

function clip(value: string | undefined, max: number): string {
  const trimmed = (value ?? '').trim();
  // Cut on code points so an emoji is never split into a broken half.
  const points = Array.from(trimmed);
  return points.length <= max ? trimmed : `${points.slice(0, max - 1).join('').trimEnd()}…`;
}

function validSlug(candidate: string, fallback: string): string {
  const candidateSlug = slugify(candidate);
  return templateLimits.idPattern.test(candidateSlug) ? candidateSlug : fallback;
}

/**
 * Turns a workshop's agenda into a template ("save agenda as template"). Text is trimmed
 * and clipped to the limits, minutes are rounded into range, step ids are made unique,
 * and artifacts that could not be valid are dropped, because the facilitator expects the
 * save to work. Only an empty agenda or one longer than the format allows is refused.
 */
export function agendaToTemplate(params: AgendaToTemplateParams): WorkshopTemplate {
  const { stepsMin, stepsMax } = templateLimits;
  if (params.steps.length < stepsMin || params.steps.length > stepsMax) {
    throw new TemplateConversionError(
      `A template needs ${stepsMin} to ${stepsMax} steps; this agenda has ${params.steps.length}.`,
    );
  }

  const usedIds = new Set<string>();
  const steps: TemplateStep[] = params.steps.map((step, index) => {
    const title = clip(step.title, templateLimits.stepTitleMax) || `Step ${index + 1}`;
    let id = validSlug(step.id ?? '', '') || validSlug(title, `step-${index + 1}`);
    if (usedIds.has(id)) {
      const base = id.slice(0, 55);
      let n = 2;
      while (usedIds.has(`${base}-${n}`)) n++;
      id = `${base}-${n}`;
    }
    usedIds.add(id);

    const minutes = Number.isFinite(step.minutes) ? Math.round(step.minutes) : templateLimits.stepMinutesMin;
    const prompts = (step.prompts ?? [])
      .map((p) => clip(p, templateLimits.promptMax))
      .filter((p) => p !== '')
      .slice(0, templateLimits.promptsMax);
    const artifacts: StepArtifact[] = (step.artifacts ?? [])
      .filter((a) => (a.kind === 'assessment') === (a.set !== undefined))
      .slice(0, templateLimits.artifactsPerStepMax)
      .map((a) => {
        const artifactTitle = clip(a.title, templateLimits.artifactTitleMax);
        return {
          kind: a.kind,
          action: a.action ?? 'create',
          ...(artifactTitle ? { title: artifactTitle } : {}),
          ...(a.set !== undefined ? { set: a.set } : {}),
        };
      });

    return {
      id,
      title,
      minutes: Math.min(templateLimits.stepMinutesMax, Math.max(templateLimits.stepMinutesMin, minutes)),
      instructions: clip(step.instructions, templateLimits.instructionsMax) || `Run "${title}" as planned.`,
      prompts,
      artifacts,
    };
  });

  const name = clip(params.name, templateLimits.nameMax) || 'Untitled template';
  const template: WorkshopTemplate = {
    formatVersion: TEMPLATE_FORMAT_VERSION,
    id: validSlug(params.id, '') || validSlug(name, 'my-template'),
    name,
    summary: clip(params.summary, templateLimits.summaryMax) || `Agenda saved from the workshop "${name}".`,
    steps,
  };
  // A template that fails here would be a bug in the normalising above; say so loudly.
  const check = parseTemplate(template, 'agenda');
  if (!check.ok) throw new TemplateConversionError(`Could not turn the agenda into a template: ${check.error}`);
  return check.template;
}
