import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/*
 * Forward mode, animated on the student's own program: pick an input, and its tangent (seed 1 on it, 0 on
 * the others) flows forward edge by edge, with the gate's rule, the chain rule in numbers and KaTeX, until
 * the output shows ∂f/∂x, the number reverse mode gave.
 */

async function animate(page: Page, seed: string) {
  await page.getByText('Forward vs reverse mode', { exact: true }).click();
  await page.getByLabel('Watch one forward pass on the graph, seed 1 on').selectOption(seed);
  await page.getByRole('button', { name: 'Animate forward mode' }).click();
  // Stop the animation and stand at the seed, to step by hand.
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: 'Restart' }).click();
}

const title = (page: Page) => page.locator('.step-title');
const text = (page: Page) => page.locator('.step-text');

test('the tangent of x flows x → q → f, step by step, and ends at ∂f/∂x = −4 like reverse mode', async ({
  page,
}) => {
  await page.goto('/');
  await animate(page, 'x');
  await expect(title(page)).toHaveText('Forward mode: the seed');
  await expect(page.locator('.where')).toHaveText('Start: seed 1 on x');
  // The seeds under the inputs: 1 on x, 0 on the others; every value is already known.
  await expect(page.getByRole('button', { name: 'input x, value −2, tangent dx/dx 1' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'input y, value 5, tangent dy/dx 0' })).toBeVisible();
  await expect(page.locator('.node-grad')).toHaveText([/seed 1$/, /seed 0$/, /seed 0$/]);
  // z does not depend on x: drawn faint, and its edge too.
  await expect(page.locator('.edge.dim')).toHaveCount(2);

  // The clicker's key, with the seed's picker focused: the step moves, the picker does not.
  await page.getByLabel('Forward mode: seed 1 on').focus();
  await page.keyboard.press('PageDown');
  await expect(title(page)).toHaveText('Tangent step 1 of 2');
  await expect(page.getByLabel('Forward mode: seed 1 on')).toHaveValue('x');
  await expect(text(page)).toContainText('Edge x → q: add passes the tangent of x through unchanged');
  await expect(text(page)).toContainText('dq/dx = ∂q/∂x · dx/dx = 1 × 1 = 1');
  await expect(page.locator('.grad-label.current tspan')).toHaveText(['1 × 1', '= 1']);
  // The dot runs forward along the edge, from x to the gate.
  await expect(page.locator('.pulse animateMotion')).toHaveAttribute('keyPoints', '0;1');

  await page.keyboard.press('PageDown');
  await expect(title(page)).toHaveText('Tangent step 2 of 2');
  await expect(text(page)).toContainText('mul scales the tangent of q by the other input');
  await expect(text(page)).toContainText('df/dx = ∂f/∂q · dq/dx = −4 × 1 = −4');
  await expect(text(page)).toContainText('z does not depend on x');
  await expect(page.locator('.grad-label.current tspan')).toHaveText(['−4 × 1', '= −4']);
  // The chain rule as KaTeX, with symbols then numbers.
  await expect(page.locator('.step-tex .katex-mathml annotation')).toHaveText(
    '\\frac{d f}{d x} = \\frac{\\partial f}{\\partial q} \\cdot \\frac{d q}{d x} = z \\cdot 1 = (-4) \\cdot 1 = -4',
  );
  // The tangent of x that reached q rides on q's edge.
  await expect(page.locator('.edge[data-edge] .grad-label:not(.current)').first()).toHaveText(/^1+$/);

  await page.keyboard.press('PageDown');
  await expect(title(page)).toHaveText('Forward mode: done');
  await expect(text(page)).toContainText(
    "df/dx = −4 after 2 tangent steps. Reverse mode's gradient ∂f/∂x is −4: the same.",
  );
  await expect(text(page)).toContainText('this program has 3 inputs, so forward mode needs 3 passes');
  // The output's own edge shows the result.
  await expect(page.locator('.edge[data-edge="-1"] .grad-label')).toHaveText('-4−4');
  // The pass played on the graph fills its row of the tool's table, ticked against reverse mode.
  const table = page.getByRole('table', { name: 'Forward mode against reverse mode' });
  await expect(table.locator('tbody tr').first()).toContainText('✓ same');
  await expect(page.locator('.modes-status')).toHaveText('1 of 3 forward passes done.');
});

test('every forward pass, one after another, gives the gradient reverse mode gave (ReLU net, 12 inputs)', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByLabel('Preset', { exact: true }).selectOption('relu-net');
  const reverse = await page
    .getByRole('table', { name: 'Gradients' })
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => [
        r.querySelector('th')?.textContent?.trim(),
        r.querySelectorAll('td')[1]?.getAttribute('data-exact'),
      ]),
    );
  expect(reverse).toHaveLength(12);
  await animate(page, 'x1');
  let sums = 0;
  for (const [k, [name, exact]] of reverse.entries()) {
    await expect(page.getByLabel('Forward mode: seed 1 on')).toHaveValue(name as string);
    // Step through the pass: where branches meet the tangents add, and the view shows the sum.
    const length = Number(await page.locator('.where').getAttribute('data-length'));
    for (let p = 0; p < length; p++) {
      await page.keyboard.press('PageDown');
      if (await page.locator('.grad-label.sum').count()) sums++;
    }
    await expect(title(page)).toHaveText('Forward mode: done');
    await expect(text(page)).toContainText(': the same.');
    const shown = await page.locator('.edge[data-edge="-1"] .grad-label title').textContent();
    expect(Math.abs(Number(shown) - Number(exact)), `∂L/∂${name}`).toBeLessThan(
      1e-12 * Math.max(1, Math.abs(Number(exact))),
    );
    if (k < reverse.length - 1) {
      await page.getByRole('button', { name: `Next pass: seed ${reverse[k + 1]?.[0]}` }).click();
      await page.getByRole('button', { name: 'Pause' }).click();
      await page.getByRole('button', { name: 'Restart' }).click();
    }
  }
  expect(sums).toBeGreaterThan(0);
  // And back to the backward pass.
  await page.getByRole('button', { name: 'Back to reverse mode' }).click();
  await expect(page.getByLabel('Forward mode: seed 1 on')).toHaveCount(0);
  await expect(page.locator('.where')).toHaveText('Start: inputs only');
});

test('a tensor program is animated in forward mode at scalar level, and comes back to tensor level', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByLabel('Preset', { exact: true }).selectOption('two-layer-matrix');
  const tensorView = page.locator('svg.graph[data-level="tensor"]');
  await expect(tensorView).toBeVisible();
  const tensorNodes = Number(await tensorView.getAttribute('data-nodes'));
  await page.getByText('Forward vs reverse mode', { exact: true }).click();
  await page.getByRole('button', { name: 'Animate forward mode' }).click();
  await expect(page.locator('.where')).toHaveText(/^(Tangent step|Start: seed|Done: the tangent)/);
  await expect(tensorView).toHaveCount(0);
  expect(Number(await page.locator('svg.graph').getAttribute('data-nodes'))).toBeGreaterThan(tensorNodes);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.keyboard.press('End');
  await expect(text(page)).toContainText(': the same.');
  await page.getByRole('button', { name: 'Back to reverse mode' }).click();
  await expect(tensorView).toHaveAttribute('data-nodes', String(tensorNodes));
});
