// A roadmap lane's colour as a CSS variable (--lane-color): its lifecycle stage's token, or
// neutral for a lane the facilitator added. Used by the roadmap and the measurement plan.
import type { CSSProperties } from 'react';
import type { RoadmapLane } from '../domain/roadmap';

/** The CSS colour variable of a lane: its lifecycle stage's token, or neutral for an added lane. */
export function laneColorVar(lane: Pick<RoadmapLane, 'stage'> | undefined): string {
  return lane?.stage ? `var(--color-${lane.stage})` : 'var(--color-ink-subtle)';
}

export function laneStyle(lane: Pick<RoadmapLane, 'stage'> | undefined): CSSProperties {
  return { '--lane-color': laneColorVar(lane) } as CSSProperties;
}
