// Results in parts (docs/parts.md): the 50,000-runner race opened from its head and parts
// against the same race as one file, the way a runner at the finish uses it. Each visit
// opens a cold page, times its first rows, then types the name of a runner from the
// middle of the field key by key as soon as the rows are there, clicks their row and
// times the card from navigation start. The baseline page gives first rows for scale.
// Run by bench.mjs (`--only parts`); bench/run publishes the parts with the parts binary.

import fs from 'node:fs';
import path from 'node:path';
import { CONDITIONS, LOAD_STEPS, loadMarks, loadPhases, median, openUnder } from './measure.mjs';

export const PARTS_TARGETS = {
  firstRowsMobile: 2500,
  cardMobile: 4000,
  bytes: 150 * 1024,
};

// A person typing on a phone: about 60 ms from one key to the next.
const KEY_DELAY_MS = 60;
// How often to look for the first rows: typing starts as soon as they are there.
const POLL_MS = 20;
const CARD_TIMEOUT_MS = 60_000;
const WHOLE_TIMEOUT_MS = 300_000;

/** The parts folder published from `dataFile` (the parts binary's default: RESULTS-parts beside it). */
export function partsDirOf(dataFile) {
  return path.join(path.dirname(dataFile), `${path.basename(dataFile, '.json')}-parts`);
}

/** The head of `dataFile`'s parts, parsed; throws when the parts are missing or older than the file. */
export function readHead(dataFile) {
  const head = path.join(partsDirOf(dataFile), 'head.json');
  if (!fs.existsSync(head)) throw new Error(`${head} is missing: run bench/run (it publishes the parts)`);
  if (fs.statSync(head).mtimeMs < fs.statSync(dataFile).mtimeMs) {
    throw new Error(`${head} is older than ${dataFile}: run bench/run (it publishes the parts again)`);
  }
  return JSON.parse(fs.readFileSync(head, 'utf8'));
}

/**
 * The runner to look for: the row in the middle of the file (or the next one) that is not
 * among the head's rows, so finding them needs the parts, and whose name few others
 * share, so their row is on the first screen of matches.
 */
export function pickRunner(runners, head) {
  const inHead = new Set(head.results.map((r) => String(r.bib)));
  const named = new Map();
  for (const r of runners) named.set(r.name, (named.get(r.name) ?? 0) + 1);
  for (let row = Math.floor(runners.length / 2); row < runners.length; row++) {
    const r = runners[row];
    if (r.name && !inHead.has(String(r.bib)) && named.get(r.name) <= 10) {
      return { row, bib: String(r.bib), name: String(r.name), namesakes: named.get(r.name) };
    }
  }
  throw new Error('no runner outside the head to look for');
}

// Runs before the page's own scripts (with WATCH_FIRST_ROWS): notes when typing began (the
// first key), when the card of `bib` is in the DOM and painted, and when the note that
// the rest of the results is loading went away.
const WATCH_CARD = (bib) => {
  const rec = (window.__benchCard = { typing: null, cardInDom: null, card: null, otherCard: null, statusSeen: null, statusGone: null });
  addEventListener('keydown', () => (rec.typing ??= performance.now()), { capture: true });
  const afterPaint = (done) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = done;
      ch.port2.postMessage(0);
    });
  const card = `[data-testid="runner-detail"][data-bib="${CSS.escape(bib)}"]`;
  const seen = new MutationObserver(() => {
    const status = document.querySelector('[data-testid="parts-status"]');
    if (status) rec.statusSeen ??= performance.now();
    else if (rec.statusSeen != null) rec.statusGone ??= performance.now();
    if (rec.cardInDom == null) {
      if (document.querySelector(card)) {
        rec.cardInDom = performance.now();
        afterPaint(() => (rec.card = performance.now()));
      } else {
        rec.otherCard ??= document.querySelector('[data-testid="runner-detail"]')?.dataset.bib ?? null;
      }
    }
    if (rec.cardInDom != null && rec.statusGone != null) seen.disconnect();
  });
  seen.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-bib', 'data-testid'] });
};

// What the page shows, for a visit that did not get to the card.
function pageState(page) {
  return page.evaluate(() => ({
    url: location.search,
    search: document.querySelector('[data-testid="search"]')?.value ?? null,
    count: document.querySelector('[data-testid="result-count"]')?.textContent.trim() ?? null,
    rows: [...document.querySelectorAll('[data-testid="result-row"]')].slice(0, 5).map((r) => r.dataset.bib),
    card: document.querySelector('[data-testid="runner-detail"]')?.dataset.bib ?? null,
    status: document.querySelector('[data-testid="parts-status"]')?.textContent.trim() ?? null,
    rec: window.__benchCard,
  }));
}

/**
 * One cold visit: first rows, then (when `runner` is given) the runner's name typed and
 * their row clicked, until their card is painted, and, with parts, until the whole file
 * is in. Times are ms from navigation start; the data requests the server answered are
 * sorted by whether they came in before the card. A visit that did not get to the card
 * says at which step (`failed`).
 */
export async function visit(browser, server, url, cond, paths, runner) {
  server.served.length = 0;
  // The first results file is the head, for parts: its arrival is a step of the load.
  // A runner starts typing at the first rows they see: a head's first view, if any.
  const o = await openUnder(browser, url, cond, paths.head ?? paths.whole, {
    polling: POLL_MS,
    anyRows: true,
    beforeGoto: runner ? ({ page }) => page.addInitScript(WATCH_CARD, runner.bib) : undefined,
  });
  const seen = [o.timing.firstView, o.timing.firstRows].filter(Number.isFinite);
  const out = { firstRows: Math.min(...seen), firstView: o.timing.firstView, appRows: o.timing.firstRows, errors: o.errors };
  // Where the time to the first rows goes.
  out.phases = loadPhases(o.timing);
  try {
    if (!runner) return out;
    const { page } = o;
    const keysSent = Date.now();
    let step = 'typing the name';
    try {
      // Into the box on screen: the first view's (taken over by the app as it starts,
      // keys and focus with it) or the app's.
      const early = page.locator('#first-view input');
      const box = (await early.isVisible()) ? early : page.locator('[data-testid="search"]');
      await box.click({ timeout: CARD_TIMEOUT_MS });
      await page.keyboard.type(runner.name, { delay: KEY_DELAY_MS });
      // Keys the page lost (e.g. a search box replaced while they were typed) fail the visit.
      const search = page.locator('[data-testid="search"]');
      await search.waitFor({ timeout: CARD_TIMEOUT_MS });
      const kept = await search.inputValue();
      if (kept !== runner.name) {
        step = 'keys lost';
        throw new Error(`the search box holds ${JSON.stringify(kept)}, not the name typed`);
      }
      step = 'clicking the row';
      await page.locator(`[data-testid="result-row"][data-bib="${runner.bib}"]`).first().click({ timeout: CARD_TIMEOUT_MS });
      step = 'waiting for the card';
      await page.waitForFunction(() => window.__benchCard.card != null, null, { polling: 50, timeout: CARD_TIMEOUT_MS });
    } catch (e) {
      // The first rows still count; the visit says where it stopped.
      out.failed = step;
      out.errors.push(`${step}: ${e.message.split('\n')[0]}; the page: ${JSON.stringify(await pageState(page).catch(() => null))}`);
      return out;
    }
    if (paths.head) {
      // The rest of the results downloads behind; wait for it to be in, to say when.
      await page.waitForFunction(() => window.__benchCard.statusGone != null || performance.getEntriesByName('results in parts: whole file in').length > 0, null, {
        polling: 250,
        timeout: WHOLE_TIMEOUT_MS,
      });
    }
    // The app's own first rows and the load's marks, which may come after the first view.
    const late = await loadMarks(page);
    out.appRows = late.firstRows;
    out.phases = loadPhases({ ...o.timing, ...late });
    const t = await page.evaluate(() => ({
      origin: performance.timeOrigin,
      ...window.__benchCard,
      wholeMark: performance.getEntriesByName('results in parts: whole file in')[0]?.startTime ?? null,
    }));
    if (t.otherCard) out.errors.push(`the card of bib ${t.otherCard} opened before ${runner.bib}'s`);
    Object.assign(out, { keysSent: keysSent - t.origin, typing: t.typing, card: t.card, wholeIn: paths.head ? (t.wholeMark ?? t.statusGone) : null });
    // The server saw each request come in (Date.now(); the page's clock is
    // performance.timeOrigin + performance.now(), the same wall clock).
    const cardAt = t.origin + t.card;
    const data = server.served.filter((s) => s.path.startsWith('/bench-data/'));
    const before = data.filter((s) => s.at <= cardAt);
    const isWhole = (s) => s.path === paths.whole;
    out.files = before.filter((s) => !isWhole(s)).map((s) => ({ name: decodeURIComponent(s.path.slice(paths.partsPrefix?.length ?? 0)), bytes: s.bytes }));
    out.dataBytes = out.files.reduce((n, f) => n + f.bytes, 0);
    const whole = before.filter(isWhole);
    out.wholeBytes = whole.reduce((n, s) => n + s.bytes, 0);
    out.wholeRequests = whole.length;
    out.wholeAsked = whole.length ? whole[0].at - t.origin : null;
    return out;
  } finally {
    await o.context.close();
  }
}

/**
 * Measures the plain file against its parts under each condition, adds the table and
 * the judged lines. `pages` holds the plain page's and the baseline's addresses;
 * `fmt` the report's formatting helpers (kb, ms, spread, atMost, int).
 */
export async function benchParts({ browser, server, opts, runners, dataPath, pages, fileLabel, table, judge, log, errors, fmt }) {
  const { kb, ms, spread, atMost, int } = fmt;
  const head = readHead(opts.data);
  const runner = pickRunner(runners, head);
  const partsName = path.basename(partsDirOf(opts.data));
  const partsPrefix = `${path.posix.dirname(dataPath)}/${encodeURIComponent(partsName)}/`;
  const headPath = `${partsPrefix}head.json`;
  const who = {
    plain: { label: 'plain file', url: pages.plain, paths: { whole: dataPath }, runner },
    parts: { label: 'parts', url: `${server.url}/?src=${encodeURIComponent(headPath)}&lang=en`, paths: { whole: dataPath, head: headPath, partsPrefix }, runner },
    baseline: { label: 'baseline (first rows only)', url: pages.baseline, paths: { whole: dataPath }, runner: null },
  };
  const keys = ['desktop', 'cpu4x', 'mobile'];
  const runs = Math.max(1, opts.runs);

  // Once, uncounted: the server compresses the head and the parts this search needs
  // (brotli at quality 11, then kept on disk), and the runner is found at all.
  log(`results in parts: warm-up, looking for "${runner.name}" (bib ${runner.bib}, row ${int(runner.row)})`);
  for (const w of ['plain', 'parts']) {
    try {
      const v = await visit(browser, server, who[w].url, CONDITIONS.desktop, who[w].paths, runner);
      v.errors.forEach((e) => errors.add(`${who[w].label}, warm-up: ${e}`));
    } catch (e) {
      errors.add(`${who[w].label}, warm-up: ${e.message.split('\n')[0]}`);
    }
  }

  const byPage = () => Object.fromEntries(keys.map((k) => [k, Object.fromEntries(Object.keys(who).map((w) => [w, []]))]));
  const got = byPage();
  // Visits that did not get to the card, by the step they stopped at.
  const failed = byPage();
  for (const key of keys) {
    log(`results in parts, ${CONDITIONS[key].label}: ${runs} run(s) of plain file, parts and baseline`);
    for (let i = 0; i < runs; i++) {
      // Interleaved, so a slow moment of the machine hits every page alike.
      for (const [w, p] of Object.entries(who)) {
        try {
          const v = await visit(browser, server, p.url, CONDITIONS[key], p.paths, p.runner);
          v.errors.forEach((e) => errors.add(`${p.label}, ${CONDITIONS[key].label}, run ${i + 1}: ${e}`));
          got[key][w].push(v);
          if (v.failed) failed[key][w].push(v.failed);
        } catch (e) {
          errors.add(`${p.label}, ${CONDITIONS[key].label}, run ${i + 1}: ${e.message.split('\n')[0]}`);
          failed[key][w].push('opening the page');
        }
      }
    }
  }

  const pick = (list, f) => list.map(f).filter(Number.isFinite);
  table.section(
    `Results in parts: first rows, and a runner's card found by typing their name (${fileLabel}; "${runner.name}", bib ${runner.bib}, row ${int(runner.row)} of the file, ${runner.namesakes} runner(s) of that name, typed ${KEY_DELAY_MS} ms a key from the first rows on, then their row clicked; ms from navigation start, median of ${runs}${runs > 1 ? ', fastest–slowest in brackets' : ''})`,
    ['condition', 'page', 'first rows seen', 'of which the app\'s', 'first key sent', 'first key in the page', 'card open', 'whole file in', 'data before the card (compressed)', 'whole file before the card (not counted)'],
  );
  for (const key of keys) {
    for (const [w, p] of Object.entries(who)) {
      const vs = got[key][w];
      const lost = failed[key][w];
      const note = lost.length ? `${lost.length} of ${vs.filter((v) => !v.failed).length + lost.length} visits failed (${[...new Set(lost)].join('; ')})` : null;
      if (!vs.length) {
        table.row(CONDITIONS[key].label, p.label, '–', '–', '–', '–', note, '', '', '');
        continue;
      }
      if (!p.runner) {
        table.row(CONDITIONS[key].label, p.label, spread(pick(vs, (v) => v.firstRows)), '', '', '', '', '', '', '');
        continue;
      }
      const whole = vs.filter((v) => v.wholeRequests > 0);
      const done = vs.filter((v) => !v.failed);
      const data =
        w === 'parts'
          ? done.length ? `${kb(median(pick(done, (v) => v.dataBytes)))} (${median(pick(done, (v) => v.files.length))} files)` : '–'
          : `${kb(median(pick(vs, (v) => v.wholeBytes)))} (whole file${median(pick(vs, (v) => v.wholeRequests)) > 1 ? `, asked ${median(pick(vs, (v) => v.wholeRequests))} times` : ''})`;
      const wholeCell =
        w === 'parts' && done.length
          ? whole.length
            ? `${whole.length} of ${done.length} runs: ${kb(median(pick(whole, (v) => v.wholeBytes)))}, asked at ${ms(median(pick(whole, (v) => v.wholeAsked)))}`
            : `0 of ${done.length} runs`
          : '–';
      table.row(
        CONDITIONS[key].label,
        p.label,
        spread(pick(vs, (v) => v.firstRows)),
        vs.some((v) => v.firstView != null) ? spread(pick(vs, (v) => v.appRows)) : '(the same)',
        spread(pick(vs, (v) => v.keysSent)),
        spread(pick(vs, (v) => v.typing)),
        note ? `${spread(pick(vs, (v) => v.card))}; ${note}` : spread(pick(vs, (v) => v.card)),
        w === 'parts' ? spread(pick(vs, (v) => v.wholeIn)) : '(before first rows)',
        data,
        wholeCell,
      );
    }
  }
  // Each page's load step by step, from navigation start.
  const withRunner = Object.entries(who).filter(([, p]) => p.runner);
  table.section(
    `Results in parts: the load step by step (median ms from navigation start; the viewer's User Timing marks; the results file is the head for parts)`,
    ['step', ...keys.flatMap((k) => withRunner.map(([, p]) => `${CONDITIONS[k].label}, ${p.label}`))],
  );
  const steps = [...LOAD_STEPS.slice(0, 3), 'first view painted', ...LOAD_STEPS.slice(3)];
  for (const step of steps) {
    table.row(
      step,
      ...keys.flatMap((k) =>
        withRunner.map(([w]) => {
          const xs = got[k][w].map((v) => v.phases?.[step]).filter((v) => typeof v === 'number');
          return xs.length ? ms(median(xs)) : '–';
        }),
      ),
    );
  }
  // What a search fetched, in the slowest condition's first visit that got to the card.
  const sampleKey = keys.slice().reverse().find((k) => got[k].parts.some((v) => v.files));
  const sample = sampleKey && got[sampleKey].parts.find((v) => v.files);
  if (sample) {
    table.row('', `(parts: the files, ${CONDITIONS[sampleKey].label}, first visit that got to the card)`, '', '', '', '', '', '', sample.files.map((f) => `${f.name} ${kb(f.bytes)}`).join(', '), '');
  }

  const m = got.mobile.parts;
  const firstRows = median(pick(m, (v) => v.firstRows));
  const card = median(pick(m, (v) => v.card));
  const fromHead = m.some((v) => v.firstView != null) ? ` (the head's first view; the app's own rows at ${ms(median(pick(m, (v) => v.appRows)))})` : '';
  judge(`parts, ${CONDITIONS.mobile.label}: first rows ≤ ${ms(PARTS_TARGETS.firstRowsMobile)}`, `${ms(firstRows)}${fromHead}: ${atMost(firstRows, PARTS_TARGETS.firstRowsMobile, ms)}`);
  // A visit that never got to the card misses the target, whatever the others did.
  const stuck = failed.mobile.parts;
  judge(
    `parts, ${CONDITIONS.mobile.label}: typed name's card open ≤ ${ms(PARTS_TARGETS.cardMobile)} from navigation`,
    stuck.length
      ? `${ms(card)} in the visits that got there; missed: ${stuck.length} of ${m.filter((v) => !v.failed).length + stuck.length} visits did not (${[...new Set(stuck)].join('; ')})`
      : `${ms(card)}: ${atMost(card, PARTS_TARGETS.cardMobile, ms)}`,
  );
  // The most any visit fetched, whatever the condition: head and parts, compressed.
  const all = keys.flatMap((k) => got[k].parts).filter((v) => v.files);
  const bytes = all.length ? Math.max(...pick(all, (v) => v.dataBytes)) : null;
  const wholeEarly = all.filter((v) => v.wholeRequests > 0);
  judge(
    `parts: data fetched to find one runner ≤ ${kb(PARTS_TARGETS.bytes)} beyond the app shell (head + parts as sent, largest of ${all.length} visits)`,
    `${kb(bytes)}: ${atMost(bytes, PARTS_TARGETS.bytes, kb)}; ${wholeEarly.length ? `the whole file (${kb(median(pick(wholeEarly, (v) => v.wholeBytes)))}) was asked for before the card in ${wholeEarly.length} of ${all.length}, not counted` : 'the whole file was not asked for before the card'}`,
  );
}
