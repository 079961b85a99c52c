import { LECTURE_EXAMPLES } from '../../src/examples/lectures';
import { expect, test } from './fixtures';
import { numberText, readGradients, setVariable, typeProgram } from './helpers';

test.describe('lecture programs in the browser', () => {
  for (const ex of LECTURE_EXAMPLES) {
    test(`${ex.title}: output and Gradients table`, async ({ page }) => {
      await page.goto('/');
      await typeProgram(page, ex.source);
      for (const [name, v] of Object.entries(ex.values)) await setVariable(page, name, v);
      const g = await readGradients(page);
      expect(Object.keys(g).sort()).toEqual(Object.keys(ex.expected.gradients).sort());
      for (const [name, want] of Object.entries(ex.expected.gradients)) {
        expect(g[name]?.grad, name).toBeCloseTo(want, 6);
      }
      // The rounded text a student reads agrees too.
      const firstGrad = page.getByRole('table', { name: 'Gradients' }).locator('td.grad').first();
      const firstName = Object.keys(g)[0] as string;
      expect(numberText(await firstGrad.innerText())).toBeCloseTo(
        ex.expected.gradients[firstName] as number,
        4,
      );
      const shown = page.locator('output');
      await expect(shown).toContainText(' = ');
      expect(Number(await shown.getAttribute('title'))).toBeCloseTo(ex.expected.value, 6);
    });
  }
});

test('stepping through the backward pass: one step per gradient edge, ending at the table', async ({
  page,
}) => {
  await page.goto('/');
  const ex = LECTURE_EXAMPLES[0];
  if (!ex) throw new Error('no example');
  await typeProgram(page, ex.source);
  for (const [name, v] of Object.entries(ex.values)) await setVariable(page, name, v);
  const svg = page.getByLabel('Computation graph');
  // Edges that carry a gradient: every edge except those leaving a constant.
  const gradEdges = await svg.locator('g.edge[data-edge]:not(.from-const):not([data-edge="-1"])').count();
  expect(gradEdges).toBe(9);

  await page.getByRole('button', { name: 'Restart' }).click();
  const where = page.locator('.where');
  await expect(where).toHaveText('Start: inputs only');
  const forward = Number(await where.getAttribute('data-forward'));
  const length = Number(await where.getAttribute('data-length'));
  expect(length - forward - 1).toBe(gradEdges); // the last position is "done"

  const step = page.getByRole('region', { name: 'Step' });
  let backwardSteps = 0;
  for (let k = 0; k < length; k++) {
    await page.getByRole('button', { name: 'Step forward' }).click();
    const title = await step.locator('h2').innerText();
    if (title.startsWith('Backward step')) {
      backwardSteps++;
      expect(title).toBe(`Backward step ${backwardSteps} of ${gradEdges}`);
      await expect(step).toContainText('∂f/∂');
    }
  }
  expect(backwardSteps).toBe(gradEdges);
  await expect(step.locator('h2')).toHaveText('Done');
  await expect(step).toContainText('∂f/∂x1 = −1.271');
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeDisabled();
  // After the last step every input shows its final gradient in the graph, as in the table.
  for (const [name, want] of Object.entries(ex.expected.gradients)) {
    const node = svg.getByRole('button', { name: new RegExp(`^input ${name}, value`) });
    const label = (await node.getAttribute('aria-label')) ?? '';
    const m = /gradient (\S+)$/.exec(label);
    expect(numberText(m?.[1] ?? 'NaN'), name).toBeCloseTo(want, 3);
  }
});

test('the step panel names the gate pattern and shows the chain rule', async ({ page }) => {
  await page.goto('/');
  await typeProgram(page, 'x = -2; y = 5; z = -4\nq = x + y\nf = q * z');
  await page.getByRole('button', { name: 'Restart' }).click();
  const step = page.getByRole('region', { name: 'Step' });
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  await expect(step.locator('h2')).toHaveText('Start');
  await page.keyboard.press('PageDown'); // forward q
  await page.keyboard.press('ArrowRight'); // forward f
  await expect(step).toContainText('f = q × z = 3 × −4 = −12');
  await page.keyboard.press('PageDown'); // backward 1: f → q
  await expect(step).toContainText('mul swaps');
  await expect(step).toContainText('∂f/∂q = ∂f/∂f · ∂f/∂q = 1 × (−4) = −4');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown'); // backward 3: q → x
  await expect(step).toContainText('add distributes');
  await expect(step).toContainText('∂f/∂x = ∂f/∂q · ∂q/∂x = −4 × 1 = −4');
  await expect(step.locator('.katex')).toBeVisible();
  await page.keyboard.press('PageUp');
  await expect(step.locator('h2')).toHaveText('Backward step 2 of 4');
  // Space plays; playing reaches the end by itself.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('gradients add where branches meet, and the running sum is shown', async ({ page }) => {
  await page.goto('/');
  await typeProgram(page, 'f = 0.2*x + 0.4*x');
  await page.getByRole('button', { name: 'Restart' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft'); // the last backward step
  // Reverse topological order reaches the right-hand branch (0.4·x) first.
  await expect(page.getByRole('region', { name: 'Step' })).toContainText('0.4 + 0.2 = 0.6');
  await expect(page.getByLabel('Computation graph').locator('text.sum')).toHaveText('0.4 + 0.2 = 0.6');
});

test('changing a variable updates the numbers', async ({ page }) => {
  await page.goto('/');
  await typeProgram(page, '(x+y)*z');
  await setVariable(page, 'x', -2);
  await setVariable(page, 'y', 5);
  await setVariable(page, 'z', -4);
  expect((await readGradients(page)).z?.grad).toBe(3);
  await setVariable(page, 'y', 7);
  await expect(page.locator('output')).toHaveText('f = −20');
  expect((await readGradients(page)).z?.grad).toBe(5);
});

test('a broken program shows the error at the right place and keeps the last good graph', async ({
  page,
}) => {
  await page.goto('/');
  await typeProgram(page, '2*log(x1+sin(x1))*max(x2,x3)');
  const svg = page.getByLabel('Computation graph');
  const nodes = await svg.locator('g.node').count();
  expect(nodes).toBe(10);
  // Edit the good program as a student would: one extra letter in "sin".
  const box = page.getByRole('textbox', { name: 'Expression' });
  await box.press('End');
  for (let k = 0; k < '(x1))*max(x2,x3)'.length; k++) await box.press('ArrowLeft');
  await box.press('n');
  await expect(box).toHaveValue('2*log(x1+sinn(x1))*max(x2,x3)');
  const error = page.locator('.error');
  await expect(error).toContainText('Unknown function "sinn" — did you mean "sin"?');
  await expect(error).toHaveAttribute('data-start', '9');
  await expect(error).toHaveAttribute('data-end', '13');
  // The span is underlined in the text itself.
  await expect(page.locator('.editor-backdrop mark')).toHaveText('sinn');
  await expect(page.getByRole('textbox', { name: 'Expression' })).toHaveAttribute('aria-invalid', 'true');
  await expect(svg.locator('g.node')).toHaveCount(nodes);
  await expect(page.getByRole('table', { name: 'Gradients' })).toBeVisible();
  // Undo (as in any text box) brings the good program and its live numbers back.
  await box.press('Backspace');
  await expect(error).toHaveCount(0);
  await expect(box).toHaveValue('2*log(x1+sin(x1))*max(x2,x3)');
});

test('a domain error names the reason and the place', async ({ page }) => {
  await page.goto('/');
  await typeProgram(page, 'log(x - 4)');
  await setVariable(page, 'x', 3);
  await expect(page.locator('.error')).toContainText('log of a negative number (−1)');
  await expect(page.locator('.error')).toHaveAttribute('data-start', '0');
});

test('clicking a node shows its op, value, gradient and local derivatives', async ({ page }) => {
  await page.goto('/');
  await typeProgram(page, 'x = -2; y = 5; z = -4\nq = x + y\nf = q * z');
  await page
    .getByLabel('Computation graph')
    .getByRole('button', { name: /^f: mul gate/ })
    .click();
  const details = page.getByRole('region', { name: 'Node' });
  await expect(details).toContainText('mul gate (swaps)');
  await expect(details).toContainText('−12');
  await expect(details).toContainText('local derivative with respect to q: -4');
  await expect(details).toContainText('local derivative with respect to z: 3');
});

test('screenshot: the lecture example mid-animation at 1920×1080', async ({ page }, info) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/');
  const ex = LECTURE_EXAMPLES[0];
  if (!ex) throw new Error('no example');
  await typeProgram(page, ex.source);
  for (const [name, v] of Object.entries(ex.values)) await setVariable(page, name, v);
  await page.getByRole('button', { name: 'Restart' }).click();
  for (let k = 0; k < 12; k++) await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.getByRole('region', { name: 'Step' }).locator('h2')).toHaveText('Backward step 6 of 9');
  await page.waitForTimeout(500);
  const path = info.outputPath('lecture-1920x1080.png');
  await page.screenshot({ path });
  await info.attach('lecture-1920x1080', { path, contentType: 'image/png' });
});

test('the student’s zoom survives value changes; Fit to screen brings the whole graph back', async ({
  page,
}) => {
  await page.goto('/');
  await typeProgram(page, 'x = -2; y = 5; z = -4\nq = x + y\nf = q * z');
  const content = page.getByLabel('Computation graph').locator(':scope > g');
  await page.waitForTimeout(400);
  const fitted = await content.getAttribute('transform');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.waitForTimeout(400);
  const zoomed = await content.getAttribute('transform');
  expect(zoomed).not.toBe(fitted);
  await page.getByRole('slider', { name: 'y slider' }).fill('6');
  await expect(page.locator('output')).toHaveText('f = −16');
  await page.waitForTimeout(400);
  expect(await content.getAttribute('transform')).toBe(zoomed);
  await page.getByRole('button', { name: 'Fit to screen' }).click();
  await page.waitForTimeout(500);
  expect(await content.getAttribute('transform')).toBe(fitted);
});
