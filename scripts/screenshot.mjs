// Takes screenshots of the viewer for a person to look at (not a test).
// Usage: node scripts/screenshot.mjs URL OUT_PREFIX [phone|desktop|both] [dark]
import { chromium } from 'playwright-core';

const [url, out, which = 'both', scheme = 'light'] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node scripts/screenshot.mjs URL OUT_PREFIX [phone|desktop|both] [dark]');
  process.exit(2);
}
const sizes = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 800 } },
};
const browser = await chromium.launch({
  executablePath: process.env.E2E_CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-dev-shm-usage'],
});
for (const name of which === 'both' ? ['phone', 'desktop'] : [which]) {
  const context = await browser.newContext({ ...sizes[name], colorScheme: scheme === 'dark' ? 'dark' : 'light' });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.log(`[${name}] console: ${m.text()}`); });
  page.on('pageerror', (e) => console.log(`[${name}] pageerror: ${e.message}`));
  await page.goto(url);
  await page.waitForSelector('[data-testid=result-count], [data-testid=load-error], [data-testid=runner-detail], [data-testid=podium]', { timeout: 15000 }).catch(() => {});
  await page.waitForTimeout(300);
  const file = `${out}-${name}.png`;
  await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
  console.log(file);
  await context.close();
}
await browser.close();
