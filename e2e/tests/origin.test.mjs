// Where results may come from: by default only the viewer's own origin, so a link cannot
// show another server's file under the organizer's address; origins the deployment
// allows load and are named on screen; a redirect elsewhere is another origin.
// The runner fails a test on any request to an origin it does not list, so a refused
// file is also shown never to have been asked for.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../server.mjs';
import { Viewer } from '../pages.mjs';
import { freePort, serveViewerAllowing } from '../origins.mjs';
import { allowOrigins } from '../../scripts/allow-origins.mjs';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const OTHER_PORT = await freePort();
const OTHER = `http://127.0.0.1:${OTHER_PORT}`;
const VIEWER_PORT = await freePort();
const VIEWER = `http://127.0.0.1:${VIEWER_PORT}`;
const FILE = `${OTHER}/six_runners.json`;

/** Another server that lets any page read its files (as a CDN would). */
const startOther = () =>
  startServer({ root: FIXTURES, port: OTHER_PORT, headers: { 'Access-Control-Allow-Origin': '*' } });

const connectSrc = (html) => /connect-src ([^;"]*)/.exec(html)?.[1].trim();
const errorText = (page) => page.locator('[data-testid=load-error]').innerText();

export const tests = [
  {
    name: 'origin: a file on another origin is refused by default in the list, podiums and embed',
    run: async ({ page, viewer, shot }) => {
      const other = await startOther();
      try {
        for (const extra of [{}, { view: 'podiums' }, { embed: '1' }]) {
          assert.equal(await viewer.open({ src: FILE, ...extra }), 'error', JSON.stringify(extra));
          const text = await errorText(page);
          assert.match(text, new RegExp(OTHER.replace(/[.:/]/g, '\\$&')), 'the message names the origin');
          assert.match(text, /results-origins/, 'the message says how to allow it');
          assert.equal(await page.locator('[data-testid=result-row], [data-testid=podium]').count(), 0);
        }
        await shot('refused');
        await viewer.open({ src: FILE, lang: 'kk' });
        assert.match(await errorText(page), /рұқсат/, 'the message is in Kazakh');
      } finally {
        await other.close();
      }
    },
  },
  {
    name: 'origin: an allowed origin loads and is named on screen and in embed mode',
    viewport: 'desktop',
    allowOrigins: [OTHER, VIEWER],
    run: async ({ page, root, shot }) => {
      const other = await startOther();
      const site = await serveViewerAllowing(root, VIEWER_PORT, [OTHER]);
      try {
        const viewer = new Viewer(page, site.url);
        assert.equal(await viewer.open({ src: FILE }), 'results');
        assert.ok((await viewer.count()) > 0);
        const named = page.locator('[data-testid=source-origin]');
        assert.match(await named.innerText(), new RegExp(`Results from ${OTHER.replace(/[.:/]/g, '\\$&')}`));
        await shot('allowed');
        assert.equal(await viewer.open({ src: FILE, embed: '1' }), 'results');
        assert.ok(await named.isVisible(), 'embed mode names the origin too');
        // The page's policy lists exactly its own origin and the allowed one.
        const html = await (await fetch(`${site.url}/`)).text();
        assert.equal(connectSrc(html), `'self' ${OTHER}`);
        // Its own results.json is not named as another origin's.
        assert.equal(await viewer.open({}), 'results');
        assert.equal(await named.count(), 0);
      } finally {
        await site.close();
        await other.close();
      }
    },
  },
  {
    name: 'origin: a same-origin address that redirects to another origin is refused',
    // The copy's CSP is opened up on purpose, so the app's own check is what refuses.
    allowOrigins: [OTHER, VIEWER],
    run: async ({ page, root }) => {
      const other = await startOther();
      const site = await serveViewerAllowing(root, VIEWER_PORT, [], (html) =>
        html.replace("connect-src 'self'", "connect-src 'self' http: https:"),
      );
      try {
        await page.route(`${VIEWER}/moved.json`, (route) =>
          route.fulfill({ status: 302, headers: { Location: FILE } }),
        );
        const viewer = new Viewer(page, site.url);
        assert.equal(await viewer.open({ src: 'moved.json' }), 'error');
        assert.match(await errorText(page), new RegExp(OTHER.replace(/[.:/]/g, '\\$&')));
      } finally {
        await site.close();
        await other.close();
      }
    },
  },
  {
    name: 'origin: the built page allows only its own origin; allowing one rewrites the list and the CSP',
    run: async ({ root }) => {
      const html = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
      assert.equal(connectSrc(html), "'self'");
      assert.match(html, /<meta name="?results-origins"? content=""/);
      const allowed = allowOrigins(html, ['https://timing.example/', 'https://cdn.example:443']);
      assert.equal(connectSrc(allowed), "'self' https://timing.example https://cdn.example");
      assert.match(allowed, /<meta name="results-origins" content="https:\/\/timing.example https:\/\/cdn.example">/);
      assert.equal(connectSrc(allowOrigins(allowed, [])), "'self'");
      assert.throws(() => allowOrigins(html, ['https://timing.example/path']), /not a plain/);
      assert.throws(() => allowOrigins(html, ['*']), /not a plain/);
    },
  },
];
