// The plain-JavaScript baseline: fetch + JSON.parse of the results file, a lowercase
// substring filter over names and bibs, and the first 50 matches as a list. No places,
// no podiums, no transliteration: the least a results page can do.
const PAGE = 50;
const src = new URLSearchParams(location.search).get('src') ?? '/results.json';
const list = document.getElementById('list');
const count = document.querySelector('[data-testid="result-count"]');
const search = document.querySelector('[data-testid="search"]');

const text = (tag, value, cls) => {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  el.textContent = value ?? '';
  return el;
};

function row(r, i) {
  const li = document.createElement('li');
  li.dataset.testid = 'result-row';
  li.dataset.bib = String(r.bib);
  li.append(text('span', String(i + 1)));
  const who = document.createElement('span');
  who.append(text('span', r.name), document.createElement('br'),
    text('span', `#${r.bib} ${[r.club, r.city, r.country].filter(Boolean).join(' · ')}`, 'sub'));
  li.append(who, text('span', r.chip_time ?? r.gun_time ?? r.status ?? ''));
  return li;
}

function show(rows, total) {
  count.textContent = `${total.toLocaleString('en')} results`;
  list.replaceChildren(...rows.map(row));
}

// Marks let the benchmark split the load into download, parse and the first list.
const res = await fetch(src);
const body = await res.text();
performance.mark('baseline:downloaded');
const file = JSON.parse(body);
performance.measure('baseline:parse', 'baseline:downloaded');
const runners = file.results;
performance.mark('baseline:keys');
const keys = runners.map((r) => `${String(r.name).toLowerCase()}\u0000${String(r.bib).toLowerCase()}`);
performance.measure('baseline:keys', 'baseline:keys');

search.addEventListener('input', () => {
  const q = search.value.trim().toLowerCase();
  if (!q) return show(runners.slice(0, PAGE), runners.length);
  const hits = [];
  for (let i = 0; i < keys.length; i++) if (keys[i].includes(q)) hits.push(i);
  show(hits.slice(0, PAGE).map((i) => runners[i]), hits.length);
});
show(runners.slice(0, PAGE), runners.length);
