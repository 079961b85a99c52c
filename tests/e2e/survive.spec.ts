import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { readGradients, typeProgram } from './helpers';
import { bigProgram } from './programs';

/* Work that survives everything: pasted control characters, fast reloads, two tabs, full storage,
 * a crash in one part, a slider storm, hostile links. */

const box = (page: Page) => page.getByRole('textbox', { name: 'Expression' });

/** Pastes text into the text box as a paste from a PDF would arrive (one input event). */
async function paste(page: Page, text: string): Promise<void> {
  await box(page).focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.evaluate((t) => document.execCommand('insertText', false, t), text);
}

test('a form feed pasted from a PDF is tidied, and the work survives a reload', async ({ page }) => {
  await page.goto('/');
  await paste(page, 'x = 3\f\r\ny\u00a0= 2\u200b\nf = x*y');
  await expect(box(page)).toHaveValue('x = 3\n\ny = 2\nf = x*y');
  await expect(page.locator('output')).toHaveText('f = 6');
  await page.waitForTimeout(500);
  await page.reload();
  await expect(box(page)).toHaveValue('x = 3\n\ny = 2\nf = x*y');
  await expect(page.getByRole('alert')).toHaveCount(0); // no refused link
});

test('a keystroke right before a reload is not lost', async ({ page }) => {
  await page.goto('/');
  await typeProgram(page, 'a*b');
  await page.waitForTimeout(500);
  await box(page).press('End');
  await box(page).press('+');
  await box(page).press('c');
  await page.reload(); // well within the 300 ms pause before saving
  await expect(box(page)).toHaveValue('a*b+c');
});

test('two tabs each keep their own work; a new tab starts from the most recent', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto('/');
  await b.goto('/');
  const long = bigProgram(2400); // too long for a link: kept in storage only
  await a.bringToFront(); // the tab the student is typing in is the visible one
  await box(a).fill(long);
  await a.waitForTimeout(500);
  await b.bringToFront();
  await typeProgram(b, 'u*v');
  await b.waitForTimeout(500);
  const kept = async (page: Page) => (await box(page).inputValue()).slice(0, 60);
  await a.reload();
  expect(await kept(a)).toBe(long.slice(0, 60));
  await b.reload();
  await expect(box(b)).toHaveValue('u*v');
  await a.goto('/'); // no link: a's own work again
  expect(await kept(a)).toBe(long.slice(0, 60));
  await a.waitForTimeout(1500); // a's layout arrives; that is not new work
  const c = await context.newPage();
  await c.goto('/');
  expect(await kept(c)).toBe('u*v');
});

test('storage that refuses to save says so', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.goto('/');
  await typeProgram(page, 'p*q');
  await expect(page.getByRole('alert')).toContainText('Your work is not being saved in this browser');
});

test.describe('a crash in one part', () => {
  // React reports the error it caught on the console; that report is expected here.
  test.use({ allowedConsole: /ResizeObserver|The above error occurred|error boundary/i });
  test('keeps the text, says what failed, and offers to reset the view', async ({ page }) => {
    await page.addInitScript(() => {
      // The graph view needs a ResizeObserver: without one it throws while mounting.
      (window as { ResizeObserver?: unknown }).ResizeObserver = undefined;
    });
    await page.goto('/');
    await expect(page.getByRole('alert').filter({ hasText: 'The graph could not be shown' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('Your text is safe');
    await expect(page.getByRole('button', { name: 'Reset the view' })).toBeVisible();
    await typeProgram(page, 'x = 2\nf = x*x');
    await expect(page.locator('output')).toHaveText('f = 4');
    expect((await readGradients(page)).x?.grad).toBe(4);
  });
});

test('a slider storm (300 input events in one task) leaves a program that parses and agrees', async ({
  page,
}) => {
  await page.goto('/');
  await typeProgram(page, 'w0 = 1\nf = w0*w0');
  const last = await page.getByRole('slider', { name: 'w0 slider' }).evaluate((el) => {
    const input = el as HTMLInputElement;
    const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    let v = '';
    for (let k = 0; k < 300; k++) {
      set?.call(input, String(-2 + (k % 80) * 0.05));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      v = input.value;
    }
    return Number(v);
  });
  const text = await box(page).inputValue();
  expect(text).toMatch(/^w0 = -?\d+(\.\d+)?\nf = w0\*w0$/);
  expect(Number(/w0 = (\S+)/.exec(text)?.[1])).toBeCloseTo(last, 9);
  await expect(page.locator('.error')).toHaveCount(0);
});

test.describe('hostile share links are refused with a reason', () => {
  for (const [fragment, why] of [
    ['src=x%E2%8', 'its encoding is broken'],
    ['src=x&step=0x2', 'its step is not a whole number'],
    ['src=x&v.x=0x10', 'the value of x is not a number'],
    ['src=x&src=y', 'it gives "src" twice'],
  ] as const) {
    test(fragment, async ({ page }) => {
      await page.goto(`/#${fragment}`);
      await expect(page.getByRole('alert')).toContainText(`This link was not loaded: ${why}`);
    });
  }
});

test('overflow is reported like a domain error, and an unused line only warns', async ({ page }) => {
  await page.goto('/');
  await typeProgram(page, 'x = 1e-320; f = 1e150*sqrt(x)');
  await box(page).blur();
  await expect(page.locator('.error')).toContainText('The gradient overflows');
  await expect(page.locator('.results')).toContainText('cannot be computed');
  await typeProgram(page, 'x = 1\na = log(x - 2)\nf = 2*x');
  await box(page).blur();
  await expect(page.locator('.error')).toHaveCount(0);
  await expect(page.locator('output')).toHaveText('f = 2');
  await expect(page.locator('.results')).toContainText(
    'log of a negative number (−1), and the output does not use it',
  );
  await expect(page.locator('.editor-backdrop mark.warn')).toHaveCount(1);
});

test('a program too long to keep says so instead of being saved and refused on reload', async ({ page }) => {
  await page.goto('/');
  const huge = `${'x+'.repeat(500_001)}1`; // 1,000,003 characters: past what the browser keeps
  await box(page).fill(huge);
  await expect(page.getByRole('alert')).toContainText('too long to be kept in this browser', {
    timeout: 20_000,
  });
});
