// Writes the first view into a built viewer's index.html: the event header, the controls
// and the first rows of the default list as plain HTML, so a phone paints results as
// soon as the page arrives instead of after the app has downloaded and started. The app
// takes the page over when its own list is ready (src/web/first_view.rs).
//
//   node scripts/prerender.mjs [DIR] [--lang en|ru|kk] [--rows N]
//
// DIR (default dist/) must hold a built viewer and the results.json it will serve. Run it
// again after replacing results.json: the first view shows the file it was made from.
// The markup is the app's own, taken from the app running in Chromium, so nothing moves
// when the app takes over. Test ids are left out (tests find only the app), ids get a
// prefix (no id is on the page twice), and controls that need the app are inert until
// then; the search box stays usable and what was typed carries over.
import { readFileSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, VIEWPORTS } from '../e2e/chromium.mjs';
import { startServer } from '../e2e/server.mjs';
import { prepareOffline } from './offline_build.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const lang = option('--lang', 'en');
const rows = Number(option('--rows', '20'));
const dir = resolve(args[0] ?? join(REPO, 'dist'));
if (!['en', 'ru', 'kk'].includes(lang)) throw new Error(`prerender: --lang must be en, ru or kk, not ${lang}`);
if (!(rows >= 1 && rows <= 50)) throw new Error('prerender: --rows must be 1 to 50');
const htmlPath = join(dir, 'index.html');
if (!existsSync(htmlPath) || !existsSync(join(dir, 'results.json'))) {
  throw new Error(`prerender: ${dir} needs index.html and results.json`);
}

// The page as built, without an earlier first view.
let html = readFileSync(htmlPath, 'utf8')
  .replace(/\n?<div id="first-view"[\s\S]*?<!-- \/first-view -->/, '')
  .replace(/\n?\s*<script src="\.\/first-view\.js"><\/script>/, '')
  .replace(/<html([^>]*?) data-first-view="[a-z]+"/, '<html$1');
writeFileSync(htmlPath, html);

const server = await startServer({ root: dir });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
let snapshot;
try {
  const context = await browser.newContext({ ...VIEWPORTS.phone, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/?lang=${lang}`);
  await page.waitForSelector('[data-testid=result-row], [data-testid=load-error]', { timeout: 60000 });
  if (await page.$('[data-testid=load-error]')) throw new Error('prerender: the viewer could not read results.json');
  // The first screen of rows comes first, the rest of the page a paint later: wait until
  // the list stops growing.
  let count = -1;
  for (let seen = 0; seen < 3; ) {
    await page.waitForTimeout(150);
    const now = await page.locator('[data-testid=result-row]').count();
    seen = now === count ? seen + 1 : 0;
    count = now;
  }
  if (errors.length) throw new Error(`prerender: the page threw: ${errors.join('; ')}`);
  snapshot = await page.evaluate((rows) => {
    const app = [...document.body.children].filter((el) => !['SCRIPT', 'NOSCRIPT'].includes(el.tagName));
    const box = document.createElement('div');
    for (const el of app) box.appendChild(el.cloneNode(true));
    box.querySelectorAll('li.result-row').forEach((li, i) => { if (i >= rows) li.remove(); });
    box.querySelectorAll('.pager, .fatal').forEach((el) => el.remove());
    const idRefs = ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'list'];
    for (const el of box.querySelectorAll('*')) {
      el.removeAttribute('data-testid');
      // One live region is the app's: the first view announces nothing.
      el.removeAttribute('aria-live');
      if (el.id) el.id = `fv-${el.id}`;
      for (const a of idRefs) {
        const v = el.getAttribute(a);
        if (v) el.setAttribute(a, v.split(/\s+/).map((id) => `fv-${id}`).join(' '));
      }
      const typing = el.tagName === 'INPUT' && (el.type === 'search' || el.type === 'text');
      if (['BUTTON', 'SELECT', 'INPUT', 'TEXTAREA'].includes(el.tagName) && !typing) el.setAttribute('inert', '');
    }
    return box.innerHTML;
  }, rows);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

// The app's comment markers mean nothing in static HTML. Page text was escaped by the
// browser; this guards the page against markup that would run or end the view early.
snapshot = snapshot.replace(/<!--[\s\S]*?-->/g, '');
if (/<script|<\/?noscript|<!--/i.test(snapshot)) throw new Error('prerender: the snapshot holds markup it must not');
html = html
  .replace(/<html([^>]*)>/, `<html$1 data-first-view="${lang}">`)
  .replace(/(<link rel="stylesheet"[^>]*>)/, `$1\n  <script src="./first-view.js"></script>`)
  .replace(/(<\/noscript>)/, `$1\n<div id="first-view" lang="${lang}">${snapshot}</div><!-- /first-view -->`);
if (!html.includes('id="first-view"') || !html.includes('first-view.js')) {
  throw new Error('prerender: index.html has no stylesheet link or <noscript> to place the first view by');
}
writeFileSync(htmlPath, html);
copyFileSync(join(REPO, 'public', 'first-view.js'), join(dir, 'first-view.js'));

// The service worker keeps the page and first-view.js, under a new build id.
const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
const [js, wasm] = JSON.parse(sw.match(/^const PARTS = (.*);$/m)[1]);
prepareOffline(dir, { js, wasm });
const kb = (Buffer.byteLength(snapshot) / 1024).toFixed(1);
console.log(`prerender: first view (${lang}, ${rows} rows, ${kb} KB of HTML) written into ${htmlPath}`);
