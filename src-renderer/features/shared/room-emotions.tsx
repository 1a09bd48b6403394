// "Rate emotions on phones" for one journey: the facilitator starts it while the room is open;
// the shared screen shows how many have finished (never a rating) until the facilitator closes
// it, then the room's curve on the journey's emotion lane: the mean per stage and a band from
// the lowest to the highest rating, with the figures as text beside the canvas. The facilitator
// may then take the rounded means as the journey's own emotion scores (an undoable edit).
import { Eye, Smartphone } from 'lucide-react';
import type { Journey } from '../../domain/journey';
import { scoreToY, smoothPath, type EmotionBand } from '../../domain/journey-emotion';
import { finishedSheets, signed, stageEmotions } from '../../domain/phone-rounds';
import { editRecord } from '../../state/record-edits';
import { closeEmotionRound, startEmotions, useEmotionRound, useRoomPeople } from './phone-rounds';
import { progressText } from './phone-scoring-panel';
import './room.css';

export function EmotionRoundBar({ workshopId, journey }: { workshopId: string; journey: Journey }) {
  const round = useEmotionRound(workshopId, journey.id);
  const { open: roomOpen, people } = useRoomPeople(workshopId);
  if (round === undefined || (!round && !roomOpen)) return null;
  const finished = round ? finishedSheets(round) : 0;
  const stats = round && round.closedAt !== null ? stageEmotions(journey.stages.map((s) => s.id), round) : [];
  const names = new Map(journey.stages.map((s) => [s.id, s.name]));
  const useMeans = () =>
    void editRecord('journeys', journey, 'Use the room’s emotions', (j) => ({
      ...j,
      emotions: { ...j.emotions, ...Object.fromEntries(stats.filter((s) => names.has(s.stageId)).map((s) => [s.stageId, Math.max(-3, Math.min(3, Math.round(s.mean)))])) },
    }));
  return (
    <section className="phone-round" aria-label="Emotions from phones">
      <div className="phone-round-head">
        <h3 className="phone-round-title">
          <Smartphone size={16} aria-hidden /> Emotions from phones
        </h3>
        {round && round.closedAt === null ? (
          <p className="phone-round-progress" role="status">
            {progressText(finished, round.sheets.length, roomOpen ? Math.max(people, round.sheets.length) : null)}
          </p>
        ) : null}
        {roomOpen && (!round || round.closedAt !== null) ? (
          <button type="button" className="btn btn-small" onClick={() => void startEmotions(workshopId, journey.id)}>
            <Smartphone size={14} aria-hidden /> {round ? 'Rate emotions again' : 'Rate emotions on phones'}
          </button>
        ) : null}
        {round && round.closedAt === null ? (
          <button type="button" className="btn btn-small btn-primary" onClick={() => void closeEmotionRound(workshopId, round.id)}>
            <Eye size={14} aria-hidden /> Show the room’s curve
          </button>
        ) : null}
        {stats.length ? (
          <button type="button" className="btn btn-small" onClick={useMeans}>
            Use the averages as the journey’s emotions
          </button>
        ) : null}
      </div>
      {!round ? (
        <p className="muted small">Each person rates how the customer feels at every stage (−3 to +3) on their phone; the room sees the average and the spread when you show it.</p>
      ) : round.closedAt === null ? (
        <p className="muted small">Rating silently on phones. Nobody sees a rating until you show the room’s curve, and then without names.</p>
      ) : stats.length === 0 ? (
        <p className="muted small">Nobody rated a stage in this round.</p>
      ) : (
        <>
          <p className="muted small">
            {round.sheets.length} {round.sheets.length === 1 ? 'person' : 'people'} rated, without names. On the emotion lane: the dashed line is the average, the band runs from the lowest to the highest rating.
          </p>
          <ul className="emotion-stats" aria-label="The room’s emotion per stage">
            {stats.map((s) => (
              <li key={s.stageId}>
                <b>{names.get(s.stageId)}</b>: average {signed(s.mean)}, from {signed(s.min)} to {signed(s.max)} ({s.n})
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * The room's curve drawn on the journey's emotion lane (inside its SVG, which is hidden from
 * assistive technology: EmotionRoundBar carries the same figures as text). Only once the round is
 * closed, so no single person's rating can be read off a curve while others are still rating.
 */
export function RoomEmotionBand({ workshopId, journeyId, columns, band, fontSize }: { workshopId: string; journeyId: string; columns: readonly { stageId: string; x: number; width: number }[]; band: EmotionBand; fontSize: number }) {
  const round = useEmotionRound(workshopId, journeyId);
  if (!round || round.closedAt === null) return null;
  const stats = stageEmotions(columns.map((c) => c.stageId), round);
  if (stats.length === 0) return null;
  const x = new Map(columns.map((c) => [c.stageId, c.x + c.width / 2]));
  const top = stats.map((s) => ({ x: x.get(s.stageId)!, y: scoreToY(s.max, band) }));
  const bottom = stats.map((s) => ({ x: x.get(s.stageId)!, y: scoreToY(s.min, band) })).reverse();
  const half = Math.max(10, fontSize * 0.7);
  // One stage: a bar; more: a polygon through the ranges, widened a little at each end.
  const outline = [...top, ...bottom];
  const points = stats.length === 1 ? [{ x: top[0]!.x - half, y: top[0]!.y }, { x: top[0]!.x + half, y: top[0]!.y }, { x: top[0]!.x + half, y: bottom[0]!.y }, { x: top[0]!.x - half, y: bottom[0]!.y }] : outline;
  const means = stats.map((s) => ({ x: x.get(s.stageId)!, y: scoreToY(s.mean, band), s }));
  return (
    <g className="jy-room-curve">
      <polygon points={points.map((p) => `${p.x},${p.y}`).join(' ')} className="jy-room-band" />
      {means.length > 1 ? <path d={smoothPath(means)} className="jy-room-mean" style={{ strokeWidth: Math.max(3, fontSize * 0.2) }} /> : null}
      {means.map((m) => (
        <g key={m.s.stageId}>
          <rect x={m.x - half / 2} y={m.y - half / 2} width={half} height={half} transform={`rotate(45 ${m.x} ${m.y})`} className="jy-room-mean-point" />
          <text x={m.x + half} y={m.y + fontSize * 0.3} className="jy-room-label" style={{ fontSize: fontSize * 0.75 }}>
            avg {signed(m.s.mean)}
          </text>
        </g>
      ))}
    </g>
  );
}
