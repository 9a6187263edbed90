// Offline use (issue 5): after one visit the installed viewer opens and searches with the
// network off; a saved results file opens with no network; "Save offline copy" downloads
// one HTML file that works from disk (file://) with no network.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tid } from '../pages.mjs';
import { openFromDisk, saveOfflineCopy } from '../offline_copy.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// Waits until the service worker controls the page and holds the shell and `results`.
async function offlineReady(page, results = 'results.json') {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  const ready = () =>
    page.evaluate(async (results) => {
      const shell = await caches.match(new URL('./', location.href).href);
      const file = await caches.match(new URL(results, location.href).href);
      return navigator.serviceWorker.controller !== null && shell !== undefined && file !== undefined;
    }, results);
  for (const started = Date.now(); !(await ready()); ) {
    if (Date.now() - started > 10_000) {
      throw new Error(`the service worker did not take control with the shell and ${results} cached`);
    }
    await page.waitForTimeout(100);
  }
}

const PROBE_FAILED = /results\.schema\.json\?probe=/;

// Asks for a file the worker never cached: proof that the network is really off.
async function assertNetworkOff(page) {
  const probe = await page.evaluate(() =>
    fetch(`results.schema.json?probe=${Date.now()}`).then(
      (r) => `answered ${r.status}`,
      () => 'failed',
    ),
  );
  assert.equal(probe, 'failed', 'a file that is not cached still loaded: the network is not off');
}

async function dropFile(page, file) {
  const text = fs.readFileSync(path.resolve(REPO, file), 'utf8');
  const name = path.basename(file);
  const data = await page.evaluateHandle(
    ({ text, name }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'application/json' }));
      return dt;
    },
    { text, name },
  );
  await page.locator(tid('result-count')).dispatchEvent('drop', { dataTransfer: data });
}

export const tests = [
  {
    name: 'offline: after one visit the installed viewer opens and searches with the network off',
    serviceWorkers: 'allow',
    allowConsole: [PROBE_FAILED],
    run: async ({ page, context, viewer, baseUrl, shot }) => {
      assert.equal(await viewer.open(), 'results');
      const online = await viewer.count();
      await offlineReady(page);
      // Installable: Chromium itself checks the manifest, its icon and the worker.
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      // Test contexts are incognito-like, where nothing installs; any other reason counts.
      const errors = installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito');
      assert.deepEqual(errors, [], 'Chromium does not find the viewer installable');
      const manifest = await cdp.send('Page.getAppManifest');
      assert.equal(JSON.parse(manifest.data).name, 'Race results');

      await context.setOffline(true);
      await assertNetworkOff(page);
      await page.reload({ waitUntil: 'domcontentloaded' });
      assert.equal(await viewer.loaded(), 'results', 'the viewer did not open offline');
      assert.equal(await viewer.count(), online, 'offline shows another number of results');
      // Search works offline, across scripts: Cyrillic finds the Latin name.
      await viewer.search('амангос');
      const rows = await viewer.rows();
      assert.ok(rows.length >= 1 && rows.some((r) => /Amangos/.test(r.text)), `no Amangos: ${JSON.stringify(rows)}`);
      await shot('search-offline');
      // The parts of an offline copy are kept too: a copy can be saved with no network.
      const saved = await saveOfflineCopy(page);
      assert.ok(saved.html.length > 1_000_000 && saved.html.includes('id="embedded-results"'), 'no offline copy saved offline');
      fs.rmSync(path.dirname(saved.file), { recursive: true, force: true });
      // A shared link with another view opens offline too.
      await page.goto(`${baseUrl}/?q=ahmetov&lang=kk`, { waitUntil: 'domcontentloaded' });
      assert.equal(await viewer.loaded(), 'results');
      assert.ok((await viewer.rows()).some((r) => /Ахметов/.test(r.text)), 'q=ahmetov did not find Ахметов offline');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'kk');
    },
  },

  {
    name: 'offline: the last results file from ?src= is kept, and a saved file opens by picker and by drop',
    serviceWorkers: 'allow',
    allowConsole: [PROBE_FAILED],
    run: async ({ page, context, viewer }) => {
      const src = '/e2e-fixtures/contract.json';
      assert.equal(await viewer.open({ src }), 'results');
      await offlineReady(page, src);
      await context.setOffline(true);
      await assertNetworkOff(page);
      await page.reload({ waitUntil: 'domcontentloaded' });
      assert.equal(await viewer.loaded(), 'results');
      assert.equal(await viewer.count(), 12, 'contract.json (12 results) did not open offline');
      // Files on the device need no network: the file picker...
      assert.equal(await viewer.openLocalFile('e2e/fixtures/six_runners.json'), 'results');
      assert.equal(await viewer.count(), 6);
      // ...and drag and drop.
      await dropFile(page, 'e2e/fixtures/offline_names.json');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="result-row"]').length === 4);
      await viewer.settle();
      assert.deepEqual((await viewer.bibs()).sort(), ['1', '2', '3', '4']);
    },
  },

  {
    name: 'offline copy: the demo event saved as one HTML file opens from disk with no network and searches',
    viewport: 'desktop',
    // A page opened from file:// has the opaque origin "null"; the test checks below
    // that the copy asks for nothing but itself.
    allowOrigins: ['null'],
    timeout: 60_000,
    run: async ({ page, context, viewer, shot }) => {
      assert.equal(await viewer.open({ lang: 'ru' }), 'results');
      const online = await viewer.count();
      const { file, html, name } = await saveOfflineCopy(page);
      assert.match(name, /^almaty-marathon-2021-demo-data-offline\.html$/);
      const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1] ?? '';
      assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+' 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
      assert.doesNotMatch(csp, /unsafe-inline|https?:|\*/);
      console.log(`    offline copy of the demo event: ${(html.length / 1048576).toFixed(2)} MiB (${fs.statSync(file).size} bytes)`);

      const copy = await openFromDisk(page, context, file);
      assert.equal(await copy.viewer.count(), online, 'the copy holds another number of results');
      assert.equal(await page.title(), 'Almaty Marathon 2021 (demo data)');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'ru', 'the copy forgot the language it was saved in');
      // The copy says where its results were published.
      assert.match(await page.locator(tid('source-origin')).innerText(), /Сохранённая копия результатов с адреса http:\/\/127\.0\.0\.1:\d+\/results\.json/);
      await copy.viewer.search('амангос');
      assert.ok((await copy.viewer.rows()).some((r) => /Amangos/.test(r.text)), 'search in the copy did not find Amangos');
      const bib = (await copy.viewer.rows())[0].bib;
      await copy.viewer.openRunner(bib);
      await shot('copy-runner');
      // The copy cannot make a copy of itself (it has no viewer files to read).
      assert.equal(await page.locator(tid('offline-copy')).count(), 0);
      // Another saved file opens in the copy too.
      await copy.viewer.search('');
      assert.equal(await copy.viewer.openLocalFile('e2e/fixtures/six_runners.json'), 'results');
      assert.equal(await copy.viewer.count(), 6);
      assert.match(await page.locator(tid('source-local')).innerText(), /six_runners\.json/);
      // The importer is inside the copy as well: a CSV imports from disk.
      await page.locator(tid('file-input')).setInputFiles(path.resolve(REPO, 'tests/fixtures/import/english_comma.csv'));
      await page.locator(tid('import-mapping')).waitFor();
      await page.locator(tid('import-apply')).click();
      await page.locator(tid('result-row')).first().waitFor();
      assert.equal((await copy.viewer.rows())[0].bib, '11');
      assert.deepEqual(copy.requests, [copy.url], `the copy asked for more than itself: ${copy.requests.join(', ')}`);
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    },
  },

  {
    name: 'offline copy: a file opened from the device, and an imported CSV, are the results the copy holds',
    allowOrigins: ['null'],
    timeout: 90_000,
    run: async ({ page, context, viewer }) => {
      assert.equal(await viewer.open(), 'results');
      assert.equal(await viewer.openLocalFile('e2e/fixtures/six_runners.json'), 'results');
      let saved = await saveOfflineCopy(page);
      let copy = await openFromDisk(page, context, saved.file);
      assert.equal(await copy.viewer.count(), 6, 'the copy does not hold the file opened from the device');
      assert.match(await page.locator(tid('source-origin')).innerText(), /six_runners\.json/);
      assert.deepEqual(copy.requests, [copy.url]);
      fs.rmSync(path.dirname(saved.file), { recursive: true, force: true });

      await context.setOffline(false);
      assert.equal(await viewer.open(), 'results');
      await page.locator(tid('file-input')).setInputFiles(path.resolve(REPO, 'tests/fixtures/import/english_comma.csv'));
      await page.locator(tid('import-mapping')).waitFor();
      await page.locator(tid('import-apply')).click();
      await page.locator(tid('result-row')).first().waitFor();
      const imported = await viewer.count();
      saved = await saveOfflineCopy(page);
      copy = await openFromDisk(page, context, saved.file);
      assert.equal(await copy.viewer.count(), imported, 'the copy does not hold the imported results');
      assert.equal((await copy.viewer.rows())[0].bib, '11');
      fs.rmSync(path.dirname(saved.file), { recursive: true, force: true });
    },
  },

  {
    name: 'offline copy: names with </script> and <!-- stay text in the saved file',
    allowOrigins: ['null'],
    timeout: 60_000,
    run: async ({ page, context, viewer }) => {
      assert.equal(await viewer.open({ src: '/e2e-fixtures/offline_names.json' }), 'results');
      const { file, html } = await saveOfflineCopy(page);
      assert.equal((html.match(/<\/script>/g) ?? []).length, 5, 'the data ended a script element early');
      const copy = await openFromDisk(page, context, file);
      assert.equal(await copy.viewer.count(), 4);
      const names = (await copy.viewer.rows()).map((r) => r.text).join(' | ');
      assert.ok(names.includes('</script><script>alert(1)</script>'), names);
      assert.ok(names.includes('<!--<script>alert(2)//'), names);
      await copy.viewer.search('алия');
      assert.deepEqual(await copy.viewer.bibs(), ['4']);
      assert.deepEqual(copy.requests, [copy.url]);
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    },
  },
];
