// Loading a big file on a slow network (issue 7): progress is shown, the download can be
// cancelled, and the viewer stays usable afterwards.

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
];
