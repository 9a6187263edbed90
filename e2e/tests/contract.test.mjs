// The public surface of CONTRACT.md beyond the foundation: places and ties,
// filters, podiums, URL state, the file format's edge cases, language, theme.

import assert from 'node:assert/strict';

const CONTRACT = '/e2e-fixtures/contract.json';
const SIX = '/e2e-fixtures/six_runners.json';

const placesOf = (rows) => Object.fromEntries(rows.map((r) => [r.bib, r.place]));

// The colour painted behind the results list (not a brand-coloured header),
// as relative luminance 0..1.
async function backgroundLuminance(page) {
  return page.evaluate(() => {
    const chain = [];
    const start = document.querySelector('[data-testid="result-row"], [data-testid="result-count"]');
    for (let el = start; el; el = el.parentElement) chain.push(el);
    // A transparent root shows the body's background on the whole canvas.
    chain.push(document.body);
    for (const el of chain) {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(getComputedStyle(el).backgroundColor);
      if (m && (m[4] === undefined || Number(m[4]) > 0.5)) {
        const [r, g, b] = m.slice(1, 4).map((v) => {
          const c = Number(v) / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      }
    }
    return 1; // nothing painted: the canvas is white
  });
}

export const tests = [
  {
    name: 'places: equal times share a place, unfinished runners get none',
    run: async ({ viewer }) => {
      assert.equal(await viewer.open({ src: CONTRACT, distance: '10k' }), 'results');
      const rows = await viewer.rows();
      const places = placesOf(rows);
      assert.deepEqual(
        { 21: places[21], 22: places[22], 23: places[23], 24: places[24], 25: places[25], 26: places[26], 27: places[27] },
        { 21: 1, 22: 2, 23: 2, 24: 4, 25: 5, 26: 6, 27: 7 },
      );
      for (const bib of ['28', '29']) {
        if (bib in places) assert.equal(places[bib], null, `bib ${bib} did not finish but has place ${places[bib]}`);
      }
      assert.ok(rows.every((r) => ['21', '22', '23', '24', '25', '26', '27', '28', '29'].includes(r.bib)), 'a 5k runner is listed under 10k');
    },
  },

  {
    name: 'filters: distance, sex and category narrow the list and the count',
    run: async ({ viewer }) => {
      assert.equal(await viewer.open({ src: CONTRACT }), 'results');
      assert.deepEqual((await viewer.options('distance-filter')).sort(), ['', '10k', '5k']);
      await viewer.selectDistance('5k');
      assert.deepEqual((await viewer.bibs()).sort(), ['31', '32', '33']);
      assert.equal(await viewer.count(), 3);
      assert.equal((await viewer.params()).distance, '5k', 'the distance is not kept in the URL');

      await viewer.selectDistance('10k');
      await viewer.selectSex('F');
      const women = await viewer.bibs();
      for (const bib of ['24', '25', '27']) assert.ok(women.includes(bib), `woman ${bib} missing`);
      assert.ok(women.every((b) => ['24', '25', '27', '29'].includes(b)), `a man is listed: ${women}`);
      assert.equal(await viewer.count(), women.length);
      assert.equal((await viewer.params()).sex, 'F', 'the sex filter is not kept in the URL');

      await viewer.selectSex('');
      await viewer.selectCategory('M40');
      assert.deepEqual((await viewer.bibs()).sort(), ['23', '26']);
      assert.equal((await viewer.params()).category, 'M40', 'the category is not kept in the URL');
    },
  },

  {
    name: 'search: finds by name and by bib, and keeps q in the URL',
    run: async ({ page, viewer }) => {
      assert.equal(await viewer.open({ src: CONTRACT }), 'results');
      await viewer.search('saparov');
      assert.deepEqual(await viewer.bibs(), ['22']);
      assert.equal(await viewer.count(), 1);
      await viewer.search('33');
      assert.equal((await viewer.bibs())[0], '33', 'the runner with bib 33 is not first');
      await viewer.search('');
      assert.equal(await viewer.count(), 12);
      await viewer.search('zzzz-nobody');
      assert.equal(await viewer.count(), 0);
      assert.equal(await page.locator('[data-testid="result-row"]').count(), 0);
    },
  },

  {
    name: 'url: a copied link reopens the same view',
    run: async ({ page, viewer, shot }) => {
      assert.equal(await viewer.open({ src: CONTRACT, distance: '10k' }), 'results');
      await viewer.search('olzhas');
      await viewer.openRunner('23');
      const params = await viewer.params();
      assert.equal(params.q, 'olzhas');
      assert.equal(params.distance, '10k');
      assert.equal(params.runner, '23', 'the open runner is not kept in the URL');

      const link = page.url();
      await page.goto('about:blank');
      await page.goto(link);
      await viewer.loaded();
      assert.equal(await page.locator('[data-testid="search"]').inputValue(), 'olzhas');
      assert.equal(await page.locator('[data-testid="distance-filter"]').inputValue(), '10k');
      assert.deepEqual(await viewer.bibs(), ['23']);
      assert.equal((await viewer.detail())?.bib, '23', 'the runner card did not reopen');
      await shot('reopened');
    },
  },

  {
    name: 'url: runner parameter opens that runner on load',
    run: async ({ viewer }) => {
      assert.equal(await viewer.open({ src: CONTRACT, runner: '24' }), 'results');
      const detail = await viewer.detail();
      assert.equal(detail?.bib, '24');
      assert.match(detail.text, /Dana Nurpeis/);
      assert.match(detail.text, /35:00/);
    },
  },

  {
    name: 'podium: by sex with ties, and overall',
    run: async ({ viewer, shot }) => {
      assert.equal(await viewer.open({ src: CONTRACT, distance: '10k' }), 'results');
      const tenK = (await viewer.showPodiums()).filter((p) => p.distance === '10k');
      const men = tenK.find((p) => p.group === 'M');
      const women = tenK.find((p) => p.group === 'F');
      assert.ok(men && women, `10k podiums by sex missing: ${JSON.stringify(tenK)}`);
      assert.deepEqual(women.entries, [
        { place: 1, bib: '24' },
        { place: 2, bib: '25' },
        { place: 3, bib: '27' },
      ]);
      // Places within the group: 21 first, 22 and 23 tie for second; 26 is fourth.
      assert.deepEqual(men.entries[0], { place: 1, bib: '21' });
      const second = men.entries.filter((e) => e.place === 2).map((e) => e.bib).sort();
      assert.deepEqual(second, ['22', '23']);
      assert.ok(!men.entries.some((e) => e.bib === '26' || e.bib === '28'), 'fourth or DNF on the podium');
      await shot('podiums');

      await viewer.open({ src: CONTRACT, distance: '5k' });
      const fiveK = (await viewer.showPodiums()).filter((p) => p.distance === '5k');
      assert.deepEqual(fiveK.map((p) => p.group), ['overall']);
      assert.deepEqual(fiveK[0].entries, [
        { place: 1, bib: '31' },
        { place: 2, bib: '32' },
      ]);
    },
  },

  {
    name: 'format: official places replace computed ones',
    run: async ({ viewer }) => {
      assert.equal(await viewer.open({ src: '/e2e-fixtures/official_places.json' }), 'results');
      assert.deepEqual(placesOf(await viewer.rows()), { 41: 2, 42: 1, 43: 3 });
    },
  },

  {
    name: 'format: gun ranking, chip time used and warned when gun time is missing',
    run: async ({ viewer }) => {
      assert.equal(await viewer.open({ src: '/e2e-fixtures/gun_ranking.json' }), 'results');
      assert.deepEqual(placesOf(await viewer.rows()), { 51: 3, 52: 2, 53: 1 });
      const warnings = await viewer.warnings();
      assert.ok(warnings.some((w) => /(^|\D)53(\D|$)/.test(w)), `no warning names bib 53: ${JSON.stringify(warnings)}`);
    },
  },

  {
    name: 'format: BOM, numeric bib, unknown fields and times past 24 hours load cleanly',
    run: async ({ viewer }) => {
      assert.equal(await viewer.open({ src: '/e2e-fixtures/bom_numeric.json' }), 'results', await viewer.loadError());
      assert.deepEqual((await viewer.bibs()).sort(), ['17', '18', '19']);
      assert.deepEqual(await viewer.warnings(), []);
      assert.deepEqual(placesOf(await viewer.rows()), { 17: 1, 18: 3, 19: 2 });
    },
  },

  {
    name: 'format: a file without "format" loads with a warning',
    run: async ({ viewer }) => {
      assert.equal(await viewer.open({ src: '/e2e-fixtures/no_format.json' }), 'results');
      assert.equal(await viewer.count(), 2);
      assert.ok((await viewer.warnings()).length > 0, 'no warning about the missing format field');
    },
  },

  {
    name: 'format: an unknown version is an error that names it',
    run: async ({ viewer }) => {
      assert.equal(await viewer.open({ src: '/e2e-fixtures/unknown_version.json' }), 'error');
      assert.match(await viewer.loadError(), /results\/v9|\bv9\b/);
    },
  },

  {
    name: 'format: a missing file is an error, and the viewer stays usable',
    allowConsole: [/status of 404/],
    run: async ({ viewer }) => {
      assert.equal(await viewer.open({ src: '/e2e-fixtures/does_not_exist.json' }), 'error');
      assert.equal(await viewer.openLocalFile('e2e/fixtures/six_runners.json'), 'results');
      assert.equal(await viewer.count(), 6);
    },
  },

  {
    name: 'event: provisional results are labelled',
    run: async ({ viewer }) => {
      assert.equal(await viewer.open({ src: '/e2e-fixtures/provisional.json' }), 'results');
      assert.match(await viewer.uiText(), /provisional/i);
      await viewer.open({ src: SIX });
      assert.doesNotMatch(await viewer.uiText(), /provisional/i, 'official results are labelled provisional');
    },
  },

  ...['ru', 'kk'].map((lang) => ({
    name: `lang: ${lang} shows the interface in Cyrillic`,
    run: async ({ page, viewer, shot }) => {
      assert.equal(await viewer.open({ src: SIX, lang }), 'results');
      assert.match(await viewer.uiText(), /[\u0400-\u04FF]/, `lang=${lang}: no Cyrillic in the interface`);
      assert.equal(await page.evaluate(() => document.documentElement.lang.slice(0, 2)), lang, '<html lang> does not follow the language');
      await shot(lang);
    },
  })),

  {
    name: 'lang: en (the default here) has no Cyrillic in the interface',
    run: async ({ page, viewer }) => {
      assert.equal(await viewer.open({ src: SIX }), 'results');
      assert.doesNotMatch(await viewer.uiText(), /[\u0400-\u04FF]/);
      assert.equal(await page.evaluate(() => document.documentElement.lang.slice(0, 2)), 'en');
    },
  },

  {
    name: 'theme: the parameter wins over the system setting',
    colorScheme: 'dark',
    run: async ({ page, viewer, shot }) => {
      await viewer.open({ src: SIX });
      assert.ok((await backgroundLuminance(page)) < 0.2, 'auto theme ignores a dark system');
      await shot('auto-dark');
      await viewer.open({ src: SIX, theme: 'light' });
      assert.ok((await backgroundLuminance(page)) > 0.6, 'theme=light is not light');
      await page.emulateMedia({ colorScheme: 'light' });
      await viewer.open({ src: SIX, theme: 'dark' });
      assert.ok((await backgroundLuminance(page)) < 0.2, 'theme=dark is not dark');
      await shot('dark');
    },
  },

  {
    name: 'embed: compact mode loads and fits the phone width',
    run: async ({ viewer, shot }) => {
      assert.equal(await viewer.open({ src: CONTRACT, embed: '1' }), 'results');
      assert.ok((await viewer.count()) > 0);
      assert.equal(await viewer.horizontalOverflow(), 0);
      await shot('embed');
    },
  },
];
