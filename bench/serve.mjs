// The benchmark's web server: the e2e static server (same routes, same strict CSP)
// behind a small front that compresses answers the way a static host does, so the
// throttled-network run moves the bytes a real visitor would download.
//
// Extra routes (added to the e2e server's mounts): /bench/* -> bench/ (baseline and
// search pages), /bench-data/* -> the folder of the results file under test,
// /bench-lib/* -> node_modules/ (uFuzzy and Fuse.js for the search page).

import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { MOUNTS, startServer } from '../e2e/server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');
const CACHE = path.join(HERE, 'out', 'brotli-cache');

const COMPRESSIBLE = /json|javascript|wasm|css|html|svg|xml|text\//;

/** Brotli at quality 11 (what a host precompresses static files with), cached on disk by content. */
export function brotli(buf) {
  const key = crypto.createHash('sha256').update(buf).digest('hex');
  const file = path.join(CACHE, `${key}.br`);
  try {
    return fs.readFileSync(file);
  } catch {
    const out = zlib.brotliCompressSync(buf, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    });
    fs.mkdirSync(CACHE, { recursive: true });
    fs.writeFileSync(file, out);
    return out;
  }
}

const gzipCache = new Map();
export function gzip(buf) {
  const key = crypto.createHash('sha256').update(buf).digest('hex');
  if (!gzipCache.has(key)) gzipCache.set(key, zlib.gzipSync(buf, { level: 9 }));
  return gzipCache.get(key);
}

function fetchBackend(port, req) {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers };
    delete headers['accept-encoding'];
    const back = http.request(
      { host: '127.0.0.1', port, path: req.url, method: req.method, headers },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    back.on('error', reject);
    back.end();
  });
}

// The results file under test is served from memory (read once per change), so the
// desktop timings measure the browser, not this server reading and hashing 13 MB.
const dataCache = new Map();
function dataFile(req, dataDir) {
  const prefix = '/bench-data/';
  const url = new URL(req.url, 'http://x');
  if (!url.pathname.startsWith(prefix)) return null;
  const name = decodeURIComponent(url.pathname.slice(prefix.length));
  if (name.includes('/') || name.includes('\\') || name.startsWith('.')) return null;
  const file = path.join(path.resolve(dataDir), name);
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return null;
  }
  const key = `${file}:${stat.mtimeMs}:${stat.size}`;
  if (!dataCache.has(key)) dataCache.set(key, fs.readFileSync(file));
  return {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
    body: dataCache.get(key),
  };
}

const brMemo = new WeakMap();
function brotliMemo(buf) {
  if (!brMemo.has(buf)) brMemo.set(buf, brotli(buf));
  return brMemo.get(buf);
}

/**
 * Serves dist/ (the e2e server's routes) plus the bench routes, compressed with brotli
 * when the browser accepts it, else gzip. Resolves to { url, close(), encodings, requested,
 * served } where encodings counts the Content-Encoding of each answer, so the report can
 * say what was used, requested holds the paths asked for, and served every answer as
 * { path, at, bytes, encoding, status }: when the request came in (Date.now()) and the
 * body's size as sent (compressed). `gzipOnly` answers as a host that knows no brotli
 * (GitHub Pages, many others).
 */
export async function startBenchServer({ root, dataDir, gzipOnly = false }) {
  MOUNTS['/bench/'] = HERE;
  MOUNTS['/bench-data/'] = path.resolve(dataDir);
  MOUNTS['/bench-lib/'] = path.join(REPO, 'node_modules');
  const backend = await startServer({ root });
  const encodings = {};
  const requested = new Map();
  const served = [];
  const front = http.createServer(async (req, res) => {
    const at = Date.now();
    try {
      const data = dataFile(req, dataDir);
      const isData = data != null;
      const got = data ?? (await fetchBackend(backend.port, req));
      const headers = { ...got.headers };
      delete headers['content-length'];
      delete headers['transfer-encoding'];
      delete headers.connection;
      let body = got.body;
      const accept = String(req.headers['accept-encoding'] ?? '');
      if (got.status === 200 && COMPRESSIBLE.test(String(headers['content-type'])) && body.length > 0) {
        if (/\bbr\b/.test(accept) && !gzipOnly) {
          body = brotliMemo(body);
          headers['content-encoding'] = 'br';
        } else if (/\bgzip\b/.test(accept)) {
          body = gzip(body);
          headers['content-encoding'] = 'gzip';
        }
        headers.vary = 'Accept-Encoding';
      }
      // As static hosts do (GitHub Pages sends an ETag): a copy the browser holds is
      // checked, not sent again, so the service worker's install (which revalidates the
      // shell) costs what it costs a visitor. The results under test stay no-store.
      let status = got.status;
      if (status === 200 && !isData) {
        const tag = `"${crypto.createHash('sha1').update(got.body).digest('hex').slice(0, 20)}"`;
        headers.etag = tag;
        headers['cache-control'] = 'no-cache';
        if (req.headers['if-none-match'] === tag) {
          status = 304;
          body = Buffer.alloc(0);
          delete headers['content-encoding'];
        }
      }
      const enc = headers['content-encoding'] ?? 'identity';
      encodings[enc] = (encodings[enc] ?? 0) + 1;
      const asked = new URL(req.url, 'http://x').pathname;
      requested.set(asked, (requested.get(asked) ?? 0) + 1);
      served.push({ path: asked, at, bytes: req.method === 'HEAD' ? 0 : body.length, encoding: enc, status });
      if (status !== 304) headers['content-length'] = String(body.length);
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end(String(e));
    }
  });
  await new Promise((resolve) => front.listen(0, '127.0.0.1', resolve));
  const port = front.address().port;
  return {
    url: `http://127.0.0.1:${port}`,
    encodings,
    /** How often each path was asked for; clear() it before a load to see what that load needs. */
    requested,
    /** Every answer, in order; empty it (served.length = 0) before a load to see that load's. */
    served,
    close: async () => {
      front.closeAllConnections?.();
      await new Promise((done) => front.close(() => done()));
      await backend.close();
    },
  };
}
