import { expect, test } from './fixtures';

test('every CSS custom property resolves to a value in both themes (no self-references)', async ({
  page,
}) => {
  await page.goto('/');
  for (const theme of ['light', 'dark']) {
    if (theme === 'dark') await page.getByLabel('Dark theme').check();
    const empty = await page.locator('.app').evaluate((app) => {
      const names = [
        '--bg',
        '--panel',
        '--ink',
        '--muted',
        '--line',
        '--value',
        '--grad',
        '--accent',
        '--node',
        '--node-stroke',
        '--active',
        '--error',
        '--edge',
        '--edge-const',
        '--input-fill',
        '--const-stroke',
        '--warn',
        '--error-bg',
        '--mark-bg',
      ];
      const cs = getComputedStyle(app);
      return names.filter((n) => cs.getPropertyValue(n).trim() === '');
    });
    expect(empty, theme).toEqual([]);
    // An input box is drawn light in the light theme and dark in the dark theme, never black on black.
    const fill = await page
      .locator('.node.op-input .shape')
      .first()
      .evaluate((el) => getComputedStyle(el).fill);
    expect(fill).toBe(theme === 'light' ? 'rgb(234, 238, 242)' : 'rgb(33, 38, 45)');
  }
});
