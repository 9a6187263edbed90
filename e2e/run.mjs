// Runs the browser tests against the built viewer in Debian's Chromium.
//
//   node e2e/run.mjs [filter...] [--root dist] [--tests e2e/tests]
// A filter keeps the tests whose name contains it (any of several).
//
// Each e2e/tests/*.test.mjs exports
//   export const tests = [{ name, viewport?, run: async ({ page, viewer, baseUrl, shot }) => {} }]
// Optional per test: viewport 'phone' (default) | 'desktop', colorScheme,
// locale, timeout (ms), allowOrigins [origin], allowConsole [RegExp].
// A test fails when `run` throws, or when the page raised an uncaught error,
// logged a console error, hit the Content-Security-Policy, opened a dialog,
// or asked for anything from another origin (the viewer may only talk to its
// own origin and the results file's). The last line is "N passed, N failed".

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { Viewer } from './pages.mjs';
import { CHROMIUM, CHROMIUM_ARGS, VIEWPORTS } from './chromium.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');
const SCREENSHOTS = path.join(HERE, 'screenshots');
const TEST_TIMEOUT_MS = 30_000;
const STEP_TIMEOUT_MS = 10_000;

export { CHROMIUM, CHROMIUM_ARGS, VIEWPORTS };

// Runs in every page before its own scripts: CSP violations are events, not
// always console messages, so they are reported through a binding.
const RECORD_CSP = () => {
  document.addEventListener(
    'securitypolicyviolation',
    (e) => {
      const report = `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}` +
        (e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}` : '');
      window.__e2eCspViolation?.(report);
    },
    true,
  );
};

function parseArgs(argv) {
  const opts = { filters: [], root: path.join(REPO, 'dist'), tests: path.join(HERE, 'tests') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--root') opts.root = path.resolve(argv[++i]);
    else if (arg === '--tests') opts.tests = path.resolve(argv[++i]);
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else opts.filters.push(arg);
  }
  return opts;
}

async function loadTests(dir, filters) {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.test.mjs')).sort();
  const all = [];
  for (const file of files) {
    const mod = await import(pathToFileURL(path.join(dir, file)).href);
    if (!Array.isArray(mod.tests)) throw new Error(`${file} exports no \`tests\` array`);
    for (const t of mod.tests) {
      if (typeof t.name !== 'string' || typeof t.run !== 'function') {
        throw new Error(`${file}: every test needs a name and a run function`);
      }
      const viewport = t.viewport ?? 'phone';
      if (!VIEWPORTS[viewport]) throw new Error(`${file}: ${t.name}: unknown viewport ${viewport}`);
      all.push({ ...t, viewport, file });
    }
  }
  const names = new Set();
  for (const t of all) {
    if (names.has(t.name)) throw new Error(`two tests are named "${t.name}"`);
    names.add(t.name);
  }
  return filters.length ? all.filter((t) => filters.some((f) => t.name.includes(f))) : all;
}

// A failure's reason on one line, without Playwright's call log.
function oneLine(err) {
  const plain = String(err?.message ?? err).replace(/\u001b\[[0-9;]*m/g, '');
  const [text, log] = plain.split(/\n\s*Call log:/);
  const waiting = log?.split('\n').map((l) => l.replace(/^\s*-\s*/, '').trim()).find(Boolean);
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  if (waiting) lines.push(waiting);
  const line = lines.join(' / ');
  return line.length > 600 ? line.slice(0, 600) + '…' : line;
}

const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Origins a test may talk to: the server's own, data:/blob: made by the page,
// and whatever the test names (e.g. the origin of a remote results file).
function isAllowedUrl(url, allowed) {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  let origin;
  try {
    origin = new URL(url).origin;
  } catch {
    return false;
  }
  return allowed.has(origin);
}

async function runTest(browser, test, baseUrl, root) {
  const problems = [];
  const allowed = new Set([baseUrl, ...(test.allowOrigins ?? [])]);
  const allowConsole = test.allowConsole ?? [];
  const context = await browser.newContext({
    ...VIEWPORTS[test.viewport],
    locale: test.locale ?? 'en-US',
    colorScheme: test.colorScheme ?? 'light',
    reducedMotion: 'reduce',
    serviceWorkers: test.serviceWorkers ?? 'block',
  });
  try {
    await context.exposeBinding('__e2eCspViolation', (_source, report) => {
      problems.push(`CSP violation: ${report}`);
    });
    await context.addInitScript(RECORD_CSP);
    context.on('request', (req) => {
      if (!isAllowedUrl(req.url(), allowed)) problems.push(`request to another origin: ${req.url()}`);
    });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    page.on('pageerror', (err) => problems.push(`uncaught page error: ${err.message}`));
    page.on('crash', () => problems.push('the page crashed'));
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const where = msg.location()?.url;
      const text = msg.text() + (where && !msg.text().includes(where) ? ` (${where})` : '');
      if (allowConsole.some((re) => re.test(text))) return;
      // Chromium asks for /favicon.ico in whichever page comes first; a 404
      // there would fail one arbitrary test, so it is not the viewer's error.
      if (/\/favicon\.ico$/.test(where ?? '')) return;
      const kind = /Content Security Policy/i.test(text) ? 'CSP violation (console)' : 'console error';
      problems.push(`${kind}: ${text}`);
    });
    page.on('dialog', async (dialog) => {
      problems.push(`a dialog (${dialog.type()}) opened: ${JSON.stringify(dialog.message())}`);
      await dialog.dismiss().catch(() => {});
    });

    const shot = async (name) => {
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      const file = path.join(SCREENSHOTS, `${slug(test.name)}-${slug(name)}-${test.viewport}.png`);
      await page.screenshot({ path: file });
      return file;
    };
    const viewer = new Viewer(page, baseUrl);
    await withTimeout(
      test.run({ page, context, viewer, baseUrl, root, shot, viewport: test.viewport }),
      test.timeout ?? TEST_TIMEOUT_MS,
      'the test',
    );
  } catch (err) {
    problems.unshift(oneLine(err));
  } finally {
    await context.close().catch(() => {});
  }
  return problems;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`${err.message}\nusage: node e2e/run.mjs [filter...] [--root dist] [--tests e2e/tests]`);
    return 2;
  }
  if (!fs.existsSync(path.join(opts.root, 'index.html'))) {
    console.error(`${path.join(opts.root, 'index.html')} is missing: run the build first (trunk build --release)`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  const tests = await loadTests(opts.tests, opts.filters);
  if (tests.length === 0) {
    console.error(`no test name contains ${opts.filters.map((f) => JSON.stringify(f)).join(' or ')}`);
    console.log('0 passed, 0 failed');
    return 1;
  }

  const server = await startServer({ root: opts.root, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  let passed = 0;
  let failed = 0;
  try {
    for (const test of tests) {
      const started = Date.now();
      const problems = await runTest(browser, test, server.url, opts.root);
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      if (problems.length === 0) {
        passed++;
        console.log(`ok - ${test.name} (${secs} s)`);
      } else {
        failed++;
        console.log(`not ok - ${test.name}: ${problems[0]}`);
        for (const more of problems.slice(1, 6)) console.log(`    also: ${more}`);
        if (problems.length > 6) console.log(`    and ${problems.length - 6} more`);
      }
    }
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
