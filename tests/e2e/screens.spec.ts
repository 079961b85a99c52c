import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { typeProgram } from './helpers';

/* Screens: the error mark, projector at 1024×768, op symbols inside their nodes, phones, the side tools. */

/** Pixels of a screenshot region, decoded in the page (PNG → canvas → RGBA). */
async function pixels(page: Page, clip: { x: number; y: number; width: number; height: number }) {
  const png = await page.screenshot({ clip });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d') as CanvasRenderingContext2D;
    ctx.drawImage(img, 0, 0);
    return [...ctx.getImageData(0, 0, c.width, c.height).data];
  }, png.toString('base64'));
}

/** axe-core's WCAG A/AA rules, as in a11y.spec.ts. */
async function violations(page: Page) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** The most frequent colour of a region. */
function dominant(rgba: number[]): [number, number, number] {
  const counts = new Map<string, number>();
  for (let i = 0; i < rgba.length; i += 4) {
    const k = `${rgba[i]},${rgba[i + 1]},${rgba[i + 2]}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '0,0,0';
  return best.split(',').map(Number) as [number, number, number];
}

test('the error span is visibly marked inside the text box, in light, dark and colour-blind colours', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await typeProgram(page, 'x + * 2');
  await page.getByRole('region', { name: 'Step' }).click(); // leave the text box
  const box = page.getByRole('textbox', { name: 'Expression' });
  const mark = page.locator('.editor-backdrop mark');
  await expect(mark).toHaveCount(1);
  for (const look of ['light', 'dark', 'colour-blind']) {
    if (look === 'dark') await page.getByLabel('Dark theme').check();
    if (look === 'colour-blind') {
      await page.getByLabel('Dark theme').uncheck();
      await page.getByLabel('Colour-blind-safe colours').check();
    }
    // The text box lets the backdrop show through.
    expect(await box.evaluate((el) => getComputedStyle(el).backgroundColor), look).toBe('rgba(0, 0, 0, 0)');
    const m = await mark.boundingBox();
    const t = await box.boundingBox();
    if (!m || !t) throw new Error('no box');
    expect(m.width).toBeGreaterThan(4);
    // An empty patch of the box (the third line is blank), its plain background.
    const plain = dominant(await pixels(page, { x: t.x + 12, y: t.y + t.height - 26, width: 60, height: 8 }));
    const marked = await pixels(page, { x: m.x, y: m.y, width: m.width, height: m.height });
    let same = 0;
    for (let i = 0; i < marked.length; i += 4)
      if (plain.every((c, j) => Math.abs(c - (marked[i + j] as number)) <= 6)) same++;
    // Today's bug: the mark is painted, but behind an opaque text box, so its region looks plain.
    expect(same / (marked.length / 4), `${look}: share of the mark that looks unmarked`).toBeLessThan(0.3);
    const tint = dominant(marked);
    const distance = Math.hypot(...tint.map((c, j) => c - (plain[j] as number)));
    expect(distance, `${look}: mark ${tint} vs box ${plain}`).toBeGreaterThan(25);
  }
});

test('projector mode at 1024×768: the graph gets 70% of the height, playback and step stay readable below', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/'); // the default program, the lecture's first circuit
  await page.getByRole('region', { name: 'Step' }).click();
  await page.keyboard.press('p');
  await expect(page.getByRole('button', { name: 'Exit projector mode' })).toBeVisible();
  await page.keyboard.press('Home');
  const where = page.locator('.where');
  const length = Number(await where.getAttribute('data-length'));
  const heights: number[] = [];
  for (let k = 0; k <= length; k++) {
    if (k > 0) await page.keyboard.press('PageDown');
    await expect(where).toHaveAttribute('data-position', String(k));
    // (A gate's caption comes with the first step off the Start: on a busy machine, a moment later.)
    await expect(page.locator('.step-panel .step-text')).toBeVisible();
    const m = await page.evaluate(() => {
      const r = (s: string) => document.querySelector(s)?.getBoundingClientRect() ?? null;
      const stepText = document.querySelector('.step-panel .step-text');
      const panel = document.querySelector('.step-panel') as HTMLElement;
      return {
        graph: r('svg.graph'),
        top: r('.topbar'),
        playback: r('.playback'),
        step: r('.step-panel'),
        stepFont: stepText ? Number.parseFloat(getComputedStyle(stepText).fontSize) : 0,
        panelOverflow: panel.scrollHeight - panel.clientHeight,
        pageHeight: document.documentElement.scrollHeight,
      };
    });
    const at = `position ${k}`;
    heights.push(m.graph?.height ?? 0);
    expect(m.graph?.height, at).toBeGreaterThanOrEqual(0.7 * 768);
    expect(m.top?.height, `${at}: the compact top bar is one row`).toBeLessThanOrEqual(52);
    expect(m.top?.bottom, at).toBeLessThanOrEqual((m.graph?.top ?? 0) + 1);
    expect(m.playback?.top, `${at}: playback below the graph`).toBeGreaterThanOrEqual(
      (m.graph?.bottom ?? 0) - 1,
    );
    expect(m.step?.top, at).toBeGreaterThanOrEqual((m.playback?.bottom ?? 0) - 1);
    expect(m.step?.bottom, `${at}: the step panel is on screen`).toBeLessThanOrEqual(768);
    expect(m.panelOverflow, `${at}: the caption is not cut off`).toBeLessThanOrEqual(1);
    expect(m.stepFont, at).toBeGreaterThanOrEqual(24);
    expect(m.pageHeight, at).toBeLessThanOrEqual(768);
  }
  // The graph keeps its size from step to step: a click never makes the picture jump.
  expect(Math.max(...heights) - Math.min(...heights)).toBeLessThanOrEqual(1);
  const play = await page.getByRole('button', { name: /^(Play|Pause)$/ }).boundingBox();
  expect(play?.height).toBeGreaterThanOrEqual(40);
});

const OPS = 'sigmoid(x) + log10(x) + log2(x) + tanh(x) + max(x, 2) + relu(x) + sqrt(x) + abs(x) + exp(x)';

/** For every gate: the width of its symbol and of its shape, in the drawing's units. */
async function gateFits(page: Page) {
  return page.locator('.node:not(.op-input):not(.op-const)').evaluateAll((gates) =>
    gates.map((g) => {
      const text = g.querySelector('text.symbol') as SVGTextElement;
      const shape = g.querySelector('.shape') as SVGGraphicsElement;
      const inner = shape.getBBox();
      return {
        label: g.getAttribute('aria-label') ?? '',
        symbol: text.getBBox().width,
        shape: inner.width,
        symbolHeight: text.getBBox().height,
      };
    }),
  );
}

test('every op symbol fits inside its node, in the normal view and in projector mode', async ({ page }) => {
  await page.goto('/');
  await typeProgram(page, OPS);
  const graph = page.getByLabel('Computation graph');
  await expect(graph.getByRole('button', { name: /sigmoid gate/ })).toHaveCount(1);
  for (const mode of ['normal', 'projector']) {
    if (mode === 'projector') {
      await page.getByRole('region', { name: 'Step' }).click();
      await page.keyboard.press('p');
      await expect(page.getByRole('button', { name: 'Exit projector mode' })).toBeVisible();
    }
    const fits = await gateFits(page);
    expect(fits.length).toBe(17); // 9 functions and 8 additions
    for (const f of fits) {
      expect(f.symbol, `${mode}: ${f.label}`).toBeGreaterThan(0);
      expect(f.symbol, `${mode}: ${f.label} (${f.symbol.toFixed(1)} in ${f.shape})`).toBeLessThanOrEqual(
        f.shape - 8,
      );
    }
  }
});

test.describe('on a phone (390×844)', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('no sideways scrolling, the graph first, playback in thumb reach, the rest below', async ({
    page,
  }) => {
    for (const preset of ['default', 'relu-net']) {
      await page.goto('/');
      if (preset !== 'default') await page.getByLabel('Preset', { exact: true }).selectOption(preset);
      await expect(page.getByLabel('Computation graph')).toBeVisible();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${preset}: page width`).toBeLessThanOrEqual(390);

      const graph = await page.getByLabel('Computation graph').boundingBox();
      const editor = await page.getByRole('textbox', { name: 'Expression' }).boundingBox();
      const inputs = await page.getByRole('group', { name: 'Inputs' }).boundingBox();
      if (!graph || !editor || !inputs) throw new Error('missing');
      expect(graph.y, 'the graph near the top').toBeLessThanOrEqual(0.2 * 844);
      expect(graph.height, 'the graph is big enough to read').toBeGreaterThanOrEqual(0.4 * 844);
      expect(graph.width).toBeGreaterThanOrEqual(370);
      expect(editor.y, 'the editor follows the graph').toBeGreaterThanOrEqual(graph.y + graph.height);
      expect(inputs.y).toBeGreaterThan(editor.y);

      // Playback sits at the bottom of the screen wherever the page is scrolled, with thumb-sized buttons.
      const bar = page.getByRole('toolbar', { name: 'Playback' });
      for (const scroll of ['top', 'bottom']) {
        if (scroll === 'bottom') await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        await page.waitForTimeout(100);
        const b = await bar.boundingBox();
        expect(b?.y, `${scroll}: the bar is at the bottom`).toBeGreaterThanOrEqual(844 * 0.75);
        expect((b?.y ?? 0) + (b?.height ?? 0), `${scroll}: on screen`).toBeLessThanOrEqual(844 + 1);
      }
      for (const name of ['Restart', 'Step back', 'Play', 'Step forward', 'Jump to end']) {
        const b = await bar.getByRole('button', { name, exact: true }).boundingBox();
        expect(b?.height, name).toBeGreaterThanOrEqual(44);
        expect(b?.width, name).toBeGreaterThanOrEqual(44);
      }
      // Nothing at the end of the page hides behind the bar.
      const last = await page.getByText('Copy as PyTorch', { exact: true }).boundingBox();
      const b = await bar.boundingBox();
      expect((last?.y ?? 0) + (last?.height ?? 0)).toBeLessThanOrEqual(b?.y ?? 0);
      if (preset === 'default') expect(await violations(page)).toEqual([]);
      // And a tap on Step forward steps.
      await page.getByRole('button', { name: 'Restart' }).tap();
      await page.getByRole('button', { name: 'Step forward' }).tap();
      await expect(page.locator('.where')).toHaveAttribute('data-position', '1');
    }
  });
});

async function openTool(page: Page, title: string): Promise<Locator> {
  const tool = page.locator('details.tool').filter({ has: page.getByText(title, { exact: true }) });
  await tool.getByText(title, { exact: true }).click();
  await expect(tool).toHaveAttribute('open', '');
  return tool;
}

test('at 1366×768 a side tool opens in a larger view: the PyTorch code is not clipped', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await page.getByLabel('Preset', { exact: true }).selectOption('relu-net');
  await expect(page.getByLabel('Computation graph').getByRole('button', { name: /^h1: relu/ })).toBeVisible();
  const tool = await openTool(page, 'Copy as PyTorch');
  const opener = tool.getByRole('button', { name: /^Open larger/ });
  await opener.click({ timeout: 5000 });
  const dialog = page.getByRole('dialog', { name: 'Copy as PyTorch' });
  await expect(dialog).toBeVisible();
  const size = await dialog.boundingBox();
  expect(size?.width).toBeGreaterThanOrEqual(0.8 * 1366);
  const pre = dialog.locator('pre');
  await expect(pre).toContainText('import torch');
  expect(await violations(page)).toEqual([]);
  const { scrollWidth, clientWidth } = await pre.evaluate((el) => ({
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
  }));
  expect(scrollWidth, `code ${scrollWidth} in ${clientWidth}`).toBeLessThanOrEqual(clientWidth);
  // Escape closes it and focus goes back to the button that opened it; so does Close.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
  await opener.press('Enter');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
  // The arrow keys inside the larger view do not step the animation behind it.
  const where = page.locator('.where');
  const before = await where.getAttribute('data-position');
  await opener.press('Enter');
  await dialog.locator('pre').press('ArrowLeft');
  await expect(where).toHaveAttribute('data-position', before ?? '');
  await page.keyboard.press('Escape');
});

test('at 1366×768 path products do not wrap mid-equation, in the side panel and in the larger view', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await page.getByLabel('Preset', { exact: true }).selectOption('relu-net');
  await expect(page.getByLabel('Computation graph').getByRole('button', { name: /^h1: relu/ })).toBeVisible();
  const tool = await openTool(page, 'Chain rule as a sum over paths');
  /** Each path row's height against its tallest piece of formula: one line means no wrap. */
  const rows = (scope: Locator) =>
    scope.locator('button.path').evaluateAll((buttons) =>
      buttons.map((b) => {
        const bases = [...b.querySelectorAll('.katex-html > *')].map((x) => x.getBoundingClientRect());
        return {
          height: b.getBoundingClientRect().height,
          tallest: Math.max(...bases.map((r) => r.height)),
          // On one line every piece overlaps every other vertically.
          gap: Math.max(...bases.map((r) => r.top)) - Math.min(...bases.map((r) => r.bottom)),
        };
      }),
    );
  for (const where of ['side panel', 'larger view']) {
    let scope = tool;
    if (where === 'larger view') {
      await tool.getByRole('button', { name: /^Open larger/ }).click({ timeout: 5000 });
      scope = page.getByRole('dialog', { name: 'Chain rule as a sum over paths' });
      await expect(scope).toBeVisible();
    }
    // The panel's code and its KaTeX arrive lazily: wait for the typeset rows before measuring them.
    await expect
      .poll(() => scope.locator('button.path .katex').count(), { message: where })
      .toBeGreaterThanOrEqual(2);
    const found = await rows(scope);
    expect(found.length, where).toBeGreaterThanOrEqual(2);
    for (const r of found) {
      expect(r.gap, `${where}: the pieces of a product sit on one line`).toBeLessThan(0);
      expect(r.height, `${where}: row ${r.height} for a formula ${r.tallest} high`).toBeLessThanOrEqual(
        r.tallest + 12,
      );
    }
  }
});
