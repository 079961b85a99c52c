import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { bigProgram } from './programs';

test('a 2,000-node program is laid out off the main thread while the text box stays responsive', async ({
  page,
}) => {
  await page.goto('/');
  const box = page.getByRole('textbox', { name: 'Expression' });
  const source = bigProgram(2100);
  await box.fill(source);
  // The numbers are ready at once; the picture follows.
  await expect(page.getByRole('table', { name: 'Gradients' }).locator('tbody tr')).toHaveCount(30);
  await box.press('End');
  await box.pressSequentially(' + 1');
  await expect(box).toHaveValue(`${source} + 1`);
  const svg = page.getByLabel('Computation graph');
  await expect(svg).toHaveAttribute('data-nodes', /^\d{4}$/, { timeout: 20_000 });
  expect(Number(await svg.getAttribute('data-nodes'))).toBeGreaterThan(1900);
  await expect(page.getByRole('status').filter({ hasText: 'Laying out' })).toHaveCount(0);
});

test('a 2,000-node program opened from a link, or reloaded, is laid out off the main thread and wrapped into bands', async ({
  page,
}) => {
  const source = bigProgram(2000);
  const svg = page.getByLabel('Computation graph');
  // Drawn flat it is about 40 times wider than tall; wrapped, close to the screen's 2 : 1.
  const wrapped = async () => {
    await expect(svg).toHaveAttribute('data-nodes', /^\d{4}$/, { timeout: 20_000 });
    const aspect = Number(await svg.getAttribute('data-aspect'));
    expect(aspect).toBeGreaterThan(1);
    expect(aspect).toBeLessThan(4);
  };
  await page.goto(`/#src=${encodeURIComponent(source)}`);
  await wrapped();
  // Reloaded, the work comes back from the browser's storage, and is drawn the same way.
  await page.goto('/');
  await expect(page.getByRole('textbox', { name: 'Expression' })).toHaveValue(source);
  await wrapped();
});

test('a 100,000-node program: typing stays instant, the numbers come, and the view says it will not draw it', async ({
  page,
}) => {
  await page.goto('/');
  const box = page.getByRole('textbox', { name: 'Expression' });
  const source = bigProgram(100_000);
  await box.fill(source);
  await expect(page.getByRole('status').filter({ hasText: 'too many to draw' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByRole('table', { name: 'Gradients' }).locator('tbody tr')).toHaveCount(30);
  const t0 = Date.now();
  await box.press('End');
  await box.pressSequentially(' + 1');
  await expect(box).toHaveValue(`${source} + 1`);
  // Four keystrokes, not four analyses of 100k nodes each followed by a re-render. Generous: this is a
  // guard against a freeze (tens of seconds), not a speed measurement (that is `npm run bench:browser`).
  expect(Date.now() - t0).toBeLessThan(15_000);
});

test('a 1,000-node program is painted on a canvas: the overview, the followed step with its numbers, and nodes chosen from the keyboard', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await page.getByRole('textbox', { name: 'Expression' }).fill(bigProgram(1000));
  const svg = page.getByLabel('Computation graph');
  await expect(svg).toHaveAttribute('data-canvas', 'on', { timeout: 20_000 });
  const nodes = Number(await svg.getAttribute('data-nodes'));
  expect(nodes).toBeGreaterThan(900);
  // The SVG holds no node or edge elements: the canvas under it has the picture.
  expect(await page.locator('svg.graph g.node, svg.graph g.edge').count()).toBe(0);
  const canvas = page.locator('canvas.graph-canvas');
  await expect(canvas).toHaveAttribute('data-drawn-nodes', String(nodes));
  const inked = () =>
    canvas.evaluate((c: HTMLCanvasElement) => {
      const data = (c.getContext('2d') as CanvasRenderingContext2D).getImageData(
        0,
        0,
        c.width,
        c.height,
      ).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if ((data[i] as number) > 0) n++;
      return n;
    });
  expect(await inked()).toBeGreaterThan(2000);
  await expect(canvas).toHaveAttribute('data-drawn-texts', '0'); // numbers too small to read: none drawn

  // A step into the backward pass: the camera closes in, and only what is on screen is painted, with
  // the numbers now legible.
  const forward = Number(await page.locator('[data-forward]').getAttribute('data-forward'));
  await page.getByRole('slider', { name: 'Position' }).fill(String(forward + 3));
  await expect(page.getByRole('region', { name: 'Step' })).toContainText(`Backward step 3 of`);
  await expect
    .poll(async () => Number(await canvas.getAttribute('data-drawn-nodes')), { timeout: 5000 })
    .toBeLessThan(80);
  expect(Number(await canvas.getAttribute('data-drawn-texts'))).toBeGreaterThan(5);
  expect(await inked()).toBeGreaterThan(2000);

  // The keyboard: ↓ and ↑ choose nodes, and the node details say which, with their numbers as text.
  // From the overview (every node painted), the node chosen comes on screen at a scale to read it.
  await page.getByRole('button', { name: 'Fit to screen' }).click();
  await expect(canvas).toHaveAttribute('data-drawn-nodes', String(nodes));
  await svg.focus();
  await page.keyboard.press('ArrowDown');
  const details = page.getByRole('region', { name: 'Node' });
  const title = details.locator('h2');
  await expect(title).toContainText('input'); // the first node: an input
  await expect(details).toContainText('value');
  const first = (await title.textContent()) ?? '';
  await page.keyboard.press('ArrowDown');
  await expect(title).not.toHaveText(first);
  await page.keyboard.press('ArrowUp');
  await expect(title).toHaveText(first);
  // The chosen node came on screen, close enough to read: few nodes painted.
  await expect
    .poll(async () => Number(await canvas.getAttribute('data-drawn-nodes')), { timeout: 5000 })
    .toBeLessThan(200);

  // Export still gives the whole drawing as SVG (drawn as SVG for the export), and the canvas comes back.
  await page.getByText('Export', { exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download SVG' }).click(),
  ]);
  const text = readFileSync((await download.path()) as string, 'utf8');
  const shapes = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    return {
      error: doc.getElementsByTagName('parsererror').length,
      shapes: doc.querySelectorAll('circle, rect').length,
      paths: doc.querySelectorAll('path').length,
    };
  }, text);
  expect(shapes.error).toBe(0);
  expect(shapes.shapes).toBeGreaterThan(nodes);
  expect(shapes.paths).toBeGreaterThan(nodes);
  await expect(page.getByRole('status').filter({ hasText: 'Saved gradflow-graph.svg' })).toBeVisible();
  expect(await page.locator('svg.graph g.node').count()).toBe(0);
});
