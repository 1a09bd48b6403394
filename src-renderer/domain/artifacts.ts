// The kinds of artifact a workshop produces, and what each is for.
// Pure data: imports nothing from React, Dexie or the DOM.
// Artifact kind strings are stored in templates, workshops and backups: renaming one needs a migration.

export const artifactKinds = [
  'assessment',
  'persona',
  'segment-map',
  'journey',
  'roadmap',
  'measurement-plan',
  'actions',
] as const;
export type ArtifactKind = (typeof artifactKinds)[number];

/** The five question sets from the domain guide; an assessment artifact names one. */
export const assessmentSets = [
  'readiness',
  'warning-signs',
  'contrasts',
  'capabilities',
  'audit',
] as const;
export type AssessmentSet = (typeof assessmentSets)[number];

export interface ArtifactInfo {
  /** Plural label used in navigation. */
  readonly label: string;
  /** One line: what the artifact is for. */
  readonly purpose: string;
  /** How to start, shown in the empty state. */
  readonly howToStart: string;
}

export const artifactInfo: Readonly<Record<ArtifactKind, ArtifactInfo>> = {
  assessment: {
    label: 'Assessments',
    purpose:
      'Scores the organisation against a question set (readiness, warning signs, contrasts, capabilities, audit) so the room agrees where it stands.',
    howToStart:
      'Open the agenda step that runs the assessment, read each question aloud and let the room answer; scores and gaps appear as you go.',
  },
  persona: {
    label: 'Personas',
    purpose:
      'Evidence-backed portraits of the customers who matter most: goals, needs, pains, gains, behaviours and the why behind them.',
    howToStart:
      'Start from the segment the room cares most about. Name one real-feeling customer, then fill in goals, pains and gains, citing where each claim comes from.',
  },
  'segment-map': {
    label: 'Segment value & needs maps',
    purpose:
      'Per segment: its jobs, pains and gains, what you offer against them, how well the offer fits, and what the segment is worth now and could be worth.',
    howToStart:
      'List the segments you serve, then for the first one capture its needs before anyone talks about products.',
  },
  journey: {
    label: 'Customer journeys',
    purpose:
      'One persona and scenario mapped stage by stage: actions, touchpoints, thoughts, emotions, pain points, moments of truth and opportunities.',
    howToStart:
      'Pick a persona and a scenario, agree the stages from first awareness to renewal or leaving, then fill the actions lane first.',
  },
  roadmap: {
    label: 'Lifecycle roadmap',
    purpose:
      'Initiatives across acquisition, activation, retention and re-activation against a time horizon, so resources go to the weakest stage.',
    howToStart:
      'Bring the opportunities from the journeys, place each in its lifecycle lane, then agree now / next / later.',
  },
  'measurement-plan': {
    label: 'Measurement plan',
    purpose:
      'The metrics agreed before the work starts: what, why, baseline, target, owner and cadence, per initiative and lifecycle stage.',
    howToStart:
      'For each lifecycle stage pick one behavioural and one attitudinal metric, then record today\u2019s baseline and the target.',
  },
  actions: {
    label: 'Decisions & actions',
    purpose: 'Who does what by when, decisions taken in the room, and a parking lot for everything else.',
    howToStart: 'Capture each decision as it is made; give every action an owner and a date before the room breaks.',
  },
};
