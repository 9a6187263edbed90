// Taking results away: the filtered list as a CSV file (UTF-8 with BOM, RFC 4180
// quoting, the rows and order on screen), and the print style that prints an open
// runner's card alone. Test id of the viewer's own: export-csv.

import assert from 'node:assert/strict';
import fs from 'node:fs/promises';

const SIX = '/e2e-fixtures/six_runners.json';
const COLUMNS = ['place', 'bib', 'name', 'sex', 'category', 'club', 'city', 'country', 'distance', 'status', 'time', 'pace'];

/** RFC 4180: fields split on commas, quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  if (field || row.length) throw new Error(`the file does not end with CRLF: ${JSON.stringify(text.slice(-40))}`);
  return rows;
}

/** Clicks Download CSV; returns { name, bytes, rows: [{ column: value }] }. */
async function exportCsv(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-csv]').click()]);
  const bytes = await fs.readFile(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'no UTF-8 byte order mark');
  const [header, ...lines] = parseCsv(bytes.subarray(3).toString('utf8'));
  assert.deepEqual(header, COLUMNS);
  const rows = lines.map((l) => {
    assert.equal(l.length, COLUMNS.length, `a line of ${l.length} fields: ${l}`);
    return Object.fromEntries(COLUMNS.map((c, i) => [c, l[i]]));
  });
  return { name: download.suggestedFilename(), rows };
}

export const tests = [
  {
    name: 'export: the filtered list downloads as a CSV that spreadsheets read as shown',
    viewport: 'desktop',
    run: async ({ page, viewer }) => {
      assert.equal(await viewer.open({ src: SIX, sex: 'F' }), 'results');
      const shown = await viewer.bibs();
      const { name, rows } = await exportCsv(page);
      assert.equal(name, 'E2E Riverside 10K.csv');
      assert.deepEqual(rows.map((r) => r.bib), shown, 'not the rows on screen, in their order');
      const byBib = Object.fromEntries(rows.map((r) => [r.bib, r]));
      assert.deepEqual(byBib['14'], {
        place: '5', bib: '14', name: 'Мария Иванова', sex: 'F', category: '', club: '', city: '', country: '',
        distance: '10 km', status: 'finished', time: '0:44:30', pace: '4:27',
      });
      assert.equal(byBib['16'].status, 'dnf');
      assert.equal(byBib['16'].place, '');
      assert.equal(byBib['16'].pace, '');

      // The search and "My runners" narrow the file the same way as the list.
      await viewer.open({ src: SIX });
      for (const bib of ['13', '15', '12']) {
        await page.locator(`[data-testid=result-row][data-bib="${bib}"] [data-testid=star]`).click();
      }
      await page.locator('[data-testid=my-runners]').click();
      await viewer.settle();
      const mine = await exportCsv(page);
      assert.deepEqual(mine.rows.map((r) => r.bib), await viewer.bibs());
      assert.deepEqual(mine.rows.map((r) => r.bib).sort(), ['12', '13', '15']);
      // A name full of markup arrives as text, intact.
      assert.equal(mine.rows.find((r) => r.bib === '13').name, '<img src=x onerror=alert(1)>');
      assert.equal(mine.rows.find((r) => r.bib === '13').club, '<b>bold</b>');
      await viewer.search('zzzzzz');
      assert.equal(await page.locator('[data-testid=export-csv]').isDisabled(), true, 'an empty list can be exported');
    },
  },

  {
    name: 'export: printing with a card open prints that card alone',
    viewport: 'desktop',
    run: async ({ page, viewer, shot }) => {
      assert.equal(await viewer.open({ src: SIX, runner: '14', theme: 'dark' }), 'results');
      await page.locator('[data-testid=runner-detail]').waitFor();
      await page.emulateMedia({ media: 'print' });
      const seen = await page.evaluate(() => {
        const visible = (sel) => [...document.querySelectorAll(sel)].some((e) => e.getClientRects().length > 0);
        const bg = getComputedStyle(document.body).backgroundColor;
        const ink = getComputedStyle(document.querySelector('.runner-name')).color;
        return {
          card: visible('[data-testid=runner-detail]'),
          list: visible('[data-testid=result-row]'),
          search: visible('[data-testid=search]'),
          back: visible('.back'),
          star: visible('[data-testid=star]'),
          export: visible('[data-testid=export-csv]'),
          title: visible('.event-title h1'),
          bg,
          ink,
        };
      });
      assert.deepEqual(
        { card: seen.card, list: seen.list, search: seen.search, back: seen.back, star: seen.star, export: seen.export, title: seen.title },
        { card: true, list: false, search: false, back: false, star: false, export: false, title: true },
      );
      assert.equal(seen.bg, 'rgb(255, 255, 255)', 'a dark page on paper');
      assert.equal(seen.ink, 'rgb(0, 0, 0)');
      await shot('print');
      // One sheet of A4.
      const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
      assert.equal((pdf.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length, 1, 'the card takes more than one page');
    },
  },
];
