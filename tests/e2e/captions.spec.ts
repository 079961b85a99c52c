import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { readGradients, setVariable, typeProgram } from './helpers';

/* What the Step panel says in front of a class: every equation says something, captions use the
 * student's own names, and x(x+1) multiplies as on paper. */

const LECTURE = 'x = -2; y = 5; z = -4\nq = x + y\nf = q * z';

/** Restarts the animation and steps forward until the Step panel's title matches. */
async function stepUntil(page: Page, title: RegExp): Promise<void> {
  const h2 = page.getByRole('region', { name: 'Step' }).locator('h2');
  await page.getByRole('button', { name: 'Restart' }).click();
  await expect(h2).toHaveText('Start');
  for (let k = 0; k < 60 && !title.test((await h2.textContent()) ?? ''); k++) {
    const before = (await h2.textContent()) ?? '';
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(h2).not.toHaveText(before);
  }
  await expect(h2).toHaveText(title);
}

/** The LaTeX source of the Step panel's equation, as KaTeX keeps it in its MathML annotation. */
const stepTex = (page: Page) =>
  page.getByRole('region', { name: 'Step' }).locator('.step-tex annotation[encoding="application/x-tex"]');
const stepText = (page: Page) => page.getByRole('region', { name: 'Step' }).locator('.step-text');

test('the first backward step shows the seed and the local derivative, not ∂f/∂q = ∂f/∂q', async ({
  page,
}) => {
  await page.goto('/');
  await typeProgram(page, LECTURE);
  await expect(page.locator('output')).toHaveText('f = −12');
  await stepUntil(page, /^Backward step 1 of 4$/);
  await expect(stepTex(page)).toHaveText(
    '\\frac{\\partial f}{\\partial q} = \\frac{\\partial f}{\\partial f} \\cdot \\frac{\\partial f}{\\partial q} = 1 \\cdot z = 1 \\cdot (-4) = -4',
  );
  await expect(page.locator('.step-tex .katex')).toBeVisible();
  await expect(stepText(page)).toContainText('∂f/∂q = ∂f/∂f · ∂f/∂q = 1 × (−4) = −4.');
  // The later steps keep their form.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(stepText(page)).toContainText('∂f/∂x = ∂f/∂q · ∂q/∂x = −4 × 1 = −4.');
});

test('the power rule caption names the student’s c and its numbers, not a and b', async ({ page }) => {
  await page.goto('/');
  await typeProgram(page, 'c = x + y; d = c**2; f = x*d');
  await setVariable(page, 'x', 3);
  await setVariable(page, 'y', -1);
  await expect(page.locator('output')).toHaveText('f = 12');
  await stepUntil(page, /^Backward step 3 of/);
  await expect(stepText(page)).toHaveText(
    'Edge c → d: power rule: the base c gets 2·c^(2−1) = 2·2^1 = 4 times the gradient. ∂f/∂c = ∂f/∂d · ∂d/∂c = 3 × 4 = 12.',
  );
  await expect(stepTex(page)).toContainText('3 \\cdot \\left(2 \\cdot c^{2 - 1}\\right) = 3 \\cdot 4 = 12');
});

test('the divide caption writes −b/a² with the student’s b and a', async ({ page }) => {
  await page.goto('/');
  await typeProgram(page, 'f = b/a');
  await setVariable(page, 'a', 2);
  await setVariable(page, 'b', 3);
  await stepUntil(page, /^Backward step 2 of 2$/);
  await expect(stepText(page)).toContainText(
    'the denominator a gets −b/a² = −3/2² = −0.75 times the gradient',
  );
  await expect(stepText(page)).not.toContainText('a/b');
});

test('x(x+1), 2x(x+1) and a(b+c) multiply as on paper, with one node per variable', async ({ page }) => {
  await page.goto('/');
  const svg = page.getByLabel('Computation graph');
  await typeProgram(page, 'x = 3\nf = x(x+1)');
  await expect(page.locator('.error')).toHaveCount(0);
  await expect(page.locator('output')).toHaveText('f = 12');
  expect((await readGradients(page)).x?.grad).toBe(7);
  await expect(svg.getByRole('button', { name: /^input x, value/ })).toHaveCount(1);

  await typeProgram(page, 'x = 3\nf = 2x(x+1)');
  await expect(page.locator('output')).toHaveText('f = 24');
  expect((await readGradients(page)).x?.grad).toBe(14);

  await typeProgram(page, 'a = 2; b = 3; c = 4\nf = a(b+c)');
  await expect(page.locator('.error')).toHaveCount(0);
  await expect(page.locator('output')).toHaveText('f = 14');
  const g = await readGradients(page);
  expect([g.a?.grad, g.b?.grad, g.c?.grad]).toEqual([7, 2, 2]);
});

test('a misspelt function is still an error, which says how to multiply instead', async ({ page }) => {
  await page.goto('/');
  await typeProgram(page, 'sinn(x)');
  const error = page.locator('.error');
  await expect(error.locator('.error-message')).toContainText(
    'Unknown function "sinn" — did you mean "sin"?',
  );
  await expect(error.locator('.error-hint')).toHaveText('To multiply, write sinn*(x).');
});
