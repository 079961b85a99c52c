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
  // The graph is the scalar expansion: an input per element.
  await expect(page.locator('svg .node.op-input')).toHaveCount(6);
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
