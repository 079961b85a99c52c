/**
 * `npm run bench:browser`: the first load of the built app (dist/) in Chromium. Reports the JavaScript
 * fetched before the first graph is painted (gzip-sized here with node:zlib, as a server would send it)
 * and the time from navigation to the first graph painted, unthrottled and under 4× CPU throttling
 * (Chromium's "low-end mobile" setting), and the time at which the app has taken the page over (the first
 * frame after React has hydrated, or drawn, the graph: clicks work from then on). Median of 5 cold loads
 * each (LOAD_BENCH_RUNS=n for more); no assertions.
 * LOAD_BENCH_BASELINE=path/to/another/dist measures that build too, for a before/after table (several
 * paths, separated by commas, for more builds side by side).
 */
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium } from '@playwright/test';
import { preview } from 'vite';

const PORT = 4176;
const RUNS = Number(process.env.LOAD_BENCH_RUNS ?? 5);
const ADDRESS = `http://127.0.0.1:${PORT}/`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/**
 * Run in the page before any script: the first graph is painted in the first frame painted after the
 * graph's nodes are in the document. That is the first contentful paint if the nodes came before it (the
 * app renders in one commit); otherwise the frame after they came (the rAF callback runs just before it,
 * the task after it just after). A string, not a function, so that tsx's helpers stay out of the page.
 */
const WATCH_FIRST_GRAPH = `
  new MutationObserver((_, obs) => {
    if (!document.querySelector('svg.graph g.node')) return;
    obs.disconnect();
    const seen = performance.now();
    requestAnimationFrame(() => setTimeout(() => {
      const after = performance.now();
      new PerformanceObserver((list, po) => {
        const fcp = list.getEntries().find((e) => e.name === 'first-contentful-paint');
        if (!fcp) return;
        po.disconnect();
        window.__firstGraph = fcp.startTime >= seen ? fcp.startTime : after;
        requestAnimationFrame(live);
      }).observe({ type: 'paint', buffered: true });
    }, 0));
  }).observe(document, { childList: true, subtree: true });
  // React marks the elements it owns (a property named __reactFiber$…): the first frame in which a node of
  // the graph has one is the first in which the app, not the prerendered HTML, is on screen. Looked for
  // only once the first graph is painted, so that asking for frames does not change when that is.
  function live() {
    const node = document.querySelector('svg.graph g.node');
    if (node && Object.keys(node).some((k) => k.startsWith('__reactFiber$'))) window.__live = performance.now();
    else requestAnimationFrame(live);
  }
`;

interface Load {
  ms: number;
  live: number;
  scripts: string[];
  /** The scripts fetched before the app was live. */
  liveScripts: string[];
}

/** One cold load: a new context, so no HTTP cache, no code cache and no stored state. */
async function loadOnce(browser: Browser, rate: number): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(WATCH_FIRST_GRAPH);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.goto(ADDRESS);
  await page.waitForFunction('window.__firstGraph && window.__live', null, { timeout: 30_000, polling: 50 });
  const load = await page.evaluate(() => {
    const w = window as unknown as { __firstGraph: number; __live: number };
    const ms = w.__firstGraph;
    // No named local functions here: tsx would wrap them in a helper the page does not have.
    const js = performance
      .getEntriesByType('resource')
      .filter((e) => /\.m?js$/.test(new URL(e.name).pathname))
      .map((e) => ({ at: e.startTime, path: new URL(e.name).pathname }));
    return {
      ms,
      live: w.__live,
      scripts: js.filter((e) => e.at < ms).map((e) => e.path),
      liveScripts: js.filter((e) => e.at < w.__live).map((e) => e.path),
    };
  });
  await context.close();
  return load;
}

async function serve(dir: string) {
  return preview({
    preview: { host: '127.0.0.1', port: PORT, strictPort: true },
    build: { outDir: dir },
    logLevel: 'error',
  });
}

const builds: { label: string; dir: string; loads: Record<number, Load[]> }[] = [];
// Several baselines may be given, separated by commas: each is labelled by its folder's name.
const baselines = (process.env.LOAD_BENCH_BASELINE ?? '').split(',').filter(Boolean);
for (const dir of baselines)
  builds.push({
    label: baselines.length === 1 ? 'baseline' : basename(dir).slice(-10),
    dir: resolve(dir),
    loads: { 1: [], 4: [] },
  });
builds.push({ label: 'this build', dir: resolve('dist'), loads: { 1: [], 4: [] } });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
// The builds take turns, run by run, so that a busy machine slows them alike. The first run of each
// warms the server and the disk up and is not counted.
for (let run = 0; run <= RUNS; run++) {
  for (const b of builds) {
    const server = await serve(b.dir);
    for (const rate of [1, 4]) {
      const load = await loadOnce(browser, rate);
      if (run > 0) b.loads[rate]?.push(load);
    }
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
}
await browser.close();

/** The entry script named by index.html (counted even if the page's timing list missed it). */
function entryScript(dir: string): string {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const m = html.match(/<script type="module"[^>]*src="\.?\/?([^"]+)"/);
  if (!m?.[1]) throw new Error(`${dir}/index.html has no module script`);
  return m[1];
}

const rows = builds.map((b) => {
  const first = b.loads[1]?.[0];
  if (!first) throw new Error('no load measured');
  const entry = `/${entryScript(b.dir)}`;
  const scripts = [...new Set([...first.scripts, entry])];
  const liveScripts = [...new Set([...first.liveScripts, entry])];
  const gzip = (files: string[]) =>
    files.reduce((sum, s) => sum + gzipSync(readFileSync(join(b.dir, s))).length, 0);
  return {
    label: b.label,
    scripts,
    liveScripts,
    gzip: gzip(scripts),
    liveGzip: gzip(liveScripts),
    unthrottled: median((b.loads[1] ?? []).map((l) => l.ms)),
    throttled: median((b.loads[4] ?? []).map((l) => l.ms)),
    live: median((b.loads[4] ?? []).map((l) => l.live)),
  };
});

console.log(`Gradflow first load in Chromium (median of ${RUNS} cold loads)\n`);
const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
console.log(
  '     build  initial JS gzip  first graph ms  at 4× CPU ms  app live at 4× ms  JS before live gzip',
);
for (const r of rows)
  console.log(
    `${r.label.padStart(10)}  ${kB(r.gzip).padStart(15)}  ${r.unthrottled.toFixed(0).padStart(14)}  ${r.throttled.toFixed(0).padStart(12)}  ${r.live.toFixed(0).padStart(17)}  ${kB(r.liveGzip).padStart(19)}`,
  );
for (const r of rows) {
  console.log(`\n${r.label}: scripts before the first graph: ${r.scripts.join(', ')}`);
  console.log(`${r.label}: scripts before the app was live: ${r.liveScripts.join(', ')}`);
}
