/**
 * The engine benchmark in Chromium: `analyze` (parse + graph + forward + backward) on the same programs
 * as `npm run bench`, run by the page's own JavaScript engine. Vite's dev server serves src/core as ES
 * modules, exactly the code the app bundles. Medians; no assertions.
 */
import { chromium } from '@playwright/test';
import { createServer } from 'vite';
import { expression, program } from './generators';

const server = await createServer({
  server: { host: '127.0.0.1', port: 4175, strictPort: true },
  logLevel: 'error',
});
await server.listen();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage();
await page.goto('http://127.0.0.1:4175/');

const rows: string[][] = [];
for (const [kind, gen] of [
  ['expression', expression],
  ['program', program],
] as const) {
  for (const size of [10_000, 100_000]) {
    const source = gen(size);
    const result = await page.evaluate(async (src) => {
      const core = await import('/src/core/index.ts' as string);
      const times: number[] = [];
      let nodes = 0;
      for (let run = 0; run < 12; run++) {
        const t0 = performance.now();
        const r = core.analyze(src);
        times.push(performance.now() - t0);
        if (!r.ok) throw new Error(r.error.message);
        nodes = r.graph.size;
      }
      times.shift(); // the first run warms the JIT up
      times.sort((a, b) => a - b);
      return { nodes, median: times[Math.floor(times.length / 2)] as number, min: times[0] as number };
    }, source);
    rows.push([kind, result.nodes.toLocaleString('en-US'), result.median.toFixed(1), result.min.toFixed(1)]);
  }
}
console.log('Gradflow engine in Chromium: analyze (median and best of 11)\n');
console.log('   program    nodes  median ms  best ms');
for (const r of rows)
  console.log(`${r[0]?.padStart(10)}  ${r[1]?.padStart(7)}  ${r[2]?.padStart(9)}  ${r[3]?.padStart(7)}`);
await browser.close();
await server.close();
