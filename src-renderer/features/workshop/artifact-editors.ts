// Which screen edits each artifact kind. A kind without an editor shows its empty state.
import type { ComponentType } from 'react';
import type { ArtifactKind } from '../../domain/artifacts';
import type { Workshop } from '../../domain/workshop';
import { AssessmentsScreen } from '../assessments/assessments-screen';
import { ActionsScreen } from '../actions/actions-screen';
import { PersonasScreen } from '../personas/personas-screen';
import { SegmentsScreen } from '../segments/segments-screen';
import { JourneyScreen } from '../journey/journey-screen';
import { RoadmapScreen } from '../roadmap/roadmap-screen';
import { MeasurementScreen } from '../measurement/measurement-screen';

export interface ArtifactEditorProps {
  readonly workshop: Workshop;
  /** The item opened inside the artifact (a persona, a segment), if any. */
  readonly itemId?: string;
}

export const artifactEditors: Partial<Record<ArtifactKind, ComponentType<ArtifactEditorProps>>> = {
  persona: PersonasScreen,
  'segment-map': SegmentsScreen,
  assessment: AssessmentsScreen,
  actions: ActionsScreen,
  journey: JourneyScreen,
  roadmap: RoadmapScreen,
  'measurement-plan': MeasurementScreen,
};
