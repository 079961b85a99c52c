import { expect, test } from './fixtures';
import { typeProgram } from './helpers';

/*
 * A vector output: the lecture's y = [−5·x1 + x2, x1²]. Its graph is drawn; the gradients (and the graph's
 * backward pass) are of one element at a time; the Jacobian beside it is filled on the graph, a row per
 * backward pass or a column per forward pass.
 */

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await typeProgram(page, 'x1 = 3; x2 = 1\ny = [-5*x1 + x2, x1^2]');
  await page.getByRole('textbox', { name: 'Expression' }).blur();
});

test('the graph of a vector output, its gradients one element at a time, and its Jacobian', async ({
  page,
}) => {
  await expect(page.locator('.results .output')).toContainText('y = [−14, 9]');
  await expect(page.getByRole('img', { name: /graph/i }).or(page.locator('svg.graph'))).toBeVisible();
  // Both elements are nodes of the graph: y[0] = −5·x1 + x2 (with ×, +) and y[1] = x1² (^).
  await expect(page.getByRole('button', { name: /^y\[0\]: add gate, the output, value −14/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^y\[1\]: pow gate, value 9/ })).toBeVisible();
  const grads = page.getByRole('table', { name: 'Gradients' });
  await expect(grads.locator('thead')).toContainText('∂y[0]/∂input');
  await expect(grads.locator('tbody td.grad')).toHaveText(['−5', '1']);
  await page.getByLabel(/^Gradients of/).selectOption('y[1]');
  await expect(grads.locator('tbody td.grad')).toHaveText(['6', '0']);
  await expect(page.getByRole('button', { name: /^y\[1\]: pow gate, the output, value 9/ })).toBeVisible();
  // The whole matrix: the lecture's [[−5, 1], [6, 0]] at x1 = 3.
  const panel = page.getByRole('region', { name: 'Jacobian' });
  await expect(panel).toContainText('The Jacobian ∂y/∂x (2×2)');
  const cells = panel.getByRole('table', { name: 'Jacobian of y, 2×2' }).locator('tbody td');
  await expect(cells).toHaveText(['−5', '1', '6', '0']);
  // The inputs beside it are the text's: moving x1 to 2 rewrites the text and the Jacobian, [[−5, 1], [4, 0]].
  await page.getByRole('spinbutton', { name: 'x1', exact: true }).fill('2');
  await expect(page.getByRole('textbox', { name: 'Expression' })).toHaveValue(
    'x1 = 2; x2 = 1\ny = [-5*x1 + x2, x1^2]',
  );
  await expect(cells).toHaveText(['−5', '1', '4', '0']);
});

test('filled row by row: one backward pass per element, each played on the graph', async ({ page }) => {
  await page.getByLabel('Speed').selectOption('4');
  const panel = page.getByRole('region', { name: 'Jacobian' });
  const cells = panel.getByRole('table', { name: 'Jacobian of y, 2×2' }).locator('tbody td');
  await panel.getByRole('button', { name: 'Fill by reverse mode (rows)' }).click();
  // Pass 1 plays y[0]'s backward pass on the graph; row 0 fills when it ends, and row 1's pass starts.
  await expect(page.locator('.where')).toHaveText(/^(Start|Forward|Backward)/);
  await expect(cells).toHaveText(['−5', '1', '·', '·'], { timeout: 20_000 });
  await expect(page.getByRole('table', { name: 'Gradients' }).locator('thead')).toContainText(
    '∂y[1]/∂input',
    {
      timeout: 10_000,
    },
  );
  await expect(panel.getByRole('status')).toHaveText('2 of 2 backward passes (rows), done', {
    timeout: 20_000,
  });
  await expect(cells).toHaveText(['−5', '1', '6', '0']);
  await expect(page.locator('.step-text')).toContainText('That is row y[1] of the Jacobian.');
});

test('filled column by column: one forward pass per input reaches every element', async ({ page }) => {
  await page.getByLabel('Speed').selectOption('4');
  const panel = page.getByRole('region', { name: 'Jacobian' });
  const cells = panel.getByRole('table', { name: 'Jacobian of y, 2×2' }).locator('tbody td');
  await panel.getByRole('button', { name: 'Fill by forward mode (columns)' }).click();
  await expect(page.getByLabel('Forward mode: seed 1 on')).toHaveValue('x1');
  await expect(page.locator('.where')).toHaveText(/^(Start: seed|Tangent step)/);
  // One tangent pass seeded on x1 fills the whole first column: ∂y[0]/∂x1 = −5 and ∂y[1]/∂x1 = 6.
  await expect(cells).toHaveText(['−5', '·', '6', '·'], { timeout: 20_000 });
  await expect(page.getByLabel('Forward mode: seed 1 on')).toHaveValue('x2', { timeout: 10_000 });
  await expect(panel.getByRole('status')).toHaveText('2 of 2 forward passes (columns), done', {
    timeout: 20_000,
  });
  await expect(cells).toHaveText(['−5', '1', '6', '0']);
  await expect(page.locator('.step-text')).toContainText(
    'Column x2 of the Jacobian, in one pass of 1 tangent step: dy[0]/dx2 = 1, dy[1]/dx2 = 0.',
  );
});
