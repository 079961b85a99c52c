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
