// The error boundary for one routed screen: names the screen the route shows, says where "Go back"
// leads from it, and backs up the library with the same action as the library's own button.
// The app shell wraps every screen in one; the workshop wraps its page, so its sidebar stays.
import type { ReactNode } from 'react';
import { artifactInfo } from '../../domain/artifacts';
import { routeHref, type Route } from '../../state/router';
import { ScreenErrorBoundary } from '../../ui/screen-error-boundary';
import { exportLibraryBackup } from './backup';

/** The failed screen's name for the heading, and the nearest screen above it. */
export function screenOfRoute(route: Route): { readonly screen: string; readonly backHref: string } {
  const library = routeHref({ name: 'library' });
  switch (route.name) {
    case 'library':
      return { screen: 'The library', backHref: library };
    case 'settings':
      return { screen: 'Settings', backHref: library };
    case 'workshop':
      return { screen: 'This workshop', backHref: library };
    case 'step':
      return { screen: 'This agenda step', backHref: routeHref({ name: 'workshop', workshopId: route.workshopId }) };
    case 'artifact':
      return {
        screen: `“${artifactInfo[route.kind].label}”`,
        backHref: routeHref(route.itemId ? { ...route, itemId: undefined } : { name: 'workshop', workshopId: route.workshopId }),
      };
    case 'export':
      return { screen: 'The export screen', backHref: routeHref({ name: 'workshop', workshopId: route.workshopId }) };
    case 'run':
      return { screen: 'Run mode', backHref: routeHref({ name: 'workshop', workshopId: route.workshopId }) };
    case 'present':
      return { screen: 'The presenter view', backHref: routeHref({ name: 'workshop', workshopId: route.workshopId }) };
  }
}

/**
 * `route` is where the window is (any change clears the error); `holds` is the route of the screen
 * this boundary wraps, when that is an enclosing one (the app shell holds the whole workshop).
 */
export function RouteErrorBoundary({ route, holds = route, children }: { route: Route; holds?: Route; children: ReactNode }) {
  const here = screenOfRoute(holds);
  return (
    <ScreenErrorBoundary screen={here.screen} backHref={here.backHref} resetKey={routeHref(route)} onBackUp={exportLibraryBackup}>
      {children}
    </ScreenErrorBoundary>
  );
}
