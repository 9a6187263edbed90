// The viewer on an organizer's page: framed cross-origin by a page from another port,
// it tells the page its height (docs/embed.md's listener sizes the frame), search,
// podiums and the card work inside; the Embed panel writes code that does the same on
// another site; brand colours and font come from the URL, strictly.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CSP, startServer } from '../server.mjs';
import { Viewer } from '../pages.mjs';

const HOST_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'host');
const CONTRACT = '/e2e-fixtures/contract.json';
const SIX = '/e2e-fixtures/six_runners.json';

// The organizer's page gets its own server on another port: another origin. The port is
// chosen now so the tests can name the origin they are allowed to talk to.
const HOST_PORT = await new Promise((resolve, reject) => {
  const probe = net.createServer();
  probe.once('error', reject);
  probe.listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
const HOST = `http://127.0.0.1:${HOST_PORT}`;

/** Serves e2e/fixtures/host/ on HOST, allowed to frame the viewer at `viewerOrigin`. */
function startHost(viewerOrigin) {
  return startServer({
    root: HOST_ROOT,
    port: HOST_PORT,
    headers: { 'Content-Security-Policy': `${CSP}; frame-src ${viewerOrigin}` },
  });
}

/** The frame element's height and its document's, once they agree (the page fits it). */
async function waitForFit(page, frame) {
  const el = page.locator('#results-viewer');
  let last;
  for (let i = 0; i < 60; i++) {
    const outer = await el.evaluate((f) => f.getBoundingClientRect().height);
    const inner = await frame.evaluate(() => ({
      content: document.documentElement.getBoundingClientRect().height,
      scrolls: document.documentElement.scrollHeight > innerHeight + 1,
    }));
    last = { outer, inner: inner.content, scrolls: inner.scrolls };
    if (Math.abs(outer - Math.ceil(inner.content)) <= 1 && !inner.scrolls) return outer;
    await page.waitForTimeout(50);
  }
  throw new Error(`the frame does not fit its content: ${JSON.stringify(last)}`);
}

async function frameOf(page) {
  const handle = await page.locator('#results-viewer').elementHandle();
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no frame');
  return frame;
}

export const tests = [
  {
    name: 'embed: a page on another origin sizes the frame to the viewer; search, podiums and the card work inside',
    allowOrigins: [HOST],
    run: async ({ page, baseUrl, shot }) => {
      const host = await startHost(baseUrl);
      try {
        const viewerUrl = `${baseUrl}/?src=${encodeURIComponent(CONTRACT)}&embed=1`;
        await page.goto(`${HOST}/?viewer=${encodeURIComponent(viewerUrl)}`);
        const inner = page.frameLocator('#results-viewer');
        await inner.locator('[data-testid=result-count]').waitFor();
        const frame = await frameOf(page);
        assert.notEqual(new URL(frame.url()).origin, new URL(page.url()).origin, 'the frame is not cross-origin');
        const viewer = new Viewer(frame, baseUrl);
        await viewer.settle();
        const full = await waitForFit(page, frame);
        assert.ok(full > 640, `the frame did not grow to the whole list: ${full}px`);
        assert.ok((await page.evaluate(() => window.heightMessages)) > 0);
        // Compact mode: no file picker footer, no language switch.
        assert.equal(await inner.locator('.page-footer').isVisible(), false);
        assert.equal(await inner.locator('.lang-switch').isVisible(), false);
        await shot('list');

        await viewer.search('aruzhan');
        assert.deepEqual(await viewer.bibs(), ['31']);
        const one = await waitForFit(page, frame);
        assert.ok(one < full, `the frame did not shrink after the search: ${one} >= ${full}`);

        await viewer.openRunner('31');
        assert.equal((await viewer.detail()).bib, '31');
        assert.equal(await inner.locator('[data-testid=search]').isVisible(), false, 'the card does not replace the list on a narrow frame');
        await waitForFit(page, frame);
        await shot('card');
        await inner.getByRole('button', { name: /Back/ }).click();
        await inner.locator('[data-testid=runner-detail]').waitFor({ state: 'detached' });
        assert.equal(await inner.locator('[data-testid=search]').inputValue(), 'aruzhan', 'the search was lost');

        await inner.getByRole('button', { name: 'Podiums' }).click();
        await inner.locator('[data-testid=podium]').first().waitFor();
        const podiums = await viewer.podiums();
        assert.ok(podiums.length > 0 && podiums.every((p) => p.entries.length > 0), 'no podium entries in the frame');
        await waitForFit(page, frame);
        // The organizer's footer follows the frame: nothing overlaps, nothing is cut.
        const gap = await page.evaluate(() => {
          const f = document.getElementById('results-viewer').getBoundingClientRect();
          return document.getElementById('after').getBoundingClientRect().top - f.bottom;
        });
        assert.ok(gap >= 0 && gap < 8, `the page below the frame is ${gap}px from it`);
        await shot('podiums');
      } finally {
        await host.close();
      }
    },
  },

  {
    name: 'embed: the Embed panel writes code for this view that works on another site',
    viewport: 'desktop',
    allowOrigins: [HOST],
    run: async ({ page, context, viewer, baseUrl, shot }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      assert.equal(
        await viewer.open({ src: CONTRACT, distance: '10k', lang: 'ru', theme: 'light', accent: '00a651', q: 'x' }),
        'results',
      );
      await page.locator('[data-testid=embed-open]').click();
      const code = await page.locator('[data-testid=embed-code]').inputValue();
      await shot('panel');
      const src = /<iframe[^>]* src="([^"]+)"/.exec(code)?.[1]?.replaceAll('&amp;', '&');
      assert.ok(src, `no iframe in ${code}`);
      const url = new URL(src);
      assert.equal(url.origin, baseUrl);
      const params = Object.fromEntries(url.searchParams);
      assert.deepEqual(params, { src: CONTRACT, distance: '10k', lang: 'ru', theme: 'light', accent: '00a651', embed: '1' });
      assert.match(code, new RegExp(`e\\.origin !== "${baseUrl.replace(/[.]/g, '\\.')}"`));
      await page.getByRole('button', { name: 'Копировать код' }).click();
      await page.getByText('Код скопирован').waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);

      // The code pasted as is into a page of another site, whose CSP allows inline code.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'embed-host-'));
      fs.writeFileSync(
        path.join(dir, 'index.html'),
        `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Pasted</title></head>` +
          `<body><h1>Our results</h1>${code}<p id="after">after</p></body></html>`,
      );
      const host = await startServer({
        root: dir,
        port: HOST_PORT,
        headers: {
          'Content-Security-Policy': `default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; frame-src ${baseUrl}`,
        },
      });
      try {
        await page.goto(`${HOST}/`);
        const inner = page.frameLocator('#results-viewer');
        await inner.locator('[data-testid=result-row]').first().waitFor();
        const frame = await frameOf(page);
        const framed = new Viewer(frame, baseUrl);
        await framed.settle();
        await waitForFit(page, frame);
        assert.ok((await framed.bibs()).every((b) => Number(b) >= 21 && Number(b) <= 29), 'not the 10k list');
        assert.equal(await frame.evaluate(() => document.documentElement.lang), 'ru');
        await shot('pasted');
      } finally {
        await host.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  },

  {
    name: 'embed: brand colour and font come from the URL; anything else is ignored',
    run: async ({ page, viewer, shot }) => {
      const look = () =>
        page.evaluate(() => {
          const root = getComputedStyle(document.documentElement);
          return {
            accent: root.getPropertyValue('--accent').trim(),
            font: getComputedStyle(document.body).fontFamily,
          };
        });
      await viewer.open({ src: SIX, accent: 'E30613', font: 'serif', theme: 'light' });
      let seen = await look();
      assert.match(seen.accent, /^#[0-9a-f]{6}$/);
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(seen.accent.slice(i, i + 2), 16));
      assert.ok(r > g + 100 && r > b + 100, `the accent is not the brand red: ${seen.accent}`);
      assert.match(seen.font, /^Georgia/);
      assert.equal((await viewer.params()).accent, 'e30613', 'the brand is not kept in the URL');
      await shot('brand');

      // The dark theme gets a lighter shade of the same colour, readable on dark.
      await viewer.open({ src: SIX, accent: 'e30613', theme: 'dark' });
      const dark = (await look()).accent;
      assert.notEqual(dark, seen.accent);
      assert.ok(parseInt(dark.slice(3, 5), 16) > g, `not lighter: ${dark}`);

      for (const [accent, font] of [['red', 'Papyrus'], ['e30613;}*{color:red', 'serif;x'], ['url(x)', '']]) {
        await viewer.open({ src: SIX, accent, font, theme: 'light' });
        seen = await look();
        assert.equal(seen.accent, '#0b57d0', `accent=${accent}`);
        assert.match(seen.font, /^system-ui/, `font=${font}`);
        const params = await viewer.params();
        assert.equal(params.accent, undefined);
        assert.equal(params.font, undefined);
      }
    },
  },
];
