// Which screen edits each artifact kind. A kind without an editor shows its empty state.
// The registry composes the seven editors; they take their props type from shared/artifact-editor-props.ts,
// never from here, so no editor imports back up into the registry.
import type { ComponentType } from 'react';
import type { ArtifactKind } from '../../domain/artifacts';
import type { ArtifactEditorProps } from '../shared/artifact-editor-props';
import { AssessmentsScreen } from '../assessments/assessments-screen';
import { ActionsScreen } from '../actions/actions-screen';
import { PersonasScreen } from '../personas/personas-screen';
import { SegmentsScreen } from '../segments/segments-screen';
import { JourneyScreen } from '../journey/journey-screen';
import { RoadmapScreen } from '../roadmap/roadmap-screen';
import { MeasurementScreen } from '../measurement/measurement-screen';

export const artifactEditors: Partial<Record<ArtifactKind, ComponentType<ArtifactEditorProps>>> = {
  persona: PersonasScreen,
  'segment-map': SegmentsScreen,
  assessment: AssessmentsScreen,
  actions: ActionsScreen,
  journey: JourneyScreen,
  roadmap: RoadmapScreen,
  'measurement-plan': MeasurementScreen,
};
