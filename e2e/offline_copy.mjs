// The viewer's offline copy in tests: save it through its button, open it from disk.
// Used by e2e/tests/offline.test.mjs and e2e/parts_event.mjs.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Viewer, tid } from './pages.mjs';

/**
 * Saves the viewer's offline copy to a temporary file; returns its path, text and name.
 * The copy is built by the on-demand module, downloaded and compiled on the first click:
 * on a busy machine that took more than the usual 10 s once (CI, 2026-12-08).
 */
export async function saveOfflineCopy(page, { timeout = 30_000 } = {}) {
  const button = page.locator(tid('offline-copy'));
  const [download] = await Promise.all([page.waitForEvent('download', { timeout }), button.click()]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offline-copy-'));
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return { file, html: fs.readFileSync(file, 'utf8'), name: download.suggestedFilename() };
}

/** Opens the copy from disk with the network off; every request it makes is recorded. */
export async function openFromDisk(page, context, file) {
  await context.setOffline(true);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const viewer = new Viewer(page, url);
  assert.equal(await viewer.loaded(), 'results', 'the offline copy did not show its results');
  return { viewer, requests, url };
}
