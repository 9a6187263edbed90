// The server the tests (and scripts/serve) use: types, CSP, mounts, and the
// built index.html itself (no inline script, since the CSP forbids it).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CSP } from '../server.mjs';

const get = (baseUrl, p) => fetch(baseUrl + p);

export const tests = [
  {
    name: 'server: index.html carries the strict CSP and has no inline script',
    run: async ({ baseUrl }) => {
      const res = await get(baseUrl, '/');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type'), /^text\/html/);
      assert.equal(res.headers.get('content-security-policy'), CSP);
      const html = await res.text();
      const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(([, attrs, body]) => !/\bsrc=/.test(attrs) && body.trim());
      assert.deepEqual(inline.map((m) => m[0].slice(0, 80)), [], 'index.html has inline script');
      assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'index.html has an inline event handler');
    },
  },
  {
    name: 'server: built assets are sent with their types',
    run: async ({ baseUrl, root }) => {
      const want = { '.wasm': /^application\/wasm$/, '.js': /^text\/javascript/, '.css': /^text\/css/, '.json': /^application\/json/ };
      const files = fs.readdirSync(root).filter((f) => path.extname(f) in want);
      assert.ok(files.some((f) => f.endsWith('.wasm')), 'dist/ holds no .wasm file');
      for (const f of files) {
        const res = await get(baseUrl, '/' + encodeURIComponent(f));
        assert.equal(res.status, 200, f);
        assert.match(res.headers.get('content-type'), want[path.extname(f)], f);
        await res.arrayBuffer();
      }
      const demo = await get(baseUrl, '/results.json');
      assert.equal(demo.status, 200, 'dist/results.json (the demo) is missing');
      assert.match(demo.headers.get('content-type'), /^application\/json/);
      await demo.arrayBuffer();
    },
  },
  {
    name: 'server: fixtures are mounted and nothing outside is reachable',
    run: async ({ baseUrl }) => {
      const fixture = await get(baseUrl, '/e2e-fixtures/six_runners.json');
      assert.equal(fixture.status, 200);
      assert.equal((await fixture.json()).results.length, 6);
      const shared = fs.readdirSync(new URL('../../tests/fixtures/', import.meta.url)).find((f) => f.endsWith('.json'));
      if (shared) assert.equal((await get(baseUrl, '/fixtures/' + encodeURIComponent(shared))).status, 200);
      for (const p of ['/..%2fCargo.toml', '/fixtures/..%2f..%2fCargo.toml', '/e2e-fixtures/%2e%2e/%2e%2e/package.json', '/%00']) {
        const res = await get(baseUrl, p);
        assert.ok(res.status === 403 || res.status === 404, `${p} answered ${res.status}`);
        await res.arrayBuffer();
      }
    },
  },
];
