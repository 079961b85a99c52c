import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** axe-core's WCAG A/AA rules: names for every control, roles, labels, contrast. */
async function violations(page: Page) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return r.violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  );
}

const LECTURE = `#src=${encodeURIComponent('2*log(x1+sin(x1))*max(x2,x3)')}&v.x1=5&v.x2=-2&v.x3=-5`;

test('the main view has no accessibility violations, in both themes', async ({ page }) => {
  await page.goto(`/${LECTURE}&step=10`);
  await page.getByText('Language reference').click();
  expect(await violations(page)).toEqual([]);
  await page.getByLabel('Dark theme').check();
  expect(await violations(page)).toEqual([]);
});

test('projector, quiz and the tools have no accessibility violations', async ({ page }) => {
  await page.goto(`/${LECTURE}`);
  for (const tool of [
    'Chain rule as a sum over paths',
    'Gradient check',
    'Forward vs reverse mode',
    'Gradient descent',
    'The function along one input',
    'Copy as PyTorch',
  ])
    await page.getByText(tool).click();
  await page.getByText('Export', { exact: true }).click();
  expect(await violations(page)).toEqual([]);
  await page.getByRole('region', { name: 'Step' }).click();
  await page.keyboard.press('q');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('p');
  expect(await violations(page)).toEqual([]);
});

test('an opened call and its frame have no accessibility violations, in both themes', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Preset', { exact: true }).selectOption('neuron-net');
  await page.locator('[data-call="neuron#0"]').click();
  await expect(page.locator('.group-frame')).toHaveCount(1);
  expect(await violations(page)).toEqual([]);
  await page.getByLabel('Dark theme').check();
  expect(await violations(page)).toEqual([]);
});

test('the tensor view, an opened operation, the matrix editor and the node details have no accessibility violations', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByLabel('Preset', { exact: true }).selectOption('recitation-mlp-tensor');
  const graph = page.locator('svg.graph[data-level="tensor"]');
  await graph.locator('.node[data-key="matmul#0"]').focus();
  await page.keyboard.press('Enter');
  await expect(graph.locator('[data-group="tensor:matmul#0"]')).toBeVisible();
  await graph.locator('.node[data-key="W1"]').click();
  await expect(page.getByRole('table', { name: 'value of W1, 2×1' })).toBeVisible();
  await page.getByRole('button', { name: 'Step back' }).click();
  expect(await violations(page)).toEqual([]);
  await page.getByLabel('Dark theme').check();
  expect(await violations(page)).toEqual([]);
});

test('forward mode and a vector output’s Jacobian have no accessibility violations, in both themes', async ({
  page,
}) => {
  const src = encodeURIComponent('x1 = 3; x2 = 1\ny = [-5*x1 + x2, x1^2]');
  await page.goto(`/#src=${src}&seed=x1&step=2`);
  await expect(page.getByLabel('Forward mode: seed 1 on')).toHaveValue('x1');
  await expect(page.getByRole('region', { name: 'Jacobian' })).toBeVisible();
  await page.getByText('Forward vs reverse mode').click();
  expect(await violations(page)).toEqual([]);
  await page.getByLabel('Dark theme').check();
  expect(await violations(page)).toEqual([]);
});
