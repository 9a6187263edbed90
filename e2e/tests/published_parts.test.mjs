// Results published in parts (issue 17, docs/parts.md): a big event's head opens first
// with the whole file's places, a search fetches only the parts that can hold the typed
// words (in either script), views that need every row wait for the whole file, a part
// that fails is named while everything else works, and once the whole file is in the
// viewer is as with the whole file (live refresh and the offline copy included).
//
// The event is made by e2e/parts_event.mjs (native binaries gen_demo and parts) and
// served to the page by page.route under /e2e-parts/ on the test server's origin, so each
// test decides when the whole file arrives, which part fails, and what a refetch gets.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tid } from '../pages.mjs';
import {
  HEAD,
  PART_404,
  RUNNERS,
  WHOLE,
  checkCopy,
  event,
  hits,
  latin,
  namePartsOf,
  releaseWhole,
  saveOfflineCopy,
  searchable,
  serveEvent,
  statusText,
  until,
} from '../parts_event.mjs';

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
    name: 'parts: while a runner types, the whole file waits: their name\'s part is asked for first',
    run: async ({ page, viewer, baseUrl }) => {
      const files = await serveEvent(page, baseUrl);
      files.release();
      const runner = searchable()[3];
      assert.equal(await viewer.open({ src: HEAD }), 'results');
      await page.locator(tid('search')).click();
      await page.keyboard.type(runner.name, { delay: 80 });
      await page.locator(`${tid('result-row')}[data-bib="${runner.bib}"]`).waitFor({ state: 'visible' });
      await page.locator(tid('parts-status')).waitFor({ state: 'detached', timeout: 15_000 });
      const order = files.requests.filter((p) => p === WHOLE || /^big-parts\/n-/.test(p));
      const whole = order.indexOf(WHOLE);
      assert.ok(whole > 0, `the whole file was asked for before any name part: ${order.join(', ')}`);
      assert.ok(
        order.slice(0, whole).some((p) => namePartsOf(runner.bib).includes(p.slice('big-parts/'.length))),
        `no part holding ${runner.name} came before the whole file: ${order.join(', ')}`,
      );
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
      const saved = await saveOfflineCopy(page, { timeout: 20_000 });
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
