import type { Page } from '@playwright/test';
import { LECTURE_EXAMPLES } from '../../src/examples/lectures';
import { expect, test } from './fixtures';
import { typeProgram } from './helpers';

/*
 * The camera follows the step: in every frame of playback the current edge's two nodes are on screen and
 * the numbers at the step are drawn at a legible size (16 px or more on a projector), measured on the
 * rendered page once the camera has settled.
 */

/** A 2-3-1 ReLU network with a squared loss, written out in scalars: 43 nodes. */
const NET_40 = [
  'x1 = 0.5; x2 = -1.2; y = 2',
  'a1 = relu(0.4*x1 + -0.6*x2 + 0.1)',
  'a2 = relu(-0.3*x1 + 0.8*x2 + 0.2)',
  'a3 = relu(0.9*x1 + 0.5*x2 + -0.1)',
  'yhat = 1.1*a1 + -0.7*a2 + 0.6*a3 + 0.05',
  'L = (yhat - y)^2',
].join('\n');

/**
 * Waits until the camera has stopped moving, and says where it is: the scale, and where the drawing sits
 * relative to the SVG's centre (so that the SVG growing or shrinking by a line of caption below it, which
 * keeps the picture centred, does not count as a move).
 */
async function settle(page: Page): Promise<string> {
  const where = () =>
    page.evaluate(() => {
      const svg = document.querySelector('svg.graph') as SVGSVGElement;
      const m = (svg.querySelector(':scope > g') as SVGGElement).transform.baseVal.consolidate()?.matrix;
      const { width, height } = svg.getBoundingClientRect();
      if (!m) return '';
      return `k=${m.a.toFixed(4)} x=${Math.round(m.e - width / 2)} y=${Math.round(m.f - height / 2)}`;
    });
  let last = '';
  let same = 0;
  for (let k = 0; k < 100 && same < 3; k++) {
    const now = await where();
    same = now === last ? same + 1 : 0;
    last = now;
    await page.waitForTimeout(40);
  }
  await page.evaluate(() => {
    for (const a of document.getAnimations()) a.finish();
  });
  return last;
}

/** What the current frame shows of its step: where its nodes are, and how big its numbers are drawn. */
async function focus(page: Page) {
  return page.evaluate(() => {
    const svg = document.querySelector('svg.graph') as SVGSVGElement;
    const view = svg.getBoundingClientRect();
    const inside = (r: DOMRect) =>
      r.left >= view.left - 0.5 &&
      r.right <= view.right + 0.5 &&
      r.top >= view.top - 0.5 &&
      r.bottom <= view.bottom + 0.5;
    const nodes = [...svg.querySelectorAll('.node.active .shape')].map((s) => ({
      name: s.parentElement?.getAttribute('aria-label') ?? '?',
      on: inside(s.getBoundingClientRect()),
    }));
    // A number's rendered size: its font size in drawing units times the drawing's scale on screen.
    const px = (el: Element) =>
      Number.parseFloat(getComputedStyle(el).fontSize) * ((el as SVGGraphicsElement).getScreenCTM()?.a ?? 0);
    const label = svg.querySelector('.edge.current .grad-label.current');
    const values = [...svg.querySelectorAll('.edge.current .value-label')];
    return {
      backward: svg.querySelector('.edge.current') !== null,
      nodes,
      label: label ? px(label) : null,
      labelOn: label ? inside(label.getBoundingClientRect()) : null,
      values: values.map(px),
    };
  });
}

async function restart(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Restart' }).click();
  return Number(await page.getByRole('slider', { name: 'Position' }).getAttribute('max'));
}

const follow = (page: Page) => page.getByRole('button', { name: 'Follow step' });

for (const [title, load] of [
  ['the ReLU net preset', (p: Page) => p.getByLabel('Preset', { exact: true }).selectOption('relu-net')],
  ['a 43-node network', (p: Page) => typeProgram(p, NET_40)],
  // At tensor level: the matrices under the nodes make the boxes to keep on screen big.
  [
    'the CS231n hinge loss at tensor level',
    (p: Page) => p.getByLabel('Preset', { exact: true }).selectOption('cs231n-hinge-matrix'),
  ],
  [
    'the recitation MLP at tensor level',
    (p: Page) => p.getByLabel('Preset', { exact: true }).selectOption('recitation-mlp-tensor'),
  ],
] as const) {
  test(`projector at 1024×768: every step of ${title} is on screen and readable`, async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto('/');
    await load(page);
    await expect(page.locator('svg.graph .node').first()).toBeVisible();
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('p');
    await expect(follow(page)).toHaveAttribute('aria-pressed', 'true');
    const max = await restart(page);
    // Forward steps first (the gate being computed), then every backward step.
    let backward = 0;
    for (let k = 1; k < max; k++) {
      await page.keyboard.press('PageDown');
      await settle(page);
      const f = await focus(page);
      const where = `${title}, position ${k}`;
      expect(f.nodes.length, where).toBeGreaterThan(0);
      for (const n of f.nodes) expect(n.on, `${where}: ${n.name} on screen`).toBe(true);
      if (!f.backward) continue;
      backward++;
      expect(f.label, `${where}: the step's label is drawn`).not.toBeNull();
      expect(f.labelOn, `${where}: the step's label on screen`).toBe(true);
      expect(f.label, `${where}: the step's numbers`).toBeGreaterThanOrEqual(16);
      for (const v of f.values) expect(v, `${where}: the edge's value`).toBeGreaterThanOrEqual(16);
    }
    // The backward steps were all checked (one per edge the output depends on).
    expect(backward).toBeGreaterThan(title.includes('tensor level') ? 8 : 20);
  });
}

// Small lecture circuits, which the overview already draws legibly at 1366×768 (the sigmoid neuron's is
// too wide for that, and the camera rightly closes in on it).
const SMALL = [
  { title: 'README', source: '2*log(x1+sin(x1))*max(x2,x3)' },
  ...LECTURE_EXAMPLES.filter((e) =>
    ['(x + y)·z', 'c = x + y; d = c²; f = x·d', '(a + b)(b + 1)'].includes(e.title),
  ),
];
for (const ex of SMALL)
  test(`a small circuit already readable never moves the camera: ${ex.title}`, async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto('/');
    await typeProgram(page, ex.source);
    await expect(page.locator('svg.graph .node').first()).toBeVisible();
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    // The view with following off is the control: following must add no move of its own to it.
    const views = async () => {
      const max = await restart(page);
      const out = [await settle(page)];
      for (let k = 1; k <= max; k++) {
        await page.keyboard.press('PageDown');
        out.push(await settle(page));
      }
      return out;
    };
    await follow(page).click();
    await expect(follow(page)).toHaveAttribute('aria-pressed', 'false');
    // A first pass lets the step panel grow to its tallest caption (it then keeps that height while the
    // same graph plays), so that both passes compared see the graph at the same size, each from a Fit.
    await views();
    await page.getByRole('button', { name: 'Fit to screen' }).click();
    const still = await views();
    await follow(page).click();
    await expect(follow(page)).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'Fit to screen' }).click();
    await follow(page).click(); // Fit paused following: on again
    await expect(follow(page)).toHaveAttribute('aria-pressed', 'true');
    expect(await views()).toEqual(still);
  });

test('following can be switched off (and stays off after a reload); a pan by hand pauses it; Fit returns', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/');
  await page.getByLabel('Preset', { exact: true }).selectOption('relu-net');
  await expect(page.getByRole('button', { name: /^input w11/ })).toBeVisible();
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  const max = await restart(page);
  const overview = await settle(page);
  // On: the first backward steps bring the camera in.
  const F = max - 1 - Number(await page.locator('svg.graph').getAttribute('data-edges'));
  for (let k = 0; k < F + 2; k++) await page.keyboard.press('PageDown');
  const close = await settle(page);
  expect(close).not.toBe(overview);

  // Off: stepping leaves the view where it is.
  await follow(page).click();
  await expect(follow(page)).toHaveAttribute('aria-pressed', 'false');
  for (let k = 0; k < 4; k++) await page.keyboard.press('PageDown');
  expect(await settle(page)).toBe(close);
  await page.reload();
  await expect(follow(page)).toHaveAttribute('aria-pressed', 'false');

  // On again, then a drag by hand: following pauses, the view stays where the student put it.
  await follow(page).click();
  await expect(follow(page)).toHaveAttribute('aria-pressed', 'true');
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('PageDown');
  await settle(page);
  const box = (await page.locator('svg.graph').boundingBox()) as { x: number; y: number };
  await page.mouse.move(box.x + 300, box.y + 300);
  await page.mouse.down();
  await page.mouse.move(box.x + 420, box.y + 360, { steps: 5 });
  await page.mouse.up();
  await expect(follow(page)).toHaveAttribute('aria-pressed', 'false');
  const dragged = await settle(page);
  for (let k = 0; k < 3; k++) await page.keyboard.press('PageDown');
  expect(await settle(page)).toBe(dragged);

  // Fit: back to the overview (following stays paused, so the overview stays).
  await page.getByRole('button', { name: 'Fit to screen' }).click();
  expect(await settle(page)).toBe(overview);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('PageDown');
  expect(await settle(page)).toBe(overview);
  // And Follow brings the step back into view.
  await follow(page).click();
  await expect(follow(page)).toHaveAttribute('aria-pressed', 'true');
  expect(await settle(page)).not.toBe(overview);
});

test('the graph keeps its size through the steps: a shorter caption does not make the picture jump', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await page.getByLabel('Preset', { exact: true }).selectOption('relu-net');
  await expect(page.getByRole('button', { name: /^input w11/ })).toBeVisible();
  const max = await restart(page);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  const heights: number[] = [];
  for (let k = 0; k < max; k++) {
    await page.keyboard.press('PageDown');
    heights.push(Math.round(((await page.locator('svg.graph').boundingBox()) as { height: number }).height));
  }
  // The step panel may grow when a longer caption first comes (the graph shrinks to make room), but it
  // never shrinks back while the same graph plays: the graph's height only ever goes down, a few times.
  const changes = heights.filter((h, i) => i > 0 && h !== heights[i - 1]);
  for (let i = 1; i < heights.length; i++)
    expect(heights[i], `step ${i + 1}`).toBeLessThanOrEqual(heights[i - 1] as number);
  expect(changes.length).toBeLessThanOrEqual(4);
});
