import { expect, test } from '@playwright/test';
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
