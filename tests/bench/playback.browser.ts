/**
 * `npm run bench:browser`: big graphs in the built app (dist/), in Chromium.
 *  - Playing the backward pass of a 1,000-node program at the fastest speed for 10 s: the frame
 *    intervals' median and 95th percentile, and the main-thread tasks over 50 ms ("long tasks").
 *  - Pasting a 2,000-node program: the longest main-thread task between the paste and the graph drawn.
 * PLAYBACK_BENCH_BASELINE=path/to/another/dist measures that build too, in the same run, taking turns.
 * No assertions: the numbers are for people (goals: p95 ≤ 17 ms and no long task while playing; no task
 * over 100 ms for the paste).
 */
import { resolve } from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import { program } from './generators';

const PORT = Number(process.env.PLAYBACK_BENCH_PORT ?? 4177);
const ADDRESS = `http://127.0.0.1:${PORT}/`;
const PLAY_MS = 10_000;
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? Number.NaN;

/** Long tasks from the page's start, collected in the page (a string: tsx's helpers stay out of it). */
const WATCH_TASKS = `
  window.__tasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__tasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

async function open(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ADDRESS });
  const page = await context.newPage();
  await page.addInitScript(WATCH_TASKS);
  if (process.env.PLAYBACK_BENCH_NOFOLLOW)
    await page.addInitScript("localStorage.setItem('gradflow:follow', 'off')");
  await page.goto(ADDRESS);
  await page.locator('svg.graph g.node').first().waitFor();
  return page;
}

/**
 * Pastes the program over the text box's text (the clipboard and Ctrl+V, as a student does: Playwright's
 * fill() types it in through a much slower path of Chromium's editor, 1.5 s at 2,000 nodes on its own),
 * and waits until its graph is drawn.
 */
async function paste(page: Page, source: string, nodes: number): Promise<number> {
  const box = page.getByRole('textbox', { name: 'Expression' });
  await box.focus();
  await page.keyboard.press('Control+A');
  await page.evaluate((text) => navigator.clipboard.writeText(text), source);
  const t0 = await page.evaluate(() => performance.now());
  await page.keyboard.press('Control+V');
  await page.waitForFunction(
    (n) => Number(document.querySelector('svg.graph')?.getAttribute('data-nodes')) >= n,
    nodes,
    { timeout: 60_000, polling: 100 },
  );
  // The drawing itself: two frames after the nodes are in the document.
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))),
  );
  await page.waitForTimeout(500);
  return page.evaluate(
    (from) =>
      Math.max(
        0,
        ...(window as unknown as { __tasks: { start: number; ms: number }[] }).__tasks
          .filter((t) => t.start >= from)
          .map((t) => t.ms),
      ),
    t0,
  );
}

interface Playing {
  median: number;
  p95: number;
  longTasks: number;
  longest: number;
  steps: number;
}

/** Plays the backward pass at the fastest speed for PLAY_MS and measures the frames. */
async function play(page: Page): Promise<Playing> {
  const speed = page.getByRole('combobox', { name: 'Speed' });
  const fastest = await speed.evaluate((s: HTMLSelectElement) => s.options[s.options.length - 1]?.value);
  await speed.selectOption(fastest as string);
  const status = page.locator('[data-forward]');
  const forward = Number(await status.getAttribute('data-forward'));
  await page.getByRole('slider', { name: 'Position' }).fill(String(forward));
  await page.waitForTimeout(500);
  const from = Number(await status.getAttribute('data-position'));
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  const frames: number[] = await page.evaluate(`new Promise((done) => {
    const t = [];
    const start = performance.now();
    const tick = (now) => {
      t.push(now);
      if (now - start < ${PLAY_MS}) requestAnimationFrame(tick);
      else done(t);
    };
    requestAnimationFrame(tick);
  })`);
  const to = Number(await status.getAttribute('data-position'));
  await page.getByRole('button', { name: 'Pause' }).click();
  const start = frames[0] as number;
  const end = frames[frames.length - 1] as number;
  const tasks = await page.evaluate(
    ([a, b]) =>
      (window as unknown as { __tasks: { start: number; ms: number }[] }).__tasks.filter(
        (t) => t.start >= (a as number) && t.start <= (b as number),
      ),
    [start, end],
  );
  const gaps = frames.slice(1).map((t, i) => t - (frames[i] as number));
  return {
    median: quantile(gaps, 0.5),
    p95: quantile(gaps, 0.95),
    longTasks: tasks.length,
    longest: Math.max(0, ...tasks.map((t) => t.ms)),
    steps: to - from,
  };
}

const builds: { label: string; dir: string }[] = [];
const baseline = process.env.PLAYBACK_BENCH_BASELINE;
if (baseline) builds.push({ label: 'baseline', dir: resolve(baseline) });
builds.push({ label: 'this build', dir: resolve('dist') });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const RUNS = Number(process.env.PLAYBACK_BENCH_RUNS ?? 2);
const results = builds.map(() => ({ playing: [] as Playing[], paste: [] as number[] }));
const big = program(1_000);
const bigger = program(2_000);
// The builds take turns, run by run, so that a busy machine slows them alike.
for (let run = 0; run < RUNS; run++) {
  for (const [i, b] of builds.entries()) {
    const server = await preview({
      preview: { host: '127.0.0.1', port: PORT, strictPort: true },
      build: { outDir: b.dir },
      logLevel: 'error',
    });
    const page = await open(browser);
    await paste(page, big, 900);
    results[i]?.playing.push(await play(page));
    await page.context().close();
    const fresh = await open(browser);
    results[i]?.paste.push(await paste(fresh, bigger, 1_900));
    await fresh.context().close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
}
await browser.close();

const best = <T>(xs: T[], key: (x: T) => number) => xs.reduce((a, b) => (key(b) < key(a) ? b : a));
console.log(`Gradflow big graphs in Chromium (best of ${RUNS} runs)\n`);
console.log(
  '     build  playing 1,000 nodes: frame median / p95 ms, long tasks (longest ms), steps in 10 s   paste 2,000 nodes: longest task ms',
);
for (const [i, b] of builds.entries()) {
  const r = results[i];
  if (!r) continue;
  const p = best(r.playing, (x) => x.p95);
  console.log(
    `${b.label.padStart(10)}  ${`${p.median.toFixed(1)} / ${p.p95.toFixed(1)}`.padStart(13)}  ${`${p.longTasks} (${p.longest.toFixed(0)})`.padStart(10)}  ${String(p.steps).padStart(5)}   ${Math.min(
      ...r.paste,
    )
      .toFixed(0)
      .padStart(8)}`,
  );
}
