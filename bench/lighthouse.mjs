// Lighthouse's mobile audit (its default: a phone screen, simulated slow 4G and 4x CPU)
// in Debian's Chromium, started by chrome-launcher with the benchmark's headless flags.
import fs from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM, CHROMIUM_ARGS } from './measure.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
];

/**
 * Audits `url`; resolves to { scores: {category: 0..100}, metrics: {name: text}, failed: [audit titles] }
 * or { error } when Lighthouse could not run. Saves the full report as JSON in `outDir`.
 * `throttlingMethod` 'simulate' (Lighthouse's default: a fast load, then estimated) or
 * 'devtools' (the load itself throttled: shows what paints from the HTML alone, such as
 * the first view, which the estimate cannot see when the app takes over before a paint).
 */
export async function runLighthouse(url, outDir, { throttlingMethod = 'simulate', name = throttlingMethod } = {}) {
  let chrome;
  try {
    chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_ARGS, logLevel: 'silent' });
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES, throttlingMethod });
    const lhr = result?.lhr;
    if (!lhr) return { error: 'Lighthouse returned no report' };
    if (lhr.runtimeError) return { error: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` };
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, `lighthouse-${name}.json`), result.report);
    const scores = {};
    for (const c of CATEGORIES) {
      const s = lhr.categories[c]?.score;
      scores[c] = s == null ? null : Math.round(s * 100);
    }
    const metrics = {};
    for (const m of METRICS) if (lhr.audits[m]) metrics[m] = lhr.audits[m].displayValue ?? String(lhr.audits[m].numericValue);
    // What cost points, so the report says what to fix.
    const failed = [];
    for (const c of CATEGORIES) {
      for (const ref of lhr.categories[c]?.auditRefs ?? []) {
        const a = lhr.audits[ref.id];
        if (ref.weight > 0 && a && a.score != null && a.score < 1) failed.push(`${c}: ${a.title} (${Math.round(a.score * 100)})`);
      }
    }
    return { scores, metrics, failed, version: lhr.lighthouseVersion };
  } catch (e) {
    return { error: String(e?.message ?? e).split('\n')[0] };
  } finally {
    await chrome?.kill();
  }
}
