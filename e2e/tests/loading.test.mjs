// Loading a big file on a slow network (issue 7): progress is shown, the download can be
// cancelled, and the viewer stays usable afterwards. The page starts the download before
// its app has loaded (issue 6), and the app uses that download instead of asking again.

import assert from 'node:assert/strict';

export const tests = [
  {
    name: 'loading: a slow download shows progress and can be cancelled',
    run: async ({ page, context, viewer, shot }) => {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      // About 200 KB/s: the 771 KB demo takes a few seconds.
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false, latency: 100, downloadThroughput: 200 * 1024, uploadThroughput: 100 * 1024,
      });
      // The page asks for the file as it starts, before its app has loaded; hold that
      // request back until the app runs, so the download is slow while the app shows it.
      await page.route('**/results.json', async (route) => {
        await page.waitForFunction(() => window.resultsViewer !== undefined, null, { timeout: 20000 }).catch(() => {});
        await route.continue();
      });
      await page.goto(`${viewer.baseUrl}/`);
      await page.locator('.loading progress').waitFor();
      const status = await page.locator('.loading').innerText();
      assert.match(status, /of 0\.7 MB|of 0\.8 MB/, status);
      await shot('progress');
      await page.getByRole('button', { name: 'Cancel' }).click();
      const error = page.locator('[data-testid=load-error]');
      await error.waitFor();
      assert.match(await error.innerText(), /cancelled/i);
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      assert.equal(await viewer.openLocalFile('tests/fixtures/foreign_ties.json'), 'results');
      assert.ok((await viewer.count()) > 0);
    },
  },
  {
    name: 'loading: the results file is asked for once, before the app has started',
    run: async ({ page, viewer }) => {
      const asked = [];
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (/\.(json|wasm)$/.test(url.pathname)) asked.push(url.pathname.split('/').pop());
      });
      await page.goto(`${viewer.baseUrl}/?src=results.json`);
      await viewer.settle();
      assert.ok((await viewer.count()) > 0);
      const results = asked.filter((n) => n === 'results.json');
      assert.equal(results.length, 1, `results.json asked ${results.length} times: ${asked.join(', ')}`);
      const wasm = asked.findIndex((n) => n.endsWith('.wasm'));
      assert.ok(wasm >= 0, 'the app was loaded');
    },
  },
];
