// A small static server for the built viewer (dist/) and the test fixtures.
// No dependencies, so `scripts/serve` and CI need nothing beyond Node.
//
//   node e2e/server.mjs --root dist --port 8080
//
// Routes: /fixtures/* -> tests/fixtures/, /e2e-fixtures/* -> e2e/fixtures/,
// everything else -> root. HTML is sent with the strict CSP below, so a test
// run fails on anything the viewer would need 'unsafe-inline' or a foreign
// origin for.

import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The policy the viewer must work under, as a host might send it. connect-src is broad
// here on purpose: the page's own meta policy narrows it to 'self' and the origins the
// deployment allows (scripts/allow-origins.mjs), and the tests check that it does.
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self' http: https:",
  "object-src 'none'",
  "base-uri 'none'",
  'frame-ancestors *',
].join('; ');

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

// A test may watch what the server is asked for (the service worker's requests are
// not seen by page.route): onRequest(path) is called for each request.
export const WATCH = { onRequest: null };

// Served directories besides the root, by URL prefix.
export const MOUNTS = {
  '/fixtures/': path.join(REPO, 'tests', 'fixtures'),
  '/e2e-fixtures/': path.join(REPO, 'e2e', 'fixtures'),
};

function mimeOf(file) {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

// Maps a URL path to a file inside `base`, or null when it would escape it.
function inside(base, rel) {
  const file = path.resolve(base, '.' + path.posix.normalize('/' + rel));
  return file === base || file.startsWith(base + path.sep) ? file : null;
}

function resolveFile(root, urlPath) {
  for (const [prefix, dir] of Object.entries(MOUNTS)) {
    if (urlPath.startsWith(prefix)) return inside(dir, urlPath.slice(prefix.length));
  }
  return inside(root, urlPath);
}

async function readServable(file) {
  let stat = await fs.stat(file);
  if (stat.isDirectory()) {
    file = path.join(file, 'index.html');
    stat = await fs.stat(file);
  }
  if (!stat.isFile()) throw new Error('not a file');
  return { file, body: await fs.readFile(file) };
}

/**
 * Starts serving `root` on 127.0.0.1. `port` 0 picks a free one.
 * `headers` are added to every response (e.g. to try another CSP).
 * Resolves to { url, port, close() }.
 */
export function startServer({ root, port = 0, headers = {}, log = false } = {}) {
  const base = path.resolve(root ?? path.join(REPO, 'dist'));
  const server = http.createServer(async (req, res) => {
    const send = (status, type, body, extra = {}) => {
      res.writeHead(status, {
        'Content-Type': type,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        // As static hosts do: the viewer shows download progress against it.
        ...(body == null ? {} : { 'Content-Length': Buffer.byteLength(body) }),
        ...extra,
        ...headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      if (log) console.log(`${status} ${req.method} ${req.url}`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(405, 'text/plain', 'method not allowed', { Allow: 'GET, HEAD' });
    }
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(400, 'text/plain', 'bad request');
    }
    WATCH.onRequest?.(urlPath);
    const file = urlPath.includes('\0') ? null : resolveFile(base, urlPath);
    if (!file) return send(403, 'text/plain', 'forbidden');
    try {
      const found = await readServable(file);
      const type = mimeOf(found.file);
      const extra = type.startsWith('text/html') ? { 'Content-Security-Policy': CSP } : {};
      send(200, type, found.body, extra);
    } catch {
      send(404, 'text/plain', 'not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const actual = server.address().port;
      resolve({
        port: actual,
        url: `http://127.0.0.1:${actual}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

function parseArgs(argv) {
  const opts = { root: 'dist', port: 8080 };
  for (let i = 0; i < argv.length; i++) {
    const [key, inline] = argv[i].split('=', 2);
    const value = inline ?? argv[++i];
    if (key === '--root') opts.root = value;
    else if (key === '--port') opts.port = Number(value);
    else {
      console.error(`unknown argument ${argv[i]}\nusage: node e2e/server.mjs --root dist --port 8080`);
      process.exit(2);
    }
  }
  return opts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = parseArgs(process.argv.slice(2));
  const { url } = await startServer({ root: opts.root, port: opts.port, log: true });
  console.log(`serving ${path.resolve(opts.root)} at ${url}/`);
}
