// Loads the shipped templates from disk for unit tests (the app loads them with import.meta.glob).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTemplates } from '../../../src-renderer/domain/template-load';
import type { WorkshopTemplate } from '../../../src-renderer/domain/template';

export function shippedTemplatesForTests(): WorkshopTemplate[] {
  const dir = join(__dirname, '../../../templates');
  const files: Record<string, unknown> = {};
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) files[f] = JSON.parse(readFileSync(join(dir, f), 'utf8'));
  const { templates, errors } = loadTemplates(files);
  if (errors.length) throw new Error(errors.map((e) => e.message).join('; '));
  return templates;
}
