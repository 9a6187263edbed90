// Build step for offline use, run by scripts/post_build.mjs in Trunk's staging folder:
//
// 1. sw.js gets the list of shell files to cache, the on-demand parts it also keeps
//    (the importer: import works offline after one visit), and a build id (so each
//    release is a new service worker that replaces the old cache).
// 2. offline-boot-<hash>.js: the wasm-bindgen glue followed by a few lines that start
//    the viewer from wasm bytes inside the page. "Save offline copy" puts this text
//    inline in the one-file copy, so it must not fetch anything.
// 3. offline-extras-<hash>.js: the on-demand module's glue followed by the loader the
//    viewer calls on first use (window.resultsExtrasLoad), reading its wasm from the
//    page too, so an offline copy can still import a CSV.
// 4. offline-copy.json: what the viewer needs to write that copy: the file names and
//    the sha256 of each inline part, for the copy's Content-Security-Policy.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const sha256 = (data) => createHash('sha256').update(data);

// Local files the page links to, in page order ("./x.js", "icon.svg").
function localLinks(html) {
  const found = [];
  for (const m of html.matchAll(/<(?:link|script)\b[^>]*?\b(?:href|src)="([^"]+)"/g)) {
    const url = m[1];
    if (/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url)) continue; // data:, https:, //host
    const path = url.replace(/^\.\//, '');
    if (!found.includes(path)) found.push(path);
  }
  return found;
}

function one(html, re, what) {
  const m = html.match(re);
  if (!m) throw new Error(`offline_build: ${what} not found in index.html`);
  return m[1].replace(/^\.\//, '');
}

// Text placed inside <script> or <style> must not be able to end that element early.
function assertInlineSafe(text, tag, name) {
  if (new RegExp(`</${tag}|<!--`, 'i').test(text)) {
    throw new Error(`offline_build: ${name} contains "</${tag}" or "<!--" and cannot be inlined`);
  }
}

// The wasm-bindgen glue of `file`, checked to stand alone as an inline module; returns
// its text and the name of its init function (the default export).
function glueOf(dir, file) {
  const text = readFileSync(join(dir, file), 'utf8');
  const init = text.match(/export\s*\{[^}]*\b([A-Za-z_$][\w$]*)\s+as\s+default\b/);
  if (!init) throw new Error(`offline_build: ${file} has no default export (wasm-bindgen init)`);
  if (/^\s*import\b/m.test(text)) {
    throw new Error(`offline_build: ${file} imports other modules; the offline copy cannot inline them`);
  }
  return { text, init: init[1] };
}

// Base64 in <script id>, decoded into bytes (the offline copy fetches nothing).
const FROM_PAGE = (id) => `(() => {
  const raw = atob(document.getElementById('${id}').textContent.trim());
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
})()`;

export function prepareOffline(dir, parts) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const glue = one(html, /<link rel="modulepreload" href="([^"]+\.js)"/, 'the wasm-bindgen module');
  const wasm = one(html, /<link rel="preload" href="([^"]+\.wasm)"/, 'the wasm file');
  const style = one(html, /<link rel="stylesheet" href="([^"]+\.css)"/, 'the stylesheet');

  const { text: glueText, init } = glueOf(dir, glue);
  // An inline module may keep the glue's `export`s: nothing imports them, they are legal.
  const boot =
    glueText.trimEnd() +
    `

// Offline copy: it opens in the language it was saved in (<html lang>), unless its
// address names one; the viewer reads the language from the address.
try {
  const params = new URLSearchParams(location.search);
  const lang = document.documentElement.lang;
  if (lang && !params.has('lang')) {
    params.set('lang', lang);
    history.replaceState(null, '', '?' + params + location.hash);
  }
} catch {
  // An address that cannot change: the browser's language is used instead.
}
// The wasm is base64 in <script id="viewer-wasm">, so nothing is fetched.
await ${init}({ module_or_path: ${FROM_PAGE('viewer-wasm')} });
`;
  assertInlineSafe(boot, 'script', glue);
  const styleText = readFileSync(join(dir, style), 'utf8');
  assertInlineSafe(styleText, 'style', style);
  const script = `offline-boot-${sha256(boot).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, script), boot);

  const extras = glueOf(dir, parts.js);
  const extrasBoot =
    extras.text.trimEnd() +
    `

// Offline copy: the on-demand module loads from <script id="extras-wasm"> when first used.
{
  let loading = null;
  window.resultsExtrasLoad = () =>
    (loading ||= ${extras.init}({ module_or_path: ${FROM_PAGE('extras-wasm')} }).then(() => window.resultsExtras));
}
`;
  assertInlineSafe(extrasBoot, 'script', parts.js);
  const extrasScript = `offline-extras-${sha256(extrasBoot).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, extrasScript), extrasBoot);
  const copy = {
    script,
    script_sha256: sha256(boot).digest('base64'),
    style,
    style_sha256: sha256(styleText).digest('base64'),
    wasm,
    extras_script: extrasScript,
    extras_script_sha256: sha256(extrasBoot).digest('base64'),
    extras_wasm: parts.wasm,
  };
  writeFileSync(join(dir, 'offline-copy.json'), JSON.stringify(copy, null, 2) + '\n');

  // The shell: the page, everything it links to, and what "Save offline copy" reads.
  const shell = ['./', ...localLinks(html), script, extrasScript, 'offline-copy.json'];
  for (const path of shell.slice(1)) {
    if (!existsSync(join(dir, path))) throw new Error(`offline_build: ${path} is linked but not built`);
  }
  const build = sha256(html);
  const onDemand = [parts.js, parts.wasm];
  for (const path of [...shell.slice(1), ...onDemand]) build.update(readFileSync(join(dir, path)));
  const swPath = join(dir, 'sw.js');
  let sw = readFileSync(swPath, 'utf8');
  // The lines must be there to fill; filled already (a second run) is fine.
  if (![/^const BUILD = .*;$/m, /^const SHELL = .*;$/m, /^const PARTS = .*;$/m].every((line) => line.test(sw))) {
    throw new Error('offline_build: sw.js has no BUILD / SHELL / PARTS lines to fill');
  }
  sw = sw
    .replace(/^const BUILD = .*;$/m, `const BUILD = '${build.digest('hex').slice(0, 16)}';`)
    .replace(/^const SHELL = .*;$/m, `const SHELL = ${JSON.stringify(shell)};`)
    .replace(/^const PARTS = .*;$/m, `const PARTS = ${JSON.stringify(onDemand)};`);
  writeFileSync(swPath, sw);
  console.log(`offline_build: ${shell.length} shell files and ${onDemand.length} on-demand parts cached by sw.js; offline copy script ${script}`);
}
