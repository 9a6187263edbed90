// Looks at results in parts by hand (not a test): holds the whole file back, types a
// search, and takes screenshots. Usage: node scripts/parts_probe.mjs BASE_URL HEAD QUERY OUT
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, VIEWPORTS } from '../e2e/chromium.mjs';

const [base, head, query, out] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
for (const name of ['phone', 'desktop']) {
  const context = await browser.newContext({ ...VIEWPORTS[name] });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && console.log(`[${name}] console: ${m.text()}`));
  page.on('pageerror', (e) => console.log(`[${name}] pageerror: ${e.message}`));
  const fetched = [];
  page.on('requestfinished', async (r) => {
    if (/\.json/.test(r.url())) fetched.push(`${r.url().replace(base, '')} ${(await r.sizes()).responseBodySize}`);
  });
  let release;
  const held = new Promise((r) => (release = r));
  await page.route('**/results.json', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${base}/?src=${head}`);
  await page.waitForSelector('[data-testid=result-row]');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}-head-${name}.png` });
  await page.fill('[data-testid=search]', query);
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${out}-search-${name}.png` });
  const first = page.locator('[data-testid=result-row]').first();
  console.log(name, 'rows:', await page.locator('[data-testid=result-row]').count(), 'count:', await page.locator('[data-testid=result-count]').innerText());
  await first.click();
  await page.waitForSelector('[data-testid=runner-detail]');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}-card-${name}.png` });
  release();
  await page.waitForFunction(() => !document.querySelector('[data-testid=parts-status]'), null, { timeout: 20000 });
  await page.screenshot({ path: `${out}-whole-${name}.png` });
  console.log(name, 'fetched:', fetched.join(', '));
  await context.close();
}
await browser.close();
