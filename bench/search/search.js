// uFuzzy and Fuse.js over the names of the benchmark file, in the page, so their timings
// come from the same Chromium as the viewer's. Each is given settings that suit names
// in two scripts with typos: uFuzzy in its Unicode mode with one error per term allowed,
// Fuse.js with its defaults (threshold 0.6 already tolerates typos).
import uFuzzy from '/bench-lib/@leeoniya/ufuzzy/dist/uFuzzy.mjs';
import Fuse from '/bench-lib/fuse.js/dist/fuse.mjs';

const src = new URLSearchParams(location.search).get('src');
const status = document.getElementById('status');

async function setUp() {
  const file = await (await fetch(src)).json();
  const names = file.results.map((r) => String(r.name));
  const t0 = performance.now();
  const uf = new uFuzzy({
    unicode: true,
    interSplit: "[^\\p{L}\\d']+",
    intraSplit: '\\p{Ll}\\p{Lu}',
    intraBound: '\\p{L}\\d|\\d\\p{L}|\\p{Ll}\\p{Lu}',
    intraChars: "[\\p{L}\\d']",
    intraContr: "'\\p{L}{1,2}\\b",
    intraMode: 1,
  });
  const t1 = performance.now();
  const fuse = new Fuse(names);
  const t2 = performance.now();
  // Each returns the indexes of the names it finds, best first.
  const libs = {
    uFuzzy: (q) => {
      const [idxs, info, order] = uf.search(names, q);
      if (!idxs) return [];
      return order ? order.map((o) => info.idx[o]) : idxs;
    },
    'Fuse.js': (q) => fuse.search(q).map((r) => r.refIndex),
  };
  status.textContent = `ready: ${names.length} names`;
  return { names, libs, setupMs: { uFuzzy: t1 - t0, 'Fuse.js': t2 - t1 } };
}

const ready = setUp();

window.benchSearch = {
  ready: ready.then(({ names, setupMs }) => ({ names: names.length, setupMs })),
  /** Milliseconds of each search, one per query, in order. */
  async time(lib, queries) {
    const { libs } = await ready;
    const search = libs[lib];
    return queries.map((q) => {
      const t = performance.now();
      search(q);
      return performance.now() - t;
    });
  },
  /** The names a query finds. */
  async find(lib, query) {
    const { names, libs } = await ready;
    return libs[lib](query).map((i) => names[i]);
  },
};
