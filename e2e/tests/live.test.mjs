// Live results: the file is fetched again every N seconds (the page's clock is driven
// by the test), the new data replaces the old under the same screen (search, open card,
// focus), the page says when it was last updated, and the server's caching headers
// are respected (If-None-Match, a 304 keeps the view).

import assert from 'node:assert/strict';
import http from 'node:http';
import { Viewer } from '../pages.mjs';
import { freePort, serveViewerAllowing } from '../origins.mjs';

/** A results file of one 10 km distance; rows are [bib, name, sex, chip time]. */
function race(rows, status = 'provisional') {
  return JSON.stringify({
    format: 'results/v1',
    event: { name: 'Live 10K', date: '2024-06-02', status },
    distances: [{ id: '10k', name: '10 km', km: 10 }],
    results: rows.map(([bib, name, sex, chip_time]) => ({ bib, name, sex, distance: '10k', chip_time })),
  });
}
const FIRST = race([
  ['1', 'Arman Kim', 'M', '0:40:00'],
  ['2', 'Boris Petrov', 'M', '0:38:00'],
  ['3', 'Dana Nurlanova', 'F', '0:45:00'],
]);
// Ten minutes later: a new finisher, and a corrected time for runner 1.
const SECOND = race([
  ['1', 'Arman Kim', 'M', '0:40:05'],
  ['2', 'Boris Petrov', 'M', '0:38:00'],
  ['3', 'Dana Nurlanova', 'F', '0:45:00'],
  ['4', 'Alina Kim', 'F', '0:39:00'],
]);

const FILE = '/e2e-fixtures/live-results.json';

/** Answers FILE with each body in turn (the last one from then on); counts requests. */
async function serveVersions(page, bodies) {
  const seen = [];
  await page.route(`**${FILE}*`, (route) => {
    seen.push(route.request().headers());
    const body = bodies[Math.min(seen.length, bodies.length) - 1];
    return route.fulfill({ status: 200, contentType: 'application/json', body });
  });
  return seen;
}

// The page's clock starts here (local time), so "updated" has a known value.
const START = new Date(2024, 5, 2, 12, 3, 50);

const ETAG_PORT = await freePort();
const ETAG_ORIGIN = `http://127.0.0.1:${ETAG_PORT}`;
// The viewer as an organizer deploys it with results allowed from that server.
const VIEWER_PORT = await freePort();
const VIEWER_ORIGIN = `http://127.0.0.1:${VIEWER_PORT}`;

/** An organizer's server on another origin: ETag, "revalidate every time", CORS. */
function startEtagServer(bodies) {
  const state = { version: 1, requests: [] };
  const server = http.createServer((req, res) => {
    const etag = `"v${state.version}"`;
    state.requests.push({ ifNoneMatch: req.headers['if-none-match'] ?? null });
    const headers = {
      ETag: etag,
      'Cache-Control': 'no-cache',
      'Access-Control-Allow-Origin': '*',
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      return res.end();
    }
    const body = bodies[state.version - 1];
    res.writeHead(200, { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  });
  return new Promise((resolve) =>
    server.listen(ETAG_PORT, '127.0.0.1', () =>
      resolve({
        state,
        close: () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); }),
      }),
    ),
  );
}

const liveText = (page) => page.locator('[data-testid=live-status]').innerText();

export const tests = [
  {
    name: 'live: new results replace the list while the search, the open card and the focus stay',
    viewport: 'desktop',
    run: async ({ page, viewer, shot }) => {
      await page.clock.install({ time: START });
      const requests = await serveVersions(page, [FIRST, SECOND]);
      assert.equal(await viewer.open({ src: FILE, live: '15' }), 'results');
      assert.match(await liveText(page), /updated 12:03/);
      await viewer.search('kim');
      assert.deepEqual(await viewer.bibs(), ['1']);
      await viewer.openRunner('1');
      assert.match((await viewer.detail()).text, /0:40:00/);
      await page.locator('[data-testid=search]').focus();

      await page.clock.fastForward(16_000);
      await page.locator('[data-testid=result-row][data-bib="4"]').waitFor();
      await viewer.settle();
      assert.equal(requests.length, 2, 'the file was not fetched again');
      assert.deepEqual((await viewer.bibs()).sort(), ['1', '4']);
      assert.equal(await viewer.count(), 2);
      assert.equal(await page.locator('[data-testid=search]').inputValue(), 'kim', 'the search was lost');
      const card = await viewer.detail();
      assert.equal(card?.bib, '1', 'the card closed');
      assert.match(card.text, /0:40:05/, 'the card shows the old time');
      assert.equal(await page.evaluate(() => document.activeElement?.dataset?.testid), 'search', 'the focus moved');
      assert.equal((await viewer.params()).q, 'kim');
      assert.match(await liveText(page), /updated 12:04/);
      await shot('updated');
    },
  },

  {
    name: 'live: the file is revalidated with its ETag; a 304 keeps the view, a new version replaces it',
    allowOrigins: [ETAG_ORIGIN, VIEWER_ORIGIN],
    run: async ({ page, root }) => {
      const server = await startEtagServer([FIRST, SECOND]);
      const site = await serveViewerAllowing(root, VIEWER_PORT, [ETAG_ORIGIN]);
      const viewer = new Viewer(page, site.url);
      try {
        await page.clock.install({ time: START });
        assert.equal(await viewer.open({ src: `${ETAG_ORIGIN}/results.json`, live: '30' }), 'results');
        assert.deepEqual((await viewer.bibs()).sort(), ['1', '2', '3']);
        assert.equal(server.state.requests.length, 1);

        await page.clock.fastForward(31_000);
        await page.waitForFunction(() => /12:04/.test(document.querySelector('[data-testid=live-status]')?.textContent));
        assert.equal(server.state.requests.length, 2);
        assert.equal(server.state.requests[1].ifNoneMatch, '"v1"', 'the browser did not revalidate its copy');
        assert.deepEqual((await viewer.bibs()).sort(), ['1', '2', '3']);

        server.state.version = 2;
        await page.clock.fastForward(30_000);
        await page.locator('[data-testid=result-row][data-bib="4"]').waitFor();
        assert.equal(server.state.requests.length, 3);
        assert.equal(await viewer.count(), 4);
      } finally {
        await site.close();
        await server.close();
      }
    },
  },

  {
    name: 'live: provisional results refresh every minute by themselves; official ones and live=0 do not',
    run: async ({ page, viewer, shot }) => {
      await page.clock.install({ time: START });
      const requests = await serveVersions(page, [FIRST, SECOND]);
      assert.equal(await viewer.open({ src: FILE }), 'results');
      assert.match(await liveText(page), /updated 12:03/);
      await shot('provisional');
      await page.clock.fastForward(61_000);
      await page.locator('[data-testid=result-row][data-bib="4"]').waitFor();
      assert.equal(requests.length, 2);

      await page.unrouteAll();
      const official = await serveVersions(page, [race([['1', 'Arman Kim', 'M', '0:40:00']], 'official')]);
      assert.equal(await viewer.open({ src: FILE }), 'results');
      await page.clock.fastForward(180_000);
      await viewer.settle();
      assert.equal(official.length, 1, 'official results were fetched again');
      assert.equal(await page.locator('[data-testid=live-status]').count(), 0);

      await page.unrouteAll();
      const off = await serveVersions(page, [FIRST, SECOND]);
      assert.equal(await viewer.open({ src: FILE, live: '0' }), 'results');
      await page.clock.fastForward(180_000);
      await viewer.settle();
      assert.equal(off.length, 1, 'live=0 did not stop the refresh');
    },
  },
];
