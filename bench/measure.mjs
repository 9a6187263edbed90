// What the benchmark measures inside a page, and how a page is opened under a given
// condition (CPU and network throttling through the DevTools protocol).

import { CHROMIUM, CHROMIUM_ARGS, VIEWPORTS } from '../e2e/chromium.mjs';

export { CHROMIUM, CHROMIUM_ARGS };
const PHONE = VIEWPORTS.phone;
const DESKTOP = VIEWPORTS.desktop;

// Lighthouse's mobile network ("slow 4G"): 1.6 Mbps down, 750 kbps up, 150 ms round trip.
export const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

export const CONDITIONS = {
  desktop: { label: 'desktop', cpu: 1, net: null, device: DESKTOP },
  cpu4x: { label: '4x CPU (phone size)', cpu: 4, net: null, device: PHONE },
  mobile: { label: '4x CPU + slow 4G', cpu: 4, net: SLOW_4G, device: PHONE },
};

// Runs before the page's own scripts: notes when the app's first result rows are in the
// DOM and painted (the first frame after they appeared, then the task after that frame),
// and likewise the rows of a first view shown before the app (a head's, docs/parts.md).
export const WATCH_FIRST_ROWS = () => {
  const rec = (window.__bench = { rowsInDom: null, firstRows: null, rows: 0, firstView: null });
  const afterPaint = (done) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = done;
      ch.port2.postMessage(0);
    });
  let viewSeen = false;
  const seen = new MutationObserver(() => {
    const shown = document.querySelector('#first-view li.result-row');
    if (!viewSeen && shown?.checkVisibility()) {
      viewSeen = true;
      afterPaint(() => (rec.firstView = performance.now()));
    }
    const rows = document.querySelectorAll('[data-testid="result-row"]');
    if (!rows.length) return;
    seen.disconnect();
    rec.rowsInDom = performance.now();
    rec.rows = rows.length;
    afterPaint(() => (rec.firstRows = performance.now()));
  });
  seen.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
  // Notes the memory of every wasm instance, for apps that do not expose theirs.
  const memories = (window.__benchWasmMemories = []);
  const note = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result?.instance;
    for (const v of Object.values(instance?.exports ?? {})) if (v instanceof WebAssembly.Memory) memories.push(v);
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    if (original) WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then(note);
  }
};

/**
 * Opens `url` in a fresh context (cold cache) under `cond` and waits for the first rows.
 * Returns { page, context, cdp, errors, timing } with timing in ms from navigation start:
 * firstRows (painted), rowsInDom, dataEnd (the results file fully downloaded), dataBytes
 * (bytes over the wire for it), firstView (a first view's rows painted, or null).
 * `polling` is how often (ms) to look for the first rows; `anyRows`: return at the first
 * rows shown, the first view's included; `beforeGoto({ context, page, cdp })` runs once
 * the page is set up, before it navigates (e.g. to add another init script).
 */
export async function openUnder(browser, url, cond, dataPath, { timeoutMs = 300_000, serviceWorkers = 'allow', polling = 250, anyRows = false, beforeGoto } = {}) {
  const context = await browser.newContext({ ...cond.device, locale: 'en-US', serviceWorkers });
  await context.addInitScript(WATCH_FIRST_ROWS);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  const cdp = await context.newCDPSession(page);
  if (cond.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cond.cpu });
  if (cond.net) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', cond.net);
  }
  await beforeGoto?.({ context, page, cdp });
  await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
  try {
    await page.waitForFunction((anyRows) => window.__bench?.firstRows != null || (anyRows && window.__bench?.firstView != null), anyRows, {
      timeout: timeoutMs,
      polling,
    });
  } catch (e) {
    throw new Error(`no result rows in ${timeoutMs / 1000} s at ${url}: ${errors[0] ?? e.message}`);
  }
  const timing = await page.evaluate((dataPath) => {
    const data = performance
      .getEntriesByType('resource')
      .find((e) => new URL(e.name).pathname === dataPath);
    const b = window.__bench;
    return {
      rowsInDom: b.rowsInDom,
      rows: b.rows,
      dataEnd: data?.responseEnd ?? null,
      dataBytes: data?.transferSize ?? null,
      measures: Object.fromEntries(performance.getEntriesByType('measure').map((m) => [m.name, m.duration])),
    };
  }, dataPath);
  return { page, context, cdp, errors, timing: { ...timing, ...(await loadMarks(page)) } };
}

/**
 * What a page has reached so far: its first rows and first view painted (WATCH_FIRST_ROWS),
 * the viewer's User Timing marks ("app: started", "results: parsed"...) and when its
 * wasm arrived, for the load's phases. Read again later for steps after the first rows.
 */
export function loadMarks(page) {
  return page.evaluate(() => ({
    firstRows: window.__bench.firstRows,
    firstView: window.__bench.firstView,
    marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
    wasmEnd: performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.responseEnd ?? null,
  }));
}

/** The steps of a load, in order, as `loadPhases` names them. */
export const LOAD_STEPS = ['wasm downloaded', 'app: started', 'results file downloaded', 'results: downloaded', 'results: parsed', 'results: places', 'first rows painted'];

/** When each step of a load happened (ms from navigation start), from `openUnder`'s timing. */
export function loadPhases(timing) {
  return {
    ...timing.marks,
    'wasm downloaded': timing.wasmEnd,
    'results file downloaded': timing.dataEnd,
    'first view painted': timing.firstView,
    'first rows painted': timing.firstRows,
  };
}

/** Resolves once the page's DOM has not changed for `quietMs`. */
export async function settle(page, quietMs = 500) {
  await page.evaluate(
    (quietMs) =>
      new Promise((resolve) => {
        let timer = setTimeout(done, quietMs);
        const mo = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, quietMs);
        });
        function done() {
          mo.disconnect();
          resolve();
        }
        mo.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
      }),
    quietMs,
  );
}

/**
 * DOM nodes, JS heap (after a forced garbage collection) and wasm memory of a loaded page.
 * Wasm memory only grows, so it is the high-water mark of the load.
 */
export async function footprint(page, cdp) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const inPage = await page.evaluate(() => ({
    domNodes: document.querySelectorAll('*').length,
    exposed: Boolean(window.resultsViewer?.memory),
    wasmBytes:
      (window.resultsViewer?.memory ?? window.__benchWasmMemories?.[0])?.buffer?.byteLength ?? null,
  }));
  return {
    domNodes: inPage.domNodes,
    jsHeap: heap.usedSize,
    // ArrayBuffers and the wasm memory live outside the JS heap.
    backingStores: heap.backingStorageSize ?? null,
    wasmBytes: inPage.wasmBytes,
    wasmExposed: inPage.exposed,
  };
}

/**
 * Types each query of `steps` into the search box one character at a time, in the page,
 * and times each input event. A step is { value, kind } where value is the whole box
 * content after the keystroke ('' clears it). For each keystroke:
 *  - update: from dispatching the input event until the DOM change it causes is done and
 *    laid out (all microtasks run, then a forced layout): the work the keystroke costs;
 *  - frame: until the task after the next frame following that change, i.e. the change
 *    painted. Keystrokes start at a random point of a frame, as a typist's do, so this
 *    includes on average half a frame of waiting for the display.
 * When the list does not change (the same matches), update is when the app's work ended
 * and `changed` is false.
 */
export async function typeSteps(page, steps) {
  return page.evaluate(async (steps) => {
    const input = document.querySelector('[data-testid="search"]');
    if (!input) throw new Error('no [data-testid=search] input');
    const task = () =>
      new Promise((r) => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => r();
        ch.port2.postMessage(0);
      });
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    let mutations = 0;
    const mo = new MutationObserver((recs) => (mutations += recs.length));
    mo.observe(document.body, { childList: true, subtree: true, characterData: true });
    const out = [];
    input.focus();
    for (const step of steps) {
      await frame();
      await sleep(Math.random() * 16);
      const before = mutations;
      const previous = input.value;
      input.value = step.value;
      const inserted = step.value.startsWith(previous) ? step.value.slice(previous.length) : null;
      const t0 = performance.now();
      input.dispatchEvent(
        new InputEvent('input', {
          bubbles: true,
          inputType: inserted ? 'insertText' : 'deleteContentBackward',
          data: inserted,
        }),
      );
      await task();
      void document.body.offsetHeight;
      let update = performance.now() - t0;
      const seenAtUpdate = mutations;
      await frame();
      await task();
      let painted = performance.now() - t0;
      if (seenAtUpdate === before && mutations !== before) {
        // Changed in the frame (e.g. rendered from requestAnimationFrame).
        update = painted;
      } else if (mutations === before) {
        // A debounced update comes later: wait for it a while.
        while (mutations === before && performance.now() - t0 < 300) await sleep(4);
        if (mutations !== before) {
          void document.body.offsetHeight;
          update = performance.now() - t0;
          await frame();
          await task();
          painted = performance.now() - t0;
        }
      }
      out.push({ ...step, update, frame: painted, changed: mutations !== before });
    }
    mo.disconnect();
    return out;
  }, steps);
}

// The benchmark's keystroke sequence (bench.mjs and profile.mjs type the same): each
// query typed char by char, then cleared.
export const QUERIES = [
  ['latin', 'Amangos'],
  ['cyrillic', 'Аманғос'],
  ['bib', '1234'],
  ['typo', 'Amangoz'],
];

/** The queries typed char by char, each followed by clearing the box. */
export function keystrokeSteps(queries) {
  const steps = [];
  for (const [kind, q] of queries) {
    const chars = Array.from(q);
    for (let i = 1; i <= chars.length; i++) steps.push({ kind, value: chars.slice(0, i).join('') });
    steps.push({ kind: 'clear', value: '' });
  }
  return steps;
}

export function percentile(values, p) {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!xs.length) return NaN;
  const rank = (p / 100) * (xs.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return xs[lo] + (xs[hi] - xs[lo]) * (rank - lo);
}

export const median = (values) => percentile(values, 50);
