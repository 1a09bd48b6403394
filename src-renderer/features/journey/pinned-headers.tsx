// Stage and lane names pinned to the canvas's edges. Panned down, the stage headers leave the
// top of the screen and a room no longer knows which column it is reading; panned right, the
// lane names go. Once a header row or column is (partly) out of view, a strip at that edge shows
// the names at screen size over their columns or lanes, at any pan and zoom (focus and big screen
// too). The strips follow the viewport through two CSS variables written straight to the DOM
// from React Flow's store: no React render per pan or zoom frame. They repeat headers that exist
// in the grid, so they are hidden from screen readers.
import { memo, useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import type { Journey } from '../../domain/journey';
import type { JourneyLayout } from '../../domain/journey-layout';

/** Whether each strip shows: a header row or column more than this far (screen px) out of view. */
export function pinsFor(transform: readonly [number, number, number], layout: Pick<JourneyLayout, 'width' | 'height'>): { top: boolean; left: boolean } {
  const [tx, ty, zoom] = transform;
  // Nothing to pin when the grid itself is out of view on that axis.
  const gridBelow = ty + layout.height * zoom > 0;
  const gridRight = tx + layout.width * zoom > 0;
  return { top: ty < -1 && gridBelow, left: tx < -1 && gridRight };
}

interface Props {
  readonly journey: Journey;
  readonly layout: JourneyLayout;
  readonly big: boolean;
}

function PinnedHeadersView({ journey, layout, big }: Props) {
  const store = useStoreApi();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const apply = (t: readonly [number, number, number]) => {
      const el = ref.current;
      if (!el) return;
      el.style.setProperty('--pin-tx', `${t[0]}px`);
      el.style.setProperty('--pin-ty', `${t[1]}px`);
      el.style.setProperty('--pin-z', String(t[2]));
      const p = pinsFor(t, layout);
      const top = p.top ? 'on' : 'off';
      const left = p.left ? 'on' : 'off';
      if (el.dataset.top !== top) el.dataset.top = top;
      if (el.dataset.left !== left) el.dataset.left = left;
    };
    apply(store.getState().transform);
    let last = store.getState().transform;
    return store.subscribe((s) => {
      if (s.transform === last) return;
      last = s.transform;
      apply(s.transform);
    });
  }, [store, layout]);

  const stageName = new Map(journey.stages.map((s) => [s.id, s.name]));
  const laneName = new Map(journey.lanes.map((l) => [l.id, l.name]));
  return (
    <div ref={ref} className={`jy-pins${big ? ' jy-pins-big' : ''}`} aria-hidden data-top="off" data-left="off">
      <div className="jy-pin-top">
        {layout.columns.map((c) => (
          <div key={c.stageId} className="jy-pin-stage" style={{ ['--x' as string]: c.x, ['--w' as string]: c.width }} title={stageName.get(c.stageId)}>
            {stageName.get(c.stageId)}
          </div>
        ))}
      </div>
      <div className="jy-pin-left">
        {layout.rows.map((r) => (
          <div key={r.laneId} className="jy-pin-lane" style={{ ['--y' as string]: r.y, ['--h' as string]: r.height }} title={laneName.get(r.laneId)}>
            {laneName.get(r.laneId)}
          </div>
        ))}
      </div>
    </div>
  );
}

export const PinnedHeaders = memo(PinnedHeadersView);
