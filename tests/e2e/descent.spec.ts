import { expect, test } from './fixtures';

/* Gradient descent on the student's own program: the steps are written into the text, the loss is
 * charted, a learning rate too large is shown diverging, and nudge-and-verify compares h·∂f/∂x with the
 * actual change. */

async function openDescent(page: import('@playwright/test').Page) {
  await page.goto('/');
  await page.getByLabel('Preset', { exact: true }).selectOption('polynomial');
  await page.getByText('Gradient descent', { exact: true }).click();
  await expect(page.getByRole('button', { name: /^Run/ })).toBeVisible();
}

test('descent on 0.5x⁴ − 2x² + x + 5 from 1.5 reaches the local minimum near 1.2670, written in the text', async ({
  page,
}) => {
  await openDescent(page);
  const text = page.getByRole('textbox', { name: 'Expression' });
  await expect(text).toHaveValue(/^x = 1\.5\n/);
  // One step by hand: f′(1.5) = 2·1.5³ − 4·1.5 + 1 = 1.75, so x = 1.5 − 0.05·1.75 = 1.4125.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(text).toHaveValue(/^x = 1\.4125\n/);
  await page.getByLabel('Steps', { exact: true }).fill('30');
  await page.getByRole('button', { name: 'Run 30' }).click();
  await expect(page.locator('.descent-status')).toHaveText(/30 steps taken: f = 4\.34/, { timeout: 15_000 });
  const x = Number(/^x = (\S+)/.exec(await text.inputValue())?.[1]);
  expect(Math.abs(x - 1.267)).toBeLessThan(1e-3);
  // The chart has a point per visited value (the start, the step, the 30 of the run).
  await expect(page.locator('.loss-chart .loss-point')).toHaveCount(32);
  // The last steps are undone with Ctrl+Z, back toward the start.
  await page.keyboard.press('Control+z');
  await expect(text).not.toHaveValue(new RegExp(`^x = ${x}\\n`));
});

test('a learning rate too large is shown diverging, honestly', async ({ page }) => {
  await openDescent(page);
  await page.getByLabel('Learning rate α').fill('1');
  await page.getByLabel('Steps', { exact: true }).fill('50');
  await page.getByRole('button', { name: 'Run 50' }).click();
  await expect(page.locator('.descent-status')).toContainText('diverged', { timeout: 15_000 });
  await expect(page.locator('.descent-status')).toContainText('try a smaller learning rate');
  await page.getByLabel('Learning rate α').fill('-1');
  await expect(page.getByRole('button', { name: 'Step', exact: true })).toBeDisabled();
});

test('nudge and verify: h·∂f/∂x against the actual change', async ({ page }) => {
  await openDescent(page);
  await page.getByLabel('by h').fill('0.0001');
  // At x = 1.5: ∂f/∂x = 1.75, so h·∂f/∂x = 0.000175; the actual change is within O(h²) of it.
  const result = page.locator('.nudge-result');
  await expect(result).toContainText('predicted change h·∂f/∂x = 0.000175;');
  const actual = Number(/= ([\d.e−-]+)$/.exec((await result.textContent()) ?? '')?.[1]?.replace('−', '-'));
  expect(Math.abs(actual - 0.000175)).toBeLessThan(1e-6);
});

test('the function along one input: its tangent has the gradient for slope, and relu’s kink is marked', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByLabel('Preset', { exact: true }).selectOption('relu-net');
  await page.getByText('The function along one input', { exact: true }).click();
  await page.getByLabel('Input to vary').selectOption('w11');
  const plot = page.getByRole('img', { name: /as w11 varies/ });
  // ∂L/∂w11 = 2.37 (the preset's known number); h1 = relu(w11·1 + 0.6 + 0.1) turns off at w11 = −0.7.
  await expect(plot).toHaveAttribute(
    'aria-label',
    /the tangent's slope is ∂L\/∂w11 = 2\.37; kinks near −0\.7/,
  );
  await expect(plot.locator('.tangent')).toHaveCount(1);
  await expect(plot.locator('.kink')).toHaveCount(1);
  // The tangent's slope on screen is the gradient's, in the plot's own scales.
  const slope = await plot.evaluate((svg) => {
    const t = svg.querySelector('.tangent') as SVGLineElement;
    return (t.y2.baseVal.value - t.y1.baseVal.value) / (t.x2.baseVal.value - t.x1.baseVal.value);
  });
  expect(slope).toBeLessThan(0); // screen y grows downward: a rising line
});

test('forward against reverse mode: n forward passes fill in the gradient one backward pass gave', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByLabel('Preset', { exact: true }).selectOption('relu-net');
  await page.getByText('Forward vs reverse mode', { exact: true }).click();
  const panel = page.locator('.modes');
  // The ReLU net has 12 inputs (x1, x2, y and 9 weights): 12 forward passes against 1 backward pass.
  await expect(panel).toContainText('n = 12');
  await expect(panel).toContainText('13,786 inputs');
  const table = page.getByRole('table', { name: 'Forward mode against reverse mode' });
  await expect(table.locator('tbody tr.pending')).toHaveCount(12);
  await page.getByRole('button', { name: 'Next forward pass' }).click();
  // Pass 1 seeds x1: its tangent at the output is ∂L/∂x1 = 0.3002, the preset's known number.
  await expect(table.locator('tbody tr').first()).toContainText('pass 1: 0.300');
  await expect(table.locator('tbody tr').first()).toContainText('✓ same');
  await page.getByRole('button', { name: 'Run every forward pass' }).click();
  await expect(page.locator('.modes-status')).toHaveText('12 of 12 forward passes done.', {
    timeout: 10_000,
  });
  await expect(table.locator('tbody tr.agrees')).toHaveCount(12);
});
