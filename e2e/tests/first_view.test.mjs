// The first view (scripts/prerender.mjs): a copy of the built viewer with the first rows
// written into its page, served under /e2e-fixtures/first-view/. The rows show before the
// app's wasm arrives, the app takes over without anything moving, and a search typed in
// the meantime carries over. Addresses that open another view or language skip it.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { holdWasm } from '../hold_wasm.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const COPY = path.join(REPO, 'e2e', 'fixtures', 'first-view');
const PAGE = '/e2e-fixtures/first-view/index.html';

// Made once per run from the dist/ under test.
function prepare() {
  fs.rmSync(COPY, { recursive: true, force: true });
  fs.cpSync(path.join(REPO, 'dist'), COPY, { recursive: true });
  execFileSync('node', [path.join(REPO, 'scripts', 'prerender.mjs'), COPY], { stdio: 'pipe' });
}
let prepared = false;
const ensure = () => {
  if (!prepared) prepare();
  prepared = true;
};

// Bibs of the first view's rows, as written into the page.
function firstViewBibs() {
  const html = fs.readFileSync(path.join(COPY, 'index.html'), 'utf8');
  const view = html.slice(html.indexOf('<div id="first-view"'), html.indexOf('<!-- /first-view -->'));
  return [...view.matchAll(/<li class="result-row[^"]*"[^>]*data-bib="([^"]*)"/g)].map((m) => m[1]);
}

async function layoutShifts(page) {
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

const visible = (page, sel) => page.locator(sel).first().isVisible();

const takeOver = (viewport) => ({
  name: `first view: rows before the app, then the app without a shift (${viewport})`,
  viewport,
  run: async ({ page, baseUrl, viewer, shot }) => {
    ensure();
    await layoutShifts(page);
    const release = await holdWasm(page);
    await page.goto(`${baseUrl}${PAGE}`, { waitUntil: 'domcontentloaded' });
    const rows = page.locator('#first-view li.result-row');
    await rows.first().waitFor({ state: 'visible' });
    const bibs = firstViewBibs();
    if (bibs.length !== 20) throw new Error(`the first view has ${bibs.length} rows, expected 20`);
    if ((await rows.count()) !== 20) throw new Error('the first view rows are not on the page');
    const heading = await page.locator('#first-view h1').innerText();
    if (!/Almaty Marathon/.test(heading)) throw new Error(`first view heading: ${heading}`);
    if ((await page.locator('[data-testid]').count()) !== 0) {
      throw new Error('the first view carries test ids: tests would find it instead of the app');
    }
    await shot('before-app');
    release();
    await viewer.loaded();
    if ((await page.locator('#first-view').count()) !== 0) throw new Error('the first view stayed after the app took over');
    const appBibs = (await viewer.bibs()).slice(0, 20);
    if (appBibs.join(',') !== bibs.join(',')) {
      throw new Error(`the first view showed ${bibs.slice(0, 5)}…, the app ${appBibs.slice(0, 5)}…`);
    }
    if ((await page.locator('input[type=search], input[type=text]').count()) !== 1) {
      throw new Error('more than one search box after the takeover');
    }
    const shift = await page.evaluate(() => window.__shift);
    if (shift > 0.001) throw new Error(`the takeover moved the page: layout shift ${shift}`);
    await shot('after-app');
  },
});

export const tests = [
  takeOver('phone'),
  takeOver('desktop'),
  {
    name: 'first view: a search typed before the app starts carries over',
    run: async ({ page, baseUrl, viewer }) => {
      ensure();
      const release = await holdWasm(page);
      await page.goto(`${baseUrl}${PAGE}`, { waitUntil: 'domcontentloaded' });
      const early = page.locator('#first-view input').first();
      await early.waitFor({ state: 'visible' });
      await early.fill('Ахмет');
      release();
      await viewer.loaded();
      await viewer.settle();
      const search = page.locator('[data-testid=search]');
      const value = await search.inputValue();
      if (value !== 'Ахмет') throw new Error(`the app's search box holds "${value}"`);
      const focused = await search.evaluate((el) => el === document.activeElement);
      if (!focused) throw new Error('the focus did not move to the app search box');
      const rows = await viewer.rows();
      if (rows.length === 0 || rows.length > 50) throw new Error(`the search did not run: ${rows.length} rows`);
      if (!(await viewer.params()).q) throw new Error('the carried search is not in the address');
    },
  },
  {
    name: 'first view: an address that opens another view skips it',
    run: async ({ page, baseUrl, viewer }) => {
      ensure();
      const release = await holdWasm(page);
      await page.goto(`${baseUrl}${PAGE}?q=Amangos`, { waitUntil: 'domcontentloaded' });
      await page.locator('#first-view').waitFor({ state: 'attached' });
      if (await visible(page, '#first-view')) throw new Error('the first view showed under ?q=');
      release();
      await viewer.loaded();
      const rows = await viewer.rows();
      if (!rows.length || rows.length > 5) throw new Error(`?q=Amangos shows ${rows.length} rows`);
    },
  },
  {
    name: 'first view: another browser language skips it',
    locale: 'ru-RU',
    run: async ({ page, baseUrl, viewer }) => {
      ensure();
      const release = await holdWasm(page);
      await page.goto(`${baseUrl}${PAGE}`, { waitUntil: 'domcontentloaded' });
      await page.locator('#first-view').waitFor({ state: 'attached' });
      if (await visible(page, '#first-view')) throw new Error('an English first view showed to a Russian browser');
      release();
      await viewer.loaded();
      const text = await page.locator('[data-testid=result-count]').innerText();
      if (!/Найдено/.test(text)) throw new Error(`the app is not in Russian: ${text}`);
    },
  },
  {
    name: 'first view: after one visit it opens offline, first view and app',
    serviceWorkers: 'allow',
    allowConsole: [/ERR_INTERNET_DISCONNECTED/],
    run: async ({ page, context, baseUrl, viewer }) => {
      ensure();
      await page.goto(`${baseUrl}${PAGE}`, { waitUntil: 'domcontentloaded' });
      await viewer.loaded();
      await page.waitForFunction(
        async () => navigator.serviceWorker.controller && (await caches.match(new URL('first-view.js', location.href).href)),
        null,
        { timeout: 15_000, polling: 200 },
      );
      await context.setOffline(true);
      await page.reload({ waitUntil: 'domcontentloaded' });
      const cached = await page.evaluate(async () => (await caches.match(new URL('./', location.href).href))?.text());
      if (!cached?.includes('id="first-view"')) throw new Error('the cached page has no first view');
      await viewer.loaded();
      if ((await page.locator('#first-view').count()) !== 0) throw new Error('the first view stayed offline');
      if ((await viewer.rows()).length === 0) throw new Error('no rows offline');
    },
  },
  {
    name: 'first view: accessible before the app starts',
    run: async ({ page, baseUrl, viewer }) => {
      ensure();
      const release = await holdWasm(page);
      await page.goto(`${baseUrl}${PAGE}`, { waitUntil: 'domcontentloaded' });
      await page.locator('#first-view li.result-row').first().waitFor({ state: 'visible' });
      await viewer.expectAccessible('first-view');
      release();
      await viewer.loaded();
    },
  },
];
