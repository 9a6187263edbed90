// Takes screenshots of the viewer for a person to look at (not a test).
// Usage: node scripts/screenshot.mjs URL OUT_PREFIX [phone|desktop|both] [dark]
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, VIEWPORTS } from '../e2e/chromium.mjs';

const [url, out, which = 'both', scheme = 'light'] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node scripts/screenshot.mjs URL OUT_PREFIX [phone|desktop|both] [dark]');
  process.exit(2);
}
const sizes = VIEWPORTS;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
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
