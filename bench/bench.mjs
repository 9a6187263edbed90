// The performance benchmark: measures the release build against a plain-JavaScript
// baseline page and the search libraries uFuzzy and Fuse.js, in one headless Chromium
// session, prints one table and writes it to bench/results.md.
// Usually run through bench/run, which builds and generates what is missing.
//
//   node bench/bench.mjs [--runs N] [--data FILE] [--smoke] [--no-lighthouse]
//                        [--out FILE] [--only sizes,load,keys,memory,search,cross,parts,lighthouse]
// docs/performance.md explains each figure.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { brotli, gzip, startBenchServer } from './serve.mjs';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  CONDITIONS,
  footprint,
  keystrokeSteps,
  LOAD_STEPS,
  loadPhases,
  median,
  openUnder,
  percentile,
  QUERIES,
  settle,
  typeSteps,
} from './measure.mjs';
import { runLighthouse } from './lighthouse.mjs';
import { benchParts, readHead } from './parts.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');


// A query, and the spelling in the other script that a runner looking for that person
// expects to be found too (a pattern over lowercase names).
const CROSS_SCRIPT = [
  ['Амангос', /amangos/],
  ['Аманғос', /amangos/],
  ['Davlatov', /давлатов/],
  ['Давлатов', /davlatov/],
  ['Yusupov', /юсупов/],
  ['Каримов', /karimov/],
  ['Akhmetov', /ахметов/],
  ['Құрманғалиев', /kurmangali(y)?ev/],
  ['Sarsenbayev', /сәрсенбаев/],
  ['Алексеев', /aleksee?y?ev/],
];

const TARGETS = {
  shellBrotli: 150 * 1024,
  shellGzip: 200 * 1024,
  firstRowsDesktop: 1000,
  firstRows4x: 2500,
  keyP95Desktop: 16,
  keyP95Throttled: 50,
  domNodes: 1500,
  memoryRatio: 4,
  uFuzzyRatio: 1,
  fuseRatio: 0.2,
  lighthouse: 100,
};

function parseArgs(argv) {
  const o = {
    runs: 5,
    data: path.join(REPO, 'public', 'results-50k.json'),
    smoke: false,
    lighthouse: true,
    out: null,
    only: null,
    dist: path.join(REPO, 'dist'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--runs') o.runs = Math.max(1, Number(val()) | 0);
    else if (a === '--data') o.data = path.resolve(val());
    else if (a === '--smoke') o.smoke = true;
    else if (a === '--no-lighthouse') o.lighthouse = false;
    else if (a === '--out') o.out = path.resolve(val());
    else if (a === '--only') o.only = new Set(val().split(','));
    else if (a === '--dist') o.dist = path.resolve(val());
    else throw new Error(`unknown option ${a}`);
  }
  if (o.smoke) {
    o.runs = 1;
    o.lighthouse = false;
  }
  o.out ??= o.smoke ? path.join(HERE, 'out', 'results-smoke.md') : path.join(HERE, 'results.md');
  return o;
}

// ---------- formatting ----------

const kb = (n) => (n == null ? '–' : `${(n / 1024).toFixed(1)} KB`);
const mb = (n) => (n == null ? '–' : `${(n / 1024 / 1024).toFixed(1)} MB`);
const ms = (n) => (n == null || !Number.isFinite(n) ? '–' : n >= 100 ? `${Math.round(n)} ms` : `${n.toFixed(1)} ms`);
const x = (n) => (n == null || !Number.isFinite(n) ? '–' : `${n.toFixed(2)}x`);
// Median, with the spread of the runs when there are several.
const spread = (values) => {
  const xs = values.filter(Number.isFinite);
  return xs.length > 1 ? `${ms(median(xs))} (${ms(Math.min(...xs))}–${ms(Math.max(...xs))})` : ms(median(xs));
};
const int = (n) => (n == null ? '–' : n.toLocaleString('en'));

// Verdict of a figure against a target: 'met' or 'missed by …'.
function atMost(value, limit, show) {
  if (value == null || !Number.isFinite(value)) return 'not measured';
  return value <= limit ? 'met' : `missed by ${show(value - limit)} (${x(value / limit)} the target)`;
}

class Table {
  constructor() {
    this.sections = [];
  }
  section(title, columns) {
    this.current = { title, columns, rows: [] };
    this.sections.push(this.current);
  }
  row(...cells) {
    this.current.rows.push(cells.map((c) => (c == null ? '–' : String(c))));
  }
  text() {
    const lines = [];
    for (const s of this.sections) {
      const widths = s.columns.map((c, i) => Math.max(c.length, ...s.rows.map((r) => (r[i] ?? '').length)));
      const line = (cells) => cells.map((c, i) => (c ?? '').padEnd(widths[i])).join('  ').trimEnd();
      lines.push('', `== ${s.title}`, line(s.columns), line(widths.map((w) => '-'.repeat(w))));
      for (const r of s.rows) lines.push(line(r));
    }
    return lines.join('\n');
  }
  markdown() {
    const lines = [];
    const esc = (c) => (c ?? '').replace(/\|/g, '\\|');
    for (const s of this.sections) {
      lines.push('', `### ${s.title}`, '', `| ${s.columns.join(' | ')} |`, `|${s.columns.map(() => '---').join('|')}|`);
      for (const r of s.rows) lines.push(`| ${r.map(esc).join(' | ')} |`);
    }
    return lines.join('\n');
  }
}

// ---------- the parts ----------

// A copy of the build, so a rebuild while the benchmark runs cannot change what it
// measures halfway (Trunk's .stage folder and other hidden entries are left out).
async function snapshot(dist) {
  for (let waited = 0; fs.existsSync(path.join(dist, '.stage')) && waited < 600; waited += 5) {
    if (waited === 0) console.log(`waiting for the build under way in ${dist} to finish`);
    await new Promise((r) => setTimeout(r, 5000));
  }
  const copy = path.join(HERE, 'out', 'dist');
  fs.rmSync(copy, { recursive: true, force: true });
  fs.cpSync(dist, copy, { recursive: true, filter: (src) => !path.basename(src).startsWith('.') });
  // As a published demo: the first rows written into the page (scripts/prerender.mjs).
  execFileSync('node', [path.join(REPO, 'scripts', 'prerender.mjs'), copy], { stdio: 'inherit' });
  return copy;
}

function transferSizes(dist, dataFile) {
  const files = fs
    .readdirSync(dist, { recursive: true })
    .map(String)
    .filter((f) => !f.split(path.sep).some((p) => p.startsWith('.')) && fs.statSync(path.join(dist, f)).isFile())
    .sort();
  const shellExt = /\.(html|js|mjs|wasm|css)$/;
  const entries = files.map((f) => {
    const body = fs.readFileSync(path.join(dist, f));
    return { name: f, raw: body.length, br: brotli(body).length, gz: gzip(body).length, shell: shellExt.test(f) };
  });
  const body = fs.readFileSync(dataFile);
  const data = { name: `${path.basename(dataFile)} (benchmark file)`, raw: body.length, br: brotli(body).length, gz: gzip(body).length, shell: false };
  return { entries, data };
}

// When the measured build was made, and which sources changed after it.
function buildFacts(dist) {
  const built = fs.statSync(path.join(dist, 'index.html')).mtime;
  const sources = ['src', 'style', 'index.html', 'Cargo.toml', 'Cargo.lock', 'Trunk.toml'];
  const newer = [];
  for (const top of sources) {
    const full = path.join(REPO, top);
    if (!fs.existsSync(full)) continue;
    const files = fs.statSync(full).isDirectory()
      ? fs.readdirSync(full, { recursive: true }).map((f) => path.join(full, String(f)))
      : [full];
    for (const f of files) if (fs.statSync(f).isFile() && fs.statSync(f).mtime > built) newer.push(path.relative(REPO, f));
  }
  return `${path.relative(REPO, dist) || '.'} built ${built.toISOString().replace(/\.\d+Z$/, 'Z')}${newer.length ? `; changed since: ${newer.slice(0, 5).join(', ')}${newer.length > 5 ? ', …' : ''}` : '; no source changed since'}`;
}

function machineFacts() {
  const git = (...a) => {
    try {
      return execFileSync('git', a, { cwd: REPO, encoding: 'utf8' }).trim();
    } catch {
      return '?';
    }
  };
  let chromiumVersion = '?';
  try {
    chromiumVersion = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {}
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit: git('rev-parse', '--short', 'HEAD') + (git('status', '--porcelain', '--', 'src', 'style', 'index.html', 'Cargo.toml') ? ' (with uncommitted changes to the app)' : ''),
    nproc: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? '?',
    memory: `${Math.round(os.totalmem() / 1024 ** 3)} GB`,
    load: os.loadavg().map((l) => l.toFixed(2)).join(' '),
    node: process.version,
    chromium: chromiumVersion,
  };
}

async function timeLoads(browser, pages, cond, runs, dataPath, withFootprint) {
  const out = Object.fromEntries(Object.keys(pages).map((k) => [k, { firstRows: [], dataEnd: [], parse: [], prints: [], errors: [], dataBytes: null, phases: [] }]));
  for (let i = 0; i < runs; i++) {
    // Interleaved, so a slow moment of the machine hits both pages alike.
    for (const [who, url] of Object.entries(pages)) {
      const o = await openUnder(browser, url, cond, dataPath);
      try {
        out[who].firstRows.push(o.timing.firstRows);
        out[who].dataEnd.push(o.timing.dataEnd);
        out[who].parse.push(o.timing.measures['baseline:parse']);
        out[who].phases.push(loadPhases(o.timing));
        out[who].dataBytes = o.timing.dataBytes;
        if (withFootprint) {
          await settle(o.page);
          out[who].prints.push(await footprint(o.page, o.cdp));
        }
        out[who].errors.push(...o.errors);
      } finally {
        await o.context.close();
      }
    }
  }
  return out;
}

// Keystrokes in our page and the baseline, and the libraries' searches, one round each
// in turn, so a busy moment of the machine hits all of them alike. Returns
// { ours: samples, baseline: samples, libs: { uFuzzy: ms[], 'Fuse.js': ms[], setupMs } }.
async function timeKeysAndSearch(browser, pages, searchUrl, cond, steps, rounds, dataPath, withLibs) {
  const opened = {};
  const libs = { uFuzzy: [], 'Fuse.js': [] };
  // Our search call alone (window.resultsViewer.search), timed like the libraries'.
  const oursSearch = [];
  let libContext;
  try {
    for (const [who, url] of Object.entries(pages)) {
      opened[who] = await openUnder(browser, url, cond, dataPath);
      await settle(opened[who].page);
    }
    let libPage;
    if (withLibs) {
      libContext = await browser.newContext({ ...cond.device, locale: 'en-US' });
      libPage = await libContext.newPage();
      const cdp = await libContext.newCDPSession(libPage);
      if (cond.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cond.cpu });
      await libPage.goto(searchUrl);
      libs.setupMs = (await libPage.evaluate(() => window.benchSearch.ready)).setupMs;
    }
    const typed = steps.filter((st) => st.kind !== 'clear').map((st) => st.value);
    const samples = Object.fromEntries(Object.keys(pages).map((who) => [who, []]));
    for (let r = 0; r < rounds; r++) {
      for (const who of Object.keys(pages)) {
        await opened[who].page.bringToFront();
        samples[who].push(...(await typeSteps(opened[who].page, steps)));
      }
      if (libPage) {
        await opened.ours.page.bringToFront();
        oursSearch.push(
          ...(await opened.ours.page.evaluate((qs) => qs.map((q) => {
            const t = performance.now();
            window.resultsViewer.search(q);
            return performance.now() - t;
          }), typed)),
        );
        await libPage.bringToFront();
        for (const lib of Object.keys(libs).filter((k) => k !== 'setupMs')) {
          libs[lib].push(...(await libPage.evaluate(([lib, qs]) => window.benchSearch.time(lib, qs), [lib, typed])));
        }
      }
    }
    for (const [who, o] of Object.entries(opened)) {
      if (o.errors.length) console.warn(`  ${who}: ${o.errors.slice(0, 3).join('; ')}`);
    }
    // Our index is built once the first rows are painted, when the page is idle.
    const oursIndexMs = await opened.ours.page.evaluate(() => performance.getEntriesByName('search index', 'measure')[0]?.duration ?? null);
    return { ...samples, libs, oursSearch, oursIndexMs };
  } finally {
    for (const o of Object.values(opened)) await o.context.close();
    await libContext?.close();
  }
}

function keyFigures(samples) {
  const typing = samples.filter((s) => s.kind !== 'clear');
  return {
    p50: percentile(samples.map((s) => s.update), 50),
    p95: percentile(samples.map((s) => s.update), 95),
    frameP50: percentile(samples.map((s) => s.frame), 50),
    frameP95: percentile(samples.map((s) => s.frame), 95),
    typingP50: percentile(typing.map((s) => s.update), 50),
    typingP95: percentile(typing.map((s) => s.update), 95),
    max: Math.max(...samples.map((s) => s.update)),
    n: samples.length,
    unchanged: samples.filter((s) => !s.changed).length,
  };
}

// Names (by bib) the viewer lists for a query, across all its pages of results.
async function ourMatches(page, query) {
  await page.evaluate((q) => {
    const input = document.querySelector('[data-testid="search"]');
    input.value = q;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, query);
  await settle(page, 200);
  const bibs = [];
  for (let p = 0; p < 40; p++) {
    bibs.push(...(await page.$$eval('[data-testid="result-row"]', (rows) => rows.map((r) => r.dataset.bib))));
    const next = page.locator('nav.pager button').last();
    if (!(await next.count()) || (await next.isDisabled())) break;
    await next.click();
    await settle(page, 100);
  }
  return bibs;
}

async function crossScript(browser, appUrl, searchUrl, runners, cond, dataPath) {
  const nameOfBib = new Map(runners.map((r) => [String(r.bib), String(r.name)]));
  const lower = runners.map((r) => String(r.name).toLowerCase());
  const rows = [];
  const o = await openUnder(browser, appUrl, cond, dataPath);
  const ctx = await browser.newContext({ ...cond.device, locale: 'en-US' });
  const libsPage = await ctx.newPage();
  try {
    await settle(o.page);
    await libsPage.goto(searchUrl);
    await libsPage.evaluate(() => window.benchSearch.ready);
    for (const [query, other] of CROSS_SCRIPT) {
      const present = lower.filter((n) => other.test(n)).length;
      const count = (names) => names.filter((n) => other.test(n.toLowerCase())).length;
      const ours = count((await ourMatches(o.page, query)).map((b) => nameOfBib.get(b) ?? ''));
      const uf = count(await libsPage.evaluate((q) => window.benchSearch.find('uFuzzy', q), query));
      const fu = count(await libsPage.evaluate((q) => window.benchSearch.find('Fuse.js', q), query));
      rows.push({ query, other: other.source, present, ours, uFuzzy: uf, fuse: fu });
    }
  } finally {
    await ctx.close();
    await o.context.close();
  }
  return rows;
}

// ---------- main ----------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const want = (part) => !opts.only || opts.only.has(part);
  if (!fs.existsSync(path.join(opts.dist, 'index.html'))) throw new Error(`${opts.dist} has no build: run bench/run`);
  if (!fs.existsSync(opts.data)) throw new Error(`${opts.data} is missing: run bench/run`);
  if (want('parts')) readHead(opts.data);
  const facts = machineFacts();
  facts.build = buildFacts(opts.dist);
  opts.dist = await snapshot(opts.dist);
  const table = new Table();
  const started = Date.now();
  const log = (s) => console.log(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${s}`);
  const verdicts = [];
  const judge = (what, verdict) => verdicts.push([what, verdict]);

  // Transfer sizes.
  log('transfer sizes (brotli quality 11)');
  const sizes = transferSizes(opts.dist, opts.data);
  const file = JSON.parse(fs.readFileSync(opts.data, 'utf8'));
  const runners = file.results;
  const dataName = path.basename(opts.data);
  const dataPath = `/bench-data/${encodeURIComponent(dataName)}`;
  const server = await startBenchServer({ root: opts.dist, dataDir: path.dirname(opts.data) });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const appUrl = `${server.url}/?src=${encodeURIComponent(dataPath)}&lang=en`;
  const baseUrl = `${server.url}/bench/baseline/?src=${encodeURIComponent(dataPath)}`;
  const searchUrl = `${server.url}/bench/search/?src=${encodeURIComponent(dataPath)}`;
  const pages = { ours: appUrl, baseline: baseUrl };
  const fileLabel = `${int(runners.length)} runners, ${mb(sizes.data.raw)}`;
  const ratio = (a, b) => (a != null && b ? a / b : null);
  let lighthouse = null;
  const errors = new Set();

  try {
    if (want('sizes')) {
      // The app shell is what the page itself downloads before and while showing the demo
      // results (html, js, wasm, css), with the service worker blocked. A second visit
      // lets the worker run: what it then fetches in the background, after the first
      // rows, is listed apart, as are the on-demand parts (extras-*: the importer and the
      // offline-copy writer), which the page loads only when first used.
      log('files a visit downloads');
      const visit = async (serviceWorkers) => {
        server.requested.clear();
        const v = await openUnder(browser, `${server.url}/?lang=en`, CONDITIONS.desktop, '/results.json', { serviceWorkers });
        await settle(v.page, serviceWorkers === 'allow' ? 3000 : 1000);
        const asked = new Map([...server.requested].map(([p, n]) => [decodeURIComponent(p).replace(/^\//, '') || 'index.html', n]));
        await v.context.close();
        return asked;
      };
      const asked = await visit('block');
      const withWorker = await visit('allow');
      const onDemand = (e) => /^extras-/.test(e.name);
      const kindOf = (e) =>
        /\.json$/.test(e.name)
          ? 'data'
          : asked.has(e.name)
            ? e.shell ? 'app shell' : 'loaded (not shell)'
            : onDemand(e)
              ? 'on demand (kept by the worker)'
              : withWorker.has(e.name)
                ? 'kept by the worker'
                : 'not loaded by a visit';
      const shell = sizes.entries.filter((e) => kindOf(e) === 'app shell');
      const sum = (list, key) => list.reduce((s, e) => s + e[key], 0);
      const [shellRaw, shellBr, shellGz] = ['raw', 'br', 'gz'].map((k) => sum(shell, k));
      table.section('Transfer size of the release build (dist/)', ['asset', 'kind', 'raw', 'brotli', 'gzip', 'requests in a visit (worker blocked / allowed)']);
      for (const e of sizes.entries) {
        table.row(e.name, kindOf(e), kb(e.raw), kb(e.br), kb(e.gz), `${asked.get(e.name) ?? 0} / ${withWorker.get(e.name) ?? 0}`);
      }
      table.row('app shell (html + js + wasm + css the page loads)', 'total', kb(shellRaw), kb(shellBr), kb(shellGz));
      const parts = sizes.entries.filter(onDemand);
      table.row('on-demand part: importer + offline-copy writer (extras-*)', 'total', kb(sum(parts, 'raw')), kb(sum(parts, 'br')), kb(sum(parts, 'gz')));
      table.row('everything in dist/', 'total', kb(sum(sizes.entries, 'raw')), kb(sum(sizes.entries, 'br')), kb(sum(sizes.entries, 'gz')));
      table.row(sizes.data.name, 'data', mb(sizes.data.raw), mb(sizes.data.br), mb(sizes.data.gz));
      judge('app shell at most 150 KB brotli (aim 100)', `${kb(shellBr)}: ${atMost(shellBr, TARGETS.shellBrotli, kb)}`);
      judge('app shell at most 200 KB gzip (aim 130)', `${kb(shellGz)}: ${atMost(shellGz, TARGETS.shellGzip, kb)}`);
      const early = shell.filter((e) => onDemand(e));
      judge('no on-demand part in the app shell', early.length ? `no: ${early.map((e) => e.name).join(', ')}` : 'yes');
    }

    // First rows.
    const loads = {};
    if (want('load') || want('memory')) {
      for (const key of ['desktop', 'cpu4x', 'mobile']) {
        const cond = CONDITIONS[key];
        if (!want('load') && key !== 'desktop') continue;
        log(`first rows, ${cond.label}, ${opts.runs} run(s) each`);
        loads[key] = await timeLoads(browser, pages, cond, opts.runs, dataPath, key === 'desktop');
        for (const w of Object.values(loads[key])) w.errors.forEach((e) => errors.add(e));
      }
    }
    if (want('load')) {
      table.section(`First result rows painted, from navigation start (${fileLabel}; median of ${opts.runs}${opts.runs > 1 ? ', fastest–slowest in brackets' : ''})`, [
        'condition',
        'ours',
        'baseline',
        'ours / baseline',
        'file downloaded at (ours / baseline)',
        'target',
        'verdict',
      ]);
      for (const key of ['desktop', 'cpu4x', 'mobile']) {
        const l = loads[key];
        const ours = median(l.ours.firstRows);
        const base = median(l.baseline.firstRows);
        const target = { desktop: TARGETS.firstRowsDesktop, cpu4x: TARGETS.firstRows4x }[key];
        const verdict = target ? atMost(ours, target, ms) : '–';
        const beats = ours <= base ? 'not slower than baseline' : `slower than baseline by ${ms(ours - base)}`;
        table.row(
          CONDITIONS[key].label,
          spread(l.ours.firstRows),
          spread(l.baseline.firstRows),
          x(ratio(ours, base)),
          `${ms(median(l.ours.dataEnd))} / ${ms(median(l.baseline.dataEnd))}`,
          target ? `≤ ${ms(target)}, ≤ baseline` : '≤ baseline',
          target ? `${verdict}; ${beats}` : beats,
        );
        if (target) judge(`first rows ${CONDITIONS[key].label} ≤ ${ms(target)}`, `${ms(ours)}: ${verdict}`);
        judge(`first rows ${CONDITIONS[key].label} no slower than baseline`, `${ms(ours)} vs ${ms(base)}: ${ours <= base ? 'met' : `missed by ${ms(ours - base)}`}`);
      }
      for (const key of ['desktop', 'cpu4x']) {
        table.row(`(${CONDITIONS[key].label}: JSON.parse of the file in the baseline)`, '', ms(median(loads[key].baseline.parse)), '', '', '', '');
      }
      const bytes = loads.mobile?.ours.dataBytes;
      if (bytes) table.row('(slow 4G: results file over the wire)', kb(bytes), kb(loads.mobile.baseline.dataBytes), '', `encodings served: ${JSON.stringify(server.encodings)}`, '', '');
      // Where our load's time goes: the median time of each step, from navigation start.
      table.section(`Our load step by step (median ms from navigation start; the viewer's User Timing marks)`, ['step', ...['desktop', 'cpu4x', 'mobile'].filter((k) => loads[k]).map((k) => CONDITIONS[k].label)]);
      for (const step of LOAD_STEPS) {
        table.row(step, ...['desktop', 'cpu4x', 'mobile'].filter((k) => loads[k]).map((k) => {
          const xs = loads[k].ours.phases.map((p) => p[step]).filter((v) => typeof v === 'number');
          return xs.length ? ms(median(xs)) : '–';
        }));
      }
    }

    if (want('memory')) {
      const d = loads.desktop;
      const med = (who, f) => median(d[who].prints.map(f));
      const total = (p) => p.jsHeap + (p.backingStores ?? 0) + (p.wasmBytes ?? 0);
      table.section(`DOM and memory after load (desktop, ${fileLabel}; median of ${opts.runs})`, ['figure', 'ours', 'baseline', 'ours / baseline', 'target', 'verdict']);
      const domOurs = med('ours', (p) => p.domNodes);
      const domBase = med('baseline', (p) => p.domNodes);
      table.row('DOM nodes', int(domOurs), int(domBase), x(ratio(domOurs, domBase)), '≤ 1,500', atMost(domOurs, TARGETS.domNodes, int));
      judge('DOM nodes ≤ 1,500', `${int(domOurs)}: ${atMost(domOurs, TARGETS.domNodes, int)}`);
      table.row('JS heap (used, after GC)', mb(med('ours', (p) => p.jsHeap)), mb(med('baseline', (p) => p.jsHeap)), x(ratio(med('ours', (p) => p.jsHeap), med('baseline', (p) => p.jsHeap))), '', '');
      table.row('ArrayBuffers outside the JS heap (after GC)', mb(med('ours', (p) => p.backingStores)), mb(med('baseline', (p) => p.backingStores)), '', '', '');
      const wasm = med('ours', (p) => p.wasmBytes);
      const exposed = d.ours.prints.every((p) => p.wasmExposed);
      table.row(
        `wasm memory (buffer.byteLength${exposed ? ', window.resultsViewer.memory' : ', caught at instantiation: window.resultsViewer not there'})`,
        Number.isFinite(wasm) ? mb(wasm) : 'not found',
        '–',
        '',
        '',
        '',
      );
      const tOurs = med('ours', total);
      const tBase = med('baseline', total);
      const rOurs = tOurs / sizes.data.raw;
      table.row('total: JS heap + ArrayBuffers + wasm memory', mb(tOurs), mb(tBase), x(ratio(tOurs, tBase)), '', '');
      table.row('memory / file size', x(rOurs), x(tBase / sizes.data.raw), '', '≤ 4x', atMost(rOurs, TARGETS.memoryRatio, x));
      judge('memory ≤ 4x the file', `${x(rOurs)}: ${atMost(rOurs, TARGETS.memoryRatio, x)}`);
    }

    // Keystrokes.
    const steps = keystrokeSteps(QUERIES);
    const reps = Math.max(1, opts.runs);
    const keystrokes = steps.length * reps;
    const keys = {};
    const libTimes = {};
    if (want('keys') || want('search')) {
      for (const key of ['desktop', 'cpu4x']) {
        log(`keystrokes${want('search') ? ' and search libraries' : ''}, ${CONDITIONS[key].label}: ${reps} round(s) of ${steps.length}`);
        const got = await timeKeysAndSearch(browser, pages, searchUrl, CONDITIONS[key], steps, reps, dataPath, want('search'));
        keys[key] = { ours: keyFigures(got.ours), baseline: keyFigures(got.baseline) };
        const fig = (xs) => ({ p50: percentile(xs, 50), p95: percentile(xs, 95) });
        libTimes[key] = {
          setupMs: got.libs.setupMs,
          uFuzzy: fig(got.libs.uFuzzy),
          'Fuse.js': fig(got.libs['Fuse.js']),
          ours: fig(got.oursSearch),
          oursIndexMs: got.oursIndexMs,
        };
      }
    }
    if (want('keys')) {
      table.section(
        `Keystroke to updated list (${QUERIES.map(([, q]) => `"${q}"`).join(', ')} typed char by char, each then cleared; ${keystrokes} keystrokes, ${reps} round(s) alternating with the baseline and the libraries)`,
        ['condition', 'figure', 'ours', 'baseline', 'ours / baseline', 'target', 'verdict'],
      );
      for (const key of ['desktop', 'cpu4x']) {
        const k = keys[key];
        const target = key === 'desktop' ? TARGETS.keyP95Desktop : TARGETS.keyP95Throttled;
        const label = CONDITIONS[key].label;
        table.row(label, 'update p50', ms(k.ours.p50), ms(k.baseline.p50), x(ratio(k.ours.p50, k.baseline.p50)), '', '');
        table.row(label, 'update p95', ms(k.ours.p95), ms(k.baseline.p95), x(ratio(k.ours.p95, k.baseline.p95)), `≤ ${ms(target)}`, atMost(k.ours.p95, target, ms));
        table.row(label, 'update max', ms(k.ours.max), ms(k.baseline.max), '', '', '');
        table.row(label, 'painted p50 / p95', `${ms(k.ours.frameP50)} / ${ms(k.ours.frameP95)}`, `${ms(k.baseline.frameP50)} / ${ms(k.baseline.frameP95)}`, '', '', '');
        table.row(label, 'keystrokes that left the list unchanged', int(k.ours.unchanged), int(k.baseline.unchanged), '', '', '');
        judge(`keystroke p95 ${label} ≤ ${ms(target)}`, `${ms(k.ours.p95)}: ${atMost(k.ours.p95, target, ms)}`);
      }
    }

    // Search libraries.
    if (want('search')) {
      const typed = steps.filter((s) => s.kind !== 'clear').map((s) => s.value);
      const libQueries = Array.from({ length: reps }, () => typed).flat();
      table.section(
        `Search over the same ${int(runners.length)} names (${libQueries.length} queries): our search call (window.resultsViewer.search: match and rank) against uFuzzy's and Fuse.js's; and our whole keystroke (search, list update, render) for scale`,
        ['condition', 'figure', 'ours', 'uFuzzy', 'ours / uFuzzy', 'Fuse.js', 'ours / Fuse.js', 'target', 'verdict'],
      );
      for (const key of ['desktop', 'cpu4x']) {
        const lib = libTimes[key];
        const ours = keys[key].ours;
        const label = CONDITIONS[key].label;
        for (const p of ['p50', 'p95']) {
          const o = lib.ours[p];
          const ru = ratio(o, lib.uFuzzy[p]);
          const rf = ratio(o, lib['Fuse.js'][p]);
          const verdict = [
            ru <= TARGETS.uFuzzyRatio ? 'as fast as uFuzzy: met' : `vs uFuzzy: missed (${x(ru)})`,
            rf <= TARGETS.fuseRatio ? '5x Fuse.js: met' : `5x Fuse.js: missed (${x(rf)}, needs ≤ 0.20x)`,
          ].join('; ');
          table.row(label, `search call ${p}`, ms(o), ms(lib.uFuzzy[p]), x(ru), ms(lib['Fuse.js'][p]), x(rf), 'ours/uFuzzy ≤ 1, ours/Fuse ≤ 0.2', verdict);
          if (p === 'p50') judge(`search ${label} (p50) vs uFuzzy ≤ 1x and Fuse.js ≤ 0.2x`, `${x(ru)} / ${x(rf)}: ${verdict}`);
        }
        for (const p of ['p50', 'p95']) {
          const o = p === 'p50' ? ours.typingP50 : ours.typingP95;
          table.row(label, `whole keystroke ${p} (typing only)`, ms(o), '', x(ratio(o, lib.uFuzzy[p])), '', x(ratio(o, lib['Fuse.js'][p])), '', '');
        }
        const ourIndex = lib.oursIndexMs == null ? '–' : `${ms(lib.oursIndexMs)} (after the first rows, when idle)`;
        table.row(label, 'index build at load', ourIndex, ms(lib.setupMs.uFuzzy), x(ratio(lib.oursIndexMs, lib.setupMs.uFuzzy)), ms(lib.setupMs['Fuse.js']), x(ratio(lib.oursIndexMs, lib.setupMs['Fuse.js'])), '', '');
      }
    }

    if (want('cross')) {
      log('cross-script queries');
      const rows = await crossScript(browser, appUrl, searchUrl, runners, CONDITIONS.desktop, dataPath);
      table.section('Cross-script search: names in the other script found (of those in the file)', ['query', 'other spelling', 'in file', 'ours', 'uFuzzy', 'Fuse.js']);
      const found = { ours: 0, uFuzzy: 0, fuse: 0 };
      let present = 0;
      for (const r of rows) {
        table.row(r.query, `/${r.other}/`, int(r.present), int(r.ours), int(r.uFuzzy), int(r.fuse));
        present += r.present;
        for (const k of Object.keys(found)) found[k] += r[k];
      }
      const queriesWithHit = (k) => rows.filter((r) => r[k] > 0).length;
      table.row('total', '', int(present), int(found.ours), int(found.uFuzzy), int(found.fuse));
      table.row('queries with any', '', `${rows.length}`, `${queriesWithHit('ours')}`, `${queriesWithHit('uFuzzy')}`, `${queriesWithHit('fuse')}`);
      judge(
        'finds Cyrillic/Latin matches the libraries miss',
        `ours ${found.ours} of ${present}, uFuzzy ${found.uFuzzy}, Fuse.js ${found.fuse}: ${found.ours > Math.max(found.uFuzzy, found.fuse) ? 'met' : 'missed'}`,
      );
    }

    if (want('parts')) {
      await benchParts({
        browser,
        server,
        opts,
        runners,
        dataPath,
        pages: { plain: appUrl, baseline: baseUrl },
        fileLabel,
        table,
        judge,
        log,
        errors,
        fmt: { kb, ms, spread, atMost, int },
      });
    }

    if (opts.lighthouse && want('lighthouse')) {
      const gzipHost = await startBenchServer({ root: opts.dist, dataDir: path.dirname(opts.data), gzipOnly: true });
      const runs = [
        [server, 'brotli', 'simulate', 'simulated'],
        [server, 'brotli', 'devtools', 'applied'],
        [gzipHost, 'gzip', 'simulate', 'simulated'],
        [gzipHost, 'gzip', 'devtools', 'applied'],
      ];
      for (const [host, encoding, method, how] of runs) {
        log(`Lighthouse (mobile, default results.json, ${encoding} host, ${how} throttling)`);
        lighthouse = await runLighthouse(`${host.url}/`, path.join(HERE, 'out'), { throttlingMethod: method, name: `${encoding}-${method}` });
        table.section(`Lighthouse mobile, ${encoding} host (demo with its first view; ${how} slow 4G and 4x CPU)`, ['category', 'score', 'target', 'verdict']);
        if (lighthouse.error) table.row('(did not run)', lighthouse.error, '100', 'not measured');
        for (const [cat, score] of Object.entries(lighthouse.scores ?? {})) {
          const verdict = score >= TARGETS.lighthouse ? 'met' : `missed by ${TARGETS.lighthouse - score}`;
          table.row(cat, String(score), '100', verdict);
          judge(`Lighthouse ${cat} 100 (${encoding}, ${how})`, `${score}: ${verdict}`);
        }
        for (const [m, v] of Object.entries(lighthouse.metrics ?? {})) table.row(`  ${m}`, v, '', '');
        for (const f of lighthouse.failed ?? []) table.row(`  lost points: ${f}`, '', '', '');
      }
      await gzipHost.close();
    }
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }

  if (verdicts.length) {
    table.section('Targets', ['target', 'result']);
    for (const [what, v] of verdicts) table.row(what, v);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const header = [
    `date ${facts.date}, commit ${facts.commit}; build: ${facts.build}`,
    `machine: ${facts.nproc} cores (${facts.cpu}), ${facts.memory}, load average at start ${facts.load}`,
    `${facts.chromium}, headless; Node ${facts.node}; file ${path.relative(REPO, opts.data)} (${fileLabel}); ${opts.runs} run(s)${opts.smoke ? ', smoke' : ''}; took ${seconds} s`,
  ];
  console.log(`\n${header.join('\n')}${table.text()}`);
  if (errors.size) console.log(`\npage errors: ${[...errors].slice(0, 5).join(' | ')}`);
  const md = [
    '# Benchmark results',
    '',
    'Written by `bench/run` (see docs/performance.md for what each figure means). Ratios are ours / theirs: below 1 is better for us.',
    '',
    ...header.map((h) => `- ${h}`),
    table.markdown(),
    '',
  ].join('\n');
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  fs.writeFileSync(opts.out, md);
  console.log(`\nwrote ${path.relative(REPO, opts.out)}`);
}

main().catch((e) => {
  console.error(`bench: ${e.stack ?? e}`);
  process.exitCode = 1;
});
