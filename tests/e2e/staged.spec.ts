import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { readGradients, typeProgram } from './helpers';

/* Staged computation in the browser: a call is one gate until the student opens it, the animation
 * steps at either level, and the numbers do not change with the level. */

const SIG =
  'sig(z) = 1/(1 + exp(-z))\nw0 = 2; x0 = -1; w1 = -3; x1 = -2; w2 = -3\nf = sig(w0*x0 + w1*x1 + w2)';

const stepRegion = (page: Page) => page.getByRole('region', { name: 'Step' });

/** Steps from the start until the Step panel's title matches. */
async function stepUntil(page: Page, title: RegExp): Promise<void> {
  const h2 = stepRegion(page).locator('h2');
  await page.getByRole('button', { name: 'Restart' }).click();
  await expect(h2).toHaveText('Start');
  for (let k = 0; k < 80 && !title.test((await h2.textContent()) ?? ''); k++) {
    const before = (await h2.textContent()) ?? '';
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(h2).not.toHaveText(before);
  }
  await expect(h2).toHaveText(title);
}

/** The number of backward steps, from the first backward step's title "Backward step 1 of N". */
async function backwardSteps(page: Page): Promise<number> {
  await stepUntil(page, /^Backward step 1 of \d+$/);
  const text = (await stepRegion(page).locator('h2').textContent()) ?? '';
  return Number(/of (\d+)/.exec(text)?.[1]);
}

test('a call is one gate; clicking it opens it in a frame, and its − closes it again', async ({ page }) => {
  await page.goto('/');
  await typeProgram(page, SIG);
  await expect(page.locator('output')).toHaveText('f = 0.731059');
  const gate = page.locator('[data-call="sig#0"]');
  await expect(gate).toHaveCount(1);
  await expect(gate).toHaveAttribute('aria-label', /sig gate.*Press Enter to open it up/);
  const collapsed = await page.locator('svg .node').count();
  const before = await readGradients(page);
  expect(await backwardSteps(page)).toBe(9);

  await gate.click();
  const frame = page.locator('.group-frame[data-group="sig#0"]');
  await expect(frame).toHaveCount(1);
  await expect(frame.locator('.frame-title')).toHaveText('sig(z)');
  await expect(page.locator('[data-call="sig#0"]')).toHaveCount(0);
  // Inside: the parameter z, −, exp, +, ÷ and the two constants 1.
  await expect(page.locator('svg .node')).toHaveCount(collapsed + 6);
  await expect(page.locator('svg .node.op-param')).toHaveCount(1);
  // The same numbers, arriving by the longer road: more steps.
  expect(await readGradients(page)).toEqual(before);
  expect(await backwardSteps(page)).toBe(9 + 4);

  await page.getByRole('button', { name: 'Collapse sig into one gate' }).click();
  await expect(page.locator('.group-frame')).toHaveCount(0);
  await expect(page.locator('[data-call="sig#0"]')).toHaveCount(1);
  await expect(page.locator('svg .node')).toHaveCount(collapsed);
  expect(await readGradients(page)).toEqual(before);
});

test('the keyboard opens and closes a call: Enter on the gate, Enter on the frame’s button', async ({
  page,
}) => {
  await page.goto('/');
  await typeProgram(page, SIG);
  await page.locator('[data-call="sig#0"]').focus();
  await page.keyboard.press('Enter');
  const close = page.getByRole('button', { name: 'Collapse sig into one gate' });
  await expect(close).toHaveCount(1);
  await close.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-call="sig#0"]')).toHaveCount(1);
  // The text is untouched by either.
  await expect(page.getByRole('textbox', { name: 'Expression' })).toHaveValue(SIG);
});

test('stepping a collapsed sigmoid: the σ gate’s local derivative σ(1−σ) = 0.1966', async ({ page }) => {
  await page.goto('/');
  await typeProgram(page, 'x = 1\nf = sigmoid(x)');
  await stepUntil(page, /^Backward step 1 of 1$/);
  await expect(stepRegion(page).locator('.step-text')).toContainText(
    'σ gate: local derivative σ(1−σ) = 0.7311·(1−0.7311) = 0.1966',
  );
  // Opened, the same gradient comes back through ÷, +, exp, − and the parameter x.
  await page.locator('[data-call="sigmoid#0"]').click();
  await expect(page.locator('.group-frame .frame-title')).toHaveText('sigmoid(x) = 1/(1 + exp(-x))');
  expect(await backwardSteps(page)).toBe(5);
  const g = await readGradients(page);
  expect(g.x?.grad).toBeCloseTo(0.19661193324148185, 12);
});

test('the sig preset says σ(1−σ) at its gate, and an opened call survives a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Preset', { exact: true }).selectOption('cs231n-sig-gate');
  await stepUntil(page, /^Backward step 1 of 9$/);
  await expect(stepRegion(page).locator('.step-text')).toContainText(
    'sig gate: local derivative σ(1−σ) = 0.7311·(1−0.7311) = 0.1966',
  );
  await page.locator('[data-call="sig#0"]').click();
  await expect(page.locator('.group-frame')).toHaveCount(1);
  await page.waitForTimeout(500); // the address is written a moment after the last change
  await page.reload();
  await expect(page.locator('.group-frame[data-group="sig#0"]')).toHaveCount(1);
});

test('the micrograd preset opens tanh into exps, with micrograd’s gradients', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Preset', { exact: true }).selectOption('micrograd-tanh');
  await expect(page.locator('.group-frame[data-group="tanh#0"]')).toHaveCount(1);
  const g = await readGradients(page);
  expect(g.x1?.grad).toBeCloseTo(-1.5, 9);
  expect(g.w1?.grad).toBeCloseTo(1, 9);
  expect(g.x2?.grad).toBeCloseTo(0.5, 9);
  expect(g.w2?.grad).toBeCloseTo(0, 9);
});

test('a wrong call is a positioned error, and the text stays as typed', async ({ page }) => {
  await page.goto('/');
  const text = 'neuron(w, x, b) = relu(w*x + b)\nf = neuron(1, 2)';
  await typeProgram(page, text);
  await page.getByRole('textbox', { name: 'Expression' }).blur();
  const error = page.locator('.error');
  await expect(error).toContainText('neuron takes 3 arguments (w, x, b); got 2');
  // The span it points at is the call.
  const start = Number(await error.getAttribute('data-start'));
  const end = Number(await error.getAttribute('data-end'));
  expect(text.slice(start, end)).toBe('neuron(1, 2)');
  await expect(page.getByRole('textbox', { name: 'Expression' })).toHaveValue(text);
});
