// The head's first view (docs/parts.md): results published in parts paint their first
// rows from the head, before the app's wasm has arrived; the app then takes the page
// over with the same rows, and a name typed meanwhile goes on, every key kept.
// The wasm is held back by the test, so the page shows only what the boot script made.

import assert from 'node:assert/strict';
import { HEAD, event, searchable, serveEvent } from '../parts_event.mjs';
import { holdWasm } from '../hold_wasm.mjs';

const ROWS = '#first-view li.result-row';

const firstView = () => event().head.parts.first_view;

const takeOver = (viewport) => ({
  name: `parts first view: the head's rows before the app, then the app with the same rows (${viewport})`,
  viewport,
  run: async ({ page, baseUrl, viewer, shot }) => {
    await serveEvent(page, baseUrl);
    const release = await holdWasm(page);
    await page.goto(`${baseUrl}/?src=${HEAD}`, { waitUntil: 'domcontentloaded' });
    await page.locator(ROWS).first().waitFor({ state: 'visible' });
    const want = firstView().rows;
    assert.equal(want.length, 20);
    assert.deepEqual(await page.locator(`${ROWS} .name`).allTextContents(), want.map((r) => r.name));
    assert.equal(await page.locator('#first-view h1').innerText(), event().head.event.name);
    assert.equal(await page.locator(`${ROWS} .c-place`).first().innerText(), '1');
    assert.equal(await page.locator('[data-testid=result-row]').count(), 0, 'the app is not running yet');
    assert.equal(await page.locator('#first-view [data-testid]').count(), 0, 'the first view carries test ids');
    await shot('parts-first-view');
    const before = await page.locator('#first-view input').boundingBox();
    release();
    assert.equal(await viewer.loaded(), 'results');
    assert.equal(await page.locator('#first-view').count(), 0, 'the first view stayed');
    // The search box a runner may be typing into stays where it was.
    const after = await page.locator('[data-testid=search]').boundingBox();
    assert.ok(Math.abs(after.y - before.y) < 1 && Math.abs(after.height - before.height) < 1, `the search box moved: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
    assert.deepEqual((await viewer.bibs()).slice(0, 20), want.map((r) => r.bib));
    await shot('parts-first-view-app');
  },
});

export const tests = [
  takeOver('phone'),
  takeOver('desktop'),
  {
    name: 'parts first view: a name typed into it goes on in the app\'s box, every key kept, and finds the runner',
    timeout: 45_000,
    run: async ({ page, baseUrl, viewer }) => {
      const files = await serveEvent(page, baseUrl);
      files.release();
      const runner = searchable()[2];
      const release = await holdWasm(page);
      await page.goto(`${baseUrl}/?src=${HEAD}`, { waitUntil: 'domcontentloaded' });
      await page.locator('#first-view input').click();
      const half = Math.ceil(runner.name.length / 2);
      await page.keyboard.type(runner.name.slice(0, half), { delay: 20 });
      // The app starts while the rest is typed.
      release();
      await page.keyboard.type(runner.name.slice(half), { delay: 40 });
      await page.locator('#first-view').waitFor({ state: 'detached', timeout: 15_000 });
      const search = page.locator('[data-testid=search]');
      await page.waitForFunction(
        (name) => document.querySelector('[data-testid=search]')?.value === name,
        runner.name,
        { timeout: 5_000 },
      ).catch(() => {});
      assert.equal(await search.inputValue(), runner.name, 'keys typed through the take-over were lost');
      assert.ok(await search.evaluate((el) => el === document.activeElement), 'the app\'s search box has no focus');
      await page.locator(`[data-testid=result-row][data-bib="${runner.bib}"]`).waitFor({ state: 'visible', timeout: 15_000 });
      await viewer.settle();
    },
  },
  {
    name: 'parts first view: names, clubs and cities go on the page as text, never as markup',
    run: async ({ page, baseUrl, viewer }) => {
      await serveEvent(page, baseUrl);
      const head = structuredClone(event().head);
      const rows = head.parts.first_view.rows;
      rows[0].name = '<img src=x onerror="window.__xss=1">';
      rows[1].origin = '<b>Club</b>';
      head.event.name = '<script>window.__xss=2</script>';
      const body = JSON.stringify(head);
      assert.ok(body.startsWith('{"parts":'));
      await page.route(`**/${HEAD}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
      const release = await holdWasm(page);
      await page.goto(`${baseUrl}/?src=${HEAD}`, { waitUntil: 'domcontentloaded' });
      await page.locator(ROWS).first().waitFor({ state: 'visible' });
      assert.equal(await page.locator(`${ROWS} .name`).first().innerText(), rows[0].name);
      assert.equal(await page.locator(`${ROWS} .origin`).nth(1).innerText(), '<b>Club</b>');
      assert.equal(await page.locator('#first-view h1').innerText(), head.event.name);
      assert.equal(await page.locator('#first-view img, #first-view b, #first-view script').count(), 0);
      assert.equal(await page.evaluate(() => window.__xss), undefined);
      release();
      await viewer.loaded();
    },
  },
  {
    name: 'parts first view: in the browser\'s language, and accessible',
    locale: 'kk-KZ',
    run: async ({ page, baseUrl, viewer }) => {
      await serveEvent(page, baseUrl);
      const release = await holdWasm(page);
      await page.goto(`${baseUrl}/?src=${HEAD}`, { waitUntil: 'domcontentloaded' });
      await page.locator(ROWS).first().waitFor({ state: 'visible' });
      const kk = firstView().texts.kk;
      assert.equal(await page.locator('#first-view input').getAttribute('placeholder'), kk.search_placeholder);
      assert.equal(await page.locator('#first-view .search-label').innerText(), kk.search_label);
      assert.equal(await page.locator('#first-view').getAttribute('lang'), 'kk');
      await viewer.expectAccessible('parts-first-view');
      release();
      await viewer.loaded();
    },
  },
  {
    name: 'parts first view: an address that opens a search or a runner shows none',
    run: async ({ page, baseUrl, viewer }) => {
      await serveEvent(page, baseUrl);
      for (const extra of ['q=abc', `runner=${firstView().rows[0].bib}`]) {
        const release = await holdWasm(page);
        await page.goto(`${baseUrl}/?src=${HEAD}&${extra}`, { waitUntil: 'domcontentloaded' });
        // The head is in (the boot script had it), and some time for it to be read.
        await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('head.json')));
        await page.waitForTimeout(300);
        assert.equal(await page.locator('#first-view').count(), 0, `a first view showed under ?${extra}`);
        release();
        await viewer.loaded();
        await page.unroute('**/*.wasm');
      }
    },
  },
];
