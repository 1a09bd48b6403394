// Builds the template library from a set of files: validates each, keeps the good ones,
// reports the bad ones by file name. Pure: never reads the disk or imports a UI or storage module.

import { parseTemplate, type WorkshopTemplate } from './template';

export interface TemplateLoadError {
  /** File name only (`journey-mapping.json`), never the bundler's relative path. */
  readonly source: string;
  /** Starts with the file name and names the field, ready to show as is. */
  readonly message: string;
}

export interface TemplateLibrary {
  readonly templates: WorkshopTemplate[];
  readonly errors: TemplateLoadError[];
}

/** `../../templates/journey-mapping.json` -> `journey-mapping.json` (either slash). */
export function fileNameOf(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/**
 * The JSON Schema sits next to the templates for editors, so a `templates/*.json`
 * glob picks it up too; it is not a template.
 */
export function isTemplateSchemaFile(path: string): boolean {
  return fileNameOf(path).endsWith('.schema.json');
}

/** Explicit order first; the rest by name, so the picker does not reshuffle when a file is renamed. */
export function compareTemplates(a: WorkshopTemplate, b: WorkshopTemplate): number {
  const ao = a.order ?? Number.POSITIVE_INFINITY;
  const bo = b.order ?? Number.POSITIVE_INFINITY;
  if (ao !== bo) return ao < bo ? -1 : 1;
  const byName = a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });
  if (byName !== 0) return byName;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Validates every file (keyed by path, valued by its parsed JSON, as
 * `import.meta.glob(..., { eager: true, import: 'default' })` gives them).
 * One bad file never hides the others. Files are visited in file-name order so that,
 * when two share an id, which one wins does not depend on the bundler.
 */
export function loadTemplates(files: Record<string, unknown>): TemplateLibrary {
  const templates: WorkshopTemplate[] = [];
  const errors: TemplateLoadError[] = [];
  const ownerOfId = new Map<string, string>();

  const entries = Object.keys(files)
    .filter((path) => !isTemplateSchemaFile(path))
    .map((path) => ({ source: fileNameOf(path), json: files[path] }))
    .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));

  for (const { source, json } of entries) {
    const result = parseTemplate(json, source);
    if (!result.ok) {
      errors.push({ source, message: result.error });
      continue;
    }
    const owner = ownerOfId.get(result.template.id);
    if (owner !== undefined) {
      errors.push({
        source,
        message: `${source}: id: "${result.template.id}" is already used by ${owner}; template ids must be unique`,
      });
      continue;
    }
    ownerOfId.set(result.template.id, source);
    templates.push(result.template);
  }

  templates.sort(compareTemplates);
  return { templates, errors };
}
