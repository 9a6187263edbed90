// Allows results from other origins in a built viewer, without rebuilding it: writes the
// origins into index.html's results-origins meta tag (read by the app and its boot
// script) and into the Content-Security-Policy's connect-src, so the browser itself
// refuses any other origin even if a check in the app had a bug.
//
//   node scripts/allow-origins.mjs dist https://timing.example https://cdn.example
//   node scripts/allow-origins.mjs dist          # this site's own origin only
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A plain http(s) origin in the browser's form, or null (as src/origin.rs normalizes). */
export function normalizeOrigin(text) {
  const m = /^(https?):\/\/([a-z0-9.\-:[\]]+?)\/?$/i.exec(String(text).trim());
  if (!m) return null;
  const scheme = m[1].toLowerCase();
  let host = m[2].toLowerCase();
  host = host.replace(scheme === 'http' ? /:80$/ : /:443$/, '');
  return `${scheme}://${host}`;
}

/** index.html's text with exactly `origins` allowed (besides 'self'). */
export function allowOrigins(html, origins) {
  const list = [];
  for (const o of origins) {
    const n = normalizeOrigin(o);
    if (!n) throw new Error(`not a plain http(s) origin: ${o} (write it as https://host[:port])`);
    if (!list.includes(n)) list.push(n);
  }
  const meta = /<meta\s+name="?results-origins"?\s+content=("[^"]*"|[^\s>]*)\s*\/?>/i;
  if (!meta.test(html)) throw new Error('index.html has no results-origins meta tag');
  html = html.replace(meta, `<meta name="results-origins" content="${list.join(' ')}">`);
  const csp = /(<meta\s+http-equiv="?Content-Security-Policy"?\s+content=")([^"]*)(")/i;
  if (!csp.test(html)) throw new Error('index.html has no Content-Security-Policy meta tag');
  return html.replace(csp, (_, open, policy, close) => {
    const rules = policy.split(';').map((r) => r.trim()).filter((r) => r && !/^connect-src\b/i.test(r));
    rules.push(['connect-src', "'self'", ...list].join(' '));
    return open + rules.join('; ') + close;
  });
}

/** Rewrites DIR/index.html. */
export function allowOriginsIn(dir, origins) {
  const file = join(dir, 'index.html');
  writeFileSync(file, allowOrigins(readFileSync(file, 'utf8'), origins));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [dir, ...origins] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node scripts/allow-origins.mjs DIST [https://origin ...]');
    process.exit(2);
  }
  try {
    allowOriginsIn(dir, origins);
    console.log(`allowed results origins: 'self'${origins.length ? ' ' + origins.join(' ') : ''}`);
  } catch (e) {
    console.error(`allow-origins: ${e.message}`);
    process.exit(1);
  }
}
