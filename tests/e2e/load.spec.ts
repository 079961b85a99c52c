import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

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
