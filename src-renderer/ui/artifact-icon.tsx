// One icon per artifact kind, from the app's single icon set (lucide).
import { Gauge, LineChart, ListTodo, Map, Route, Target, UserRound, type LucideProps } from 'lucide-react';
import type { ArtifactKind } from '../domain/artifacts';

const icons = {
  assessment: Gauge,
  persona: UserRound,
  'segment-map': Target,
  journey: Route,
  roadmap: Map,
  'measurement-plan': LineChart,
  actions: ListTodo,
} as const;

export function ArtifactIcon({ kind, ...rest }: { kind: ArtifactKind } & LucideProps) {
  const Icon = icons[kind];
  return <Icon aria-hidden {...rest} />;
}
