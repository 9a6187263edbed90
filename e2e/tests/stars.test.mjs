// Following runners: a star on each row and on the card (a named toggle button with a
// 44 px target), kept on the device per results file, the "My runners" filter, and the
// `watch` parameter that shares a list. Test ids of the viewer's own (not the contract):
// star (with data-bib), my-runners.

import assert from 'node:assert/strict';

const SIX = '/e2e-fixtures/six_runners.json';
const CONTRACT = '/e2e-fixtures/contract.json';

const star = (page, bib) => page.locator(`[data-testid=result-row][data-bib="${bib}"] [data-testid=star]`);
const pressed = async (locator) => (await locator.getAttribute('aria-pressed')) === 'true';

export const tests = [
  {
    name: 'star: follow runners from the list and the card; My runners shows them, also after a reload',
    run: async ({ page, viewer, shot }) => {
      assert.equal(await viewer.open({ src: SIX }), 'results');
      const first = star(page, '12');
      assert.equal(await first.getAttribute('aria-label'), 'Follow Daniyar Ospanov');
      assert.equal(await pressed(first), false);
      const box = await first.boundingBox();
      assert.ok(box.width >= 44 && box.height >= 44, `star target ${box.width}x${box.height}`);

      await first.click();
      await star(page, '14').click();
      assert.equal(await pressed(first), true);
      assert.equal(await pressed(star(page, '14')), true);
      assert.equal(await pressed(star(page, '11')), false);

      const mine = page.locator('[data-testid=my-runners]');
      assert.equal(await pressed(mine), false);
      await mine.click();
      await viewer.settle();
      assert.equal(await pressed(mine), true);
      assert.deepEqual(await viewer.bibs(), ['12', '14']);
      assert.equal(await viewer.count(), 2);
      assert.equal((await viewer.params()).watch, '12,14');
      await viewer.expectAccessible('my runners');
      await shot('my-runners');

      // Unstarred on the card, the runner leaves "My runners".
      await viewer.openRunner('12');
      const cardStar = page.locator('[data-testid=runner-detail] [data-testid=star]');
      assert.equal(await pressed(cardStar), true);
      await cardStar.click();
      assert.equal(await pressed(cardStar), false);
      await page.getByRole('button', { name: /Back/ }).click();
      await viewer.settle();
      assert.deepEqual(await viewer.bibs(), ['14']);
      assert.equal((await viewer.params()).watch, '14');

      await page.reload();
      await viewer.loaded();
      assert.equal(await pressed(mine), true, 'the filter did not survive the reload');
      assert.deepEqual(await viewer.bibs(), ['14']);
      assert.equal(await pressed(star(page, '14')), true, 'the star was not kept on the device');

      await mine.click();
      await viewer.settle();
      assert.equal(await viewer.count(), 6);
      assert.equal((await viewer.params()).watch, undefined);
      assert.equal(await pressed(star(page, '14')), true);
      assert.equal(await pressed(star(page, '12')), false);
      const keys = await page.evaluate(() => Object.keys(localStorage));
      assert.ok(keys.some((k) => k.includes('E2E Riverside 10K') && k.includes('2024-05-12')), `storage keys: ${keys}`);
    },
  },

  {
    name: 'star: a shared watch link shows its bibs; stars are kept per results file',
    viewport: 'desktop',
    run: async ({ page, viewer, shot }) => {
      assert.equal(await viewer.open({ src: SIX, watch: '15,11' }), 'results');
      assert.equal(await pressed(page.locator('[data-testid=my-runners]')), true);
      assert.deepEqual((await viewer.bibs()).sort(), ['11', '15']);
      // A shared list is not this visitor's stars.
      assert.equal(await pressed(star(page, '15')), false);
      // Search and filters narrow the shared list further.
      await viewer.search('yerlan');
      assert.deepEqual(await viewer.bibs(), ['15']);
      await shot('shared');

      await viewer.open({ src: SIX });
      await star(page, '11').click();
      assert.equal(await viewer.open({ src: CONTRACT }), 'results');
      const contractStars = await page.locator('[data-testid=star][aria-pressed=true]').count();
      assert.equal(contractStars, 0, 'a star of another file shows here');
      await viewer.open({ src: SIX });
      assert.equal(await pressed(star(page, '11')), true);

      await viewer.open({ src: SIX, watch: '' });
      assert.equal(await viewer.count(), 0);
      await page.getByText('You follow no one yet').waitFor();
    },
  },
];
