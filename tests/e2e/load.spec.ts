import type { Page } from '@playwright/test';
import { encodeState } from '../../src/store/url';
import { expect, test } from './fixtures';
import { readGradients } from './helpers';

/**
 * The first load: KaTeX is not part of it (it comes once the graph is on screen), equations show as
 * plain LaTeX until it arrives, and a failed fetch of it is tried again.
 */

/** Marks, in KaTeX's code and in its stylesheet, that a file brings KaTeX. */
const KATEX_CODE = 'KaTeX parse error';
const KATEX_CSS = 'KaTeX_AMS';
const bringsKatex = (body: string) => body.includes(KATEX_CODE) || body.includes(KATEX_CSS);

/** In the page before any script: the time at which a frame showing the graph's nodes was painted. */
const WATCH_FIRST_GRAPH = `
  new MutationObserver((_, obs) => {
    if (!document.querySelector('svg.graph g.node')) return;
    obs.disconnect();
    requestAnimationFrame(() => setTimeout(() => (window.__firstGraph = performance.now()), 0));
  }).observe(document, { childList: true, subtree: true });
`;

/** Steps from the start to the first step that has an equation. */
async function stepToEquation(page: Page) {
  await page.getByRole('button', { name: 'Restart' }).click();
  const tex = page.getByRole('region', { name: 'Step' }).locator('.step-tex');
  for (let k = 0; k < 20 && (await tex.count()) === 0; k++) await page.keyboard.press('PageDown');
  await expect(tex).toBeVisible();
}

test('the first load fetches no KaTeX before the graph is painted, and KaTeX comes after', async ({
  page,
}) => {
  const bodies = new Map<string, Promise<string>>();
  page.on('response', (r) => {
    if (/\.(m?js|css)$/.test(new URL(r.url()).pathname))
      bodies.set(
        r.url(),
        r.text().catch(() => ''),
      );
  });
  await page.addInitScript(WATCH_FIRST_GRAPH);
  await page.goto('/');
  await page.waitForFunction('window.__firstGraph');
  const before = await page.evaluate(() => {
    const painted = (window as unknown as { __firstGraph: number }).__firstGraph;
    return performance
      .getEntriesByType('resource')
      .filter((e) => e.startTime < painted)
      .map((e) => e.name);
  });
  const early: string[] = [];
  for (const url of before) {
    if (/KaTeX_/.test(url)) early.push(url); // a font
    const body = await bodies.get(url);
    if (body !== undefined && bringsKatex(body)) early.push(url);
  }
  expect(early, 'KaTeX fetched before the first graph was painted').toEqual([]);

  // Soon after, with nothing asked of the page, KaTeX arrives; equations are then rendered by it.
  await expect
    .poll(async () => {
      for (const body of bodies.values()) if (bringsKatex(await body)) return true;
      return false;
    })
    .toBe(true);
  await stepToEquation(page);
  await expect(page.getByRole('region', { name: 'Step' }).locator('.katex')).toBeVisible();
});

test.describe('when KaTeX cannot be fetched at first', () => {
  test.use({ allowedConsole: /Failed to load resource|Failed to fetch dynamically imported module/i });

  test('the equation shows as plain LaTeX, then is rendered by KaTeX once a retry gets through', async ({
    page,
  }) => {
    let blocked = true;
    let refused = 0;
    await page.route(/\/assets\/[^/]+\.(m?js|css)$/, async (route) => {
      const response = await route.fetch();
      if (blocked && bringsKatex(await response.text())) {
        refused += 1;
        return route.abort('internetdisconnected');
      }
      return route.fulfill({ response });
    });
    await page.goto('/');
    await expect(page.getByLabel('Computation graph')).toHaveAttribute('data-nodes', /^[1-9]/);
    await stepToEquation(page);
    const step = page.getByRole('region', { name: 'Step' });
    const plain = step.locator('.step-tex.tex-plain');
    await expect(plain).toBeVisible();
    await expect(plain).toContainText('=');
    await expect(step.locator('.katex')).toHaveCount(0);
    await expect.poll(() => refused).toBeGreaterThan(0);

    blocked = false;
    await expect(step.locator('.katex')).toBeVisible({ timeout: 15_000 });
    await expect(step.locator('.tex-plain')).toHaveCount(0);
  });
});

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

test('the first screen uses few fonts: each family × size × weight × style is a lookup before the first paint', async ({
  browser,
}) => {
  // Traces at 4× CPU throttling showed most of the first layout's time in font lookups (16 faces then).
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('svg.graph g.node')).toHaveCount(5);
  const faces = await page.evaluate(() => {
    const seen = new Set<string>();
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || !el.checkVisibility()) continue;
      const s = getComputedStyle(el);
      seen.add(`${s.fontFamily.split(',')[0]} ${s.fontSize} ${s.fontWeight} ${s.fontStyle}`);
    }
    return [...seen].sort();
  });
  expect(faces.length, faces.join('\n')).toBeLessThanOrEqual(11);
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
