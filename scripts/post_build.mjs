// Trunk post-build hook: move the inline module loader that Trunk writes into its own
// file, so the page runs under a CSP without 'unsafe-inline'.
import { readFileSync, writeFileSync, renameSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { prepareOffline } from './offline_build.mjs';
import { allowOrigins } from './allow-origins.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run through trunk build');
const htmlPath = join(dir, 'index.html');
let html = readFileSync(htmlPath, 'utf8');

// The on-demand module (Trunk builds it as a "worker", unhashed and not linked): name
// its two files by their content, so a browser never mixes one build's glue with
// another's wasm, and write those names into the boot script's loader.
const parts = {};
for (const [file, placeholder] of [
  ['extras_bg.wasm', './extras_bg.wasm'],
  ['extras.js', './extras.js'],
]) {
  const from = join(dir, file);
  if (!existsSync(from)) throw new Error(`post_build: ${file} was not built`);
  const hash = createHash('sha256').update(readFileSync(from)).digest('hex').slice(0, 16);
  const name = file.replace(/(_bg)?\.(js|wasm)$/, (_, bg, ext) => `-${hash}${bg || ''}.${ext}`);
  renameSync(from, join(dir, name));
  if (!html.includes(`'${placeholder}'`)) throw new Error(`post_build: index.html does not name '${placeholder}'`);
  html = html.replace(`'${placeholder}'`, `'./${name}'`);
  parts[file.endsWith('.wasm') ? 'wasm' : 'js'] = name;
}
const inline = /<script type="module"([^>]*)>([\s\S]*?)<\/script>/g;
let moved = 0;
html = html.replace(inline, (whole, attrs, body) => {
  if (/\bsrc=/.test(attrs) || !body.trim()) return whole;
  const name = `boot-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, name), body.trim() + '\n');
  moved += 1;
  return `<script type="module" src="./${name}"></script>`;
});
// Other origins results may come from: RESULTS_ORIGINS="https://a https://b" at build time
// (or scripts/allow-origins.mjs on a built dist/); by default this site's own only.
const origins = (process.env.RESULTS_ORIGINS || '').split(/[\s,]+/).filter(Boolean);
html = allowOrigins(html, origins);
writeFileSync(htmlPath, html);
console.log(`post_build: moved ${moved} inline script(s) to files; results origins: 'self' ${origins.join(' ')}`);
// Service worker shell list and the parts of "Save offline copy" (see that file).
prepareOffline(dir, parts);
