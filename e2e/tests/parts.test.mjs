// The first visit carries only what reading results needs (issue 13): the importer is an
// on-demand part (extras-*.js / extras-*_bg.wasm) that loads when a CSV or XML file is
// opened, is kept by the service worker for offline use, and says so clearly when it
// cannot be downloaded.

import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tid } from '../pages.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PART = /\/extras-[0-9a-f]+(_bg)?\.(js|wasm)$/;
const CSV = 'tests/fixtures/import/english_comma.csv';

async function importCsv(page) {
  await page.locator(tid('file-input')).setInputFiles(path.resolve(REPO, CSV));
  await page.locator(tid('import-mapping')).waitFor();
  await page.locator(tid('import-apply')).click();
  await page.locator(tid('result-count')).waitFor();
  await page.locator(tid('result-row')).first().waitFor();
}

export const tests = [
  {
    name: 'on demand: a visit that reads results never downloads the importer; opening a CSV does',
    run: async ({ page, viewer, shot }) => {
      const requests = [];
      page.on('request', (r) => requests.push(r.url()));
      assert.equal(await viewer.open(), 'results');
      // What a runner does: search, open a card, look at the podiums, switch language.
      await viewer.showPodiums();
      await viewer.open();
      await viewer.search('amangos');
      const first = (await viewer.rows())[0];
      await viewer.openRunner(first.bib);
      await page.goBack();
      await viewer.search('');
      await page.getByRole('button', { name: 'RU', exact: true }).click();
      await viewer.settle();
      assert.deepEqual(requests.filter((u) => PART.test(u)), [], 'the importer was downloaded');
      assert.equal(await page.evaluate(() => typeof window.resultsExtras), 'undefined');

      await page.locator(tid('file-input')).setInputFiles(path.resolve(REPO, CSV));
      await page.locator(tid('import-mapping')).waitFor();
      assert.equal(requests.filter((u) => PART.test(u)).length, 2, 'the importer is its glue and its wasm');
      // The screen speaks the viewer's language, and follows a switch.
      const heading = () => page.locator(`${tid('import-mapping')} h2`).innerText();
      assert.equal(await heading(), 'Как поняты столбцы файла english_comma.csv');
      await page.getByRole('button', { name: 'KK', exact: true }).click();
      await page.waitForFunction(() => /файлының/.test(document.querySelector('[data-testid="import-mapping"] h2')?.textContent));
      assert.equal(await heading(), 'english_comma.csv файлының бағандары қалай түсінілді');
      await shot('import-kk');
      await page.locator(tid('import-apply')).click();
      await page.locator(tid('result-count')).waitFor();
      await viewer.settle();
      assert.equal((await viewer.rows())[0].bib, '11');
    },
  },
  {
    name: 'on demand: after one visit a CSV opened with the network off imports',
    serviceWorkers: 'allow',
    allowConsole: [/ERR_INTERNET_DISCONNECTED/],
    run: async ({ page, context, viewer }) => {
      assert.equal(await viewer.open(), 'results');
      // The worker keeps the shell and then the on-demand parts.
      await page.waitForFunction(
        async () => {
          if (!navigator.serviceWorker.controller) return false;
          const sw = await fetch('sw.js').then((r) => r.text());
          const parts = JSON.parse(sw.match(/^const PARTS = (.*);$/m)[1]);
          const hits = await Promise.all(parts.map((p) => caches.match(new URL(p, location.href).href)));
          return parts.length === 2 && hits.every(Boolean);
        },
        null,
        { timeout: 15_000, polling: 200 },
      );
      await context.setOffline(true);
      await page.reload({ waitUntil: 'domcontentloaded' });
      assert.equal(await viewer.loaded(), 'results');
      await importCsv(page);
      assert.equal((await viewer.rows())[0].bib, '11');
    },
  },
  {
    name: 'on demand: after one visit Kazakh works with the network off, the import screen too',
    serviceWorkers: 'allow',
    allowConsole: [/ERR_INTERNET_DISCONNECTED/],
    run: async ({ page, context, viewer, shot }) => {
      assert.equal(await viewer.open(), 'results');
      await page.waitForFunction(
        async () => {
          if (!navigator.serviceWorker.controller) return false;
          const sw = await fetch('sw.js').then((r) => r.text());
          const parts = JSON.parse(sw.match(/^const PARTS = (.*);$/m)[1]);
          const hits = await Promise.all(parts.map((p) => caches.match(new URL(p, location.href).href)));
          return parts.length === 2 && hits.every(Boolean);
        },
        null,
        { timeout: 15_000, polling: 200 },
      );
      await context.setOffline(true);
      await page.reload({ waitUntil: 'domcontentloaded' });
      assert.equal(await viewer.loaded(), 'results');
      await page.getByRole('button', { name: 'KK', exact: true }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'kk');
      assert.match(await page.locator(tid('result-count')).innerText(), /^Табылды/);
      await page.locator(tid('file-input')).setInputFiles(path.resolve(REPO, CSV));
      const mapping = page.locator(tid('import-mapping'));
      await mapping.waitFor();
      assert.match(await mapping.innerText(), /бағандары қалай түсінілді/);
      await shot('kazakh-offline-import');
      await page.locator(tid('import-apply')).click();
      await page.locator(tid('result-row')).first().waitFor();
      assert.equal((await viewer.rows())[0].bib, '11');
    },
  },
  {
    name: 'on demand: an importer that cannot be downloaded is said plainly, and results still open',
    allowConsole: [/on-demand module did not load/, /Failed to load resource/, /Failed to fetch dynamically imported module/],
    run: async ({ page, viewer, shot }) => {
      await page.route(PART, (route) => route.abort());
      assert.equal(await viewer.open({ lang: 'ru' }), 'results');
      await page.locator(tid('file-input')).setInputFiles(path.resolve(REPO, CSV));
      await page.locator(tid('load-error')).waitFor();
      assert.match(await viewer.loadError(), /модуль импорта/);
      await shot('importer-missing');
      // Nothing else is lost: a results file opens, and the importer works once reachable.
      assert.equal(await viewer.openLocalFile('e2e/fixtures/six_runners.json'), 'results');
      await page.unroute(PART);
      await importCsv(page);
      assert.equal((await viewer.rows())[0].bib, '11');
    },
  },
];
