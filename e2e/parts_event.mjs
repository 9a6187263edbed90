// The event for the tests of results in parts (e2e/tests/published_parts.test.mjs,
// e2e/tests/parts_offline.test.mjs): 3,000 runners made at module load by the native
// binaries (gen_demo, parts), the runners the tests look for, and page helpers.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tid } from './pages.mjs';
import { openFromDisk } from './offline_copy.mjs';

export { saveOfflineCopy } from './offline_copy.mjs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------
// The event: 3,000 runners (seed 11), whole and in parts.

export const RUNNERS = 3000;
let made = null;
let madeError = null;
try {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-parts-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const whole = path.join(dir, 'big.json');
  const cargo = (bin, args) =>
    execFileSync('cargo', ['run', '--release', '--quiet', '--bin', bin, '--', ...args], { cwd: REPO, stdio: 'pipe' });
  cargo('gen_demo', ['--runners', String(RUNNERS), '--seed', '11', '--out', whole]);
  cargo('parts', [whole, '--out', path.join(dir, 'big-parts')]);
  const read = (file) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  const head = read('big-parts/head.json');
  // Which bibs each part holds, to know what a search needs.
  const holds = new Map();
  for (const p of [...head.parts.names, ...head.parts.bibs]) {
    holds.set(p.file, new Set(read(`big-parts/${p.file}`).results.map((r) => r.bib)));
  }
  made = { dir, whole: read('big.json'), head, holds };
} catch (err) {
  // Only these tests fail when the binaries cannot run; the other files' tests go on.
  madeError = err;
}

export function event() {
  if (!made) throw new Error(`could not make the event with gen_demo and parts: ${madeError?.message ?? madeError}`);
  return made;
}

// The URL path the files are served under, and the head's address as ?src= gives it.
export const PREFIX = '/e2e-parts/';
export const HEAD = 'e2e-parts/big-parts/head.json';
export const WHOLE = 'big.json';

/**
 * Serves the event under PREFIX: parts and head as written, the whole file only once
 * `release()` is called (each request for it waits until then), `missing` files as 404.
 * `requests` lists every path asked for (relative to PREFIX), `served` those answered.
 */
export async function serveEvent(page, baseUrl, { missing = [] } = {}) {
  const { dir } = event();
  let open;
  const gate = new Promise((resolve) => (open = resolve));
  const state = {
    requests: [],
    served: [],
    released: false,
    // What a request for the whole file gets (a Buffer or string); null: the file on disk.
    wholeBody: null,
    release() {
      state.released = true;
      open();
    },
    parts() {
      return state.requests.filter((p) => /^big-parts\/[nb]-[0-9a-f]+(-x)?\.json$/.test(p));
    },
    wholeRequests() {
      return state.requests.filter((p) => p === WHOLE).length;
    },
  };
  await page.route(`${baseUrl}${PREFIX}**`, async (route) => {
    const rel = decodeURIComponent(new URL(route.request().url()).pathname.slice(PREFIX.length));
    state.requests.push(rel);
    try {
      if (rel === WHOLE) await gate;
      if (missing.includes(path.posix.basename(rel))) {
        await route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
        return;
      }
      const file = path.join(dir, ...rel.split('/'));
      if (!file.startsWith(dir + path.sep) || !fs.existsSync(file)) {
        await route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
        return;
      }
      const body = rel === WHOLE && state.wholeBody != null ? state.wholeBody : fs.readFileSync(file);
      state.served.push(rel);
      await route.fulfill({ status: 200, contentType: 'application/json', headers: { 'Cache-Control': 'no-store' }, body });
    } catch {
      // The page or context closed while a request waited: nothing to answer.
    }
  });
  return state;
}

// A 404 for a part is logged by Chromium as a failed resource; only that one is allowed.
export const PART_404 = /status of 404.*\/e2e-parts\/big-parts\/[nb]-[0-9a-f]+(-x)?\.json/;

// ---------------------------------------------------------------------------
// The runners the tests look for, picked from the event by rule (not by hand): finished,
// named in Cyrillic, not in the head, and alone in the whole file under their surname.

export const CYRILLIC = /[\u0400-\u04ff]/;

// The Latin spelling of a Cyrillic name as a passport would write it.
export const LATIN = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};
export function latin(name) {
  return [...name].map((c) => {
    const lower = c.toLowerCase();
    if (!(lower in LATIN)) return c;
    const l = LATIN[lower];
    return c === lower ? l : l.charAt(0).toUpperCase() + l.slice(1);
  }).join('');
}

/** Runners of the whole file whose name is Russian Cyrillic only, finished, not in the head, surname unique. */
export function searchable() {
  const { whole, head } = event();
  const inHead = new Set(head.results.map((r) => r.bib));
  const words = new Map();
  for (const r of whole.results) {
    for (const w of r.name.toLowerCase().split(/\s+/)) words.set(w, (words.get(w) ?? 0) + 1);
  }
  return whole.results.filter((r) => {
    if (inHead.has(r.bib) || (r.status ?? 'finished') !== 'finished' || !r.chip_time) return false;
    if (!CYRILLIC.test(r.name) || ![...r.name.toLowerCase()].every((c) => c === ' ' || c in LATIN)) return false;
    const parts = r.name.split(/\s+/);
    return parts.length === 2 && words.get(parts[1].toLowerCase()) === 1;
  });
}

/** The name parts (n-….json) that hold `bib`: one or more per word of the name. */
export function namePartsOf(bib) {
  return [...event().holds].filter(([file, bibs]) => file.startsWith('n-') && bibs.has(bib)).map(([file]) => file);
}

/** The whole file's row for `bib`. */
export function wholeRow(bib) {
  return event().whole.results.find((r) => r.bib === bib);
}

// ---------------------------------------------------------------------------
// Page helpers.

export const statusLocator = (page) => page.locator(tid('parts-status'));

export async function statusText(page) {
  const el = statusLocator(page);
  if ((await el.count()) === 0) return null;
  return (await el.first().innerText()).replace(/\s+/g, ' ').trim();
}

/** Lets the whole file through and waits until it has replaced the rows at hand. */
export async function releaseWhole(viewer, files) {
  files.release();
  await viewer.page.locator(tid('parts-status')).waitFor({ state: 'detached', timeout: 15_000 });
  await viewer.settle();
}

/** Polls `test` (in node) until it holds; throws `what` after `ms`. */
export async function until(test, what, ms = 10_000) {
  for (const started = Date.now(); !test(); ) {
    if (Date.now() - started > ms) throw new Error(what);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The rendered rows as "bib@place" strings, sorted. */
export async function hits(viewer) {
  return (await viewer.rows()).map((r) => `${r.bib}@${r.place}`).sort();
}

/** Opens the saved copy from disk with the network off: the whole event, and nothing else asked for. */
export async function checkCopy(page, context, file) {
  const { viewer: copy, requests, url } = await openFromDisk(page, context, file);
  assert.equal(await copy.count(), RUNNERS, 'the copy does not hold the whole event');
  assert.equal(await statusText(page), null, 'the copy says the rest is still loading');
  assert.match(await page.locator(tid('source-origin')).innerText(), /\/e2e-parts\/big\.json/);
  const runner = searchable()[1];
  await copy.search(runner.name);
  assert.ok((await copy.bibs()).includes(runner.bib), `the copy does not find ${runner.name}`);
  assert.deepEqual(requests, [url], `the copy asked for more than itself: ${requests.join(', ')}`);
}
