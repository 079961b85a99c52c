import { spawn } from 'node:child_process';
import { chromium } from '/work/main/node_modules/playwright-core/index.mjs';

const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', '4190', '--strictPort'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 2500));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const [w, h, name, steps, projector, source] = process.argv.slice(2);
try {
  const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  await page.goto(`http://127.0.0.1:4190/${projector === '1' ? '?projector=1' : ''}`);
  await page.waitForSelector('svg.graph');
  if (source) {
    const ed = page.getByRole('textbox', { name: /program|expression/i }).first();
    await ed.fill(source.replace(/\\n/g, '\n'));
    await ed.blur();
    await page.waitForTimeout(500);
  }
  if (projector !== '1') {
    await page.getByText('Forward vs reverse mode').click();
    await page.getByRole('button', { name: 'Animate forward mode' }).click();
  } else {
    await page.evaluate(() => 0);
  }
  await page.waitForTimeout(200);
  const pause = page.getByRole('button', { name: 'Pause' });
  if (await pause.count()) await pause.click();
  await page.getByRole('button', { name: 'Restart' }).click();
  for (let k = 0; k < Number(steps); k++) await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/${name}.png` });
  console.log(await page.locator('.step-panel').innerText());
} finally {
  await browser.close();
  server.kill();
}
