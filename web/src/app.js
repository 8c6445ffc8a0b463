// Khabar's page: search, article, entity and counts views over the JSON API. Every piece of
// article data reaches the DOM as text nodes (`h()` below never parses markup), so an article
// holding <script> or <img onerror> shows those characters and nothing runs.
import { Chart, BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend } from 'chart.js';
import L from 'leaflet';
import { feature } from 'topojson-client';
import countries110m from 'world-atlas/countries-110m.json';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

const TYPE_AR = { PER: 'شخص', ORG: 'منظمة', LOC: 'مكان' };
const CAT_AR = { KILL: 'قتلى', WOUND: 'جرحى', ARREST: 'معتقلون', KIDNAP: 'مخطوفون', MISSING: 'مفقودون', DISPLACE: 'نازحون', PROTEST: 'محتجون' };
const KIND_AR = { direct: 'مباشر', partial: 'جزئي', indirect: 'غير مباشر' };

// Bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069). Article text
// is untrusted: an override would reverse what follows it ("\u202Egpj.exe" reads "exe.jpg").
// In text they are shown as visible marks; in attributes (tooltips) they are dropped.
const BIDI = /[\u202A-\u202E\u2066-\u2069]/g;
const BIDI_NAMES = { '\u202A': 'LRE', '\u202B': 'RLE', '\u202C': 'PDF', '\u202D': 'LRO', '\u202E': 'RLO', '\u2066': 'LRI', '\u2067': 'RLI', '\u2068': 'FSI', '\u2069': 'PDI' };

/** A string as DOM nodes: text nodes, and a visible mark for each bidi control. */
function textNodes(s) {
  const out = [];
  let last = 0;
  for (const m of s.matchAll(BIDI)) {
    if (m.index > last) out.push(document.createTextNode(s.slice(last, m.index)));
    const mark = document.createElement('span');
    mark.className = 'ctl';
    mark.dir = 'ltr';
    mark.title = `U+${m[0].codePointAt(0).toString(16).toUpperCase()}`;
    mark.textContent = BIDI_NAMES[m[0]];
    out.push(mark);
    last = m.index + m[0].length;
  }
  if (last < s.length || !out.length) out.push(document.createTextNode(s.slice(last)));
  return out;
}

/** Creates an element; string children become text nodes, never markup, with bidi controls
 * made visible. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'onclick') el.addEventListener('click', v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, String(v).replace(BIDI, ''));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(...(c instanceof Node ? [c] : textNodes(String(c))));
  }
  return el;
}

const main = () => document.getElementById('main');
const charts = [];
let map = null;

function clear() {
  while (charts.length) charts.pop().destroy();
  if (map) { map.remove(); map = null; }
  main().replaceChildren();
}

async function api(path) {
  const r = await fetch(path, { headers: { accept: 'application/json' } });
  const body = await r.json().catch(() => ({ error: `HTTP ${r.status}` }));
  if (!r.ok) throw new Error(body.error || `HTTP ${r.status}`);
  return body;
}

function errorCard(e) {
  return h('div', { class: 'card error', role: 'alert' }, 'خطأ: ', e.message);
}

const day = (p) => (p || '').slice(0, 10);
// titles and names take their own direction (dir=auto), isolated from the text around them
const articleLink = (id, label) => h('a', { href: `#/article/${encodeURIComponent(id)}`, class: 'article-link', dir: 'auto' }, label || id);
const entityLink = (id, label, type) => h('a', { href: `#/entity/${encodeURIComponent(id)}`, class: `ent ${type ? 'm-' + type : ''}`, dataset: { entity: id }, dir: 'auto' }, label);

/** A snippet with its highlighted code-point ranges wrapped in <mark>, built from text nodes. */
function snippetNode(snippet) {
  const chars = Array.from(snippet.text);
  const out = h('p', { class: 'snippet' });
  let pos = 0;
  for (const [s, e] of snippet.highlights) {
    out.append(...textNodes(chars.slice(pos, s).join('')));
    out.append(h('mark', {}, chars.slice(s, e).join('')));
    pos = e;
  }
  out.append(...textNodes(chars.slice(pos).join('')));
  return out;
}

function params() {
  const hash = location.hash.slice(1) || '/';
  const [path, query] = hash.split('?');
  return { path, q: new URLSearchParams(query || '') };
}

// ---- views

const CAT_COLOR = { KILL: '#cf222e', WOUND: '#bc4c00', ARREST: '#8250df', KIDNAP: '#1f6feb', MISSING: '#57606a', DISPLACE: '#1a7f37', PROTEST: '#bf8700' };
const SCOPE_AR = { incident: 'حوادث يومها', cumulative: 'حصيلة تراكمية', historical: 'حصيلة تاريخية', all: 'كل الأرقام' };

/** A hash for the figures behind a chart point: that day, that category, the same filters. */
function figuresHash(params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) qs.set(k, v);
  return `#/figures?${qs}`;
}

async function home() {
  // one bar per category and day, side by side: categories are never added together
  const card = h('div', { class: 'card' }, h('h2', {}, 'الأرقام يوماً بيوم'));
  const select = h('select', { 'aria-label': 'الفئة', id: 'category' }, h('option', { value: '' }, 'كل الفئات (كل فئة وحدها)'), Object.entries(CAT_AR).map(([k, v]) => h('option', { value: k }, v)));
  const country = h('select', { 'aria-label': 'البلد', id: 'country' }, h('option', { value: '' }, 'كل البلدان'));
  const scope = h('select', { 'aria-label': 'نوع الرقم', id: 'scope' }, Object.entries(SCOPE_AR).map(([k, v]) => h('option', { value: k }, v)));
  const box = h('div', { class: 'chart' }, h('canvas', { id: 'counts-chart' }));
  const note = h('p', { class: 'muted' }, 'انقر عموداً لترى الأرقام التي يتألف منها. الحصائل التراكمية والتاريخية خارج مجاميع الأيام إلا إذا اخترتها.');
  card.append(h('div', { class: 'filters' }, select, country, scope), box, note);
  const stats = h('div', { class: 'card', id: 'stats' });
  const people = h('div', { class: 'card' }, h('h2', {}, 'الأكثر ذكراً'));
  main().append(h('div', { class: 'grid' }, h('div', {}, card, people), h('div', { class: 'side' }, stats)));
  let countriesShown = false;
  const draw = async () => {
    while (charts.length) charts.pop().destroy();
    const qs = new URLSearchParams();
    if (select.value) qs.set('category', select.value);
    if (country.value) qs.set('country', country.value);
    qs.set('scope', scope.value);
    const s = await api(`/api/counts?${qs}`);
    if (!countriesShown) {
      countriesShown = true;
      for (const c of s.countries) country.append(h('option', { value: c.country }, `${c.country} (${c.records.toLocaleString('ar')})`));
    }
    const days = [...new Set(s.series.map((p) => p.day))];
    const cats = Object.keys(CAT_AR).filter((c) => s.series.some((p) => p.category === c));
    const at = new Map(s.series.map((p) => [`${p.day}|${p.category}`, p.sum]));
    charts.push(new Chart(box.querySelector('canvas'), {
      type: 'bar',
      data: { labels: days, datasets: cats.map((c) => ({ label: CAT_AR[c], category: c, data: days.map((d) => at.get(`${d}|${c}`) ?? null), backgroundColor: CAT_COLOR[c] })) },
      options: {
        maintainAspectRatio: false,
        animation: false,
        scales: { x: { reverse: true, stacked: false }, y: { stacked: false } },
        onClick: (_ev, els, chart) => {
          if (!els.length) return;
          const el = els[0];
          location.hash = figuresHash({ day: days[el.index], category: chart.data.datasets[el.datasetIndex].category, country: country.value, scope: scope.value });
        },
      },
    }));
  };
  for (const el of [select, country, scope]) el.addEventListener('change', () => draw().catch((e) => card.append(errorCard(e))));
  try {
    await draw();
    const st = await api('/api/stats');
    stats.append(h('h2', {}, 'المدوّنة'), h('ul', {}, [['articles', 'مقالات'], ['entities', 'كيانات'], ['quotes', 'اقتباسات'], ['counts', 'أرقام'], ['dates', 'تواريخ']].map(([k, v]) => h('li', {}, `${v}: ${st[k].toLocaleString('ar')}`))));
    for (const t of ['PER', 'ORG', 'LOC']) {
      const list = await api(`/api/entities?type=${t}&limit=10`);
      people.append(h('h3', {}, TYPE_AR[t]), h('ul', {}, list.items.map((e) => h('li', {}, entityLink(e.id, e.name, e.type), h('span', { class: 'muted' }, ` (${e.articles})`)))));
    }
  } catch (e) {
    main().append(errorCard(e));
  }
}

const PAGE = 30;

/** A hash for the search with these parameters at another offset. */
function searchHash(q, offset) {
  const qs = new URLSearchParams(q);
  if (offset > 0) qs.set('offset', String(offset)); else qs.delete('offset');
  return `#/search?${qs}`;
}

async function search(q) {
  const qs = new URLSearchParams();
  for (const k of ['q', 'entity', 'source', 'from', 'to']) if (q.get(k)) qs.set(k, q.get(k));
  const limit = Math.min(100, Math.max(1, parseInt(q.get('limit'), 10) || PAGE));
  const offset = Math.max(0, parseInt(q.get('offset'), 10) || 0);
  qs.set('limit', String(limit));
  if (offset) qs.set('offset', String(offset));
  const res = await api(`/api/articles?${qs}`);
  const shown = res.items.length ? `${(offset + 1).toLocaleString('ar')}–${(offset + res.items.length).toLocaleString('ar')} من ` : '';
  const list = h('div', { id: 'results' }, h('p', { class: 'muted', id: 'result-count' }, `${shown}${res.total.toLocaleString('ar')} مقالاً`));
  for (const a of res.items) {
    list.append(h('div', { class: 'card result' },
      h('h3', {}, articleLink(a.id, a.title || a.id)),
      h('div', { class: 'muted' }, [day(a.published), a.source, `${a.quotes} اقتباس`, `${a.counts} رقم`].filter(Boolean).join(' · ')),
      a.snippet ? snippetNode(a.snippet) : null));
  }
  // pages: previous and next, and where this one stands
  const nav = h('nav', { class: 'pager', 'aria-label': 'الصفحات' });
  if (offset > 0) nav.append(h('a', { href: searchHash(q, Math.max(0, offset - limit)), id: 'prev-page', rel: 'prev' }, '→ السابق'));
  if (res.total > 0) nav.append(h('span', { class: 'muted' }, ` صفحة ${(Math.floor(offset / limit) + 1).toLocaleString('ar')} من ${Math.ceil(res.total / limit).toLocaleString('ar')} `));
  if (offset + res.items.length < res.total) nav.append(h('a', { href: searchHash(q, offset + limit), id: 'next-page', rel: 'next' }, 'التالي ←'));
  list.append(nav);
  main().append(list);
}

/** The article text with every record marked: code-point offsets, overlapping spans allowed. */
function markedText(text, rec, links) {
  const chars = Array.from(text);
  const marks = Array.from({ length: chars.length + 1 }, () => []);
  const add = (s, e, m) => { for (let i = Math.max(0, s); i < Math.min(e, chars.length); i++) marks[i].push(m); };
  for (const q of rec.quotes) add(q.start, q.end, { cls: 'm-quote' });
  for (const q of rec.quotes) if (q.speaker) add(q.speaker.start, q.speaker.end, { cls: 'm-speaker' });
  for (const d of rec.dates) add(d.start, d.end, { cls: 'm-date', title: d.value });
  for (const x of rec.hedges) add(x.start, x.end, { cls: 'm-hedge', title: x.kind });
  for (const c of rec.counts) add(c.start, c.end, { cls: 'm-count', title: `${CAT_AR[c.category] || c.category}: ${c.value}` });
  for (const e of rec.entities) for (const m of e.mentions) add(m.start, m.end, { cls: `m-${e.type}`, entity: links[e.id], title: e.name });
  const out = h('div', { class: 'article-text', id: 'article-text' });
  let i = 0;
  while (i < chars.length) {
    const key = marks[i].map((m) => m.cls + (m.entity || '')).join(' ');
    let j = i + 1;
    while (j < chars.length && marks[j].map((m) => m.cls + (m.entity || '')).join(' ') === key) j++;
    const piece = chars.slice(i, j).join('');
    if (!marks[i].length) out.append(...textNodes(piece));
    else {
      const ent = marks[i].find((m) => m.entity);
      const title = marks[i].map((m) => m.title).filter(Boolean).join(' · ');
      const cls = marks[i].map((m) => m.cls).join(' ');
      out.append(ent ? h('a', { href: `#/entity/${encodeURIComponent(ent.entity)}`, class: `ent ${cls}`, title }, piece) : h('span', { class: cls, title }, piece));
    }
    i = j;
  }
  return out;
}

async function article(id) {
  const a = await api(`/api/articles/${encodeURIComponent(id)}`);
  const r = a.record;
  const side = h('div', { class: 'side' });
  const section = (title, items) => items.length ? h('div', { class: 'card' }, h('h3', {}, `${title} (${items.length})`), h('ul', {}, items)) : null;
  side.append(...[
    section('الكيانات', r.entities.map((e) => h('li', { class: 'entity-item' }, h('span', { class: `tag ${e.type}` }, TYPE_AR[e.type]), a.links[e.id] ? entityLink(a.links[e.id], e.name, e.type) : e.name, e.latin ? h('span', { class: 'muted' }, ` (${e.latin})`) : null))),
    section('الاقتباسات', r.quotes.map((q) => h('li', {}, h('strong', {}, q.speaker ? q.speaker.text : 'غير معروف'), ` ${q.cue} `, h('span', { class: 'muted' }, `[${KIND_AR[q.kind] || q.kind}] `), `«${q.text}»`))),
    section('الأرقام', r.counts.map((c) => h('li', {}, h('strong', {}, `${CAT_AR[c.category] || c.category}: ${c.value}`), ` (${c.qualifier}) «${c.text}»`, c.attributed_to ? h('span', { class: 'muted' }, ` — بحسب ${c.attributed_to.text}`) : null))),
    section('التواريخ', r.dates.map((d) => h('li', {}, `${d.text} → ${d.value}`))),
    section('تحفظات', r.hedges.map((x) => h('li', {}, `${x.text} (${x.kind === 'disputed' ? 'ادعاء' : 'لم يتسنّ التحقق'})`))),
    section('مبالغ', r.amounts.map((m) => h('li', {}, `${m.text} → ${m.value}`))),
  ].filter(Boolean));
  const legend = h('p', { class: 'legend muted' }, h('span', { class: 'm-PER' }, 'شخص'), h('span', { class: 'm-ORG' }, 'منظمة'), h('span', { class: 'm-LOC' }, 'مكان'), h('span', { class: 'm-quote' }, 'اقتباس'), h('span', { class: 'm-count' }, 'رقم'), h('span', { class: 'm-date' }, 'تاريخ'), h('span', { class: 'm-hedge' }, 'تحفظ'));
  main().append(h('div', { class: 'grid' },
    h('div', { class: 'card' },
      h('h1', { id: 'article-title', dir: 'auto' }, a.title || a.id),
      h('p', { class: 'muted' }, [day(a.published), a.source].filter(Boolean).join(' · '), ' ', a.url && /^https?:\/\//.test(a.url) ? h('a', { href: a.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'المصدر') : null),
      legend, markedText(a.text, r, a.links)),
    side));
}

/** A list that grows by pages from `/api/entities/{id}/{what}`: the first page as the entity
 * came with it, then a button for the next one while there are more. */
function pagedList(id, what, first, item, attrs = {}) {
  const ul = h('ul', attrs, first.items.map(item));
  const box = h('div', {}, ul);
  let next = first.offset + first.items.length;
  const more = h('button', { type: 'button', class: 'more', id: attrs.id ? `${attrs.id}-more` : null }, 'المزيد');
  const status = () => {
    more.textContent = `المزيد (${(first.total - next).toLocaleString('ar')})`;
    if (next >= first.total) more.remove();
  };
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      const p = await api(`/api/entities/${encodeURIComponent(id)}/${what}?offset=${next}&limit=50`);
      ul.append(...p.items.map(item));
      next += p.items.length;
      if (!p.items.length) next = first.total;
    } catch (e) {
      box.append(errorCard(e));
    }
    more.disabled = false;
    status();
  });
  box.append(more);
  status();
  return box;
}

async function entity(id) {
  const e = await api(`/api/entities/${encodeURIComponent(id)}`);
  const head = h('div', { class: 'card' },
    h('h1', { id: 'entity-name' }, h('span', { class: `tag ${e.type}` }, TYPE_AR[e.type]), e.name),
    e.latin ? h('p', { id: 'entity-latin' }, e.latin) : null,
    h('p', { class: 'muted' }, `${e.articles} مقالاً · ${e.quotes.total} اقتباساً · ${e.figures.total} رقماً منسوباً`, ' · ', h('a', { href: `#/search?entity=${encodeURIComponent(e.id)}` }, 'كل مقالاته')));
  const variants = h('div', { class: 'card' }, h('h2', {}, 'الصيغ وسبب دمجها'), h('table', { id: 'variants' }, h('tr', {}, h('th', {}, 'الصيغة'), h('th', {}, 'السبب'), h('th', {}, 'أول مقال')),
    e.variants.filter((v) => !v.key.includes('geonames:')).map((v) => h('tr', {}, h('td', {}, v.text), h('td', {}, v.reason), h('td', {}, v.first_article ? articleLink(v.first_article) : '')))));
  const side = h('div', { class: 'side' });
  if (e.geo) side.append(h('div', { class: 'card' }, h('h2', {}, 'على الخريطة'), h('div', { id: 'map' }), h('p', { class: 'muted' }, `${e.geo.lat.toFixed(3)}, ${e.geo.lon.toFixed(3)} (${e.geo.country})`)));
  // the entities seen with it: counted over all its articles, asked for on their own
  const related = h('div', { class: 'card' }, h('h2', {}, 'يظهر مع'));
  side.append(related);
  api(`/api/entities/${encodeURIComponent(e.id)}/related?limit=20`)
    .then((first) => related.append(pagedList(e.id, 'related', first, (r) => h('li', {}, entityLink(r.id, r.name, r.type), h('span', { class: 'muted' }, ` (${r.shared_articles})`)), { id: 'entity-related' })))
    .catch((err) => related.append(errorCard(err)));
  side.append(h('div', { class: 'card' }, h('h2', {}, 'المقالات'), pagedList(e.id, 'articles', e.article_list, (a) => h('li', {}, articleLink(a.id, a.title || a.id), h('span', { class: 'muted' }, ` ${day(a.published)}`)), { id: 'entity-articles' })));
  const quotes = h('div', { class: 'card' }, h('h2', {}, 'أقواله عبر الزمن'));
  if (e.quotes.total) {
    // every quote counted by month (the server counts them all, not only the first page)
    const months = e.quotes_by_month.map((m) => m.month);
    const box = h('div', { class: 'chart' }, h('canvas', {}));
    quotes.append(box, pagedList(e.id, 'quotes', e.quotes, (q) => h('li', {}, h('span', { class: 'muted' }, `${day(q.published)} `), `${q.cue}: «${q.text}» `, articleLink(q.article, '↗')), { id: 'entity-quotes' }));
    requestAnimationFrame(() => charts.push(new Chart(box.querySelector('canvas'), { type: 'bar', data: { labels: months, datasets: [{ label: 'اقتباسات في الشهر', data: e.quotes_by_month.map((m) => m.quotes), backgroundColor: '#1f6feb' }] }, options: { maintainAspectRatio: false, animation: false } })));
  } else quotes.append(h('p', { class: 'muted' }, 'لا اقتباسات منسوبة إليه.'));
  const figures = h('div', { class: 'card' }, h('h2', {}, 'أرقام نُسبت إليه'), e.figures.total ? pagedList(e.id, 'figures', e.figures, (f) => h('li', {}, `${day(f.published)} ${CAT_AR[f.category] || f.category}: ${f.value} «${f.text}» `, articleLink(f.article, '↗'))) : h('p', { class: 'muted' }, 'لا أرقام.'));
  main().append(h('div', { class: 'grid' }, h('div', {}, head, variants, quotes, figures), side));
  if (e.geo) {
    map = L.map('map', { attributionControl: false, zoomControl: true, worldCopyJump: true }).setView([e.geo.lat, e.geo.lon], 4);
    // No tiles (no network at run time): country outlines from world-atlas, bundled.
    L.geoJSON(feature(countries110m, countries110m.objects.countries), { style: { color: '#57606a', weight: 0.6, fillColor: '#f6f8fa', fillOpacity: 1 } }).addTo(map);
    L.circleMarker([e.geo.lat, e.geo.lon], { radius: 8, color: '#cf222e', fillOpacity: 0.8 }).addTo(map);
  }
}

/** The figures a chart bar is made of (or any filter of them), paged. */
async function figures(q) {
  const limit = 50;
  const offset = Math.max(0, parseInt(q.get('offset'), 10) || 0);
  const qs = new URLSearchParams();
  for (const k of ['day', 'category', 'country', 'scope', 'from', 'to']) if (q.get(k)) qs.set(k, q.get(k));
  qs.set('limit', String(limit));
  if (offset) qs.set('offset', String(offset));
  const res = await api(`/api/figures?${qs}`);
  const what = [q.get('category') ? CAT_AR[q.get('category')] || q.get('category') : 'كل الفئات', q.get('day') || '', q.get('country') || '', SCOPE_AR[q.get('scope') || 'incident'] || ''].filter(Boolean).join(' · ');
  const list = h('ol', { id: 'figures-list', start: offset + 1 }, res.items.map((f) => h('li', {},
    h('strong', {}, `${CAT_AR[f.category] || f.category}: ${f.value.toLocaleString('ar')} `),
    `«${f.text}» `,
    f.source ? h('span', { class: 'muted' }, `— ${f.source} `) : null,
    f.scope !== 'incident' ? h('span', { class: 'tag scope' }, SCOPE_AR[f.scope] || f.scope) : null,
    ' ', articleLink(f.article, f.title || f.article), h('span', { class: 'muted' }, ` ${day(f.published)}${f.country ? ' · ' + f.country : ''}`))));
  const nav = h('p', { class: 'pager' });
  const at = (o) => { const p = new URLSearchParams(q); if (o > 0) p.set('offset', String(o)); else p.delete('offset'); return `#/figures?${p}`; };
  if (offset > 0) nav.append(h('a', { href: at(Math.max(0, offset - limit)), rel: 'prev' }, '→ السابق'));
  nav.append(h('span', { class: 'muted' }, ` ${res.total.toLocaleString('ar')} رقماً `));
  if (offset + res.items.length < res.total) nav.append(h('a', { href: at(offset + limit), rel: 'next' }, 'التالي ←'));
  main().append(h('div', { class: 'card' }, h('h1', { id: 'figures-title' }, `الأرقام: ${what}`), res.items.length ? list : h('p', { class: 'muted' }, 'لا أرقام.'), nav));
}

async function route() {
  clear();
  const { path, q } = params();
  const form = document.getElementById('search');
  for (const k of ['q', 'entity', 'source', 'from', 'to']) form.elements[k].value = q.get(k) || '';
  try {
    if (path.startsWith('/article/')) await article(decodeURIComponent(path.slice(9)));
    else if (path.startsWith('/entity/')) await entity(decodeURIComponent(path.slice(8)));
    else if (path === '/search') await search(q);
    else if (path === '/figures') await figures(q);
    else await home();
  } catch (e) {
    main().append(errorCard(e));
  }
  document.body.dataset.ready = location.hash || '#/';
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('search').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = new FormData(ev.target);
    const qs = new URLSearchParams();
    for (const [k, v] of f.entries()) if (String(v).trim()) qs.set(k, String(v).trim());
    location.hash = `#/search?${qs}`;
  });
  window.addEventListener('hashchange', route);
  route();
});
