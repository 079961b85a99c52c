import { encodeState } from '../../src/store/url';
import { expect, test } from './fixtures';
import { readGradients } from './helpers';

/* The first load: the build prerenders the first visit's screen (src/prerender.tsx), so the graph is
   there before any script runs; the script then takes it over, or draws a returning visitor's own work. */

test('a first visit shows the graph with JavaScript turned off', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  const graph = page.locator('svg.graph');
  await expect(graph.locator('g.node')).toHaveCount(5);
  await expect(graph.locator('g.node').first()).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Expression' })).toHaveValue(/q = x \+ y/);
  await context.close();
});

test('a first visit takes the prerendered screen over: nothing moves, it works, no error', async ({
  page,
}) => {
  // The view as first painted (fitted by the script after the root) is the view the app then fits.
  await page.addInitScript(() => {
    // The first change of the transform is the fitting script's (a microtask after it, before any module).
    const seen = new MutationObserver((records, obs) => {
      obs.disconnect();
      const g = records[0]?.target as Element | undefined;
      (window as unknown as { painted: string | null }).painted = g?.getAttribute('transform') ?? null;
    });
    seen.observe(document, { subtree: true, attributes: true, attributeFilter: ['transform'] });
  });
  await page.goto('/');
  await expect(page.locator('#root[data-prerendered]')).toHaveCount(0);
  const painted = await page.evaluate(() => (window as unknown as { painted: string | null }).painted);
  const numbers = (t: string | null) => (t?.match(/-?[\d.]+/g) ?? []).map(Number);
  expect(numbers(painted)).toHaveLength(3);
  await expect
    .poll(async () => numbers(await page.locator('svg.graph > g').getAttribute('transform')))
    .toEqual(numbers(painted).map((v) => expect.closeTo(v, 1)));
  await page.getByRole('textbox', { name: 'Expression' }).fill('a = 3; b = 4\nf = a * b');
  await expect(page.locator('svg.graph g.node')).toHaveCount(3);
  expect((await readGradients(page)).a?.grad).toBe(4);
});

test('a returning visitor sees their own work, not the first screen, with no error', async ({ page }) => {
  const mine = encodeState({
    source: 'u = 2; v = 7\nw = u * v\nf = w + u',
    values: {},
    palette: 'colorblind',
    theme: 'dark',
    projector: false,
    embed: false,
  });
  await page.addInitScript((text) => {
    if (!localStorage.getItem('gradflow:v1')) localStorage.setItem('gradflow:v1', text);
  }, mine);
  await page.goto('/');
  await expect(page.getByRole('textbox', { name: 'Expression' })).toHaveValue(/w = u \* v/);
  await expect(page.locator('svg.graph g.node')).toHaveCount(4);
  await expect(page.locator('.app')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html[data-returning]')).toHaveCount(0);
  expect((await readGradients(page)).u?.grad).toBe(8);
});
