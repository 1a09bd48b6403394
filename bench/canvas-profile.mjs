// Where the journey canvas spends its time at Zoom to fit, measured as CPU work rather than
// frame times (which a busy machine inflates): renderer CPU time, script, style and layout per
// frame while panning, zooming and dragging one card, and the functions that take the most
// self time. Usage: node bench/canvas-profile.mjs [cards=2000] [bare] [open] (after `npm run bench`
// built out/bench-app and out/bench-bare). A diagnostic, not part of `npm run bench`.
/* global window, document, performance, requestAnimationFrame, MouseEvent, WheelEvent, innerWidth, innerHeight -- these run inside the page */
import { chromium } from '@playwright/test';
import { startServer } from '../scripts/serve.mjs';
import { chromiumArgs, findChromium } from '../scripts/find-chromium.mjs';
import { putRows, syntheticJourney, workshopRow } from './seed.mjs';

const n = Number(process.argv[2] ?? 2000);
const isBare = process.argv.includes('bare');
// `open`: measure at the view the journey opens with instead of after Zoom to fit.
const atOpen = process.argv.includes('open');
const width = Number(process.env.W ?? 1920);
const height = Number(process.env.H ?? 1080);
const FRAMES = 90;
// NOPROF=1: CPU figures without the sampling profiler's own cost.
const noProfile = process.env.NOPROF === '1';

/** Runs `frames` frames of one gesture; resolves when done. */
const gesture = ({ kind, frames }) =>
  new Promise((res, rej) => {
    // Centric's far view draws cards into a bitmap: rest the pointer on one first (bench.mjs, dragOne).
    if (kind === 'drag' && !document.querySelector('.react-flow__node-card, .react-flow__node-default')) {
      let i = 0;
      const probe = () => {
        // Within the far view's bitmap (where the cards are) and away from the screen's edges.
        const fb = document.querySelector('.jy-far-layer')?.getBoundingClientRect();
        const left = Math.max(320, fb?.left ?? 0);
        const top = Math.max(270, fb?.top ?? 0);
        const x = left + ((i * 37) % Math.max(1, Math.min(innerWidth - 320, fb?.right ?? innerWidth) - left));
        const y = top + ((i * 53) % Math.max(1, Math.min(innerHeight - 270, fb?.bottom ?? innerHeight) - top));
        (document.elementFromPoint(x, y) ?? document.body).dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true, view: window, buttons: 0 }));
        i++;
        requestAnimationFrame(() => requestAnimationFrame(() => (document.querySelector('.react-flow__node-card') || i > 200 ? gesture({ kind, frames }).then(res, rej) : probe())));
      };
      return probe();
    }
    const pane = document.querySelector('.react-flow__pane');
    const r = pane.getBoundingClientRect();
    const cx = r.left + r.width / 2;
    const cy = r.top + r.height / 2;
    const mouse = (type, target, x, y) => target.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, bubbles: true, cancelable: true, view: window, button: 0, buttons: type === 'mouseup' ? 0 : 1 }));
    let target = pane;
    let x0 = cx;
    let y0 = cy;
    if (kind === 'drag') {
      const el = [...document.querySelectorAll('.react-flow__node-card, .react-flow__node-default')].find((e) => {
        const b = e.getBoundingClientRect();
        return b.left > 300 && b.top > 250 && b.right < innerWidth - 300 && b.bottom < innerHeight - 250;
      });
      if (!el) return rej(new Error('no card on screen'));
      const b = el.getBoundingClientRect();
      target = el;
      x0 = b.left + b.width / 2;
      y0 = b.top + Math.min(12, b.height / 2);
    }
    let i = 0;
    const tick = () => {
      if (kind === 'zoom') {
        const dir = Math.floor(i / 30) % 2 === 0 ? 1 : -1;
        pane.dispatchEvent(new WheelEvent('wheel', { deltaY: 4 * dir, deltaMode: 0, ctrlKey: true, clientX: cx, clientY: cy, bubbles: true, cancelable: true, view: window }));
      } else {
        if (i === 0) mouse('mousedown', target, x0, y0);
        const amp = kind === 'drag' ? 120 : 400;
        mouse('mousemove', window, x0 + amp * Math.sin(i / 10) + 5, y0 + (amp / 2) * Math.cos(i / 10) - 60);
      }
      i++;
      if (i < frames) requestAnimationFrame(tick);
      else {
        if (kind !== 'zoom') mouse('mouseup', window, x0, y0);
        res();
      }
    };
    requestAnimationFrame(tick);
  });

/** Prints the functions with the most self time in a CPU profile, per frame. */
function printTop(profile, frames, count) {
  const self = new Map();
  const dt = profile.timeDeltas;
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const top = [...self.entries()].filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(program)')).sort((x, y) => y[1] - x[1]).slice(0, count);
  for (const [k, v] of top) console.log(`      ${(v / frames).toFixed(2)}  ${k}`);
}

const executablePath = findChromium();
const server = await startServer({ port: 0, dir: new URL(isBare ? '../out/bench-bare' : '../out/bench-app', import.meta.url).pathname });
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
try {
  const page = await browser.newPage({ viewport: { width, height } });
  if (isBare) {
    await page.goto(`${server.url}?n=${n}${atOpen ? '' : '&fit=1'}`);
    await page.locator('.react-flow__node').first().waitFor();
  } else {
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Workshops' }).waitFor();
    const { journey, cards } = syntheticJourney('prof', n);
    await putRows(page, { workshops: [workshopRow('prof', 'Profile')], journeys: [journey], journeyCards: cards });
    await page.goto(`${server.url}#/w/prof/artifact/journey/${journey.id}`);
    await page.locator('.react-flow__node-card').first().waitFor();
    await page.waitForTimeout(1000);
    const early = await page.context().newCDPSession(page);
    await early.send('Profiler.enable');
    await early.send('Profiler.setSamplingInterval', { interval: 500 });
    await early.send('Profiler.start');
    // How long the switch to the far view takes (it mounts every card): click to the second frame after.
    const switchMs = atOpen
      ? null
      : await page.evaluate(
          () =>
            new Promise((res) => {
              const t = performance.now();
              [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Zoom to fit')?.click();
              requestAnimationFrame(() => requestAnimationFrame(() => res(performance.now() - t)));
            }),
        );
    if (switchMs !== null) console.log(`Zoom to fit from the opening view: ${switchMs.toFixed(0)} ms to the second frame`);
    const { profile: sp } = await early.send('Profiler.stop');
    if (process.env.TOP_SWITCH) printTop(sp, 1, Number(process.env.TOP_SWITCH));
    await early.detach();
  }
  await page.waitForTimeout(1500);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const metric = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const drawn = await page.locator(isBare ? '.react-flow__node' : '.jy-card').count();
  console.log(`${isBare ? 'bare' : 'centric'} ${n} cards at ${atOpen ? 'the opening view' : 'fit'}, ${drawn} drawn, ${width}x${height}; per frame (ms):`);
  for (const kind of ['pan', 'zoom', 'drag']) {
    // TRACE=1: main-thread time per frame by trace event (paint, pre-paint, layerize, commit ...).
    const tracing = process.env.TRACE === '1';
    const events = [];
    if (tracing) {
      cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
      await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
    }
    if (!noProfile) await cdp.send('Profiler.start');
    const a = await metric();
    const t = Date.now();
    await page.evaluate(gesture, { kind, frames: FRAMES });
    const b = await metric();
    const profile = noProfile ? null : (await cdp.send('Profiler.stop')).profile;
    const per = (k) => (((b[k] - a[k]) * 1000) / FRAMES).toFixed(1);
    console.log(`  ${kind}: wall ${((Date.now() - t) / FRAMES).toFixed(1)}  task ${per('TaskDuration')}  script ${per('ScriptDuration')}  style ${per('RecalcStyleDuration')}  layout ${per('LayoutDuration')}  thread cpu ${per('ThreadTime')}  process cpu ${per('ProcessTime')}`);
    if (profile) printTop(profile, FRAMES, Number(process.env.TOP ?? 8));
    if (tracing) {
      const done = new Promise((res) => cdp.once('Tracing.tracingComplete', res));
      await cdp.send('Tracing.end');
      await done;
      cdp.removeAllListeners('Tracing.dataCollected');
      const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
      const by = new Map();
      for (const e of events) if (e.ph === 'X' && main && e.tid === main.tid && e.pid === main.pid) by.set(e.name, (by.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
      console.log('      ' + [...by.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k} ${(v / FRAMES).toFixed(1)}`).join(' | '));
    }
    await page.waitForTimeout(400);
  }
} finally {
  await browser.close();
  server.server.close();
  server.server.closeAllConnections();
}
