// Benchmark baseline, built only by scripts/bench.mjs: a bare React Flow page with `?n=` default
// nodes laid out like a journey (12 columns of ~200 px cards), nothing else. `&fit=1` opens it
// fitted to all nodes (the baseline for Centric's Zoom to fit). Never shipped.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ReactFlow, useNodesState, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';

const query = new URLSearchParams(location.search);
const n = Number(query.get('n') ?? '200');
const fit = query.get('fit') === '1';
// The same options as Centric's Zoom to fit (use-canvas-fit.ts).
const FIT_OPTIONS = { padding: 0.03, maxZoom: 1.5, minZoom: 0.05 };
const perRow = 12;
const initial: Node[] = Array.from({ length: n }, (_, i) => ({
  id: String(i),
  position: { x: 220 + (i % perRow) * 218, y: 72 + Math.floor(i / perRow) * 92 },
  data: { label: `${i + 1}. customer calls again about the claim status` },
  style: { width: 196 },
}));

function App() {
  const [nodes, , onNodesChange] = useNodesState(initial);
  const width = 220 + perRow * 218;
  const zoom = Math.min(1.5, (window.innerWidth - 48) / width);
  return <ReactFlow nodes={nodes} onNodesChange={onNodesChange} defaultViewport={{ x: 24, y: 24, zoom }} fitView={fit} fitViewOptions={FIT_OPTIONS} minZoom={0.05} maxZoom={3} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
