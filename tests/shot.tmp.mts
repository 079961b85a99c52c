import { chromium } from '@playwright/test';

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
await page.goto('http://127.0.0.1:4190/');
await page.waitForTimeout(800);
await page.screenshot({ path: '/tmp/s-first.png' });
const box = page.getByRole('textbox', { name: 'Expression' });
await box.click();
await box.press('End');
await box.pressSequentially(' + log(c');
await page.waitForTimeout(200);
await page.screenshot({ path: '/tmp/s-stale.png' });
await page.waitForTimeout(1300);
await page.screenshot({ path: '/tmp/s-stale-err.png' });
await browser.close();
