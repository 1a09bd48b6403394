// The facilitator's deck plan: which sections go in, in which order, and whether each opens with
// a divider. Stored as one line of text in the settings (so it survives a reload and travels in
// library backups); unknown or repeated ids are ignored and missing ones added at the end, so a
// plan saved by an older or newer version always reads as a whole plan.
import { sectionIds, type SectionId } from './deck-model';

export interface DeckPlan {
  /** Every section, in the order the deck shows them. */
  readonly order: readonly SectionId[];
  /** The sections left out. */
  readonly excluded: readonly SectionId[];
  readonly dividers: boolean;
}

export const defaultDeckPlan: DeckPlan = { order: sectionIds, excluded: [], dividers: true };

export function parseDeckPlan(text: string): DeckPlan {
  const order: SectionId[] = [];
  const excluded: SectionId[] = [];
  let dividers = true;
  for (const raw of text.split(',')) {
    const t = raw.trim();
    if (t === 'no-dividers') dividers = false;
    const id = t.replace(/^-/, '');
    const s = sectionIds.find((x) => x === id);
    if (!s || order.includes(s)) continue;
    order.push(s);
    if (t.startsWith('-')) excluded.push(s);
  }
  for (const s of sectionIds) if (!order.includes(s)) order.push(s);
  return { order, excluded, dividers };
}

export function deckPlanText(p: DeckPlan): string {
  return [...p.order.map((s) => (p.excluded.includes(s) ? `-${s}` : s)), p.dividers ? 'dividers' : 'no-dividers'].join(',');
}

/** The sections to build, in the plan's order. */
export function plannedSections(p: DeckPlan): SectionId[] {
  return p.order.filter((s) => !p.excluded.includes(s));
}

/** The plan with one section moved by `by` places (−1 up, +1 down), clamped to the list. */
export function moveSection(p: DeckPlan, s: SectionId, by: number): DeckPlan {
  const order = [...p.order];
  const i = order.indexOf(s);
  const j = Math.max(0, Math.min(order.length - 1, i + by));
  if (i < 0 || i === j) return p;
  order.splice(i, 1);
  order.splice(j, 0, s);
  return { ...p, order };
}
