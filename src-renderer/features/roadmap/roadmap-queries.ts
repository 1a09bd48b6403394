// Live reads for the roadmap screen (reads only; writes go through the actions). Initiatives and
// metrics, which the measurement plan reads too, are in features/shared/roadmap-reads.ts.
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';

/** What the roadmap shows of a persona: its name and avatar colour or picture. */
export interface PersonaOption {
  readonly id: string;
  readonly name: string;
  readonly color: string | null;
  readonly image: string | null;
}

export function usePersonaOptions(workshopId: string): PersonaOption[] | undefined {
  return useLiveQuery(async () => {
    const rows = await getDb().personas.where('workshopId').equals(workshopId).toArray();
    return rows
      .map((r, i) => {
        const avatar = (r.avatar ?? {}) as { kind?: string; color?: string; dataUrl?: string };
        return {
          id: r.id,
          name: typeof r.name === 'string' && r.name.trim() ? r.name : 'Untitled persona',
          color: avatar.kind === 'initials' && typeof avatar.color === 'string' ? avatar.color : null,
          image: avatar.kind === 'image' && typeof avatar.dataUrl === 'string' ? avatar.dataUrl : null,
          order: typeof r.order === 'number' ? r.order : i,
        };
      })
      .sort((a, b) => a.order - b.order)
      .map(({ order: _o, ...p }) => p);
  }, [workshopId]);
}

/** A journey card in an opportunities lane, with its journey's name. */
export interface OpportunityOption {
  readonly id: string;
  readonly text: string;
  readonly journeyName: string;
  readonly initiativeId: string | null;
}

export function useOpportunityCards(workshopId: string): OpportunityOption[] | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const journeys = await db.journeys.where('workshopId').equals(workshopId).toArray();
    const lanes = new Map<string, { journeyName: string; order: number }>();
    journeys.forEach((j, index) => {
      const name = j.name.trim() || 'Untitled journey';
      for (const l of j.lanes) {
        if (l.kind === 'opportunities') lanes.set(`${j.id}\u0000${l.id}`, { journeyName: name, order: index });
      }
    });
    const cards = await db.journeyCards.where('workshopId').equals(workshopId).toArray();
    return cards
      .filter((c) => lanes.has(`${String(c.journeyId)}\u0000${String(c.laneId)}`))
      .map((c) => {
        const lane = lanes.get(`${String(c.journeyId)}\u0000${String(c.laneId)}`)!;
        return {
          id: c.id,
          text: typeof c.text === 'string' && c.text.trim() ? c.text : 'Untitled card',
          journeyName: lane.journeyName,
          initiativeId: typeof c.initiativeId === 'string' ? c.initiativeId : null,
          order: lane.order * 1e6 + (typeof c.order === 'number' ? c.order : 0),
        };
      })
      .sort((a, b) => a.order - b.order)
      .map(({ order: _o, ...c }) => c);
  }, [workshopId]);
}
