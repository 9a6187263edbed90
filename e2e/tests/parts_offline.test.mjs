// Results in parts with the service worker (docs/parts.md, docs/offline.md): a first
// visit downloads the head and the whole file once each (the page hands its copies to
// the worker rather than the worker fetching them again), and after it the event opens
// with the network off, every runner searchable.
//
// The event (e2e/parts_event.mjs) is served from a mount of the test server rather than
// by page.route, which does not see what a service worker asks for.

import assert from 'node:assert/strict';
import { MOUNTS, WATCH } from '../server.mjs';
import { tid } from '../pages.mjs';
import { RUNNERS, event, searchable, statusText } from '../parts_event.mjs';

const PREFIX = '/e2e-parts-sw/';
const HEAD = 'e2e-parts-sw/big-parts/head.json';

/** Waits until the worker controls the page and holds the shell and each of `files`. */
async function offlineReady(page, files) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  const ready = () =>
    page.evaluate(async (files) => {
      if (navigator.serviceWorker.controller === null) return false;
      const all = [new URL('./', location.href).href, ...files.map((f) => new URL(f, location.href).href)];
      const hits = await Promise.all(all.map((u) => caches.match(u)));
      return hits.every((h) => h !== undefined);
    }, files);
  for (const started = Date.now(); !(await ready()); ) {
    if (Date.now() - started > 15_000) throw new Error(`the service worker did not keep the shell and ${files.join(', ')}`);
    await page.waitForTimeout(100);
  }
}

export const tests = [
  {
    name: 'parts offline: a first visit downloads the head and the whole file once each, and the event then opens and searches offline',
    serviceWorkers: 'allow',
    timeout: 60_000,
    run: async ({ page, context, viewer, shot }) => {
      MOUNTS[PREFIX] = event().dir;
      const asked = [];
      WATCH.onRequest = (p) => p.startsWith(PREFIX) && asked.push(p.slice(PREFIX.length));
      try {
        assert.equal(await viewer.open({ src: HEAD }), 'results');
        await page.locator(tid('parts-status')).waitFor({ state: 'detached', timeout: 20_000 });
        assert.equal(await viewer.count(), RUNNERS);
        await offlineReady(page, [HEAD, 'e2e-parts-sw/big.json']);
        const times = (file) => asked.filter((p) => p === file).length;
        assert.equal(times('big-parts/head.json'), 1, `the head was downloaded ${times('big-parts/head.json')} times`);
        assert.equal(times('big.json'), 1, `the whole file was downloaded ${times('big.json')} times`);

        await context.setOffline(true);
        await page.reload({ waitUntil: 'domcontentloaded' });
        assert.equal(await viewer.loaded(), 'results');
        await page.locator(tid('parts-status')).waitFor({ state: 'detached', timeout: 20_000 });
        assert.equal(await viewer.count(), RUNNERS, 'offline, the whole event did not open');
        assert.equal(await statusText(page), null);
        const runner = searchable()[2];
        await viewer.search(runner.name);
        assert.ok((await viewer.bibs()).includes(runner.bib), `offline, ${runner.name} was not found`);
        await shot('parts-offline-search');
      } finally {
        WATCH.onRequest = null;
        delete MOUNTS[PREFIX];
        await context.setOffline(false);
      }
    },
  },
];
