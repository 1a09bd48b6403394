// The in-app location, kept in the URL hash so a reload (or a second window) lands on the same screen.
import { useSyncExternalStore } from 'react';
import { artifactKinds, type ArtifactKind } from '../domain/artifacts';

export type Route =
  | { readonly name: 'library' }
  | { readonly name: 'settings' }
  | { readonly name: 'workshop'; readonly workshopId: string }
  | { readonly name: 'step'; readonly workshopId: string; readonly stepId: string }
  | { readonly name: 'artifact'; readonly workshopId: string; readonly kind: ArtifactKind; readonly itemId?: string }
  /** Run mode: the facilitator's controls for running the agenda (stepId absent: the current step). */
  | { readonly name: 'run'; readonly workshopId: string; readonly stepId?: string }
  /** The presenter window for the projector, following the run session. */
  | { readonly name: 'present'; readonly workshopId: string }
  /** The export screen: the client deck, roadmap PDF, PowerPoint, images and CSV. */
  | { readonly name: 'export'; readonly workshopId: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'settings') return { name: 'settings' };
  if (parts[0] === 'present' && parts[1]) return { name: 'present', workshopId: parts[1] };
  if (parts[0] === 'w' && parts[1]) {
    const workshopId = parts[1];
    if (parts[2] === 'run') return parts[3] ? { name: 'run', workshopId, stepId: parts[3] } : { name: 'run', workshopId };
    if (parts[2] === 'export') return { name: 'export', workshopId };
    if (parts[2] === 'step' && parts[3]) return { name: 'step', workshopId, stepId: parts[3] };
    if (parts[2] === 'artifact' && (artifactKinds as readonly string[]).includes(parts[3] ?? '')) {
      const kind = parts[3] as ArtifactKind;
      return parts[4] ? { name: 'artifact', workshopId, kind, itemId: parts[4] } : { name: 'artifact', workshopId, kind };
    }
    return { name: 'workshop', workshopId };
  }
  return { name: 'library' };
}

export function routeHref(r: Route): string {
  switch (r.name) {
    case 'library':
      return '#/';
    case 'settings':
      return '#/settings';
    case 'workshop':
      return `#/w/${encodeURIComponent(r.workshopId)}`;
    case 'step':
      return `#/w/${encodeURIComponent(r.workshopId)}/step/${encodeURIComponent(r.stepId)}`;
    case 'artifact':
      return `#/w/${encodeURIComponent(r.workshopId)}/artifact/${r.kind}${r.itemId ? `/${encodeURIComponent(r.itemId)}` : ''}`;
    case 'run':
      return `#/w/${encodeURIComponent(r.workshopId)}/run${r.stepId ? `/${encodeURIComponent(r.stepId)}` : ''}`;
    case 'present':
      return `#/present/${encodeURIComponent(r.workshopId)}`;
    case 'export':
      return `#/w/${encodeURIComponent(r.workshopId)}/export`;
  }
}

export function navigate(r: Route): void {
  const href = routeHref(r);
  if (location.hash !== href) location.hash = href;
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => location.hash);
  return parseRoute(hash);
}
