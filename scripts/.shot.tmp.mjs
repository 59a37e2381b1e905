import { chromium } from 'playwright-core';
const [url, out, w = '360', h = '1500'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync'] });
const page = await browser.newPage({ viewport: { width: +w, height: +h } });
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(url); await page.waitForTimeout(800);
if (process.env.WALK) {
  const input = page.locator('#live').locator('#phone');
  await input.fill('0501234567'); await input.press('Enter');
  await page.waitForSelector('#inbox li'); await page.waitForTimeout(300);
}
await page.screenshot({ path: out, fullPage: true });
console.log('scrollWidth', await page.evaluate(() => document.documentElement.scrollWidth));
await browser.close();
