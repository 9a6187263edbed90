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

export const tests = [...teamViewTests];
