import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { LECTURE_EXAMPLES } from '../../src/examples/lectures';
import { expect, test } from './fixtures';
import { setVariable, typeProgram } from './helpers';

const ex = LECTURE_EXAMPLES[0];
if (!ex) throw new Error('no example');

async function lecture(page: Page) {
  await page.goto('/');
  await typeProgram(page, ex?.source ?? '');
  for (const [name, v] of Object.entries(ex?.values ?? {})) await setVariable(page, name, v);
}

for (const [w, h] of [
  [1920, 1080],
  [1280, 720],
] as const) {
  test(`projector mode at ${w}×${h}: the graph fills the screen, the panels are away, the type is large`, async ({
    page,
  }, info) => {
    await page.setViewportSize({ width: w, height: h });
    await lecture(page);
    await page.getByRole('button', { name: 'Restart' }).click();
    for (let k = 0; k < 12; k++) await page.keyboard.press('PageDown');
    await page.keyboard.press('p');
    await expect(page.getByRole('textbox', { name: 'Expression' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Exit projector mode' })).toBeVisible();
    const svgBox = await page.getByLabel('Computation graph').boundingBox();
    expect(svgBox?.width).toBeGreaterThan(w * 0.95);
    // A value label is drawn at least 20 px high on screen.
    const label = await page.locator('.value-label').first().boundingBox();
    expect(label?.height).toBeGreaterThan(20);
    const stepText = await page
      .getByRole('region', { name: 'Step' })
      .locator('.step-text')
      .evaluate((el) => getComputedStyle(el).fontSize);
    expect(Number.parseFloat(stepText)).toBeGreaterThanOrEqual(24);
    await page.waitForTimeout(400);
    const path = info.outputPath(`projector-${w}x${h}.png`);
    await page.screenshot({ path });
    await info.attach(`projector-${w}x${h}`, { path, contentType: 'image/png' });
    await page.keyboard.press('Escape');
    await expect(page.getByRole('textbox', { name: 'Expression' })).toBeVisible();
  });
}

test('clicker keys step the animation while the graph has focus, and never while typing', async ({
  page,
}) => {
  await lecture(page);
  await page.getByRole('button', { name: 'Restart' }).click();
  await page.getByLabel('Computation graph').getByRole('button', { name: /^u1/ }).focus();
  const where = page.locator('.where');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(where).toHaveText('Forward 2 of 6');
  await page.keyboard.press('PageUp');
  await expect(where).toHaveText('Forward 1 of 6');
  await page.keyboard.press('ArrowRight');
  await expect(where).toHaveText('Forward 2 of 6');
  // In the editor, the same keys edit text.
  const box = page.getByRole('textbox', { name: 'Expression' });
  await box.click();
  await box.press('End');
  await box.press('ArrowLeft');
  await box.press('Home');
  await expect(where).toHaveText('Forward 2 of 6');
  await box.press('p');
  await expect(page.getByRole('button', { name: 'Projector mode' })).toBeVisible();
  await box.press('Backspace');
});

test('? shows the shortcuts and Escape closes them', async ({ page }) => {
  await lecture(page);
  await page.getByRole('region', { name: 'Step' }).click(); // leave the editor, as a presenter would
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toContainText('PageDown');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('dark theme and colour-blind palette change the colours of values and gradients', async ({ page }) => {
  await lecture(page);
  const colour = () =>
    page
      .locator('.value-label')
      .first()
      .evaluate((el) => getComputedStyle(el).fill);
  const light = await colour();
  await page.getByLabel('Dark theme').check();
  const dark = await colour();
  await page.getByLabel('Colour-blind-safe colours').check();
  const darkCb = await colour();
  expect(new Set([light, dark, darkCb]).size).toBe(3);
  const bg = await page.locator('.app').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).toBe('rgb(13, 17, 23)');
});

test('export: a valid SVG, a PNG of the expected size that is not blank, and the step as LaTeX', async ({
  page,
}) => {
  await lecture(page);
  await page.getByRole('button', { name: 'Restart' }).click();
  for (let k = 0; k < 10; k++) await page.keyboard.press('PageDown');
  await page.getByText('Export', { exact: true }).click();
  await page.getByLabel('Scale').selectOption('3');

  const [svgDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download SVG' }).click(),
  ]);
  const svgText = readFileSync((await svgDownload.path()) as string, 'utf8');
  const parsed = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.getElementsByTagName('parsererror').length,
      root: root.nodeName,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      texts: [...doc.querySelectorAll('text')].map((n) => n.textContent),
      hasStyleAttr: doc.querySelectorAll('[style*="fill"]').length > 0,
      scripts: doc.querySelectorAll('script, foreignObject').length,
    };
  }, svgText);
  expect(parsed.error).toBe(0);
  expect(parsed.root).toBe('svg');
  expect(parsed.scripts).toBe(0);
  expect(parsed.hasStyleAttr).toBe(true);
  expect(parsed.texts).toContain('−5.586');
  expect(parsed.texts).toContain('max');

  const [pngDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download PNG' }).click(),
  ]);
  const png = readFileSync((await pngDownload.path()) as string);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(parsed.width);
  expect(png.readUInt32BE(20)).toBe(parsed.height);
  expect(parsed.width).toBeGreaterThan(1500); // 3× the drawing
  // Not blank: decode it in the browser and count pixels that are neither white nor transparent.
  const inked = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d') as CanvasRenderingContext2D;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4)
      if ((d[i + 3] as number) > 0 && ((d[i] as number) < 200 || (d[i + 1] as number) < 200)) n++;
    return n / (c.width * c.height);
  }, png.toString('base64'));
  expect(inked).toBeGreaterThan(0.01);

  await expect(page.getByLabel('Step equation (LaTeX)')).toHaveValue(/\\frac\{\\partial f\}\{\\partial/);
});

test('embed mode shows only the graph and playback', async ({ page }) => {
  await page.goto(`/#src=${encodeURIComponent('(x+y)*z')}&v.x=-2&v.y=5&v.z=-4&embed=1`);
  await expect(page.getByLabel('Computation graph')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Expression' })).toHaveCount(0);
  await expect(page.getByRole('banner')).toHaveCount(0);
  await page.keyboard.press('End');
  await expect(page.getByRole('region', { name: 'Step' })).toContainText('∂f/∂z = 3');
});

test('quiz mode: numbers hidden, the class predicts, right and wrong are marked, forward and backward', async ({
  page,
}) => {
  await page.goto('/');
  await typeProgram(page, 'x = -2; y = 5; z = -4\nq = x + y\nf = q * z');
  await page.getByRole('region', { name: 'Step' }).click();
  await page.keyboard.press('q');
  await expect(page.getByRole('table', { name: 'Gradients' })).toHaveCount(0);
  const step = page.getByRole('region', { name: 'Step' });
  const graph = page.getByLabel('Computation graph');
  await page.keyboard.press('PageDown'); // forward: q = x + y
  await expect(step).toContainText('Predict the value of q.');
  await expect(graph.getByRole('button', { name: /^q: add gate$/ })).toBeVisible(); // no value shown yet
  await step.getByLabel('Your prediction').fill('3');
  await step.getByRole('button', { name: 'Check' }).click();
  await expect(step.locator('.mark')).toHaveText('✓ Right: 3.');
  await expect(graph.getByRole('button', { name: /^q: add gate, value 3$/ })).toBeVisible();

  await page.getByRole('button', { name: 'Step forward' }).click(); // forward: f = q * z
  await step.getByLabel('Your prediction').fill('12');
  await step.getByLabel('Your prediction').press('Enter');
  await expect(step.locator('.mark')).toHaveText('✗ Not quite: you said 12; the answer is −12.');

  await page.getByRole('button', { name: 'Step forward' }).click(); // backward: f → q
  await expect(step).toContainText('Predict the gradient flowing back to q');
  await expect(graph.locator('.grad-label.current')).toHaveText('?');
  await step.getByLabel('Your prediction').fill('-4');
  await step.getByRole('button', { name: 'Check' }).click();
  await expect(step.locator('.mark')).toHaveText('✓ Right: −4.');
  await expect(step).toContainText('Quiz: 2 of 3 right');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await step.getByRole('button', { name: 'Reveal' }).click();
  await expect(step).toContainText('mul swaps');
});

test('in projector mode the instructor can switch presets and themes without leaving it', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('region', { name: 'Step' }).click();
  await page.keyboard.press('p');
  await page.getByLabel('Preset', { exact: true }).selectOption('cs231n-sigmoid');
  await expect(
    page.getByLabel('Computation graph').getByRole('button', { name: /^input w0, value 2/ }),
  ).toBeVisible();
  await page.getByLabel('Dark theme').check();
  await expect(page.locator('.app')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Exit projector mode' })).toBeVisible();
});

// Export right after the program changed, while nodes and edges are still easing into place.
test('export during a transition gives the final picture', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('textbox', { name: 'Expression' }).fill('2*log(x1+sin(x1))*max(x2,x3)');
  await page.getByText('Export', { exact: true }).click();
  const [a] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download SVG' }).click(),
  ]);
  await page.waitForTimeout(600);
  const [b] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download SVG' }).click(),
  ]);
  const w = (p: string) => /width="(\d+)"/.exec(readFileSync(p, 'utf8'))?.[1];
  expect(w((await a.path()) as string)).toBe(w((await b.path()) as string));
});
