// Results published in parts (issue 17, docs/parts.md): a big event's head opens first
// with the whole file's places, a search fetches only the parts that can hold the typed
// words (in either script), views that need every row wait for the whole file, a part
// that fails is named while everything else works, and once the whole file is in the
// viewer is as with the whole file (live refresh and the offline copy included).
//
// The event is made here, at module load, by the native binaries (gen_demo, parts), and
// served to the page by page.route under /e2e-parts/ on the test server's origin, so each
// test decides when the whole file arrives, which part fails, and what a refetch gets.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Viewer, tid } from '../pages.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// ---------------------------------------------------------------------------
// The event: 3,000 runners (seed 11), whole and in parts.

const RUNNERS = 3000;
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

function event() {
  if (!made) throw new Error(`could not make the event with gen_demo and parts: ${madeError?.message ?? madeError}`);
  return made;
}

// The URL path the files are served under, and the head's address as ?src= gives it.
const PREFIX = '/e2e-parts/';
const HEAD = 'e2e-parts/big-parts/head.json';
const WHOLE = 'big.json';

/**
 * Serves the event under PREFIX: parts and head as written, the whole file only once
 * `release()` is called (each request for it waits until then), `missing` files as 404.
 * `requests` lists every path asked for (relative to PREFIX), `served` those answered.
 */
async function serveEvent(page, baseUrl, { missing = [] } = {}) {
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
const PART_404 = /status of 404.*\/e2e-parts\/big-parts\/[nb]-[0-9a-f]+(-x)?\.json/;

// ---------------------------------------------------------------------------
// The runners the tests look for, picked from the event by rule (not by hand): finished,
// named in Cyrillic, not in the head, and alone in the whole file under their surname.

const CYRILLIC = /[\u0400-\u04ff]/;

// The Latin spelling of a Cyrillic name as a passport would write it.
const LATIN = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};
function latin(name) {
  return [...name].map((c) => {
    const lower = c.toLowerCase();
    if (!(lower in LATIN)) return c;
    const l = LATIN[lower];
    return c === lower ? l : l.charAt(0).toUpperCase() + l.slice(1);
  }).join('');
}

/** Runners of the whole file whose name is Russian Cyrillic only, finished, not in the head, surname unique. */
function searchable() {
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
function namePartsOf(bib) {
  return [...event().holds].filter(([file, bibs]) => file.startsWith('n-') && bibs.has(bib)).map(([file]) => file);
}

/** The whole file's row for `bib`. */
function wholeRow(bib) {
  return event().whole.results.find((r) => r.bib === bib);
}

// ---------------------------------------------------------------------------
// Page helpers.

const statusLocator = (page) => page.locator(tid('parts-status'));

async function statusText(page) {
  const el = statusLocator(page);
  if ((await el.count()) === 0) return null;
  return (await el.first().innerText()).replace(/\s+/g, ' ').trim();
}

/** Lets the whole file through and waits until it has replaced the rows at hand. */
async function releaseWhole(viewer, files) {
  files.release();
  await viewer.page.locator(tid('parts-status')).waitFor({ state: 'detached', timeout: 15_000 });
  await viewer.settle();
}

/** Polls `test` (in node) until it holds; throws `what` after `ms`. */
async function until(test, what, ms = 10_000) {
  for (const started = Date.now(); !test(); ) {
    if (Date.now() - started > ms) throw new Error(what);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The rendered rows as "bib@place" strings, sorted. */
async function hits(viewer) {
  return (await viewer.rows()).map((r) => `${r.bib}@${r.place}`).sort();
}

export const tests = [
  {
    name: 'parts: the whole file arriving while a name is typed keeps the search box, its focus and every key',
    run: async ({ page, viewer, baseUrl }) => {
      const files = await serveEvent(page, baseUrl);
      const runner = searchable()[0];
      assert.equal(await viewer.open({ src: HEAD }), 'results');
      const box = page.locator(tid('search'));
      await box.click();
      const name = runner.name;
      const half = Math.ceil(name.length / 2);
      await page.keyboard.type(name.slice(0, half), { delay: 20 });
      files.release();
      await page.locator(tid('parts-status')).waitFor({ state: 'detached', timeout: 15_000 });
      await page.keyboard.type(name.slice(half), { delay: 20 });
      assert.equal(await box.inputValue(), name, 'keys typed while the whole file came in were lost');
      assert.ok(await box.evaluate((el) => el === document.activeElement), 'the search box lost its focus');
      await page.locator(`${tid('result-row')}[data-bib="${runner.bib}"]`).waitFor({ state: 'visible' });
    },
  },

  {
    name: 'parts: a search over parts finds a runner beyond the head in Cyrillic and Latin, with the whole file\'s place',
    timeout: 45_000,
    run: async ({ page, viewer, baseUrl, shot }) => {
      const files = await serveEvent(page, baseUrl);
      const runner = searchable()[0];
      assert.ok(runner, 'the event has no Cyrillic-named finisher beyond the head');
      const [first, last] = runner.name.split(' ');
      const latinName = latin(runner.name);

      assert.equal(await viewer.open({ src: HEAD }), 'results');
      // The head's rows, with places, and the note about the rest.
      const headRows = await viewer.rows();
      const headBibs = new Set(event().head.results.map((r) => r.bib));
      assert.ok(headRows.length > 0, 'no rows from the head');
      assert.ok(headRows.every((r) => headBibs.has(r.bib)), `rows not in the head: ${headRows.filter((r) => !headBibs.has(r.bib)).map((r) => r.bib)}`);
      assert.ok(headRows.filter((r) => r.place != null).length > 0, 'the head rows carry no data-place');
      assert.match(
        await statusText(page),
        new RegExp(`Showing ${event().head.results.length} of 3,000 results while the rest loads \\(\\d+%\\)`),
      );
      await shot('head');

      await viewer.search(`${first} ${last}`);
      const cyr = await viewer.rows();
      const row = cyr.find((r) => r.bib === runner.bib);
      assert.ok(row, `searching ${first} ${last} did not show bib ${runner.bib}: ${JSON.stringify(cyr)}`);
      assert.ok(Number.isInteger(row.place), `bib ${runner.bib} has no data-place`);
      assert.match(row.text, new RegExp(last));
      await shot('search-cyrillic');
      const cyrHits = await hits(viewer);

      await viewer.search(latinName);
      assert.deepEqual(await hits(viewer), cyrHits, `"${latinName}" found other rows than "${runner.name}"`);
      await shot('search-latin');

      // Only a few small parts, and never the whole file while it is held.
      const partsAsked = files.parts();
      assert.ok(partsAsked.length >= 1 && partsAsked.length <= 3, `parts fetched: ${partsAsked.join(', ')}`);
      assert.ok(!files.served.includes(WHOLE), 'the whole file was served while held');
      assert.ok(files.requests.every((p) => p === WHOLE || p.startsWith('big-parts/')), files.requests.join(', '));

      await viewer.openRunner(runner.bib);
      assert.equal((await viewer.detail()).bib, runner.bib);
      // The card's place is of the whole distance: "191 of 652" finishers.
      const finishers = event().head.parts.distances.find((d) => d.id === runner.distance).finishers;
      assert.match((await viewer.detail()).text, new RegExp(`${last}.*Overall ${row.place} of ${finishers.toLocaleString('en-US')}`));
      await shot('card');

      // Once the whole file is in: the same rows and places.
      await releaseWhole(viewer, files);
      await page.goBack();
      await viewer.settle();
      await viewer.search(latinName);
      assert.deepEqual(await hits(viewer), cyrHits, 'with the whole file the search shows other rows or places');
      await viewer.search(`${first} ${last}`);
      assert.deepEqual(await hits(viewer), cyrHits);
      assert.equal(await statusText(page), null);
    },
  },

  {
    name: 'parts: a part that cannot be loaded is named; the head rows and other searches still work, and the whole file finds the runner',
    timeout: 45_000,
    allowConsole: [PART_404],
    run: async ({ page, viewer, baseUrl, shot }) => {
      const [runner, ...others] = searchable();
      const missing = namePartsOf(runner.bib);
      assert.ok(missing.length >= 1, `no name part holds bib ${runner.bib}`);
      // Another runner whose parts all load.
      const other = others.find((r) => namePartsOf(r.bib).every((f) => !missing.includes(f)));
      assert.ok(other, 'no runner outside the missing parts');
      const files = await serveEvent(page, baseUrl, { missing });

      assert.equal(await viewer.open({ src: HEAD }), 'results');
      const headHits = await hits(viewer);
      await viewer.search(runner.name);
      const failed = files.parts().filter((p) => missing.includes(path.posix.basename(p)));
      assert.ok(failed.length >= 1, `the search asked for none of ${missing.join(', ')}: ${files.parts().join(', ')}`);
      await page.waitForFunction(() => /could not be loaded/.test(document.querySelector('[data-testid="parts-status"]')?.textContent ?? ''));
      const note = await statusText(page);
      for (const p of failed) {
        assert.ok(note.includes(path.posix.basename(p)), `the note does not name ${path.posix.basename(p)}: ${note}`);
      }
      assert.match(note, /Part of the search index could not be loaded \([nb]-[0-9a-f]+(-x)?\.json(, [nb]-[0-9a-f]+(-x)?\.json)*\)/);
      assert.ok(!(await viewer.bibs()).includes(runner.bib), 'the runner showed though their part is missing');
      assert.equal(await viewer.loadError(), null);
      await shot('part-missing');

      // The rows at hand stay; another search and a bib search work.
      await viewer.search('');
      assert.deepEqual(await hits(viewer), headHits, 'the head rows changed after the failed part');
      await viewer.search(other.name);
      assert.ok((await viewer.bibs()).includes(other.bib), `searching ${other.name} did not find bib ${other.bib}`);
      await viewer.search(runner.bib);
      assert.ok((await viewer.bibs()).includes(runner.bib), `searching bib ${runner.bib} did not find it`);
      assert.ok(!files.served.includes(WHOLE));
      // The note still names the part that failed.
      assert.match(await statusText(page), /could not be loaded/);

      await releaseWhole(viewer, files);
      await viewer.search(runner.name);
      assert.ok((await viewer.bibs()).includes(runner.bib), `with the whole file ${runner.name} is still not found`);
      assert.equal(await statusText(page), null, 'the note stayed after the whole file came');
      await shot('whole-in');
    },
  },

  {
    name: 'parts: live mode refreshes from the whole file once it is in',
    timeout: 45_000,
    run: async ({ page, viewer, baseUrl, shot }) => {
      await page.clock.install({ time: new Date(2024, 5, 2, 12, 0, 0) });
      const files = await serveEvent(page, baseUrl);
      assert.equal(await viewer.open({ src: HEAD, live: '15' }), 'results');
      // While the whole file is held there is nothing to refresh from.
      await page.clock.fastForward(16_000);
      await viewer.settle();
      assert.equal(files.wholeRequests(), 1);
      assert.equal(files.requests.filter((p) => p === 'big-parts/head.json').length, 1, 'the head was fetched again');

      await releaseWhole(viewer, files);
      assert.equal(await viewer.count(), RUNNERS);

      // The next version: a new 10 km winner, and a corrected time for bib 1.
      const next = structuredClone(event().whole);
      const winner = next.results.filter((r) => r.distance === '10k' && r.chip_time).sort((a, b) => a.chip_time.localeCompare(b.chip_time))[0];
      next.results.push({ bib: '9001', name: 'Ержан Жаңаев', sex: 'M', category: 'M20', distance: '10k', chip_time: '0:29:00', gun_time: '0:29:00' });
      const one = next.results.find((r) => r.bib === '1');
      one.chip_time = one.gun_time = '2:25:59';
      files.wholeBody = JSON.stringify(next);

      await page.clock.fastForward(16_000);
      await page.waitForFunction((n) => document.querySelector('[data-testid="result-count"]')?.textContent.includes(n), (RUNNERS + 1).toLocaleString('en-US'), { timeout: 10_000 });
      await viewer.settle();
      assert.equal(await viewer.count(), RUNNERS + 1);
      assert.equal(files.wholeRequests(), 2, 'the whole file was not fetched again (or more than once)');
      assert.ok(files.requests.filter((p) => p === 'big-parts/head.json').length === 1, 'live mode refetched the head');

      await viewer.search('Жаңаев');
      const rows = await viewer.rows();
      assert.deepEqual(rows.map((r) => [r.bib, r.place]), [['9001', 1]], JSON.stringify(rows));
      await viewer.search(winner.bib);
      const before = (await viewer.rows()).find((r) => r.bib === winner.bib);
      assert.equal(before?.place, 2, `the old 10 km winner (bib ${winner.bib}) is not second now`);
      await viewer.search('');
      await viewer.openRunner('1');
      assert.match((await viewer.detail()).text, /2:25:59/, 'the corrected time does not show');
      await shot('refreshed');
    },
  },

  {
    name: 'parts: the offline copy saved once the whole file is in holds all 3,000 runners',
    allowOrigins: ['null'],
    timeout: 60_000,
    run: async ({ page, context, viewer, baseUrl }) => {
      const files = await serveEvent(page, baseUrl);
      assert.equal(await viewer.open({ src: HEAD }), 'results');
      await releaseWhole(viewer, files);
      const saved = await saveOfflineCopy(page);
      try {
        await checkCopy(page, context, saved.file);
      } finally {
        fs.rmSync(path.dirname(saved.file), { recursive: true, force: true });
      }
    },
  },

  {
    name: 'parts: the offline copy saved before the whole file is in waits for it and holds all 3,000 runners',
    allowOrigins: ['null'],
    timeout: 60_000,
    run: async ({ page, context, viewer, baseUrl }) => {
      const files = await serveEvent(page, baseUrl);
      assert.equal(await viewer.open({ src: HEAD }), 'results');
      assert.ok(await statusText(page), 'no parts note: the whole file is already in');
      let early = false;
      const download = page.waitForEvent('download', { timeout: 20_000 }).then((d) => ((early = !files.released), d));
      await page.locator(tid('offline-copy')).click();
      // The copy asks for the whole file (again, held like the page's own request).
      await until(() => files.wholeRequests() >= 2, 'the copy did not ask for the whole file');
      files.release();
      const got = await download;
      assert.ok(!early, 'the copy was saved before the whole file came: it cannot hold the whole event');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offline-copy-'));
      const file = path.join(dir, got.suggestedFilename());
      await got.saveAs(file);
      try {
        await checkCopy(page, context, file);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  },

  {
    name: 'parts: a shared link to a runner beyond the head opens their card while the whole file is held',
    timeout: 45_000,
    run: async ({ page, viewer, baseUrl, shot }) => {
      const files = await serveEvent(page, baseUrl);
      const runner = searchable()[2];
      await page.goto(`${baseUrl}/?src=${encodeURIComponent(HEAD)}&runner=${encodeURIComponent(runner.bib)}`, { waitUntil: 'domcontentloaded' });
      const card = page.locator(`${tid('runner-detail')}[data-bib="${runner.bib}"]`);
      await card.waitFor({ state: 'visible' });
      await viewer.settle();
      assert.ok(!files.served.includes(WHOLE), 'the whole file came before the card');
      const text = (await viewer.detail()).text;
      assert.ok(text.includes(runner.name), `the card does not name ${runner.name}: ${text}`);
      const overall = /Overall (\S+ of \S+)/.exec(text)?.[1];
      assert.ok(overall, `the card shows no overall place: ${text}`);
      // One bib part, no name part, was enough.
      const asked = files.parts();
      assert.equal(asked.length, 1, `parts fetched: ${asked.join(', ')}`);
      assert.match(asked[0], /^big-parts\/b-/);
      assert.ok(event().holds.get(path.posix.basename(asked[0])).has(runner.bib));
      await shot('card-partial');

      await releaseWhole(viewer, files);
      const after = (await viewer.detail())?.text ?? '';
      assert.equal(/Overall (\S+ of \S+)/.exec(after)?.[1], overall, 'the place changed when the whole file came');
      assert.equal((await viewer.params()).runner, runner.bib);
    },
  },

  {
    name: "parts: the runner card leaves out the share of the field beaten and the spread of finish times until the whole event is in",
    timeout: 45_000,
    run: async ({ page, viewer, baseUrl }) => {
      const files = await serveEvent(page, baseUrl);
      const runner = searchable()[0];
      await page.goto(`${baseUrl}/?src=${encodeURIComponent(HEAD)}&runner=${encodeURIComponent(runner.bib)}`, { waitUntil: 'domcontentloaded' });
      await page.locator(`${tid('runner-detail')}[data-bib="${runner.bib}"]`).waitFor({ state: 'visible' });
      await viewer.settle();
      // The card's numbers of the whole distance: "Faster than N% of finishers", and
      // the finish-time chart's range ("Finish times You 2:15:00 6:30:00").
      const numbers = (text) => ({
        beaten: /Faster than \d+% of finishers/.exec(text)?.[0] ?? null,
        spread: /Finish times .*?(?= Share)/.exec(text)?.[0] ?? null,
      });
      const partial = numbers((await viewer.detail()).text);
      await releaseWhole(viewer, files);
      const whole = numbers((await viewer.detail()).text);
      assert.ok(whole.beaten && whole.spread, `the whole file's card lacks the numbers: ${JSON.stringify(whole)}`);
      // They need every row, so the card shows them only from the whole file.
      assert.deepEqual(partial, { beaten: null, spread: null }, `bib ${runner.bib}'s card showed figures of the rows at hand: ${JSON.stringify(partial)}`);
    },
  },

  {
    name: 'parts: podiums and teams wait for the whole file, then show the podiums of the whole file',
    viewport: 'desktop',
    timeout: 45_000,
    run: async ({ page, viewer, baseUrl, shot }) => {
      const files = await serveEvent(page, baseUrl);
      assert.equal(await viewer.open({ src: HEAD }), 'results');
      await page.getByRole('button', { name: 'Podiums', exact: true }).click();
      await page.locator(tid('parts-wait')).waitFor({ state: 'visible' });
      // The view is kept in the URL (written a moment after the click).
      await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'podiums', null, { timeout: 5000 });
      assert.equal(await page.locator(tid('podium')).count(), 0, 'podiums showed from the rows at hand');
      assert.match(await page.locator(tid('parts-wait')).innerText(), /This needs every result: it shows once the rest of the results is in \(\d+%\)/);
      await shot('podiums-wait');
      await page.getByRole('button', { name: 'Teams', exact: true }).click();
      await page.locator(tid('parts-wait')).waitFor({ state: 'visible' });
      assert.equal(await page.locator(tid('team-standing')).count(), 0, 'teams showed from the rows at hand');
      await page.getByRole('button', { name: 'Podiums', exact: true }).click();
      await page.locator(tid('parts-wait')).waitFor({ state: 'visible' });

      files.release();
      await page.locator(tid('podium')).first().waitFor({ state: 'visible', timeout: 15_000 });
      await viewer.settle();
      assert.equal(await page.locator(tid('parts-wait')).count(), 0);
      const fromParts = await viewer.podiums();
      assert.ok(fromParts.length > 0);
      await shot('podiums');

      // The same podiums as the whole file opened by itself.
      await page.goto(`${baseUrl}/?src=${encodeURIComponent(`e2e-parts/${WHOLE}`)}&view=podiums`, { waitUntil: 'domcontentloaded' });
      await page.locator(tid('podium')).first().waitFor({ state: 'visible' });
      await viewer.settle();
      assert.deepEqual(fromParts, await viewer.podiums());
    },
  },
];

// ---------------------------------------------------------------------------
// The offline copy (as in offline.test.mjs).

async function saveOfflineCopy(page) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), page.locator(tid('offline-copy')).click()]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offline-copy-'));
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return { file };
}

/** Opens the saved copy from disk with the network off: the whole event, and nothing else asked for. */
async function checkCopy(page, context, file) {
  await context.setOffline(true);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const copy = new Viewer(page, url);
  assert.equal(await copy.loaded(), 'results', 'the offline copy did not show its results');
  assert.equal(await copy.count(), RUNNERS, 'the copy does not hold the whole event');
  assert.equal(await statusText(page), null, 'the copy says the rest is still loading');
  assert.match(await page.locator(tid('source-origin')).innerText(), /\/e2e-parts\/big\.json/);
  const runner = searchable()[1];
  await copy.search(runner.name);
  assert.ok((await copy.bibs()).includes(runner.bib), `the copy does not find ${runner.name}`);
  assert.deepEqual(requests, [url], `the copy asked for more than itself: ${requests.join(', ')}`);
}
