// The strict row schemas of the library-level records: workshops (with their agenda), user
// templates and settings. Pure (zod only). The artifact records keep their schemas beside their
// types (persona.ts, journey.ts, ...); records.ts gathers them all.
// FORMAT: these rules are read by backups and other copies of Centric; tightening one needs a
// backup-format migration.
import { z } from 'zod';
import { artifactKinds, assessmentSets } from './artifacts';
import { idPattern, isoDatePattern } from './ids';
import { roadmapSettingsSchema } from './roadmap';
import { idMessage, timeMs } from './row-fields';
import { textLength } from './text';
import type { WorkshopTemplate } from './template';
import { limits } from './workshop';

/** Count limits inside one workshop row; far above real use, they stop absurd input early. */
export const workshopRowLimits = {
  agendaStepsMax: 500,
  promptsPerStepMax: 200,
  artifactsPerStepMax: 50,
  settingKeyMax: 80,
} as const;

type IssueLike = { readonly input?: unknown };
/** Missing and mistyped values read differently: "is missing" sends people to add, not fix. */
const rule = (message: string) => (issue: IssueLike) => (issue.input === undefined ? 'is missing' : message);

const id = () => z.string({ error: rule(idMessage) }).regex(idPattern, { error: idMessage });

/** Text limits count what people see (an emoji is one character), matching the editors. */
const text = (max: number) =>
  z
    .string({ error: rule('must be text') })
    .refine((s) => textLength(s) <= max, { error: `text is longer than ${max.toLocaleString('en')} characters` });

export function isCalendarDate(s: string): boolean {
  if (!isoDatePattern.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const dateMessage = 'must be a calendar date written YYYY-MM-DD';
const minutesMessage = 'must be a whole number of minutes from 1 to 480';
const startTimeMessage = 'must be a time of day written HH:MM (24-hour)';

const stepArtifactSchema = z.strictObject({
  kind: z.enum(artifactKinds, { error: rule(`must be one of ${artifactKinds.join(', ')}`) }),
  action: z.enum(['create', 'open'], { error: rule('must be "create" or "open"') }),
  title: text(limits.stepTitle).optional(),
  set: z.enum(assessmentSets, { error: rule(`must be one of ${assessmentSets.join(', ')}`) }).optional(),
});

const agendaStepSchema = z.strictObject({
  id: id(),
  title: text(limits.stepTitle),
  minutes: z
    .number({ error: rule(minutesMessage) })
    .int({ error: minutesMessage })
    .min(1, { error: minutesMessage })
    .max(480, { error: minutesMessage }),
  instructions: text(limits.instructions),
  prompts: z
    .array(text(limits.prompt), { error: rule('must be a list of questions') })
    .max(workshopRowLimits.promptsPerStepMax, { error: `must hold at most ${workshopRowLimits.promptsPerStepMax} questions` }),
  artifacts: z
    .array(stepArtifactSchema, { error: rule('must be a list of artifacts') })
    .max(workshopRowLimits.artifactsPerStepMax, { error: `must hold at most ${workshopRowLimits.artifactsPerStepMax} artifacts` }),
  notes: text(limits.notes),
});

/** One stored workshop row, strictly. */
export const workshopRowSchema = z.strictObject({
  id: id(),
  title: text(limits.title),
  client: text(limits.client),
  date: z.string({ error: rule(dateMessage) }).refine(isCalendarDate, { error: dateMessage }),
  location: text(limits.location),
  objectives: text(limits.objectives),
  templateId: id().nullable(),
  templateName: text(limits.title),
  agenda: z
    .array(agendaStepSchema, { error: rule('must be a list of agenda steps') })
    .max(workshopRowLimits.agendaStepsMax, { error: `must hold at most ${workshopRowLimits.agendaStepsMax} steps` }),
  createdAt: timeMs,
  updatedAt: timeMs,
  // Roadmap lanes and horizon (domain/roadmap.ts); absent until first changed.
  roadmap: roadmapSettingsSchema.optional(),
  // Planned start of the agenda (domain/agenda.ts); absent until first set.
  startTime: z
    .string({ error: rule(startTimeMessage) })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: startTimeMessage })
    .optional(),
});

/** A template the facilitator saved or imported (shipped templates live in templates/). */
export interface UserTemplateRow {
  readonly id: string;
  readonly template: WorkshopTemplate;
  /** ms since epoch */
  readonly createdAt: number;
}

/** One facilitator setting ('settings' table), keyed by name; see domain/settings.ts. */
export interface SettingRow {
  readonly key: string;
  readonly value: unknown;
}

/**
 * One stored user-template row. The template itself is checked by the template module's own
 * parser (parseTemplate), so messages match template import; here it only has to be present.
 */
export const templateRowSchema = z.strictObject({
  id: id(),
  template: z.unknown().refine((v) => v !== undefined, { error: 'is missing' }),
  createdAt: timeMs,
});

const settingKeyMessage = `must be a name of 1 to ${workshopRowLimits.settingKeyMax} characters`;
/** One stored setting: a short key and any JSON value (settingsFromRows ignores what it does not know). */
export const settingRowSchema = z.strictObject({
  key: z
    .string({ error: rule(settingKeyMessage) })
    .min(1, { error: settingKeyMessage })
    .max(workshopRowLimits.settingKeyMax, { error: settingKeyMessage }),
  value: z.json({ error: rule('must be a JSON value') }),
});
