import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { readGradients, typeProgram } from './helpers';

/* The first five minutes and the lecture hall: the presenter's keys, typing, the first screen. */

const LECTURE = 'x = -2; y = 5; z = -4\nq = x + y\nf = q * z';
const TARGET = '2*log(x1+sin(x1))*max(x2,x3)';

const position = async (page: Page) =>
  Number(await page.locator('.playback .where').getAttribute('data-position'));
const box = (page: Page) => page.getByRole('textbox', { name: 'Expression' });

test.describe('the presenter clicker', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    await typeProgram(page, LECTURE);
    await page.getByRole('button', { name: 'Restart' }).click();
    // The lecture example has 7 positions: start, 2 forward, 4 backward steps. Start at 1 to stay inside.
    await page.getByRole('button', { name: 'Step forward' }).click();
    expect(await position(page)).toBe(1);
  });

  test('PageDown/PageUp step by one whatever has focus, and never change a value', async ({ page }) => {
    const targets = [
      page.getByRole('slider', { name: 'Position' }),
      page.getByRole('slider', { name: 'y slider' }),
      page.getByLabel('Colour-blind-safe colours'),
      page.getByRole('combobox', { name: 'Speed' }),
      box(page),
    ];
    let expected = 1;
    for (const t of targets) {
      await t.focus();
      await page.keyboard.press('PageDown');
      expected += 1;
      expect(await position(page), await t.evaluate((e) => e.outerHTML.slice(0, 60))).toBe(expected);
      await page.keyboard.press('PageUp');
      expected -= 1;
      expect(await position(page)).toBe(expected);
      await page.keyboard.press('PageDown');
      expected += 1;
    }
    await expect(box(page)).toHaveValue(LECTURE);
    await expect(page.getByLabel('Colour-blind-safe colours')).not.toBeChecked();
  });

  test('PageDown does not scroll the side panel; arrows keep their meaning on a slider', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 500 });
    const side = page.locator('aside.side');
    const slider = page.getByRole('slider', { name: 'y slider' });
    await slider.focus();
    const scroll = await side.evaluate((e) => e.scrollTop);
    await page.keyboard.press('PageDown');
    expect(await side.evaluate((e) => e.scrollTop)).toBe(scroll);
    expect(await position(page)).toBe(2);
    await page.keyboard.press('ArrowRight');
    await expect(box(page)).not.toHaveValue(LECTURE); // the slider moved y, as a slider does
    expect(await position(page)).toBe(2);
  });

  test('b and . blank and unblank the screen, but type as usual in the text box', async ({ page }) => {
    await page.getByRole('slider', { name: 'Position' }).focus();
    await page.keyboard.press('b');
    const blank = page.getByRole('status', { name: 'Screen blanked' });
    await expect(blank).toBeVisible();
    await page.keyboard.press('b');
    await expect(blank).toHaveCount(0);
    await page.keyboard.press('.');
    await expect(blank).toBeVisible();
    await page.keyboard.press('.');
    await expect(blank).toHaveCount(0);
    await box(page).focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' + b');
    await expect(blank).toHaveCount(0);
    await expect(box(page)).toHaveValue(`${LECTURE} + b`);
  });
});

test('a preset opens at its start; shortcuts work from a checkbox; the blank key is undone first', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByLabel('Preset', { exact: true }).selectOption('colah');
  await expect(page.getByRole('region', { name: 'Step' }).locator('h2')).toHaveText('Start');
  await page.getByLabel('Colour-blind-safe colours').focus();
  await page.keyboard.press('p');
  await expect(page.locator('.app.projector')).toBeVisible();
  await page.keyboard.press('PageDown');
  expect(await position(page)).toBe(1);
  await page.keyboard.press('b');
  await page.keyboard.press('PageDown'); // the presenter's next press brings the picture back, unmoved
  await expect(page.getByRole('status', { name: 'Screen blanked' })).toHaveCount(0);
  expect(await position(page)).toBe(1);
});

test.describe('typing', () => {
  test('typing the lecture expression key by key never flashes an error or draws a half-typed name', async ({
    page,
  }) => {
    await page.goto('/');
    await typeProgram(page, 'x*y');
    const t = box(page);
    await t.press('ControlOrMeta+a');
    await t.press('Delete');
    const inputs = page.getByRole('group', { name: 'Inputs' });
    const seen = new Set<string>();
    for (const ch of TARGET) {
      await t.press(ch === '(' ? 'Shift+(' : ch);
      await expect(page.locator('.error')).toHaveCount(0);
      await expect(t).not.toHaveAttribute('aria-invalid', 'true');
      for (const name of await inputs.locator('.var-name').allInnerTexts()) seen.add(name.trim());
    }
    await expect(t).toHaveValue(TARGET);
    expect([...seen].filter((n) => !['x', 'y', 'x1', 'x2', 'x3'].includes(n))).toEqual([]);
    await expect(page.locator('.stale-banner')).toHaveCount(0);
    expect(Object.keys(await readGradients(page))).toEqual(['x1', 'x2', 'x3']);
  });

  test('an unfinished ending is said after a pause or on leaving the box; the old graph is marked', async ({
    page,
  }) => {
    await page.goto('/');
    await typeProgram(page, 'a*b');
    await box(page).press('End');
    await box(page).pressSequentially(' + log(c');
    // At once: no shouting, the graph marked as the previous program, and every panel of that program.
    await expect(page.locator('.error')).toHaveCount(0);
    await expect(page.locator('.stale-banner')).toContainText('Showing the last valid program: a*b');
    await expect(page.getByRole('group', { name: 'Inputs' }).locator('.var-name')).toHaveText(['a', 'b']);
    expect(Object.keys(await readGradients(page))).toEqual(['a', 'b']);
    // After a pause of about a second, the unclosed parenthesis is reported.
    await expect(page.locator('.error')).toBeVisible({ timeout: 2500 });
    await box(page).pressSequentially(' +');
    await expect(page.locator('.error')).toHaveCount(0);
    await page.getByRole('button', { name: 'Restart' }).focus(); // leaving the box reports it at once
    await expect(page.locator('.error')).toBeVisible({ timeout: 500 });
    await box(page).press('End');
    await box(page).pressSequentially(' 1)');
    await expect(page.locator('.stale-banner')).toHaveCount(0);
    expect(Object.keys(await readGradients(page))).toEqual(['a', 'b', 'c']);
  });

  test('the camera does not jump at each keystroke', async ({ page }) => {
    await page.goto('/');
    await typeProgram(page, 'x*y');
    const t = box(page);
    await t.press('ControlOrMeta+a');
    await t.press('Delete');
    const view = page.locator('svg.graph > g');
    let last = await view.getAttribute('transform');
    let moves = 0;
    for (const ch of TARGET) {
      await t.press(ch === '(' ? 'Shift+(' : ch);
      await page.waitForTimeout(420); // any easing (350 ms) has finished
      const now = await view.getAttribute('transform');
      if (now !== last) moves++;
      last = now;
    }
    // The view moves only when a new finished program is drawn: `2`, `2*log(x1+sin(x1))`, the whole.
    expect(moves).toBeLessThanOrEqual(3);
  });
});

test.describe('the first screen', () => {
  test('a first visit starts the lecture example at the beginning, with a Play button and a key', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('region', { name: 'Step' }).locator('h2')).toHaveText('Start');
    await expect(page.getByRole('button', { name: 'Play' })).toContainText('Play');
    const key = page.getByRole('complementary', { name: 'Key' });
    await expect(key).toContainText('above an edge: the value flowing forward');
    await expect(key).toContainText('below an edge: the gradient flowing back');
    await expect(key).toContainText('∂ −4 under an input x means ∂f/∂x = −4');
    await key.getByRole('button', { name: 'Hide the key' }).click();
    await expect(key).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('complementary', { name: 'Key' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Key' }).click();
    await expect(page.getByRole('complementary', { name: 'Key' })).toBeVisible();
  });

  test('the key stays out of projector mode unless asked for', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('complementary', { name: 'Key' })).toBeVisible();
    await page.keyboard.press('p');
    await expect(page.locator('.app.projector')).toBeVisible();
    await expect(page.getByRole('complementary', { name: 'Key' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Key' }).click();
    await expect(page.getByRole('complementary', { name: 'Key' })).toBeVisible();
  });

  test('values not written in the text say where they came from, and one button resets them', async ({
    page,
  }) => {
    await page.goto(`/#src=${encodeURIComponent(TARGET)}&v.x1=5&v.x2=-2&v.x3=-5`);
    await typeProgram(page, 'x1*x2 + 1');
    await expect(page.locator('output')).toHaveText('f = −9');
    const inputs = page.getByRole('group', { name: 'Inputs' });
    await expect(inputs).toContainText('x1, x2 have values set here, not written in the text');
    await expect(page.getByRole('spinbutton', { name: 'x1', exact: true })).toHaveAccessibleDescription(
      'set here',
    );
    await inputs.getByRole('button', { name: 'Reset values' }).click();
    await expect(page.locator('output')).toHaveText('f = 2');
    await expect(inputs).not.toContainText('set here');
  });

  test('Ctrl+Z undoes a slider drag, wherever the focus is; slider steps write tidy numbers', async ({
    page,
  }) => {
    await page.goto('/');
    await typeProgram(page, 'x = 1\nf = x*x');
    await box(page).blur();
    await page.waitForTimeout(1100); // the typing is its own undo step
    const slider = page.getByRole('slider', { name: 'x slider' });
    const b = await slider.boundingBox();
    if (!b) throw new Error('no slider');
    await page.mouse.move(b.x + b.width * 0.5, b.y + b.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width * 0.63, b.y + b.height / 2, { steps: 8 });
    await page.mouse.up();
    const moved = await box(page).inputValue();
    expect(moved).not.toBe('x = 1\nf = x*x');
    const written = Number(/x = (\S+)/.exec(moved)?.[1]);
    expect(Math.abs(written * 20 - Math.round(written * 20))).toBeLessThan(1e-9); // a multiple of 0.05
    await slider.focus();
    await page.keyboard.press('ControlOrMeta+z');
    await expect(box(page)).toHaveValue('x = 1\nf = x*x');
    await page.keyboard.press('ControlOrMeta+Shift+z');
    await expect(box(page)).toHaveValue(moved);
    await box(page).focus();
    await page.keyboard.press('ControlOrMeta+z');
    await expect(box(page)).toHaveValue('x = 1\nf = x*x');
  });
});

test('slider steps write tidy numbers into the text', async ({ page }) => {
  await page.goto('/');
  await typeProgram(page, 'x = 1\nf = x*x');
  const slider = page.getByRole('slider', { name: 'x slider' });
  const step = Number(await slider.getAttribute('step'));
  // A 1-2-5 step (0.05, 0.1, 0.2, …), never 0.025 (which wrote numbers such as −1.675).
  const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
  expect([1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-9)).toBe(true);
  await slider.focus();
  for (let k = 1; k <= 3; k++) {
    await page.keyboard.press('ArrowRight');
    const written = /x = (\S+)/.exec(await box(page).inputValue())?.[1] ?? '';
    expect(Number(written)).toBeCloseTo(1 + k * step, 9);
    expect(written.split('.')[1]?.length ?? 0).toBeLessThanOrEqual(2);
  }
});
