// The runner's experience (issue 4) on the demo and on a small foreign file with ties:
// search across scripts, filters, sorting, pages, podiums with prizes, the runner card,
// Back, keyboard use, and the phone rules (text size, tap targets, no sideways scroll).

import assert from 'node:assert/strict';

const FOREIGN = '/fixtures/foreign_ties.json';

async function firstBibAfter(viewer, query) {
  await viewer.search(query);
  return (await viewer.bibs())[0];
}

export const tests = [
  {
    name: 'runner: search finds the runner whichever script or order is typed (demo)',
    run: async ({ viewer, shot }) => {
      await viewer.open();
      assert.equal(await firstBibAfter(viewer, 'Амангос'), '1', 'Cyrillic query for a Latin name');
      assert.equal(await firstBibAfter(viewer, 'amangos islam'), '1', 'words in any order');
      assert.equal(await firstBibAfter(viewer, 'Amangoz'), '1', 'one typo');
      await viewer.search('давлатов шохрух');
      assert.equal((await viewer.bibs())[0], '1001', 'Cyrillic for a Latin name, both words');
      await viewer.search('Davlatov');
      assert.ok((await viewer.bibs()).includes('1001'), 'Latin query finds the Latin name among Davlatovs');
      await viewer.search('Кабидолданова');
      assert.equal((await viewer.bibs())[0], '1002');
      assert.equal(await firstBibAfter(viewer, '1001'), '1001', 'an exact bib comes first');
      await shot('bib');
      await viewer.search('zzqx');
      assert.equal(await viewer.count(), 0);
      assert.equal((await viewer.rows()).length, 0);
    },
  },
  {
    name: 'runner: foreign names fold (ł ø ß ё ʻ) and ties share places',
    run: async ({ viewer, shot }) => {
      await viewer.open({ src: FOREIGN });
      for (const [q, bib] of [['lukasz zolw', '103'], ['soren', '101'], ['strasser', '106'], ['Алена Елкина', '110'], ['Alena', '110'], ["g'ayrat", '111'], ['Aliya Kurmangali', '109']]) {
        assert.equal(await firstBibAfter(viewer, q), bib, `query ${q}`);
      }
      await viewer.search('');
      const place = Object.fromEntries((await viewer.rows()).map((r) => [r.bib, r.place]));
      assert.equal(place['102'], 2);
      assert.equal(place['103'], 2, '33:02 and 0:33:02 share 2nd place');
      assert.equal(place['104'], 4);
      assert.equal(place['117'], null, 'a DNF has no place');
      await shot('list');
    },
  },
  {
    name: 'runner: podiums of the demo carry the seed winners and prizes',
    viewport: 'desktop',
    run: async ({ page, viewer, shot }) => {
      await viewer.open({ view: 'podiums' });
      const podiums = await viewer.podiums();
      const first = (d, g) => podiums.find((p) => p.distance === d && p.group === g)?.entries[0]?.bib;
      assert.equal(first('42k', 'M'), '1');
      assert.equal(first('42k', 'F'), '2');
      assert.equal(first('21k', 'M'), '1001');
      assert.equal(first('21k', 'F'), '1002');
      const text = async (d, g) => page.locator(`[data-testid=podium][data-distance="${d}"][data-group="${g}"]`).innerText();
      for (const [d, amounts] of [['42k', ['600,000', '500,000', '400,000']], ['21k', ['350,000', '250,000', '200,000']]]) {
        for (const g of ['M', 'F']) {
          const t = await text(d, g);
          for (const a of amounts) assert.ok(t.includes(`KZT\u00a0${a}`), `${d} ${g} lacks KZT ${a}: ${t}`);
        }
      }
      assert.ok(!(await text('10k', 'M')).includes('KZT'), 'the 10 km has no prizes');
      // A shared 3rd place among the 10 km women: both are on the podium.
      const women10 = podiums.find((p) => p.distance === '10k' && p.group === 'F');
      assert.deepEqual(women10.entries.map((e) => e.place), [1, 2, 3, 3]);
      assert.ok(podiums.some((p) => p.distance === '10k' && /^[MF]\d/.test(p.group)), 'category podiums for the 10 km');
      await shot('podiums');
      await viewer.expectAccessible('podiums');
    },
  },
  {
    name: 'runner: a distance page shows its own podium above its list',
    run: async ({ viewer }) => {
      await viewer.open({ src: FOREIGN, distance: '10k' });
      const podiums = await viewer.podiums();
      assert.deepEqual(podiums.map((p) => p.group), ['overall']);
      assert.deepEqual(podiums[0].entries.map((e) => [e.place, e.bib]), [[1, '101'], [2, '102'], [2, '103']]);
    },
  },
  {
    name: 'runner: card shows places, splits and histogram; Back closes it',
    run: async ({ page, viewer, shot }) => {
      await viewer.open();
      await viewer.search('amangos');
      await viewer.openRunner('1');
      const d = await viewer.detail();
      assert.match(d.text, /1 of \d+/);
      assert.match(d.text, /2:25:31/);
      assert.match(d.text, /\/km/);
      assert.ok(await page.locator('[data-testid=runner-detail] .splits tbody tr').count() >= 5, 'split rows');
      assert.equal(await page.locator('[data-testid=runner-detail] svg rect.mine').count(), 1, 'the runner is marked');
      assert.equal((await viewer.params()).runner, '1');
      await shot('card');
      await page.goBack();
      await page.locator('[data-testid=runner-detail]').waitFor({ state: 'detached' });
      assert.equal((await viewer.params()).runner, undefined);
      assert.equal((await viewer.params()).q, 'amangos', 'the search is still there after Back');
      assert.deepEqual((await viewer.bibs())[0], '1');
    },
  },
  {
    name: 'runner: share copies the link where the Web Share API is missing',
    viewport: 'desktop',
    run: async ({ page, context, viewer }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await viewer.open({ runner: '1001' });
      await page.evaluate(() => { delete Navigator.prototype.share; });
      await page.getByRole('button', { name: 'Share' }).click();
      await page.getByText('Link copied').waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.match(copied, /runner=1001/);
    },
  },
  {
    name: 'runner: status filter, sorting and pages stay bounded',
    viewport: 'desktop',
    run: async ({ page, viewer }) => {
      await viewer.open();
      assert.equal((await viewer.rows()).length, 50, 'one page of rows');
      const total = await viewer.count();
      assert.ok(total > 2000);
      await page.getByRole('button', { name: 'Next' }).click();
      await viewer.settle();
      assert.equal((await viewer.params()).page, '1');
      assert.equal((await viewer.rows()).length, 50);
      const nodes = await page.evaluate(() => document.querySelectorAll('*').length);
      assert.ok(nodes < 1500, `DOM nodes: ${nodes}`);
      await page.locator('[data-testid=status-filter]').selectOption('dnf');
      await viewer.settle();
      const dnf = await viewer.rows();
      assert.ok(dnf.length > 0 && dnf.every((r) => r.place === null && /DNF/.test(r.text)), 'only DNF rows');
      await page.locator('[data-testid=status-filter]').selectOption('');
      await viewer.selectDistance('10k');
      await page.locator('[data-testid=sort]').selectOption('name');
      await viewer.settle();
      const names = (await page.locator('[data-testid=result-row] .name').allInnerTexts()).map((s) => s.toLowerCase());
      assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), 'sorted by name');
      assert.equal((await viewer.params()).sort, 'name');
    },
  },
  {
    name: 'runner: keyboard only — type, open a runner with Enter, close with Escape',
    viewport: 'desktop',
    run: async ({ page, viewer }) => {
      await viewer.open({ src: FOREIGN });
      // The search field has the focus on desktop.
      await page.keyboard.type('ingrid');
      await viewer.settle();
      assert.deepEqual(await viewer.bibs(), ['107']);
      await page.locator('[data-testid=result-row] a').first().focus();
      await page.keyboard.press('Enter');
      await page.locator('[data-testid=runner-detail][data-bib="107"]').waitFor();
      await page.keyboard.press('Escape');
      await page.locator('[data-testid=runner-detail]').waitFor({ state: 'detached' });
    },
  },
  {
    name: 'runner: phone rules — 16 px text, 44 px targets, nothing wider than the screen',
    run: async ({ page, viewer, shot }) => {
      await viewer.open();
      const small = await page.evaluate(() =>
        [...document.querySelectorAll('.name, .c-time, .search-box input, .event-title h1, .tab')]
          .filter((e) => parseFloat(getComputedStyle(e).fontSize) < 16)
          .map((e) => e.className),
      );
      assert.deepEqual(small, [], 'text under 16 px');
      const tiny = await page.evaluate(() =>
        // A file input is covered by its label, which is the target people tap.
        [...document.querySelectorAll('button, select, input:not([type=file]), .row-link, .file-button')]
          .filter((e) => e.offsetParent !== null)
          .map((e) => ({ e, r: e.getBoundingClientRect() }))
          .filter(({ r }) => r.height < 44 || r.width < 44)
          .map(({ e, r }) => `${e.tagName}.${e.className} ${Math.round(r.width)}x${Math.round(r.height)}`),
      );
      assert.deepEqual(tiny, [], 'tap targets under 44 px');
      assert.equal(await viewer.horizontalOverflow(), 0);
      await viewer.openRunner((await viewer.bibs())[0]);
      assert.equal(await viewer.horizontalOverflow(), 0, 'the card fits');
      await shot('card');
    },
  },
];
