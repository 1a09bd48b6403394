// "Send to…" for a revealed idea or a theme: the parking lot, a cell of a journey (stage × lane),
// or a roadmap lane. What is sent is shown as the destination will hold it; one command creates
// it there and marks the idea or theme as sent (undo takes both back).
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import { useWorkshop } from '../../db/queries';
import type { Journey, LaneKind } from '../../domain/journey';
import { laneName, readRoadmapSettings } from '../../domain/roadmap';
import type { Brainstorm } from '../../domain/run';
import { Dialog } from '../../ui/dialog';
import { sendFromBrainstorm, sentText, type SendTo, type SendWhat } from './run-actions';

type Place = 'parking' | 'journey' | 'roadmap';

/** Where an idea most likely belongs on a journey: the opportunities lane, else pains, else the first. */
const preferredLanes: readonly LaneKind[] = ['opportunities', 'pains', 'actions'];

export function SendDialog({ workshopId, b, what, stepId, onClose }: { workshopId: string; b: Brainstorm; what: SendWhat | null; stepId: string | null; onClose: () => void }) {
  const workshop = useWorkshop(workshopId);
  const journeys = useLiveQuery(async () => {
    const rows = await getDb().journeys.where('workshopId').equals(workshopId).toArray();
    return rows.sort((a, z) => a.order - z.order || a.createdAt - z.createdAt);
  }, [workshopId]);
  const lanes = useMemo(() => (workshop ? readRoadmapSettings(workshop).lanes : []), [workshop]);
  const [place, setPlace] = useState<Place>('parking');
  const [journeyId, setJourneyId] = useState('');
  const [stageId, setStageId] = useState('');
  const [laneId, setLaneId] = useState('');
  const [roadmapLane, setRoadmapLane] = useState('');
  const [busy, setBusy] = useState(false);
  const journey: Journey | undefined = journeys?.find((j) => j.id === journeyId) ?? journeys?.[0];

  // Defaults follow what exists: the first journey, its first stage, its most fitting lane.
  useEffect(() => {
    if (!journey) return;
    if (!journey.stages.some((s) => s.id === stageId)) setStageId(journey.stages[0]?.id ?? '');
    if (!journey.lanes.some((l) => l.id === laneId)) {
      const fit = preferredLanes.map((k) => journey.lanes.find((l) => l.kind === k)).find(Boolean) ?? journey.lanes[0];
      setLaneId(fit?.id ?? '');
    }
  }, [journey, stageId, laneId]);
  useEffect(() => {
    if (!lanes.some((l) => l.id === roadmapLane) && lanes[0]) setRoadmapLane(lanes[0].id);
  }, [lanes, roadmapLane]);

  const text = what ? sentText(b, what) : null;
  const to: SendTo | null =
    place === 'parking' ? { kind: 'parking' }
    : place === 'journey' ? (journey && stageId && laneId ? { kind: 'journey', journey, stageId, laneId } : null)
    : (() => { const l = lanes.find((x) => x.id === roadmapLane); return l ? { kind: 'roadmap', laneId: l.id, laneName: laneName(l) } : null; })();
  const noun = what?.kind === 'theme' ? 'theme' : 'idea';
  const send = async () => {
    if (!what || !to) return;
    setBusy(true);
    const ok = await sendFromBrainstorm(workshopId, b, what, to, stepId);
    setBusy(false);
    if (ok) onClose();
  };
  return (
    <Dialog title={`Send this ${noun} to…`} open={what !== null && text !== null} onClose={onClose}
      description={text ? `“${text.title}”${text.ideas.length ? ` with its ${text.ideas.length} kept ${text.ideas.length === 1 ? 'idea' : 'ideas'}` : ''}` : undefined}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>Cancel</button>
          <button type="button" className="btn btn-primary" disabled={!to || busy} onClick={() => void send()}>Send</button>
        </>
      }>
      <fieldset className="send-places">
        <legend className="field-label">Where to</legend>
        <label className="send-place"><input type="radio" name="send-place" checked={place === 'parking'} onChange={() => setPlace('parking')} /> The parking lot</label>
        <label className="send-place"><input type="radio" name="send-place" checked={place === 'journey'} disabled={!journeys?.length} onChange={() => setPlace('journey')} /> A journey lane{journeys?.length ? '' : ' (no journey yet)'}</label>
        <label className="send-place"><input type="radio" name="send-place" checked={place === 'roadmap'} onChange={() => setPlace('roadmap')} /> The roadmap, as an initiative</label>
      </fieldset>
      {place === 'journey' && journey ? (
        <div className="send-where">
          {journeys && journeys.length > 1 ? (
            <label className="field"><span className="field-label">Journey</span>
              <select className="field-input" value={journey.id} onChange={(e) => setJourneyId(e.target.value)}>
                {journeys.map((j) => <option key={j.id} value={j.id}>{j.name || 'Untitled journey'}</option>)}
              </select>
            </label>
          ) : null}
          <label className="field"><span className="field-label">Stage</span>
            <select className="field-input" value={stageId} onChange={(e) => setStageId(e.target.value)}>
              {journey.stages.map((s) => <option key={s.id} value={s.id}>{s.name || 'Untitled stage'}</option>)}
            </select>
          </label>
          <label className="field"><span className="field-label">Lane</span>
            <select className="field-input" value={laneId} onChange={(e) => setLaneId(e.target.value)}>
              {journey.lanes.map((l) => <option key={l.id} value={l.id}>{l.name || 'Untitled lane'}</option>)}
            </select>
          </label>
        </div>
      ) : null}
      {place === 'roadmap' ? (
        <label className="field send-where"><span className="field-label">Roadmap lane</span>
          <select className="field-input" value={roadmapLane} onChange={(e) => setRoadmapLane(e.target.value)}>
            {lanes.map((l) => <option key={l.id} value={l.id}>{laneName(l)}</option>)}
          </select>
        </label>
      ) : null}
    </Dialog>
  );
}
