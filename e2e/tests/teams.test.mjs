// Teams (issue 15): the Teams view's standings tables (team-standing, team-row), a team's
// card with scorers and non-scorers, relay cards with their legs (relay-leg), and the
// on-course filter of live results (on-course). Phone unless the test says desktop.

import assert from 'node:assert/strict';

const TEAMS = '/fixtures/format/teams.json';

const teamsTab = (page) => page.getByRole('button', { name: /^teams$/i });

export const teamViewTests = [
  {
    name: 'teams: the Teams tab opens one standings table per distance and group, in the URL',
    run: async ({ page, viewer, shot }) => {
      assert.equal(await viewer.open({ src: TEAMS }), 'results');
      await teamsTab(page).click();
      await page.locator('[data-testid=team-standing]').first().waitFor();
      await viewer.settle();
      assert.equal((await viewer.params()).view, 'teams');
      const tables = await viewer.teams();
      assert.deepEqual(
        tables.map((t) => `${t.distance}/${t.group}`),
        ['6k/M', '6k/F', '6k/mixed', '3k/overall'],
      );
      const men = tables[0].rows;
      assert.deepEqual(men.map((r) => [r.team, r.place]), [['Almaty Runners', 1], ['Tulpar', 2]]);
      assert.equal(await viewer.horizontalOverflow(), 0);
      await shot('standings');
    },
  },
  {
    name: 'teams: a tapped team shows its scorers and non-scorers with their places (desktop)',
    viewport: 'desktop',
    run: async ({ page, viewer, shot }) => {
      assert.equal(await viewer.open({ src: TEAMS, view: 'teams' }), 'results');
      const row = await viewer.openTeam('Almaty Runners', { distance: '6k', group: 'M' });
      const card = row.locator('.team-card');
      await card.waitFor();
      const text = (await card.innerText()).replace(/\s+/g, ' ');
      // Men's places 1, 3 and 6 score; the women are not in the men's table.
      assert.match(text, /Scoring 1 Arman Seitkali.*3 Yerlan Zhaksylykov.*6 Timur Akhmetov/);
      assert.doesNotMatch(text, /Aigerim/);
      const mixed = await viewer.openTeam('Tulpar', { distance: '6k', group: 'mixed' });
      const mixedText = (await mixed.locator('.team-card').innerText()).replace(/\s+/g, ' ');
      assert.match(mixedText, /Scoring .*Not scoring/);
      await shot('team-card');
      // A name in the card opens that runner's card beside the tables.
      await card.getByRole('button', { name: /Yerlan Zhaksylykov/ }).click();
      await page.locator('[data-testid=runner-detail][data-bib="4"]').waitFor();
      assert.equal((await viewer.teams()).length, 4, 'the tables stay beside the card');
      await shot('team-runner');
    },
  },
  {
    name: 'teams: search finds team names in either script, and runners find their team',
    run: async ({ page, viewer, shot }) => {
      assert.equal(await viewer.open({ src: TEAMS, view: 'teams' }), 'results');
      await viewer.search('тулпар');
      let tables = await viewer.teams();
      assert.ok(tables.length > 0);
      assert.ok(tables.every((t) => t.rows.every((r) => r.team === 'Tulpar')), JSON.stringify(tables));
      await viewer.search('Gulnar');
      tables = await viewer.teams();
      assert.deepEqual(tables.map((t) => t.rows.map((r) => [r.team, r.open])), [[['Steppe Telecom', true]]]);
      await shot('search');
      await viewer.search('zzzz');
      assert.equal(await page.locator('[data-testid=team-standing]').count(), 0);
      assert.match(await viewer.uiText(), /No team matches/);
    },
  },
  {
    name: 'teams: no Teams tab for a file without team rules; the view in Russian and Kazakh',
    run: async ({ page, viewer }) => {
      assert.equal(await viewer.open({ src: '/e2e-fixtures/six_runners.json' }), 'results');
      assert.equal(await teamsTab(page).count(), 0);
      for (const [lang, tab, mixed] of [['ru', 'Команды', 'Смешанные'], ['kk', 'Командалар', 'Аралас']]) {
        await viewer.open({ src: TEAMS, view: 'teams', lang });
        assert.ok(await page.getByRole('button', { name: tab }).isVisible(), tab);
        assert.match(await viewer.uiText(), new RegExp(mixed));
      }
    },
  },
];

const LIVE = '/fixtures/format/live.json';
const RELAY = '/fixtures/format/relay.json';

export const courseTests = [
  {
    name: 'on course: the filter lists runners still out, furthest first, with their last split; in Russian too',
    run: async ({ page, viewer, shot }) => {
      assert.equal(await viewer.open({ src: LIVE, live: '0' }), 'results');
      const button = page.locator('[data-testid=on-course]');
      assert.match(await button.innerText(), /On course: 4/);
      await button.click();
      await viewer.settle();
      assert.equal((await viewer.params()).status, 'started');
      assert.equal(await button.getAttribute('aria-pressed'), 'true');
      assert.deepEqual(await viewer.bibs(), ['3', '2', '9', '5']);
      const first = page.locator('[data-testid=result-row][data-bib="3"]');
      const text = (await first.innerText()).replace(/\s+/g, ' ');
      assert.match(text, /On course/);
      assert.match(text, /Last seen at 30 km: 2:01:10/);
      assert.doesNotMatch(text, /DNS/);
      assert.equal(await viewer.horizontalOverflow(), 0);
      await shot('on-course');
      await viewer.openRunner('3');
      assert.match(await page.locator('[data-testid=last-seen]').innerText(), /Last seen at 30 km: 2:01:10/);
      await shot('on-course-card');
      // Back to the whole list: the button turns the filter off again.
      await page.keyboard.press('Escape');
      await button.click();
      await viewer.settle();
      assert.equal((await viewer.params()).status ?? '', '');
      assert.equal((await viewer.bibs()).length, 9);
      await viewer.open({ src: LIVE, live: '0', status: 'started', lang: 'ru' });
      assert.match(await page.locator('[data-testid=on-course]').innerText(), /На трассе: 4/);
      assert.match(await first.innerText(), /Последняя отметка 30 km: 2:01:10/);
      await viewer.expectAccessible('on-course-ru');
    },
  },
  {
    name: 'on course: a final file without runners out shows no such filter',
    run: async ({ page, viewer }) => {
      assert.equal(await viewer.open({ src: '/e2e-fixtures/six_runners.json' }), 'results');
      assert.equal(await page.locator('[data-testid=on-course]').count(), 0);
    },
  },
  {
    name: 'relay: a leg runner found by name opens the team card with that leg marked (phone and desktop)',
    run: async ({ page, viewer, shot }) => {
      for (const size of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
        await page.setViewportSize(size);
        assert.equal(await viewer.open({ src: RELAY }), 'results');
        await viewer.search('Сейткали');
        assert.deepEqual(await viewer.bibs(), ['11']);
        await viewer.openRunner('11');
        const legs = await viewer.legs();
        assert.deepEqual(legs.map((l) => l.leg), [1, 2, 3]);
        assert.deepEqual(legs.filter((l) => l.marked).map((l) => l.leg), [2]);
        assert.match(legs[1].text, /Arman Seitkali.*16:40/);
        assert.equal(await viewer.horizontalOverflow(), 0);
        await shot(size.width < 500 ? 'relay-card-phone' : 'relay-card-desktop');
      }
      // A leg bib finds the team too, and the Teams view lists the relay.
      await viewer.open({ src: RELAY, view: 'teams', q: '10-2' });
      const legs = await viewer.legs();
      assert.deepEqual(legs.filter((l) => l.marked).map((l) => l.bib), ['10-2']);
    },
  },
];



const GRADED = '/fixtures/format/age_grading.json';

export const ageGradeTests = [
  {
    name: 'age grade: the card shows the grade, the age-graded time and the rank, or why there is none; the list sorts by it',
    run: async ({ page, viewer, shot }) => {
      assert.equal(await viewer.open({ src: GRADED, runner: '1' }), 'results');
      const grade = page.locator('[data-testid=age-grade]');
      await grade.waitFor();
      const text = (await grade.innerText()).replace(/\s+/g, ' ');
      assert.match(text, /Age grade 63\.80%/);
      assert.match(text, /Age-graded time 0:19:47/);
      assert.match(text, /1 of 2 in 5 km by age grade/);
      assert.match(text, /Tables: Test tables/);
      await shot('age-grade-card');
      await viewer.open({ src: GRADED, runner: '3' });
      assert.match(await page.locator('[data-testid=age-grade]').innerText(), /no age or birth year/);
      await viewer.open({ src: GRADED, runner: '1', lang: 'kk' });
      assert.match(await page.locator('[data-testid=age-grade]').innerText(), /Жас рейтингі 63\.80%/);
      await viewer.open({ src: GRADED, lang: 'ru', runner: '4' });
      assert.match(await page.locator('[data-testid=age-grade]').innerText(), /не указан пол/);
      await viewer.expectAccessible('age-grade-ru');
      // Sorted by grade: the graded runners first, best first.
      await viewer.open({ src: GRADED, sort: 'age_grade' });
      const bibs = await viewer.bibs();
      assert.deepEqual(bibs.slice(0, 3), ['1', '2', '5']);
      assert.match(await page.locator('[data-testid=result-row][data-bib="1"]').innerText(), /Age grade 63\.80%/);
      await shot('age-grade-sorted');
      // A file without tables offers no such sort and shows no grade.
      await viewer.open({ src: '/e2e-fixtures/six_runners.json' });
      assert.ok(!(await viewer.options('sort')).some((o) => /age/i.test(o)));
    },
  },
];

export const tests = [...teamViewTests, ...courseTests, ...ageGradeTests];
