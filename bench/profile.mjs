// CPU profiles of the viewer: one load of the benchmark file, then the benchmark's
// keystrokes, each summarised as the functions with the most self time.
// Usually run through bench/profile, which builds a variant whose wasm keeps its names.
//
//   node bench/profile.mjs --dist DIR [--cpu N] [--data FILE] [--top N]

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startBenchServer } from './serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS, CONDITIONS, QUERIES, WATCH_FIRST_ROWS, keystrokeSteps, settle, typeSteps } from './measure.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');

function parseArgs(argv) {
  const o = { dist: path.join(HERE, 'out', 'dist-profile'), cpu: 4, data: path.join(REPO, 'public', 'results-50k.json'), top: 25 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dist') o.dist = path.resolve(argv[++i]);
    else if (a === '--cpu') o.cpu = Number(argv[++i]);
    else if (a === '--data') o.data = path.resolve(argv[++i]);
    else if (a === '--top') o.top = Number(argv[++i]);
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

// Self time per function (name and script), and the total, in ms.
function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const deltas = profile.timeDeltas;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (deltas[i + 1] ?? 0) / 1000;
    const node = byId.get(profile.samples[i]);
    const f = node.callFrame;
    if (f.functionName === '(idle)') continue;
    const file = f.url ? path.basename(new URL(f.url, 'http://x').pathname) : '';
    // The harness is evaluated without a URL: its self time includes the style and
    // layout that its offsetHeight read forces after each keystroke.
    const key = `${f.functionName || '(anonymous)'}${file ? `  [${file}]` : ''}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  }
  return { total, top: [...self.entries()].sort((a, b) => b[1] - a[1]) };
}

// Self time by kind, first matching rule wins.
const KINDS = [
  [/_bg\.wasm\]$/, 'our wasm'],
  [/race-results-[^\]]*\.js\]$/, 'its JS glue'],
  [/\.m?js\]$/, 'other JS'],
  [/^\(garbage collector\)$/, 'garbage collector'],
  [/^\(program\)$/, 'browser work charged to no function (style, layout, paint, tasks)'],
  [/^\(anonymous\)$/, 'benchmark harness, with the style and layout it forces'],
  [/.*/, 'browser APIs (DOM, history, timers, …)'],
];

function kinds(summary) {
  const out = {};
  for (const [name, t] of summary.top) {
    const kind = KINDS.find(([re]) => re.test(name))[1];
    out[kind] = (out[kind] ?? 0) + t;
  }
  return Object.entries(out)
    .sort((a, b) => b[1] - a[1])
    .map(([k, t]) => `${k} ${t.toFixed(0)} ms`)
    .join('; ');
}

// Time with each of our wasm functions on the stack (inclusive), so the load splits
// into its phases: parsing, places, search index, first render.
function inclusive(profile, pattern, top) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const time = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const seen = new Set();
    for (let id = profile.samples[i]; id != null; id = parent.get(id)) {
      const name = byId.get(id).callFrame.functionName.replace(/::h[0-9a-f]{16}$/, '');
      if (pattern.test(name)) seen.add(name);
    }
    for (const name of seen) time.set(name, (time.get(name) ?? 0) + dt);
  }
  return [...time.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
}

function printInclusive(title, rows) {
  console.log(`\n== ${title}: time with the function on the stack`);
  for (const [name, t] of rows) console.log(`${t.toFixed(1).padStart(9)} ms  ${name}`);
}

function print(title, summary, top) {
  console.log(`\n== ${title}: ${summary.total.toFixed(0)} ms of CPU (idle left out)`);
  console.log(`by kind: ${kinds(summary)}`);
  for (const [name, t] of summary.top.slice(0, top)) {
    console.log(`${t.toFixed(1).padStart(9)} ms  ${((100 * t) / summary.total).toFixed(1).padStart(5)} %  ${name}`);
  }
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const dataName = path.basename(o.data);
  const dataPath = `/bench-data/${encodeURIComponent(dataName)}`;
  const server = await startBenchServer({ root: o.dist, dataDir: path.dirname(o.data) });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const cond = { ...CONDITIONS.cpu4x, cpu: o.cpu, label: `${o.cpu}x CPU` };
  try {
    // The profiler must run before navigation: start it from a blank page's session.
    const context = await browser.newContext({ ...cond.device, locale: 'en-US' });
    await context.addInitScript(WATCH_FIRST_ROWS);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    if (cond.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cond.cpu });
    await cdp.send('Profiler.start');
    const opened = await openUnderPage(page, `${server.url}/?src=${encodeURIComponent(dataPath)}&lang=en`, dataPath);
    await settle(page);
    const load = (await cdp.send('Profiler.stop')).profile;
    fs.writeFileSync(path.join(HERE, 'out', 'load.cpuprofile'), JSON.stringify(load));
    console.log(`first rows at ${opened.firstRows.toFixed(0)} ms (file downloaded at ${opened.dataEnd?.toFixed(0)} ms), ${cond.label}`);
    print(`load of ${dataName}, ${cond.label}`, summarise(load), o.top);
    printInclusive(`load, our functions`, inclusive(load, /^(race_results|<race_results)/, o.top));

    await cdp.send('Profiler.start');
    const samples = await typeSteps(page, keystrokeSteps(QUERIES));
    const keys = (await cdp.send('Profiler.stop')).profile;
    fs.writeFileSync(path.join(HERE, 'out', 'keys.cpuprofile'), JSON.stringify(keys));
    console.log('\nkeystrokes (update ms): ' + samples.map((s) => `${s.value || '∅'} ${s.update.toFixed(0)}`).join(', '));
    print(`keystrokes, ${cond.label}`, summarise(keys), o.top);
    printInclusive(`keystrokes, our functions`, inclusive(keys, /^(race_results|<race_results)/, o.top));
    await context.close();
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
  console.log('\nwrote bench/out/load.cpuprofile and bench/out/keys.cpuprofile');
}

// Like openUnder, but in a page whose session already profiles.
async function openUnderPage(page, url, dataPath) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench?.firstRows != null, null, { timeout: 300_000, polling: 250 });
  return page.evaluate((dataPath) => {
    const data = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === dataPath);
    return { firstRows: window.__bench.firstRows, dataEnd: data?.responseEnd ?? null };
  }, dataPath);
}

main().catch((e) => {
  console.error(`profile: ${e.stack ?? e}`);
  process.exitCode = 1;
});
