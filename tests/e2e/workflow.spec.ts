import { expect, test } from './fixtures';
import { readGradients, setVariable, typeProgram } from './helpers';
import { bigProgram } from './programs';

test('the slider moves a declared input: the text, the numbers and the graph follow', async ({ page }) => {
  await page.goto('/');
  await typeProgram(page, 'x = -2; y = 5; z = -4\nq = x + y\nf = q * z');
  const slider = page.getByRole('slider', { name: 'y slider' });
  await slider.fill('7');
  await expect(page.getByRole('textbox', { name: 'Expression' })).toHaveValue(
    'x = -2; y = 7; z = -4\nq = x + y\nf = q * z',
  );
  await expect(page.getByRole('spinbutton', { name: 'y', exact: true })).toHaveValue('7');
  await expect(page.locator('output')).toHaveText('f = −20');
  expect((await readGradients(page)).z?.grad).toBe(5);
  await expect(
    page.getByLabel('Computation graph').getByRole('button', { name: /^input y, value 7/ }),
  ).toBeVisible();
});

test('a preset loads with its note and known numbers, all matched; undo brings back the old text', async ({
  page,
}) => {
  await page.goto('/');
  await typeProgram(page, 'a*b');
  await page.getByLabel('Preset', { exact: true }).selectOption('softmax');
  const card = page.getByRole('region', { name: 'About this preset' });
  await expect(card).toContainText('Softmax cross-entropy');
  await expect(card).toContainText('L = 2.04035');
  await expect(card.locator('li.agrees')).toHaveCount(4);
  await expect(card.locator('li.differs')).toHaveCount(0);
  const g = await readGradients(page);
  expect(g.cat?.grad).toBeCloseTo(-0.870017, 6);
  await page.getByRole('textbox', { name: 'Expression' }).press('ControlOrMeta+z');
  await expect(page.getByRole('textbox', { name: 'Expression' })).toHaveValue('a*b');
});

test('a share link reproduces the state in a fresh browser context', async ({ page, browser }) => {
  await page.goto('/');
  await page.getByLabel('Preset', { exact: true }).selectOption('cs231n-sigmoid');
  await setVariable(page, 'w0', 3);
  await page.getByLabel('Colour-blind-safe colours').check();
  await page.getByRole('button', { name: 'Restart' }).click();
  for (let k = 0; k < 9; k++) await page.getByRole('button', { name: 'Step forward' }).click();
  const title = await page.getByRole('region', { name: 'Step' }).locator('h2').textContent();
  await expect(page).toHaveURL(/#src=.*&step=9/);
  const link = page.url();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByRole('textbox', { name: 'Expression' })).toHaveValue(
    await page.getByRole('textbox', { name: 'Expression' }).inputValue(),
  );
  await expect(other.getByRole('spinbutton', { name: 'w0', exact: true })).toHaveValue('3');
  await expect(other.getByRole('region', { name: 'Step' }).locator('h2')).toHaveText(title ?? '');
  await expect(other.getByLabel('Colour-blind-safe colours')).toBeChecked();
  expect(await readGradients(other)).toEqual(await readGradients(page));
  await fresh.close();
});

test('typing does not flood the history, and a reload keeps the work', async ({ page }) => {
  await page.goto('/');
  const before = await page.evaluate(() => history.length);
  await typeProgram(page, 'sin(x) * y');
  await setVariable(page, 'y', 3);
  await expect(page).toHaveURL(/v\.y=3/);
  expect(await page.evaluate(() => history.length)).toBe(before);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Expression' })).toHaveValue('sin(x) * y');
  await expect(page.getByRole('spinbutton', { name: 'y', exact: true })).toHaveValue('3');
  // Without the fragment, the work kept in local storage comes back too.
  await page.goto('/');
  await expect(page.getByRole('textbox', { name: 'Expression' })).toHaveValue('sin(x) * y');
});

test('a program too long for a link is kept across a reload, and Copy link says why there is no link', async ({
  page,
}) => {
  await page.goto('/');
  const box = page.getByRole('textbox', { name: 'Expression' });
  const source = bigProgram(2500); // over 10,000 characters: more than a link carries
  expect(source.length).toBeGreaterThan(10_000);
  await box.fill(source);
  await expect(page.getByLabel('Computation graph')).toHaveAttribute('data-nodes', /\d{4}/, {
    timeout: 20_000,
  });
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(''); // no fragment a reload would refuse
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'too long to share as a link' })).toBeVisible();
  await page.reload();
  await expect(box).toHaveValue(source);
  await expect(page.getByRole('alert')).toHaveCount(0); // no notice that a link was refused
});

test.describe('hostile links do nothing harmful and say why', () => {
  test.beforeEach(async ({ page }) => {
    page.on('dialog', () => {
      throw new Error('a dialog opened: script ran');
    });
  });

  test('LaTeX and HTML in the program stay text', async ({ page }) => {
    const src = '\\href{javascript:alert(1)}{x} + <img src=x onerror=alert(1)>';
    await page.goto(`/#src=${encodeURIComponent(src)}`);
    await expect(page.getByRole('textbox', { name: 'Expression' })).toHaveValue(src);
    await expect(page.locator('.error')).toContainText('Unexpected character "\\"');
    await expect(page.locator('img')).toHaveCount(0);
    await expect(page.locator('a[href^="javascript"]')).toHaveCount(0);
  });

  test('markup in a variable name refuses the link', async ({ page }) => {
    await page.goto(`/#src=x&v.${encodeURIComponent('<img src=x onerror=alert(1)>')}=1`);
    await expect(page.getByRole('alert')).toContainText('This link was not loaded');
    await expect(page.getByRole('alert')).toContainText('is not a variable name');
    await expect(page.locator('img')).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: 'Expression' })).not.toHaveValue('x');
  });

  test('a multi-megabyte link is refused quickly and the app still works', async ({ page }) => {
    // Chromium itself refuses to open URLs over 2 MB; just under that, the app must refuse it.
    await page.goto(`/#src=${'x%2B'.repeat(470_000)}x`);
    await expect(page.getByRole('alert')).toContainText('too long');
    await page.getByRole('button', { name: 'Dismiss message' }).click();
    // A 3 MB fragment set in place (the hashchange path) is refused as well.
    await page.evaluate(() => {
      window.location.hash = `src=${'y%2B'.repeat(1_000_000)}y`;
    });
    await expect(page.getByRole('alert')).toContainText('too long');
    await typeProgram(page, 'x*y');
    await expect(page.getByRole('table', { name: 'Gradients' })).toBeVisible();
    await page.getByRole('button', { name: 'Dismiss message' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

test('hovering a chain-rule path highlights its edges in the graph', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Preset', { exact: true }).selectOption('colah');
  await page.getByText('Chain rule as a sum over paths').click();
  await page.getByLabel('Input', { exact: true }).selectOption('b');
  await expect(page.getByRole('button', { name: /^path \d/ })).toHaveCount(2);
  await page.getByRole('button', { name: /^path 2/ }).hover();
  await expect(page.getByLabel('Computation graph').locator('g.edge.on-path')).toHaveCount(2);
  await page.getByRole('button', { name: /^path 2/ }).blur();
});

test('the gradient check flags a kink and says why', async ({ page }) => {
  await page.goto('/');
  await typeProgram(page, 'relu(x) + y*y');
  await setVariable(page, 'x', 0);
  await page.getByText('Gradient check').click();
  const table = page.getByRole('table', { name: 'Gradient check' });
  await expect(table.locator('tr.differs')).toHaveCount(1);
  await expect(table.locator('tr.differs')).toContainText('relu is at its corner');
  await expect(table.locator('tr.agrees')).toHaveCount(1);
});

test('copy as PyTorch shows a script with the same names', async ({ page }) => {
  await page.goto('/');
  await typeProgram(page, 'x = -2; y = 5; z = -4\nq = x + y\nf = q * z');
  await page.getByText('Copy as PyTorch').first().click();
  await expect(page.locator('.pytorch pre')).toContainText(
    'x = torch.tensor(-2.0, dtype=torch.float64, requires_grad=True)',
  );
  await expect(page.locator('.pytorch pre')).toContainText('f.backward()');
});
