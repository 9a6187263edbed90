// Build step for offline use, run by scripts/post_build.mjs in Trunk's staging folder:
//
// 1. sw.js gets the list of shell files to cache, the on-demand parts it also keeps
//    (the importer: import works offline after one visit), and a build id (so each
//    release is a new service worker that replaces the old cache).
// 2. offline-boot-<hash>.js: the wasm-bindgen glue followed by a few lines that start
//    the viewer from wasm bytes inside the page. "Save offline copy" puts this text
//    inline in the one-file copy, so it must not fetch anything.
// 3. offline-copy.json: what the viewer needs to write that copy: the file names and
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

export function prepareOffline(dir, parts = []) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const glue = one(html, /<link rel="modulepreload" href="([^"]+\.js)"/, 'the wasm-bindgen module');
  const wasm = one(html, /<link rel="preload" href="([^"]+\.wasm)"/, 'the wasm file');
  const style = one(html, /<link rel="stylesheet" href="([^"]+\.css)"/, 'the stylesheet');

  const glueText = readFileSync(join(dir, glue), 'utf8');
  const init = glueText.match(/export\s*\{[^}]*\b([A-Za-z_$][\w$]*)\s+as\s+default\b/);
  if (!init) throw new Error(`offline_build: ${glue} has no default export (wasm-bindgen init)`);
  if (/^\s*import\b/m.test(glueText)) {
    throw new Error(`offline_build: ${glue} imports other modules; the offline copy cannot inline them`);
  }
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
{
  const text = document.getElementById('viewer-wasm').textContent.trim();
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  await ${init[1]}({ module_or_path: bytes });
}
`;
  assertInlineSafe(boot, 'script', glue);
  const styleText = readFileSync(join(dir, style), 'utf8');
  assertInlineSafe(styleText, 'style', style);
  const script = `offline-boot-${sha256(boot).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, script), boot);
  const copy = {
    script,
    script_sha256: sha256(boot).digest('base64'),
    style,
    style_sha256: sha256(styleText).digest('base64'),
    wasm,
  };
  writeFileSync(join(dir, 'offline-copy.json'), JSON.stringify(copy, null, 2) + '\n');

  // The shell: the page, everything it links to, and what "Save offline copy" reads.
  const shell = ['./', ...localLinks(html), script, 'offline-copy.json'];
  for (const path of shell.slice(1)) {
    if (!existsSync(join(dir, path))) throw new Error(`offline_build: ${path} is linked but not built`);
  }
  const build = sha256(html);
  for (const path of [...shell.slice(1), ...parts]) build.update(readFileSync(join(dir, path)));
  const swPath = join(dir, 'sw.js');
  let sw = readFileSync(swPath, 'utf8');
  const before = sw;
  sw = sw
    .replace(/^const BUILD = .*;$/m, `const BUILD = '${build.digest('hex').slice(0, 16)}';`)
    .replace(/^const SHELL = .*;$/m, `const SHELL = ${JSON.stringify(shell)};`)
    .replace(/^const PARTS = .*;$/m, `const PARTS = ${JSON.stringify(parts)};`);
  if (sw === before || !sw.includes(`const PARTS = ${JSON.stringify(parts)};`)) {
    throw new Error('offline_build: sw.js has no BUILD / SHELL / PARTS lines to fill');
  }
  writeFileSync(swPath, sw);
  console.log(`offline_build: ${shell.length} shell files and ${parts.length} on-demand parts cached by sw.js; offline copy script ${script}`);
}
