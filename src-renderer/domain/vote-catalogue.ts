// Everything a workshop could vote on, gathered from the other editors' rows (journey cards,
// segment needs, roadmap initiatives) and the kept ideas of revealed brainstorms. Pure: the run
// screens and the room's facilitator app read the same tables and get the same items.
import { groupedIdeas, themeName, type Brainstorm } from './run';
import type { VoteSource, VoteTarget } from './voting';

export interface VoteSourceOption {
  readonly source: VoteSource;
  readonly label: string;
  readonly count: number;
}

export interface VoteCatalogueRows {
  readonly journeys: readonly { readonly id: string; readonly name?: unknown; readonly stages?: readonly { id: string; name: string }[]; readonly lanes?: readonly { id: string; name: string }[] }[];
  readonly cards: readonly { readonly id: string; readonly journeyId: string; readonly text?: unknown; readonly stageId?: string; readonly laneId?: string }[];
  readonly segments: readonly { readonly name?: unknown; readonly needs?: unknown }[];
  readonly initiatives: readonly { readonly id: string; readonly title?: unknown }[];
  readonly sessions: readonly { readonly kind: string }[];
}

export interface VoteCatalogue {
  readonly options: VoteSourceOption[];
  targetsOf(sources: readonly VoteSource[]): VoteTarget[];
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function voteCatalogue(rows: VoteCatalogueRows): VoteCatalogue {
  const { journeys, cards, segments, initiatives, sessions } = rows;
  const bySource = new Map<VoteSource, VoteTarget[]>();
  const options: VoteSourceOption[] = [];
  for (const j of journeys) {
    const name = str(j.name) || 'Untitled journey';
    // A card's tile says where on the journey it sits (the journey's name is the source's label already).
    const stageName = new Map((j.stages ?? []).map((x) => [x.id, x.name.trim() || 'Untitled stage']));
    const laneName = new Map((j.lanes ?? []).map((x) => [x.id, x.name.trim() || 'Untitled lane']));
    const where = (c: { stageId?: string; laneId?: string }) =>
      [c.stageId ? stageName.get(c.stageId) : undefined, c.laneId ? laneName.get(c.laneId) : undefined].filter(Boolean).join(' · ') || name;
    const list = cards.filter((c) => c.journeyId === j.id && str(c.text).trim()).map((c) => ({ id: c.id, text: str(c.text).trim(), origin: where(c) }));
    const source: VoteSource = `journey:${j.id}`;
    bySource.set(source, list);
    options.push({ source, label: `Journey: ${name}`, count: list.length });
  }
  const needs: VoteTarget[] = [];
  for (const s of segments) {
    const list = Array.isArray(s.needs) ? (s.needs as { id?: unknown; text?: unknown }[]) : [];
    for (const n of list) if (typeof n.id === 'string' && str(n.text).trim()) needs.push({ id: n.id, text: str(n.text).trim(), origin: `Segment: ${str(s.name) || 'untitled'}` });
  }
  bySource.set('needs', needs);
  options.push({ source: 'needs', label: 'Segment needs', count: needs.length });
  const inits = initiatives.filter((i) => str(i.title).trim()).map((i) => ({ id: i.id, text: str(i.title).trim(), origin: 'Roadmap' }));
  bySource.set('initiatives', inits);
  options.push({ source: 'initiatives', label: 'Roadmap initiatives', count: inits.length });
  const ideas: VoteTarget[] = [];
  for (const row of sessions) {
    if (row.kind !== 'brainstorm') continue;
    const b = row as Brainstorm;
    if (b.revealedAt === null) continue;
    for (const i of b.ideas) if (i.kept) ideas.push({ id: i.id, text: i.text, origin: b.prompt || 'Brainstorm' });
  }
  bySource.set('ideas', ideas);
  options.push({ source: 'ideas', label: 'Kept brainstorm ideas', count: ideas.length });
  // A theme is voted on as a whole; its kept ideas say what it holds.
  const themes: VoteTarget[] = [];
  for (const row of sessions) {
    if (row.kind !== 'brainstorm') continue;
    const b = row as Brainstorm;
    if (b.revealedAt === null) continue;
    for (const g of groupedIdeas(b).themes) {
      const n = g.ideas.filter((i) => i.kept).length;
      themes.push({ id: g.theme.id, text: themeName(b, g.theme), origin: `Theme of ${n} idea${n === 1 ? '' : 's'}: ${b.prompt || 'Brainstorm'}` });
    }
  }
  bySource.set('themes', themes);
  options.push({ source: 'themes', label: 'Brainstorm themes', count: themes.length });
  return {
    options,
    targetsOf: (sources) => {
      const seen = new Set<string>();
      const out: VoteTarget[] = [];
      for (const s of sources)
        for (const t of bySource.get(s) ?? [])
          if (!seen.has(t.id)) {
            seen.add(t.id);
            out.push(t);
          }
      return out;
    },
  };
}
