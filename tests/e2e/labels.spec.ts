import type { Page } from '@playwright/test';
import { LECTURE_EXAMPLES } from '../../src/examples/lectures';
import { expect, test } from './fixtures';
import { typeProgram } from './helpers';

/*
 * No number on the graph overlaps another label or a node, in any frame of playback, at the sizes where
 * the view draws numbers: measured on the rendered boxes of the drawn text (getBoundingClientRect), after
 * transitions settle.
 */

/** Overlapping pairs among the drawn labels, and between a label and a node's shape, in screen pixels. */
async function collisions(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    for (const a of document.getAnimations()) a.finish();
    const svg = document.querySelector('svg.graph');
    if (!svg) return ['no graph'];
    const shown = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).display !== 'none';
    const labels = [...svg.querySelectorAll('.value-label, .grad-label, .node .name-label')].filter(shown);
    const shapes = [...svg.querySelectorAll('.node .shape')];
    const box = (el: Element) => el.getBoundingClientRect();
    const hit = (a: DOMRect, b: DOMRect) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
      Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
    const name = (el: Element) => `${el.getAttribute('class')}"${el.textContent}"`;
    const out: string[] = [];
    const lb = labels.map(box);
    labels.forEach((a, i) => {
      for (let j = i + 1; j < labels.length; j++)
        if (hit(lb[i] as DOMRect, lb[j] as DOMRect)) out.push(`${name(a)} on ${name(labels[j] as Element)}`);
      for (const s of shapes) {
        // A gate's own name sits above its own shape, clear of it by construction.
        if (hit(lb[i] as DOMRect, box(s)))
          out.push(`${name(a)} on node ${s.parentElement?.getAttribute('aria-label')}`);
      }
    });
    return out;
  });
}

async function play(page: Page, check: (where: string) => Promise<void>) {
  await page.getByRole('button', { name: 'Restart' }).click();
  const timeline = page.getByRole('slider', { name: 'Position' });
  const max = Number(await timeline.getAttribute('max'));
  for (let k = 0; k <= max; k++) {
    await check(`step ${k}`);
    await page.keyboard.press('PageDown');
  }
}

const README = '2*log(x1+sin(x1))*max(x2,x3)';

for (const [label, width, height, projector] of [
  ['1366×768', 1366, 768, false],
  ['1024×768 projector', 1024, 768, true],
] as const) {
  test.describe(label, () => {
    test.use({ viewport: { width, height } });
    for (const ex of [{ title: 'README', source: README }, ...LECTURE_EXAMPLES.slice(0, 6)]) {
      test(`no label collides in any frame: ${ex.title}`, async ({ page }) => {
        await page.goto('/');
        await typeProgram(page, ex.source);
        await expect(page.locator('svg.graph .node').first()).toBeVisible();
        if (projector) await page.keyboard.press('p');
        await page.waitForTimeout(500);
        await play(page, async (where) => {
          expect(await collisions(page), `${ex.title} at ${where}`).toEqual([]);
        });
      });
    }
    test('no label collides in any frame: the ReLU net preset', async ({ page }) => {
      await page.goto('/');
      await page.getByLabel('Preset', { exact: true }).selectOption('relu-net');
      // The net itself, not the program before it (its layout may arrive a moment later, and be fitted then).
      await expect(page.getByRole('button', { name: /^input w11/ })).toBeVisible();
      if (projector) await page.keyboard.press('p');
      await page.waitForTimeout(500);
      // Fitted to the screen the net is too small for numbers; zoomed in, they are drawn.
      const svg = page.locator('svg.graph');
      for (let k = 0; k < 12 && (await svg.getAttribute('data-numbers')) !== 'on'; k++) {
        await page.getByRole('button', { name: 'Zoom in' }).click();
        await page.waitForTimeout(250);
      }
      await expect(svg).toHaveAttribute('data-numbers', 'on');
      let drawn = 0;
      await play(page, async (where) => {
        expect(await collisions(page), `relu-net at ${where}`).toEqual([]);
        drawn = Math.max(drawn, await page.locator('svg.graph .value-label').count());
      });
      // The check above must have had numbers to check: most of the net's numbers are drawn.
      expect(drawn).toBeGreaterThan(20);
    });
  });
}

test('numbers too small to read are hidden, the view says so, and zooming in brings them back', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await page.getByLabel('Preset', { exact: true }).selectOption('relu-net');
  await page.getByRole('button', { name: 'Jump to end' }).click();
  const svg = page.locator('svg.graph');
  // Fitted to this screen the net's 15-unit numbers would be drawn about 7 px high.
  await expect(svg).toHaveAttribute('data-numbers', 'off');
  await expect(page.getByRole('status').filter({ hasText: 'Numbers hidden at this size' })).toBeVisible();
  await expect(svg.locator('.value-label:visible')).toHaveCount(0);
  for (let k = 0; k < 3; k++) await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(svg).toHaveAttribute('data-numbers', 'on');
  await expect(page.getByText('Numbers hidden at this size')).toHaveCount(0);
  const label = svg.locator('.value-label').first();
  await expect(label).toBeVisible();
  expect((await label.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(9);
});
