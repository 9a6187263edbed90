// Foundation: the demo loads, bad files fail clearly and recoverably,
// unsafe sources are refused, file content is text, the phone layout fits.

import assert from 'node:assert/strict';

// Reads "line 4, column 3" / "line 4 column 3" / "4:3" out of an error message.
export function lineAndColumn(text) {
  const m = /line\s*(\d+)\D{1,12}?col(?:umn)?\.?\s*(\d+)/i.exec(text) ?? /\b(\d+):(\d+)\b/.exec(text);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : null;
}

// Markup from the file must stay text: nothing it names may become an element.
async function assertNoInjectedMarkup(page) {
  const injected = await page.evaluate(() => ({
    img: document.querySelectorAll('img[src="x"]').length,
    onerror: document.querySelectorAll('[onerror]').length,
    bold: [...document.querySelectorAll('b')].filter((b) => b.textContent === 'bold').length,
  }));
  assert.deepEqual(injected, { img: 0, onerror: 0, bold: 0 }, 'markup from the file became elements');
}

const demoLoads = (viewport) => ({
  name: `demo loads with results (${viewport})`,
  viewport,
  run: async ({ page, viewer, shot }) => {
    assert.equal(await viewer.open(), 'results', `load-error: ${await viewer.loadError()}`);
    const rows = await viewer.rows();
    assert.ok(rows.length > 0, 'no result-row is shown');
    assert.ok(rows.every((r) => r.bib), 'a result-row has no data-bib');
    assert.ok((await viewer.count()) > 0, 'result-count is not above 0');
    await page.getByRole('heading', { name: /Almaty Marathon/ }).first().waitFor({ state: 'visible' });
    await shot('demo');
  },
});

export const tests = [
  demoLoads('phone'),
  demoLoads('desktop'),

  {
    name: 'broken file shows line and column, then a good local file replaces it',
    run: async ({ page, viewer, shot }) => {
      assert.equal(await viewer.open({ src: '/e2e-fixtures/not_json.json' }), 'error');
      const error = await viewer.loadError();
      const at = lineAndColumn(error);
      assert.ok(at, `load-error names no line and column: ${JSON.stringify(error)}`);
      assert.equal(at.line, 4, `load-error names the wrong line: ${JSON.stringify(error)}`);
      assert.equal(await page.locator('[data-testid="result-row"]').count(), 0, 'rows shown beside the error');
      await shot('error');

      assert.equal(await viewer.openLocalFile('e2e/fixtures/six_runners.json'), 'results');
      assert.equal(await viewer.loadError(), null, 'load-error still shown after a good file');
      const bibs = (await viewer.bibs()).sort();
      assert.deepEqual(bibs, ['11', '12', '13', '14', '15', '16']);
      assert.equal(await viewer.count(), 6);
      await shot('recovered');
    },
  },

  {
    name: 'names from the file render as text, never as markup',
    run: async ({ page, viewer }) => {
      assert.equal(await viewer.open({ src: '/e2e-fixtures/six_runners.json' }), 'results');
      const row = (await viewer.rows()).find((r) => r.bib === '13');
      assert.ok(row, 'the runner with bib 13 is not listed');
      assert.match(row.text, /<img src=x onerror=alert\(1\)>/, 'the name is not shown as its literal text');
      await assertNoInjectedMarkup(page);
      await viewer.openRunner('13');
      assert.match((await viewer.detail()).text, /<img src=x onerror=alert\(1\)>/);
      await assertNoInjectedMarkup(page);
    },
  },

  {
    name: 'a file with problems loads and lists each problem by bib',
    run: async ({ viewer, shot }) => {
      assert.equal(await viewer.open({ src: '/e2e-fixtures/six_runners.json' }), 'results');
      assert.deepEqual(await viewer.warnings(), [], 'a clean file shows warnings');
      assert.equal(await viewer.openLocalFile('e2e/fixtures/with_problems.json'), 'results');
      const warnings = await viewer.warnings();
      // bad time, unknown distance, duplicate bib, missing name
      for (const bib of ['303', '304', '305', '306']) {
        assert.ok(
          warnings.some((w) => new RegExp(`(^|\\D)${bib}(\\D|$)`).test(w)),
          `no warning names bib ${bib}: ${JSON.stringify(warnings)}`,
        );
      }
      assert.ok(!warnings.some((w) => /(^|\D)30[12](\D|$)/.test(w)), 'a clean row is listed as a problem');
      const bibs = await viewer.bibs();
      for (const bib of ['301', '302', '303', '306']) assert.ok(bibs.includes(bib), `row ${bib} was dropped`);
      assert.equal(bibs.filter((b) => b === '305').length, 2, 'both rows with the duplicate bib 305 must be shown');
      await shot('warnings');
    },
  },

  {
    name: 'unsafe src values are refused without running anything',
    run: async ({ page, viewer }) => {
      const unsafe = [
        'javascript:alert(1)',
        'file:///etc/passwd',
        'data:application/json,{"event":{"name":"x"},"distances":[],"results":[]}',
      ];
      for (const src of unsafe) {
        assert.equal(await viewer.open({ src }), 'error', `src=${src} was not refused`);
        assert.ok((await viewer.loadError()).length > 0, `src=${src}: load-error is empty`);
        assert.equal(await page.locator('[data-testid="result-row"]').count(), 0, `src=${src}: rows shown`);
        // A dialog opened late would still fail the test (the runner listens).
        await page.waitForTimeout(200);
      }
    },
  },

  {
    name: 'no horizontal scroll at 390 px',
    run: async ({ viewer, shot }) => {
      assert.equal(await viewer.open(), 'results');
      assert.equal(await viewer.horizontalOverflow(), 0, 'the results list scrolls sideways');
      const [first] = await viewer.rows();
      await viewer.openRunner(first.bib);
      assert.equal(await viewer.horizontalOverflow(), 0, 'the runner card scrolls sideways');
      await shot('detail');
      assert.equal(await viewer.open({ src: '/e2e-fixtures/not_json.json' }), 'error');
      assert.equal(await viewer.horizontalOverflow(), 0, 'the load error scrolls sideways');
    },
  },
];
