// The template catalogue: shipped templates (validated at load; a bad one is reported, the
// others still load) plus the facilitator's own saved or imported templates.
import { useMemo } from 'react';
import { loadTemplates } from '../domain/template-load';
import type { WorkshopTemplate } from '../domain/template';
import { useUserTemplates } from '../db/queries';

const shippedFiles = import.meta.glob('../../templates/*.json', { eager: true, import: 'default' });
// The template JSON schema file sits beside the templates but is not a template.
const templateFiles = Object.fromEntries(Object.entries(shippedFiles).filter(([k]) => !k.endsWith('.schema.json')));
export const shipped = loadTemplates(templateFiles);

export interface CatalogueTemplate {
  readonly template: WorkshopTemplate;
  readonly source: 'shipped' | 'mine';
}

export function useTemplateCatalogue(): { templates: CatalogueTemplate[]; errors: { source: string; message: string }[] } {
  const mine = useUserTemplates();
  return useMemo(() => {
    const templates: CatalogueTemplate[] = shipped.templates.map((template) => ({ template, source: 'shipped' }));
    for (const row of mine ?? []) templates.push({ template: row.template, source: 'mine' });
    return { templates, errors: shipped.errors };
  }, [mine]);
}
