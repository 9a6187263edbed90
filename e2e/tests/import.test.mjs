// Opening what timing systems export (issue 8): a CSV or IOF XML file opens on the
// mapping screen (import-mapping), can be corrected, and import-apply shows the results;
// the converted file can be downloaded as results JSON, or as a zip for publishing in
// parts (download-parts).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzip } from '../unzip.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHARED = path.resolve(REPO, '..', 'shared', 'data');
const tid = (id) => `[data-testid="${id}"]`;
// A button's text with its spaces (no-break ones too) as plain spaces.
const label = (text) => text.replace(/\s+/g, ' ').trim();

async function openForImport(page, viewer, file) {
  await viewer.open();
  await page.locator(tid('file-input')).setInputFiles(path.resolve(REPO, file));
  await page.locator(tid('import-mapping')).waitFor();
}

async function apply(page, viewer) {
  await page.locator(tid('import-apply')).click();
  await page.locator(tid('result-count')).waitFor();
  await viewer.settle();
}

export const tests = [
  {
    name: 'import: a CSV shows how its columns were understood, then its results',
    run: async ({ page, viewer, shot }) => {
      await openForImport(page, viewer, 'tests/fixtures/import/english_comma.csv');
      const meaning = (header) => page.getByRole('row', { name: new RegExp(`^${header}\\b`) }).locator('select');
      assert.equal(await meaning('Bib').inputValue(), 'bib');
      assert.equal(await meaning('Name').inputValue(), 'name');
      assert.equal(await meaning('Official Time').inputValue(), 'chip_time');
      await shot('mapping');
      // The organizer decides the city is not wanted.
      await meaning('City').selectOption('ignore');
      await apply(page, viewer);
      const rows = await viewer.rows();
      assert.equal(rows[0].bib, '11');
      assert.equal(rows[0].place, 1);
      assert.match(rows[0].text, /Geoffrey Kirui/, '"Last, First" names are turned around');
      assert.ok(!rows[0].text.includes('Keringet'), 'the ignored column is gone');
      await shot('results');
    },
  },
  {
    name: 'import: a file without bibs takes its racer_id column as bibs, and says so',
    run: async ({ page, viewer, shot }) => {
      await openForImport(page, viewer, 'tests/fixtures/import/racer_id_no_bib.csv');
      assert.match(await page.locator(tid('import-bib-from-id')).innerText(), /no bib column.*«racer_id»/);
      await shot('bib-from-id');
      await apply(page, viewer);
      assert.deepEqual((await viewer.bibs()).sort(), ['R-0007', 'R-0311', 'R-1042']);
    },
  },
  {
    name: 'import: Excel\'s "Unicode text" (UTF-16) and a KOI8-R CSV read as Cyrillic',
    run: async ({ page, viewer }) => {
      await openForImport(page, viewer, 'tests/fixtures/import/excel_unicode_text.txt');
      assert.match(await page.locator(`${tid('import-mapping')} select`).first().inputValue(), /UTF-16 LE/);
      await apply(page, viewer);
      assert.match((await viewer.rows()).map((r) => r.text).join(' '), /Әлия/);
      await page.locator(tid('file-input')).setInputFiles(path.resolve(REPO, 'tests/fixtures/import/russian_koi8r.csv'));
      await page.locator(tid('import-mapping')).waitFor();
      assert.equal(await page.locator(`${tid('import-mapping')} select`).first().inputValue(), 'KOI8-R');
      await apply(page, viewer);
      assert.match((await viewer.rows()).map((r) => r.text).join(' '), /Смирнов/);
    },
  },
  {
    name: 'import: a Windows-1251 CSV reads as Cyrillic',
    run: async ({ page, viewer }) => {
      await openForImport(page, viewer, 'tests/fixtures/import/russian_cp1251.csv');
      await apply(page, viewer);
      const text = (await viewer.rows()).map((r) => r.text).join(' ');
      assert.match(text, /Алексей Смирнов|Смирнов Алексей/);
      assert.match(text, /Соловьёва/);
    },
  },
  {
    name: 'import: an IOF XML result list becomes distances with their podiums',
    viewport: 'desktop',
    run: async ({ page, viewer }) => {
      await openForImport(page, viewer, 'tests/fixtures/import/iof_result_list.xml');
      await apply(page, viewer);
      assert.match(await page.locator('h1').innerText(), /Spring Cup & Sprint/);
      const distances = (await viewer.options('distance-filter')).filter(Boolean);
      assert.ok(distances.length >= 2, `classes became distances: ${distances}`);
      const podiums = await viewer.showPodiums();
      assert.ok(podiums.some((p) => p.entries[0]?.bib === '101'), 'Erik Andersson wins H21E');
    },
  },
  {
    name: 'import: an IOF relay becomes teams with their legs, found by a leg runner in Cyrillic',
    run: async ({ page, viewer, shot }) => {
      await openForImport(page, viewer, 'tests/fixtures/import/iof_relay.xml');
      await apply(page, viewer);
      await viewer.search('Абенова');
      assert.deepEqual(await viewer.bibs(), ['12'], 'the leg runner finds her team');
      await viewer.openRunner('12');
      const legs = await viewer.legs();
      assert.deepEqual(legs.map((l) => l.bib), ['12-1', '12-2', '12-3']);
      assert.deepEqual(legs.filter((l) => l.marked).map((l) => l.leg), [2]);
      assert.match(legs[1].text, /Мадина Абенова.*18:10/);
      assert.equal(await viewer.horizontalOverflow(), 0);
      await shot('relay-imported');
    },
  },
  {
    name: 'import: a CSV with leg columns becomes a relay; a leg runner finds the team',
    run: async ({ page, viewer }) => {
      await openForImport(page, viewer, 'tests/fixtures/import/relay_legs.csv');
      const meaning = (header) => page.getByRole('row', { name: new RegExp(`^${header}\\b`) }).locator('select');
      assert.equal(await meaning('Leg 2 Name').inputValue(), 'leg_name');
      assert.equal(await meaning('Leg 2 Time').inputValue(), 'leg_time');
      await apply(page, viewer);
      await viewer.search('abenova');
      assert.deepEqual(await viewer.bibs(), ['10'], 'a Latin query finds the Cyrillic leg runner');
      await viewer.openRunner('10');
      const legs = await viewer.legs();
      assert.deepEqual(legs.filter((l) => l.marked).map((l) => l.bib), ['10-2']);
    },
  },
  {
    name: 'import: a team column gives team standings, and the race day gives ages from birth dates',
    run: async ({ page, viewer, shot }) => {
      await openForImport(page, viewer, 'tests/fixtures/import/team_birth_date.csv');
      const meaning = (header) => page.getByRole('row', { name: new RegExp(`^${header}\\b`) }).locator('select');
      assert.equal(await meaning('Club').inputValue(), 'club');
      assert.equal(await meaning('Team').inputValue(), 'team');
      await page.getByLabel(/Race day/).fill('2021-09-26');
      await page.getByLabel(/Race day/).dispatchEvent('change');
      await shot('mapping-team-date');
      await apply(page, viewer);
      await page.getByRole('button', { name: /^teams$/i }).click();
      await page.locator(tid('team-standing')).first().waitFor();
      await viewer.settle();
      const tables = await viewer.teams();
      assert.ok(
        tables.some((t) => t.rows.some((r) => r.team === 'Almaty Runners A')),
        JSON.stringify(tables),
      );
      await shot('teams-imported');
      await page.getByRole('button', { name: /^results$/i }).click();
      await viewer.openRunner('1');
      const card = (await viewer.detail()).text;
      assert.match(card, /Age 40/, card);
      assert.match(card, /Team Almaty Runners A/, card);
      await shot('card-age-team');
    },
  },
  {
    name: 'import: age-grading sheets added on the import screen grade the runners; a sheet that is not one says why',
    run: async ({ page, viewer, shot }) => {
      await openForImport(page, viewer, 'tests/fixtures/import/team_birth_date.csv');
      await page.getByLabel(/Race day/).fill('2021-09-26');
      await page.getByLabel(/Race day/).dispatchEvent('change');
      await page.getByLabel(/Length, km/).fill('42.195');
      await page.getByLabel(/Length, km/).dispatchEvent('change');
      const sheets = page.locator(tid('import-age-tables'));
      // A results CSV is no sheet of factors: the screen says what is missing.
      await sheets.setInputFiles(path.resolve(REPO, 'tests/fixtures/import/english_comma.csv'));
      await page.locator('.import-age-error').first().waitFor();
      assert.match(await page.locator(tid('import-age')).innerText(), /english_comma\.csv: .+/);
      await sheets.setInputFiles([
        path.resolve(REPO, 'tests/fixtures/import/age_tables_made_up_male.csv'),
        path.resolve(REPO, 'tests/fixtures/import/age_tables_made_up_female.csv'),
      ]);
      await page.getByText(/age_tables_made_up_female\.csv: 4 tables read/).waitFor();
      assert.equal(await page.locator('.import-age-error').count(), 0);
      await shot('mapping-age-tables');
      await apply(page, viewer);
      await viewer.openRunner('1');
      const grade = await page.locator(tid('age-grade')).innerText();
      assert.match(grade, /\d+\.\d+%/, grade);
      await shot('card-age-grade-imported');
    },
  },
  {
    name: 'import: age-grading sheets for no distance of the event stop "Show the results" with the reason, in Russian',
    run: async ({ page, viewer }) => {
      await openForImport(page, viewer, 'tests/fixtures/import/team_birth_date.csv');
      await page.getByRole('button', { name: 'RU' }).click();
      await page.getByLabel(/км/).fill('1.5');
      await page.getByLabel(/км/).dispatchEvent('change');
      await page.locator(tid('import-age-tables')).setInputFiles(path.resolve(REPO, 'tests/fixtures/import/age_tables_made_up_male.csv'));
      await page.getByText(/прочитано таблиц: 4/).waitFor();
      await page.locator(tid('import-apply')).click();
      await page.getByText(/не подходят ни к одной дистанции/).waitFor();
      assert.equal(await page.locator(tid('import-mapping')).count(), 1, 'the screen stays open');
    },
  },
  {
    name: 'import: download as results JSON gives a results/v1 file',
    viewport: 'desktop',
    run: async ({ page, viewer }) => {
      await openForImport(page, viewer, 'tests/fixtures/import/german_semicolon.csv');
      await apply(page, viewer);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download as results JSON' }).click(),
      ]);
      const doc = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
      assert.equal(doc.format, 'results/v1');
      assert.equal(doc.results.length, await viewer.count());
    },
  },
  {
    name: 'import: download for publishing in parts gives the results and their parts in one zip',
    run: async ({ page, viewer, shot }) => {
      await openForImport(page, viewer, 'tests/fixtures/import/german_semicolon.csv');
      await apply(page, viewer);
      const button = page.locator(tid('download-parts'));
      await button.scrollIntoViewIfNeeded();
      await shot('publish-buttons');
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      assert.equal(download.suggestedFilename(), 'results-for-publishing.zip');
      const files = unzip(fs.readFileSync(await download.path()));
      const names = [...files.keys()];
      assert.equal(names[0], 'results.json');
      assert.ok(names.includes('results-parts/head.json'), names.join(' '));
      const parts = names.filter((n) => /^results-parts\/[nb]-[0-9a-f]+(-x)?\.json$/.test(n));
      assert.ok(parts.length > 0, `no part files in ${names.join(' ')}`);
      assert.deepEqual(names.slice().sort(), ['results.json', 'results-parts/', 'results-parts/head.json', ...parts].sort());

      // The head names the whole file by an address that works on a static host as unpacked.
      const head = JSON.parse(files.get('results-parts/head.json').toString('utf8'));
      const whole = new URL(head.parts.whole, 'https://results.example/results-parts/head.json');
      assert.equal(whole.href, 'https://results.example/results.json');
      for (const part of [...head.parts.names, ...head.parts.bibs]) {
        assert.ok(files.has(`results-parts/${part.file}`), `${part.file} is in the zip`);
      }

      // results.json is the file "Download as results JSON" saves, byte for byte.
      const [json] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download as results JSON' }).click(),
      ]);
      assert.ok(files.get('results.json').equals(fs.readFileSync(await json.path())));
      const doc = JSON.parse(files.get('results.json').toString('utf8'));
      assert.equal(doc.results.length, await viewer.count());
      assert.equal(head.parts.runners, doc.results.length);

      // Ready for another: the label is back and the button enabled.
      assert.equal(await button.isEnabled(), true);
      assert.equal(label(await button.textContent()), 'Download for publishing in parts (.zip)');
    },
  },
  {
    name: 'import: the zip for publishing says it is preparing, and says so in Russian when it fails',
    allowConsole: [/resultsExtras\.publishZip failed/],
    run: async ({ page, viewer }) => {
      await viewer.open({ lang: 'ru' });
      await page.locator(tid('file-input')).setInputFiles(path.resolve(REPO, 'tests/fixtures/import/german_semicolon.csv'));
      await page.locator(tid('import-mapping')).waitFor();
      await apply(page, viewer);
      // The module's answer is held back, then refused, as a zip that cannot be made.
      await page.evaluate(() => {
        window.resultsExtras.publishZip = () =>
          new Promise((_, reject) => { window.refuseZip = () => reject('made up failure'); });
      });
      const button = page.locator(tid('download-parts'));
      await button.click();
      await page.waitForFunction(() => typeof window.refuseZip === 'function');
      assert.equal(await button.isDisabled(), true);
      assert.equal(label(await button.textContent()), 'Готовим…');
      await page.evaluate(() => window.refuseZip());
      await page.getByRole('alert').filter({ hasText: 'Не удалось подготовить архив' }).waitFor();
      assert.equal(await button.isEnabled(), true);
      assert.equal(label(await button.textContent()), 'Скачать для публикации частями (.zip)');
    },
  },
  {
    name: 'import: the real Boston 2017 export keeps every runner',
    viewport: 'desktop',
    timeout: 60000,
    run: async ({ page, viewer, shot }) => {
      const file = path.join(SHARED, 'boston_marathon_2017.csv');
      if (!fs.existsSync(file)) {
        console.log(`  (skipped: ${file} is not here)`);
        return;
      }
      await openForImport(page, viewer, path.relative(REPO, file));
      await apply(page, viewer);
      assert.equal(await viewer.count(), 26410);
      assert.equal((await viewer.rows())[0].place, 1);
      await viewer.search('kirui');
      assert.equal((await viewer.rows())[0].bib, '11');
      await shot('boston');
    },
  },
];
