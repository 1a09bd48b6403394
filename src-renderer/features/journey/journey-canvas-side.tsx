// The canvas's view controls (zoom buttons, the minimap and its toggle) in a strip of their own
// beside the canvas: floating over the canvas they covered the cards and lane names beneath
// them at any fit. They drive the canvas's React Flow through the shared ReactFlowProvider.
import { Controls, MiniMap } from '@xyflow/react';
import { Map as MapIcon } from 'lucide-react';
import { cardColors, isCardColor } from '../../domain/journey';
import type { JourneyNode } from './journey-nodes';
import { useJourneyUi } from './journey-ui';

function minimapColor(n: JourneyNode): string {
  // In the far view the cards are one bitmap (far-layer.tsx): the minimap shows its extent.
  if (n.type === 'far') return '#d5dbe4';
  if (n.type !== 'card') return 'transparent';
  const c = n.data.card.color;
  return isCardColor(c) ? cardColors[c].edge : cardColors.yellow.edge;
}

export function CanvasSide({ big }: { big: boolean }) {
  // The minimap redraws on every pan and zoom frame and halves the frame rate of a small journey
  // on a laptop without a GPU, so it is shown on request (remembered for the session).
  const showMinimap = useJourneyUi((s) => s.minimap) && !big;
  return (
    // A group, not an aside: a complementary landmark may not sit inside the page's main.
    <div className={`jy-canvas-side${showMinimap ? ' jy-canvas-side-wide' : ''}`} role="group" aria-label="Canvas view">
      <Controls showInteractive={false} aria-label="Zoom controls" />
      {!big ? (
        <button
          type="button"
          className="icon-button jy-minimap-toggle"
          aria-label="Show minimap"
          aria-pressed={showMinimap}
          title={showMinimap ? 'Hide the minimap' : 'Show a minimap of the whole journey'}
          onClick={() => useJourneyUi.setState((s) => ({ minimap: !s.minimap }))}
        >
          <MapIcon size={18} aria-hidden />
        </button>
      ) : null}
      {showMinimap ? <MiniMap<JourneyNode> pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={0} ariaLabel="Minimap of the journey" /> : null}
    </div>
  );
}
