import { expect, test } from './fixtures';
import { readGradients, typeProgram } from './helpers';

/* Vectors and matrices, typed as the recitation writes them: its printed numbers, as text and as
 * matrices of the inputs' shapes; a shape mistake is pointed at. */

const RECITATION =
  'x = 3; y = 10\nW1 = [[4], [-2]]; w2 = [1, 0]\nh = relu(W1 @ [x])\nyhat = relu(w2 @ h)\nC = (yhat - y)^2';

test('the recitation MLP typed with a matrix and a vector gives its printed 48, 12, 0, 0', async ({
  page,
}) => {
  await page.goto('/');
  await typeProgram(page, RECITATION);
  await expect(page.locator('output')).toHaveText('C = 4');
  const g = await readGradients(page);
  expect(g['w2[0]']?.grad).toBe(48);
  expect(g['w2[1]']?.grad).toBe(0);
  expect(g['W1[0,0]']?.grad).toBe(12);
  expect(g['W1[1,0]']?.grad).toBe(0);
  // The gradients of W1 and w2 as matrices of their own shapes.
  const dW1 = page.getByRole('table', { name: '∂C/∂W1, 2×1' });
  await expect(dW1.locator('tr')).toHaveCount(2);
  await expect(dW1.locator('td')).toHaveText(['12', '0']);
  await expect(page.getByRole('table', { name: '∂C/∂w2, 2' }).locator('td')).toHaveText(['48', '0']);
  // The graph is at tensor level: one node per input (x, y, W1, w2), the 2 of ^2 a constant.
  const graph = page.locator('svg.graph[data-level="tensor"]');
  await expect(graph.locator('.node.op-input')).toHaveCount(4);
  await expect(graph.locator('.node[data-key="W1"]')).toHaveAttribute('data-shape', '2×1');
  // The scalar expansion is one press away: an input per element.
  await page.getByRole('button', { name: 'Scalars' }).click();
  await expect(page.locator('svg.graph:not([data-level]) .node.op-input')).toHaveCount(6);
  await page.getByRole('button', { name: 'Scalars' }).click();
  await expect(graph).toBeVisible();
});

test('a shape mistake is pointed at with the sizes, and the text stays as typed', async ({ page }) => {
  await page.goto('/');
  const text = 'W = [[1, 2], [3, 4]]\nv = [1, 1, 1]\nf = sum(W @ v)';
  await typeProgram(page, text);
  await page.getByRole('textbox', { name: 'Expression' }).blur();
  const error = page.locator('.error');
  await expect(error).toContainText('cannot multiply 2×2 @ 3: inner sizes 2 and 3 differ');
  const start = Number(await error.getAttribute('data-start'));
  const end = Number(await error.getAttribute('data-end'));
  expect(text.slice(start, end)).toBe('W @ v');
  await expect(page.getByRole('textbox', { name: 'Expression' })).toHaveValue(text);
});

test('moving a matrix element’s slider rewrites that number in the text', async ({ page }) => {
  await page.goto('/');
  await typeProgram(page, RECITATION);
  await expect(page.locator('output')).toHaveText('C = 4');
  await page.getByRole('spinbutton', { name: 'W1[0,0]', exact: true }).fill('5');
  await expect(page.getByRole('textbox', { name: 'Expression' })).toHaveValue(
    RECITATION.replace('[[4]', '[[5]'),
  );
  // yhat = relu(5·3) = 15: C = (15 − 10)² = 25.
  await expect(page.locator('output')).toHaveText('C = 25');
});

/** Steps back from the end until the step panel says `text` (at most `limit` steps). */
async function stepBackTo(page: import('@playwright/test').Page, text: string, limit = 40) {
  const panel = page.getByRole('region', { name: 'Step' });
  const end = page.getByRole('button', { name: 'Jump to end' });
  if (await end.isEnabled()) await end.click();
  for (let k = 0; k < limit; k++) {
    if (((await panel.textContent()) ?? '').includes(text)) return panel;
    await page.getByRole('button', { name: 'Step back' }).click();
  }
  throw new Error(`no step says "${text}"`);
}

test('at tensor level, edges carry shapes and a matmul step gives its VJP with shapes', async ({ page }) => {
  await page.goto('/');
  await typeProgram(page, RECITATION);
  const graph = page.locator('svg.graph[data-level="tensor"]');
  await expect(graph).toBeVisible();
  // W1 (2×1) flows into W1 @ [x]; the result (2) into relu.
  await expect(graph.locator('.edge[data-carries="2×1"]')).toHaveCount(1);
  await expect(graph.locator('.edge .shape-label', { hasText: '2×1' })).toBeVisible();
  const panel = await stepBackTo(page, 'matmul swaps: ∂C/∂W1');
  await expect(panel).toContainText('(2×1)·(1×1) = (2×1)');
  await expect(panel).toContainText('∂C/∂W1 = [[12], [0]].');
  // The equation is typeset, and W1's gradient is drawn as a matrix under it.
  await expect(panel.locator('.katex-display')).toBeVisible();
  await expect(graph.locator('.node[data-key="W1"] .tensor-grad')).toHaveText(['∂ [12]', '[0]']);
  // The numbers are text too: the node's accessible name has every one.
  await expect(graph.locator('.node[data-key="W1"]')).toHaveAttribute(
    'aria-label',
    /gradient \[\[12\],\s*\[0\]\]/,
  );
  // Selecting it gives every number in the node details, as matrices of its shape.
  await graph.locator('.node[data-key="W1"]').click();
  const details = page.getByRole('region', { name: 'Node' });
  await expect(details.getByRole('table', { name: 'value of W1, 2×1' }).locator('td')).toHaveText([
    '4',
    '−2',
  ]);
  await expect(details.getByRole('table', { name: '∂C/∂W1, 2×1' }).locator('td')).toHaveText(['12', '0']);
});

test('a small tensor node opens into its scalar gates in place, and the gradients agree', async ({
  page,
}) => {
  await page.goto('/');
  await typeProgram(page, RECITATION);
  const graph = page.locator('svg.graph[data-level="tensor"]');
  const matmul = graph.locator('.node[data-key="matmul#0"]');
  await expect(matmul).toHaveAttribute('aria-label', /Press Enter to open it/);
  // From the keyboard: focus the node, press Enter.
  await matmul.focus();
  await page.keyboard.press('Enter');
  const frame = graph.locator('[data-group="tensor:matmul#0"]');
  await expect(frame).toBeVisible();
  // The keyboard goes on from the frame's close button (the node it was on is gone).
  await expect(frame.getByRole('button', { name: /Close t2/ })).toBeFocused();
  await expect(graph.locator('.tensor-node.opened')).toHaveCount(2);
  // Each product gets one element of W1.
  await expect(graph.locator('.edge[data-carries="W1[0,0]"]')).toHaveCount(1);
  await expect(graph.locator('.edge[data-carries="W1[1,0]"]')).toHaveCount(1);
  // The scalar steps replay inside it, with the scalar captions.
  const panel = await stepBackTo(page, 'Edge W1[0,0] → t2[0]');
  await expect(panel).toContainText('= 12');
  await page.getByRole('button', { name: 'Jump to end' }).click();
  await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible();
  await expect(graph.locator('.node[data-key="W1"] .tensor-grad')).toHaveText(['∂ [12]', '[0]']);
  await expect(graph.locator('.node[data-key="w2"] .tensor-grad')).toHaveText(['∂ [48, 0]']);
  // Closing it gives the one node back.
  // From the keyboard again (the button is where the camera last left it).
  await frame.getByRole('button', { name: /Close t2/ }).focus();
  await page.keyboard.press('Enter');
  await expect(graph.locator('.tensor-node.opened')).toHaveCount(0);
  await expect(matmul).toBeVisible();
});

test('an MLP 784-16-16-10 is drawn at once at tensor level, its big inputs summarized', async ({ page }) => {
  await page.goto('/');
  const { mlp784 } = await import('../bench/generators');
  await page.getByRole('textbox', { name: 'Expression' }).fill(mlp784());
  const graph = page.locator('svg.graph[data-level="tensor"]');
  // (13,786 inputs: the Gradients table alone is 13,786 rows, slow to draw on a shared machine.)
  await expect(graph).toBeVisible({ timeout: 40_000 });
  // Inputs, layers and the loss, not 13,000 scalar gates.
  expect(Number(await graph.getAttribute('data-nodes'))).toBeLessThan(30);
  await expect(graph.locator('.node[data-key="W1"]')).toHaveAttribute('data-shape', '16×784');
  await expect(graph.locator('.edge[data-carries="16×784"]')).toHaveCount(1);
  // 12,544 sliders would be a wall: the weights are left to the text, and said so.
  await expect(page.locator('.matrix-input.big', { hasText: 'W1' })).toContainText('12,544 values');
  await expect(page.locator('.matrix-input:not(.big)', { hasText: 'b1' })).toBeVisible();
  // And 13,786 gradient rows too: the first 200, and all of them on request.
  await expect(page.getByRole('table', { name: 'Gradients' }).locator('tbody tr')).toHaveCount(200);
  await expect(page.getByRole('button', { name: 'Show all 13,786' })).toBeVisible();
});
