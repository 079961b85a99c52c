/**
 * `npm run bench:browser`: layout time in Chromium for 50, 500 and 2,000-node graphs, and how long the
 * whole update takes (paste → graph drawn). Medians of a few runs; no assertions.
 */
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { bigProgram } from '../e2e/programs';

const server = await preview({ preview: { host: '127.0.0.1', port: 4174, strictPort: true } });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto('http://127.0.0.1:4174/');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const rows: string[][] = [];
for (const size of [50, 500, 2000]) {
  const layout: number[] = [];
  const total: number[] = [];
  for (let run = 0; run < 5; run++) {
    const src = `${bigProgram(size)} + ${run}`; // a new shape each run, so nothing is reused
    const t0 = Date.now();
    await page.getByRole('textbox', { name: 'Expression' }).fill(src);
    const svg = page.getByLabel('Computation graph');
    await page.waitForFunction(
      (n) => Number(document.querySelector('svg.graph')?.getAttribute('data-nodes')) >= n,
      size * 0.9,
      { timeout: 60_000 },
    );
    await page.waitForFunction(
      (s) => (document.querySelector('#expression') as HTMLTextAreaElement).value === s,
      src,
    );
    total.push(Date.now() - t0);
    layout.push(Number(await svg.getAttribute('data-layout-ms')));
  }
  const nodes = await page.getByLabel('Computation graph').getAttribute('data-nodes');
  rows.push([String(size), String(nodes), median(layout).toFixed(1), String(median(total))]);
}
console.log('Gradflow layout in Chromium (median of 5)\n');
console.log('target  nodes  layout ms  paste→drawn ms');
for (const r of rows)
  console.log(`${r[0]?.padStart(6)}  ${r[1]?.padStart(5)}  ${r[2]?.padStart(9)}  ${r[3]?.padStart(14)}`);
await browser.close();
server.httpServer.close();
