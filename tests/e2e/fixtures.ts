import { test as base, expect } from '@playwright/test';

/**
 * Every browser test fails on an uncaught page error or a console error, whatever it asserts: a runtime
 * error in a component must never pass unnoticed. Tests that provoke refused network requests (the
 * offline test, a part made to fail) pass an `allowedConsole` pattern.
 */
export const test = base.extend<{ allowedConsole: RegExp | null }>({
  allowedConsole: [null, { option: true }],
  page: async ({ page, allowedConsole }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !allowedConsole?.test(m.text()))
        problems.push(`console error: ${m.text().slice(0, 300)}`);
    });
    await use(page);
    expect(problems, 'errors in the page').toEqual([]);
  },
});

export { expect };
