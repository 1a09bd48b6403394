// The impact/effort matrix: a 2×2 (quick wins, big bets, fill-ins, money pits) with each
// initiative as a numbered, focusable dot. Arrow keys change impact (up/down) and effort
// (left/right), one command per press; Enter opens the initiative. Lists per quadrant beside it.
import { type KeyboardEvent } from 'react';
import {
  effortLabels,
  impactLabels,
  laneName,
  quadrantInfo,
  quadrantOf,
  quadrants,
  spreadOffsets,
  type Initiative,
  type Quadrant,
  type RoadmapSettings,
} from '../../domain/roadmap';
import { rateInitiative } from './roadmap-actions';
import { laneColorVar } from '../../ui/lane-style';

const W = 640;
const H = 540;
const M = { left: 64, right: 20, top: 20, bottom: 56 };
const PW = W - M.left - M.right;
const PH = H - M.top - M.bottom;
// Scores 1..5 on a 0..6 scale (room for the quadrant names at the edges); the quadrant line lies between 2 and 3.
const xOf = (effort: number) => M.left + (effort / 6) * PW;
const yOf = (impact: number) => M.top + PH - (impact / 6) * PH;

const quadrantBox: Record<Quadrant, { x: number; y: number; w: number; h: number; className: string }> = {
  'quick-win': { x: M.left, y: M.top, w: xOf(2.5) - M.left, h: yOf(2.5) - M.top, className: 'ie-q-quick' },
  'big-bet': { x: xOf(2.5), y: M.top, w: M.left + PW - xOf(2.5), h: yOf(2.5) - M.top, className: 'ie-q-bet' },
  'fill-in': { x: M.left, y: yOf(2.5), w: xOf(2.5) - M.left, h: M.top + PH - yOf(2.5), className: 'ie-q-fill' },
  'money-pit': { x: xOf(2.5), y: yOf(2.5), w: M.left + PW - xOf(2.5), h: M.top + PH - yOf(2.5), className: 'ie-q-pit' },
};

export function ImpactEffortView({
  initiatives,
  settings,
  onEdit,
}: {
  initiatives: readonly Initiative[];
  settings: RoadmapSettings;
  onEdit: (id: string) => void;
}) {
  const shown = initiatives.filter((i) => i.status !== 'dropped');
  const number = new Map(shown.map((i, n) => [i.id, n + 1]));
  const groups = new Map<string, Initiative[]>();
  for (const i of shown) {
    const k = `${i.effort}:${i.impact}`;
    groups.set(k, [...(groups.get(k) ?? []), i]);
  }
  const laneOf = (i: Initiative) => settings.lanes.find((l) => l.id === i.laneId);

  const onKey = (e: KeyboardEvent<SVGGElement>, i: Initiative) => {
    const step = { ArrowUp: ['impact', 1], ArrowDown: ['impact', -1], ArrowRight: ['effort', 1], ArrowLeft: ['effort', -1] } as const;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onEdit(i.id);
      return;
    }
    const s = step[e.key as keyof typeof step];
    if (!s) return;
    e.preventDefault();
    const [field, delta] = s;
    const next = i[field] + delta;
    if (next < 1 || next > 5) return;
    void rateInitiative(i, { [field]: next });
  };

  return (
    <div className="ie-layout">
      <figure className="ie-figure card">
        <svg viewBox={`0 0 ${W} ${H}`} className="ie-svg" role="group" aria-label="Impact and effort matrix">
          {quadrants.map((q) => {
            const b = quadrantBox[q];
            return (
              <g key={q} aria-hidden>
                <rect x={b.x} y={b.y} width={b.w} height={b.h} className={`ie-quadrant ${b.className}`} />
                <text
                  x={q === 'quick-win' || q === 'fill-in' ? b.x + 12 : b.x + b.w - 12}
                  y={q === 'quick-win' || q === 'big-bet' ? b.y + 24 : b.y + b.h - 14}
                  textAnchor={q === 'quick-win' || q === 'fill-in' ? 'start' : 'end'}
                  className="ie-quadrant-label"
                >
                  {quadrantInfo[q].label}
                </text>
              </g>
            );
          })}
          {[1, 2, 3, 4, 5].map((n) => (
            <g key={n} aria-hidden>
              <text x={xOf(n)} y={M.top + PH + 22} className="ie-tick" textAnchor="middle">
                {n}
              </text>
              <text x={M.left - 14} y={yOf(n) + 4} className="ie-tick" textAnchor="end">
                {n}
              </text>
            </g>
          ))}
          <text x={M.left + PW / 2} y={H - 8} className="ie-axis" textAnchor="middle" aria-hidden>
            Effort →
          </text>
          <text x={18} y={M.top + PH / 2} className="ie-axis" textAnchor="middle" transform={`rotate(-90 18 ${M.top + PH / 2})`} aria-hidden>
            Impact →
          </text>
          {[...groups.values()].flatMap((group) => {
            const offsets = spreadOffsets(group.length, group.length > 4 ? 0.32 : 0.24);
            return group.map((i, k) => {
              const cx = xOf(i.effort + offsets[k]!.dx);
              const cy = yOf(i.impact - offsets[k]!.dy);
              const lane = laneOf(i);
              const q = quadrantInfo[quadrantOf(i.impact, i.effort)].label;
              return (
                <g
                  key={i.id}
                  className="ie-dot"
                  tabIndex={0}
                  role="button"
                  aria-label={`${number.get(i.id)}. ${i.title || 'Untitled initiative'}: impact ${i.impact} (${impactLabels[i.impact]}), effort ${i.effort} (${effortLabels[i.effort]}), ${q}${lane ? `, ${laneName(lane)}` : ''}`}
                  aria-describedby="ie-help"
                  onKeyDown={(e) => onKey(e, i)}
                  onClick={() => onEdit(i.id)}
                  style={{ ['--lane-color' as string]: laneColorVar(lane) }}
                >
                  <circle cx={cx} cy={cy} r={15} />
                  <text x={cx} y={cy + 4.5} textAnchor="middle">
                    {number.get(i.id)}
                  </text>
                </g>
              );
            });
          })}
        </svg>
        <figcaption id="ie-help" className="ie-help">
          Focus a dot and use the arrow keys: up and down change impact, left and right change effort. Enter opens it.
        </figcaption>
      </figure>
      <div className="ie-lists">
        {quadrants.map((q) => {
          const items = shown.filter((i) => quadrantOf(i.impact, i.effort) === q);
          return (
            <section key={q} className={`ie-list ${quadrantBox[q].className}`} aria-labelledby={`ie-${q}`}>
              <h3 id={`ie-${q}`}>
                {quadrantInfo[q].label} <span className="ie-count">{items.length}</span>
              </h3>
              <p className="ie-advice">{quadrantInfo[q].advice}</p>
              {items.length ? (
                <ol className="ie-items">
                  {items.map((i) => (
                    <li key={i.id} style={{ ['--lane-color' as string]: laneColorVar(laneOf(i)) }}>
                      <span className="ie-num" aria-hidden>
                        {number.get(i.id)}
                      </span>
                      <button type="button" className="ie-item" onClick={() => onEdit(i.id)}>
                        {i.title || 'Untitled initiative'}
                      </button>
                      <span className="ie-item-meta">I{i.impact} · E{i.effort}</span>
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="muted small">None</p>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}
