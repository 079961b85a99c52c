import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LECTURE_EXAMPLES } from '../../src/examples/lectures';
import { expect, test } from './fixtures';
import { readGradients, setVariable, typeProgram } from './helpers';
import { bigProgram } from './programs';

const file = resolve('dist-single/gradflow.html');

test('the single-file build works from file:// with no network at all', async ({ page }) => {
  test.skip(!existsSync(file), 'run `npm run build:single` first (npm test does)');
  const requests: string[] = [];
  await page.route(/^https?:/, (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  await page.goto(pathToFileURL(file).href);
  const ex = LECTURE_EXAMPLES[0];
  if (!ex) throw new Error('no example');
  await typeProgram(page, ex.source);
  for (const [name, v] of Object.entries(ex.values)) await setVariable(page, name, v);
  const g = await readGradients(page);
  for (const [name, want] of Object.entries(ex.expected.gradients))
    expect(g[name]?.grad, name).toBeCloseTo(want, 6);
  // KaTeX renders with its own fonts, which came inside the file.
  await page.getByRole('button', { name: 'Restart' }).click();
  for (let k = 0; k < 8; k++) await page.keyboard.press('PageDown');
  await expect(page.getByRole('region', { name: 'Step' }).locator('.katex')).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  const katexFont = await page.evaluate(() => document.fonts.check('16px KaTeX_Main'));
  expect(katexFont).toBe(true);
  // A large graph still gets laid out (in the inlined worker, or on the main thread if it cannot start).
  await page.getByRole('textbox', { name: 'Expression' }).fill(bigProgram(600));
  await expect(page.getByLabel('Computation graph')).toHaveAttribute('data-nodes', /^\d{3}$/, {
    timeout: 20_000,
  });
  expect(requests).toEqual([]);
});
