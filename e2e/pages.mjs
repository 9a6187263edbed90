// The viewer as a test sees it: only through the contract's data-testid
// attributes (CONTRACT.md section 3), so markup can change freely.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const tid = (id) => `[data-testid="${id}"]`;

// The rules the viewer is held to: WCAG 2.2 A and AA.
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// How long the view must stay unchanged before a filter or search counts as
// applied: longer than a typical input debounce.
const QUIET_MS = 300;

// Parses the number of results out of result-count: its data-count when the
// app provides one, else the first number in its text ("1,234", "1 234").
export function parseCount(text, dataCount) {
  if (dataCount != null && /^\d+$/.test(dataCount)) return Number(dataCount);
  const m = /\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?!\d)|\d+/.exec(text ?? '');
  return m ? Number(m[0].replace(/\D/g, '')) : NaN;
}

export function formatViolations(violations) {
  return violations
    .map((v) => `${v.id} (${v.impact}) at ${v.target} [${v.nodes} node${v.nodes === 1 ? '' : 's'}]: ${v.help}`)
    .join('\n');
}

export class Viewer {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  /** Opens `/?params` and waits until the file has loaded or failed to. */
  async open(params = {}) {
    const query = new URLSearchParams(params).toString();
    await this.page.goto(`${this.baseUrl}/${query ? '?' + query : ''}`, { waitUntil: 'domcontentloaded' });
    return this.loaded();
  }

  /**
   * Waits for the loaded view (result-count; or the runner card or podiums when the URL
   * opens those) or load-error; returns 'results' or 'error'.
   */
  async loaded() {
    const views = ['result-count', 'load-error', 'runner-detail', 'podium', 'team-standing'].map(tid).join(', ');
    const either = this.page.locator(views).first();
    await either.waitFor({ state: 'visible' }).catch(() => {
      throw new Error('no view appeared: none of result-count, load-error, runner-detail, podium, team-standing');
    });
    await this.settle();
    return (await this.loadError()) == null ? 'results' : 'error';
  }

  /**
   * Resolves once the visible state (count, rows, error, detail, warnings)
   * has not changed for QUIET_MS.
   */
  async settle(quietMs = QUIET_MS) {
    const token = Math.random();
    await this.page.waitForFunction(
      ({ quietMs, token }) => {
        const q = (id) => document.querySelector(`[data-testid="${id}"]`);
        const rows = document.querySelectorAll('[data-testid="result-row"]');
        const sig = [
          q('result-count')?.textContent,
          q('load-error')?.textContent,
          q('runner-detail')?.getAttribute('data-bib'),
          q('load-warnings')?.textContent?.length,
          rows.length,
          rows[0]?.getAttribute('data-bib'),
          rows[rows.length - 1]?.getAttribute('data-bib'),
          document.querySelectorAll('[data-testid="team-row"], [data-testid="relay-leg"]').length,
        ].join('|');
        const now = performance.now();
        if (window.__e2eSettle?.token !== token) window.__e2eSettle = { token, sig, since: now };
        const s = window.__e2eSettle;
        if (s.sig !== sig) Object.assign(s, { sig, since: now });
        return now - s.since >= quietMs;
      },
      { quietMs, token },
      { polling: 50 },
    );
  }

  async signature() {
    return this.page.evaluate(() => {
      const q = (id) => document.querySelector(`[data-testid="${id}"]`);
      const bibs = [...document.querySelectorAll('[data-testid="result-row"]')].map((r) => r.dataset.bib);
      return [q('result-count')?.textContent, q('load-error')?.textContent, q('load-warnings')?.textContent, bibs.join(',')].join('|');
    });
  }

  /** Types into the search box like a user, one key at a time. */
  async search(text, { delay = 25 } = {}) {
    const box = this.page.locator(tid('search'));
    await box.click();
    await box.press('ControlOrMeta+a');
    await box.press('Backspace');
    if (text) await box.pressSequentially(text, { delay });
    // The contract keeps the query in the URL, so a copied link reopens it.
    await this.page
      .waitForFunction((t) => (new URL(location.href).searchParams.get('q') ?? '') === t, text, { timeout: 5000 })
      .catch(() => {
        throw new Error(`the URL did not take q=${JSON.stringify(text)} after typing it`);
      });
    await this.settle();
  }

  /**
   * The rendered result rows: [{ bib, place (number or null), text }]. The text is
   * what the row shows, read from its text nodes: innerText is empty for rows below
   * the fold, which the browser does not lay out (content-visibility: auto).
   */
  async rows() {
    return this.page.locator(tid('result-row')).evaluateAll((rows) =>
      rows.map((r) => {
        const walker = document.createTreeWalker(r, NodeFilter.SHOW_TEXT);
        const parts = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (n.parentElement.checkVisibility()) parts.push(n.data);
        }
        return {
          bib: r.dataset.bib ?? null,
          place: /^\d+$/.test(r.dataset.place ?? '') ? Number(r.dataset.place) : null,
          text: parts.join(' ').replace(/\s+/g, ' ').trim(),
        };
      }),
    );
  }

  async bibs() {
    return (await this.rows()).map((r) => r.bib);
  }

  /** The number of matching results shown in result-count. */
  async count() {
    const el = this.page.locator(tid('result-count'));
    const [text, data] = await Promise.all([el.textContent(), el.getAttribute('data-count')]);
    const n = parseCount(text, data);
    if (Number.isNaN(n)) throw new Error(`result-count shows no number: ${JSON.stringify(text)}`);
    return n;
  }

  async select(testid, value) {
    await this.page.locator(tid(testid)).selectOption(value);
    await this.settle();
  }
  selectDistance(id) {
    return this.select('distance-filter', id);
  }
  selectSex(v) {
    return this.select('sex-filter', v);
  }
  selectCategory(v) {
    return this.select('category-filter', v);
  }

  /** Option values of a filter <select> ("" is "all"). */
  async options(testid) {
    return this.page.locator(`${tid(testid)} option`).evaluateAll((os) => os.map((o) => o.value));
  }

  /** Clicks the runner's row and waits for their card. */
  async openRunner(bib) {
    await this.page.locator(`${tid('result-row')}[data-bib="${cssString(bib)}"]`).first().click();
    await this.page.locator(`${tid('runner-detail')}[data-bib="${cssString(bib)}"]`).waitFor({ state: 'visible' });
    await this.settle();
  }

  /** The open runner card as { bib, text }, or null. */
  async detail() {
    const el = this.page.locator(tid('runner-detail'));
    if ((await el.count()) === 0 || !(await el.first().isVisible())) return null;
    return el.first().evaluate((d) => ({ bib: d.dataset.bib ?? null, text: d.innerText.replace(/\s+/g, ' ').trim() }));
  }

  /** [{ distance, group, entries: [{ place, bib }] }] for every podium shown. */
  async podiums() {
    return this.page.locator(tid('podium')).evaluateAll((ps) =>
      ps.map((p) => ({
        distance: p.dataset.distance ?? null,
        group: p.dataset.group ?? null,
        entries: [...p.querySelectorAll('[data-testid="podium-entry"]')].map((e) => ({
          place: /^\d+$/.test(e.dataset.place ?? '') ? Number(e.dataset.place) : null,
          bib: e.dataset.bib ?? null,
        })),
      })),
    );
  }

  /**
   * Makes the podiums visible: they may sit behind a tab, button or link
   * named "Podium(s)"; clicks it when none is shown yet.
   */
  async showPodiums() {
    const podium = this.page.locator(tid('podium')).first();
    if (!(await podium.isVisible().catch(() => false))) {
      const control = this.page
        .getByRole('tab', { name: /podium/i })
        .or(this.page.getByRole('button', { name: /podium/i }))
        .or(this.page.getByRole('link', { name: /podium/i }))
        .first();
      await control.click().catch(() => {
        throw new Error('no podium is shown and no tab, button or link named "podium" opens them');
      });
    }
    await podium.waitFor({ state: 'visible' });
    await this.settle();
    return this.podiums();
  }

  /** [{ distance, group, rows: [{ team, place (number or null), open }] }] for every team table shown. */
  async teams() {
    return this.page.locator(tid('team-standing')).evaluateAll((ts) =>
      ts.map((t) => ({
        distance: t.dataset.distance ?? null,
        group: t.dataset.group ?? null,
        rows: [...t.querySelectorAll('[data-testid="team-row"]')].map((r) => ({
          team: r.dataset.team ?? null,
          place: /^\d+$/.test(r.dataset.place ?? '') ? Number(r.dataset.place) : null,
          open: r.querySelector('[aria-expanded="true"]') != null,
        })),
      })),
    );
  }

  /** Taps a team in a standings table (of `distance` and `group` when given) and settles. */
  async openTeam(team, { distance, group } = {}) {
    let table = tid('team-standing');
    if (distance) table += `[data-distance="${cssString(distance)}"]`;
    if (group) table += `[data-group="${cssString(group)}"]`;
    const row = this.page.locator(`${table} ${tid('team-row')}[data-team="${cssString(team)}"]`).first();
    await row.locator('button').first().click();
    await this.settle();
    return row;
  }

  /** The relay legs shown: [{ leg, bib, marked, text }]. */
  async legs() {
    return this.page.locator(tid('relay-leg')).evaluateAll((ls) =>
      ls.map((l) => ({
        leg: Number(l.dataset.leg),
        bib: l.dataset.bib ?? '',
        marked: l.getAttribute('aria-current') === 'true',
        text: l.textContent.replace(/\s+/g, ' ').trim(),
      })),
    );
  }

  /** The current URL's query parameters as a plain object. */
  async params() {
    return Object.fromEntries(new URL(this.page.url()).searchParams);
  }

  /**
   * The page's own words: its text without the file's (rows, runner card,
   * podiums, select options) and without parts marked in another language
   * (a language switcher's "Русский" carries lang="ru").
   */
  async uiText() {
    return this.page.evaluate(() => {
      const copy = document.body.cloneNode(true);
      const own = (document.documentElement.lang || 'en').slice(0, 2);
      for (const el of copy.querySelectorAll('[lang]')) {
        if (el.getAttribute('lang').slice(0, 2) !== own) el.remove();
      }
      for (const el of copy.querySelectorAll('[data-testid="result-row"], [data-testid="runner-detail"], [data-testid="podium"], option, script, style, noscript')) {
        el.remove();
      }
      return copy.textContent.replace(/\s+/g, ' ').trim();
    });
  }

  /** The text of the visible load-error, or null. */
  async loadError() {
    const el = this.page.locator(tid('load-error'));
    if ((await el.count()) === 0 || !(await el.first().isVisible())) return null;
    return (await el.first().innerText()).trim();
  }

  /** The lines of the load-warnings panel (its list items), [] when none. */
  async warnings() {
    const el = this.page.locator(tid('load-warnings'));
    if ((await el.count()) === 0) return [];
    return el.first().evaluate((w) => {
      const items = [...w.querySelectorAll('li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim());
      if (items.length) return items;
      return w.textContent.split('\n').map((s) => s.trim()).filter(Boolean);
    });
  }

  /**
   * Opens a local file through file-input (paths are relative to the repo)
   * and waits for the view to change and settle.
   */
  async openLocalFile(file) {
    const before = await this.signature();
    await this.page.locator(tid('file-input')).setInputFiles(path.resolve(REPO, file));
    await this.page
      .waitForFunction(
        (before) => {
          const q = (id) => document.querySelector(`[data-testid="${id}"]`);
          const bibs = [...document.querySelectorAll('[data-testid="result-row"]')].map((r) => r.dataset.bib);
          const now = [q('result-count')?.textContent, q('load-error')?.textContent, q('load-warnings')?.textContent, bibs.join(',')].join('|');
          return now !== before;
        },
        before,
        { polling: 50 },
      )
      .catch(() => {
        throw new Error(`nothing changed on screen after opening ${file}`);
      });
    return this.loaded();
  }

  /**
   * How far the page is wider than the device, in CSS pixels (0 when it
   * fits). Measured against the device width, not innerWidth, so a missing
   * <meta name=viewport> (a 980 px layout on phones) counts as overflow.
   */
  async horizontalOverflow() {
    const { width } = this.page.viewportSize();
    const scrollWidth = await this.page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth);
    return Math.max(0, scrollWidth - width);
  }

  /**
   * Runs axe-core on the page; returns the violations as
   * [{ id, impact, help, target, nodes }]. The name labels the report file.
   */
  async axe(pageName, { exclude = [], disable = [] } = {}) {
    // Evaluated through the DevTools protocol, so the page's CSP (no inline
    // scripts) does not block it as a <script> tag would be.
    const present = await this.page.evaluate(() => typeof window.axe === 'object');
    if (!present) await this.page.evaluate(`${AXE_SOURCE}\n;void 0`);
    const violations = await this.page.evaluate(
      async ({ tags, exclude, disable }) => {
        const rules = Object.fromEntries(disable.map((id) => [id, { enabled: false }]));
        const context = exclude.length ? { include: [document], exclude } : document;
        const result = await window.axe.run(context, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] });
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          target: (v.nodes[0]?.target ?? []).join(' '),
          nodes: v.nodes.length,
        }));
      },
      { tags: AXE_TAGS, exclude, disable },
    );
    const out = path.join(HERE, 'out');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, `axe-${pageName.replace(/[^\w-]+/g, '_')}.json`), JSON.stringify(violations, null, 2));
    return violations;
  }

  /** Throws, listing id, impact and first target of each, unless axe finds nothing. */
  async expectAccessible(pageName, options) {
    const violations = await this.axe(pageName, options);
    if (violations.length) {
      throw new Error(`${pageName}: ${violations.length} axe violation(s): ${formatViolations(violations).replace(/\n/g, '; ')}`);
    }
  }
}

// Escapes a value for a double-quoted CSS attribute selector.
function cssString(s) {
  return String(s).replace(/["\\]/g, '\\$&');
}
