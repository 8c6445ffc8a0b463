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

/** A failed request: its HTTP status (0 when the server could not be reached), the server's
 * own (English) message, and what was asked for. */
class ApiError extends Error {
  constructor(status, detail, path) {
    super(detail);
    this.status = status;
    this.path = path;
  }
}

async function api(path) {
  let r;
  try {
    r = await fetch(path, { headers: { accept: 'application/json' } });
  } catch (e) {
    throw new ApiError(0, e.message, path);
  }
  const body = await r.json().catch(() => undefined);
  if (!r.ok) throw new ApiError(r.status, (body && body.error) || `HTTP ${r.status}`, path);
  if (body === undefined) throw new ApiError(r.status, 'the answer is not JSON', path);
  return body;
}

/** What went wrong, in Arabic, chosen by the HTTP status and what was asked for; the server's
 * own words are shown beside it, secondary. */
function arabicError(e) {
  if (!(e instanceof ApiError)) return 'حدث خطأ غير متوقع في الصفحة';
  const path = e.path || '';
  if (e.status === 0) return 'تعذّر الاتصال بالخادم';
  if (e.status === 404) {
    if (/^\/api\/articles\//.test(path)) return 'لا توجد مقالة بهذا المعرّف';
    if (/^\/api\/entities\//.test(path)) return 'لا يوجد كيان بهذا المعرّف';
    return 'المطلوب غير موجود';
  }
  if (e.status === 400 || e.status === 422) return 'طلب غير صالح: تحقّق من المعايير (التواريخ بصيغة YYYY-MM-DD)';
  if (e.status === 408) return 'انتهت مهلة الطلب';
  if (e.status === 413) return 'الطلب أكبر من المسموح';
  if (e.status === 503) return 'الخادم مشغول الآن، حاول بعد قليل';
  if (e.status >= 500) return 'خطأ في الخادم، حاول مرة أخرى لاحقاً';
  return 'تعذّر إتمام الطلب';
}

function errorCard(e) {
  const detail = e instanceof ApiError ? `${e.status ? `HTTP ${e.status}` : 'network'} · ${e.message}` : String(e && e.message);
  return h('div', { class: 'card error', role: 'alert' },
    h('strong', { class: 'error-message' }, arabicError(e)),
    h('p', { class: 'detail muted' }, 'التفاصيل: ', h('bdi', { dir: 'ltr', class: 'ltr' }, detail)));
}

// ---- left to right inside Arabic: dates, numbers, ids, Latin names

const NUM = new Intl.NumberFormat('ar-u-nu-latn');
/** Anything that reads left to right (an id, a Latin name, a value), isolated from the Arabic
 * around it, so that its characters keep their order (2018-10-20 never reads 20-10-2018). */
const ltr = (x, cls = '') => h('bdi', { dir: 'ltr', class: `ltr ${cls}`.trim() }, String(x));
/** A number, with Latin digits and grouping, isolated left to right. */
const num = (n) => ltr(typeof n === 'number' ? NUM.format(n) : n, 'num');
/** A day (YYYY-MM-DD) from a publication time, isolated left to right; nothing when unknown. */
const date = (p) => (p ? h('time', { dir: 'ltr', class: 'ltr date', datetime: day(p) }, day(p)) : null);
/** Text of either direction (a source, a reason): its own direction, isolated. */
const auto = (x) => h('bdi', { class: 'auto' }, String(x));
/** Nodes joined by a separator (null items left out). */
const joined = (items, sep = ' · ') => items.filter((x) => x !== null && x !== undefined && x !== '').flatMap((x, i) => (i ? [sep, x] : [x]));

/** The page's title: what the view shows, then the site's name (no bidi control from article
 * text reaches the tab's title). */
function setTitle(what) {
  document.title = what ? `${String(what).replace(BIDI, '').trim()} — خبر` : 'خبر — حقائق منسوبة من الأخبار العربية';
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
        // a click anywhere in a day's column opens the figures of that day's tallest bar
        interaction: { mode: 'index', intersect: false },
        onClick: (_ev, els, chart) => {
          // the day's tallest bar among those drawn (a category without figures that day has none)
          const drawn = els.filter((e) => chart.data.datasets[e.datasetIndex].data[e.index] != null);
          if (!drawn.length) return;
          const value = (e) => chart.data.datasets[e.datasetIndex].data[e.index];
          const el = drawn.reduce((a, b) => (value(b) > value(a) ? b : a));
          location.hash = figuresHash({ day: days[el.index], category: chart.data.datasets[el.datasetIndex].category, country: country.value, scope: scope.value });
        },
      },
    }));
  };
  for (const el of [select, country, scope]) el.addEventListener('change', () => draw().catch((e) => card.append(errorCard(e))));
  try {
    await draw();
    const st = await api('/api/stats');
    stats.append(h('h2', {}, 'المدوّنة'), h('ul', {}, [['articles', 'مقالات'], ['entities', 'كيانات'], ['quotes', 'اقتباسات'], ['counts', 'أرقام'], ['dates', 'تواريخ'], ['events', 'أحداث']].map(([k, v]) => h('li', {}, `${v}: ${st[k].toLocaleString('ar')}`))));
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
  const what = q.get('q') || q.get('entity') || q.get('source') || [q.get('from'), q.get('to')].filter(Boolean).join(' – ');
  qs.set('limit', String(limit));
  if (offset) qs.set('offset', String(offset));
  const res = await api(`/api/articles?${qs}`);
  const count = h('p', { class: 'muted', id: 'result-count' });
  if (res.items.length) count.append(ltr(`${NUM.format(offset + 1)}–${NUM.format(offset + res.items.length)}`, 'num'), ' من ');
  count.append(num(res.total), ' مقالاً');
  const list = h('div', { id: 'results' }, count);
  for (const a of res.items) {
    list.append(h('div', { class: 'card result' },
      h('h3', {}, articleLink(a.id, a.title || a.id)),
      h('div', { class: 'muted meta' }, joined([date(a.published), a.source ? auto(a.source) : null, h('span', {}, num(a.quotes), ' اقتباس'), h('span', {}, num(a.counts), ' رقم')])),
      a.snippet ? snippetNode(a.snippet) : null));
  }
  // pages: previous and next, and where this one stands
  const nav = h('nav', { class: 'pager', 'aria-label': 'الصفحات' });
  if (offset > 0) nav.append(h('a', { href: searchHash(q, Math.max(0, offset - limit)), id: 'prev-page', rel: 'prev' }, '→ السابق'));
  if (res.total > 0) nav.append(h('span', { class: 'muted', id: 'page-of' }, 'صفحة ', num(Math.floor(offset / limit) + 1), ' من ', num(Math.ceil(res.total / limit))));
  if (offset + res.items.length < res.total) nav.append(h('a', { href: searchHash(q, offset + limit), id: 'next-page', rel: 'next' }, 'التالي ←'));
  list.append(nav);
  main().append(list);
  return what ? `بحث: ${what}` : 'بحث';
}

/** The article text with every record marked: code-point offsets, overlapping spans allowed. */
function markedText(text, rec, links, chosen = null) {
  const chars = Array.from(text);
  const marks = Array.from({ length: chars.length + 1 }, () => []);
  const add = (s, e, m) => { for (let i = Math.max(0, s); i < Math.min(e, chars.length); i++) marks[i].push(m); };
  for (const q of rec.quotes) add(q.start, q.end, { cls: 'm-quote' });
  for (const q of rec.quotes) if (q.speaker) add(q.speaker.start, q.speaker.end, { cls: 'm-speaker' });
  for (const d of rec.dates) add(d.start, d.end, { cls: 'm-date', title: d.value });
  for (const x of rec.hedges) add(x.start, x.end, { cls: 'm-hedge', title: x.kind });
  for (const c of rec.counts) add(c.start, c.end, { cls: 'm-count', title: `${CAT_AR[c.category] || c.category}: ${c.value}` });
  for (const e of rec.entities) for (const m of e.mentions) add(m.start, m.end, { cls: `m-${e.type}`, entity: links[e.id], title: e.name });
  (rec.events || []).forEach((e, i) => add(e.trigger.start, e.trigger.end, { cls: i === chosen ? 'm-event m-event-chosen' : 'm-event', title: EVENT_AR[e.type] || e.type }));
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

async function article(id, q = new URLSearchParams()) {
  const a = await api(`/api/articles/${encodeURIComponent(id)}`);
  const r = a.record;
  const chosen = q.has('event') ? parseInt(q.get('event'), 10) : null;
  const place = (e) => (e.location ? e.location.text : null);
  const side = h('div', { class: 'side' });
  const section = (title, items, id) => items.length ? h('div', { class: 'card', id }, h('h3', {}, title, ' (', num(items.length), ')'), h('ul', {}, items)) : null;
  side.append(...[
    section('الكيانات', r.entities.map((e) => h('li', { class: 'entity-item' }, h('span', { class: `tag ${e.type}` }, TYPE_AR[e.type]), a.links[e.id] ? entityLink(a.links[e.id], e.name, e.type) : e.name, e.latin ? h('span', { class: 'muted' }, ' (', ltr(e.latin, 'latin'), ')') : null))),
    section('الاقتباسات', r.quotes.map((q) => h('li', {}, h('strong', {}, q.speaker ? q.speaker.text : 'غير معروف'), ` ${q.cue} `, h('span', { class: 'muted' }, `[${KIND_AR[q.kind] || q.kind}] `), `«${q.text}»`))),
    section('الأرقام', r.counts.map((c) => h('li', {}, h('strong', {}, `${CAT_AR[c.category] || c.category}: `, num(c.value)), ` (${c.qualifier}) «${c.text}»`, c.attributed_to ? h('span', { class: 'muted' }, ` — بحسب ${c.attributed_to.text}`) : null))),
    section('التواريخ', r.dates.map((d) => h('li', {}, `${d.text} ← `, ltr(d.value, 'date'))), 'article-dates'),
    section('تحفظات', r.hedges.map((x) => h('li', {}, `${x.text} (${x.kind === 'disputed' ? 'ادعاء' : 'لم يتسنّ التحقق'})`))),
    section('مبالغ', r.amounts.map((m) => h('li', {}, `${m.text} ← `, ltr(m.value)))),
    section('الأحداث', (r.events || []).map((e, i) => h('li', { class: i === chosen ? 'event-item chosen' : 'event-item', dataset: { index: i } },
      h('strong', {}, EVENT_AR[e.type] || e.type), ' ', eventLink(a.id, i, `«${e.trigger.text}»`),
      h('span', { class: 'muted' }, ` [${STATUS_AR[e.status] || e.status}]`),
      e.source ? h('span', {}, ' — الفاعل: ', e.source.text) : null,
      e.target ? h('span', {}, ' — المستهدف: ', e.target.text) : null,
      place(e) ? h('span', {}, ' — في ', place(e)) : null)), 'article-events'),
  ].filter(Boolean));
  const legend = h('p', { class: 'legend muted' }, h('span', { class: 'm-PER' }, 'شخص'), h('span', { class: 'm-ORG' }, 'منظمة'), h('span', { class: 'm-LOC' }, 'مكان'), h('span', { class: 'm-quote' }, 'اقتباس'), h('span', { class: 'm-count' }, 'رقم'), h('span', { class: 'm-date' }, 'تاريخ'), h('span', { class: 'm-hedge' }, 'تحفظ'), h('span', { class: 'm-event' }, 'حدث'));
  main().append(h('div', { class: 'grid' },
    h('div', { class: 'card' },
      h('h1', { id: 'article-title', dir: 'auto' }, a.title || a.id),
      h('p', { class: 'muted', id: 'article-meta' }, 'نُشر في ', joined([date(a.published) || 'تاريخ غير معروف', a.source ? auto(a.source) : null]), ' ', a.url && /^https?:\/\//.test(a.url) ? h('a', { href: a.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'المصدر') : null),
      legend, markedText(a.text, r, a.links, chosen)),
    side));
  const mark = document.querySelector('.m-event-chosen');
  if (mark && mark.scrollIntoView) mark.scrollIntoView({ block: 'center' });
  return a.title || a.id;
}

/** A list that grows by pages from `/api/entities/{id}/{what}`: the first page as the entity
 * came with it, then a button for the next one while there are more. */
function pagedList(id, what, first, item, attrs = {}) {
  const ul = h('ul', attrs, first.items.map(item));
  const box = h('div', {}, ul);
  let next = first.offset + first.items.length;
  const more = h('button', { type: 'button', class: 'more', id: attrs.id ? `${attrs.id}-more` : null }, 'المزيد');
  const status = () => {
    more.replaceChildren('المزيد (', num(first.total - next), ')');
    if (next >= first.total) more.remove();
  };
  more.addEventListener('click', async () => {
    more.disabled = true;
    more.replaceChildren('جارٍ التحميل…');
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

/** One of an entity's quotes: when, how it was said, the words, and the article. */
const quoteItem = (q) => h('li', {},
  h('div', { class: 'muted' }, joined([date(q.published), `${q.cue} (${KIND_AR[q.kind] || q.kind})`])),
  h('q', {}, q.text), ' ', articleLink(q.article, '↗'));

/** One of the figures an entity gave: when, what, how many, and the sentence. */
const figureItem = (f) => h('li', {},
  date(f.published), ' ', h('strong', {}, `${CAT_AR[f.category] || f.category}: `), h('span', { class: 'value' }, num(f.value)),
  ` «${f.text}» `, articleLink(f.article, '↗'));

async function entity(id) {
  const e = await api(`/api/entities/${encodeURIComponent(id)}`);
  const head = h('div', { class: 'card' },
    h('h1', { id: 'entity-name' }, h('span', { class: `tag ${e.type}` }, TYPE_AR[e.type]), e.name),
    e.latin ? h('p', { id: 'entity-latin' }, ltr(e.latin, 'latin')) : null,
    h('p', { class: 'muted' }, joined([h('span', {}, num(e.articles), ' مقالاً'), h('span', {}, num(e.quotes.total), ' اقتباساً'), h('span', {}, num(e.figures.total), ' رقماً منسوباً'), h('a', { href: `#/search?entity=${encodeURIComponent(e.id)}` }, 'كل مقالاته')])));
  // what it said, first: its quotes, newest first, then how many a month
  const quotes = h('div', { class: 'card', id: 'entity-said' }, h('h2', {}, 'ما قاله'));
  let chart = null;
  if (e.quotes.total) {
    quotes.append(pagedList(e.id, 'quotes', e.quotes, quoteItem, { id: 'entity-quotes', class: 'quote-list' }));
    // every quote counted by month (the server counts them all, not only the first page)
    chart = h('div', { class: 'chart' }, h('canvas', {}));
    quotes.append(h('h3', {}, 'اقتباساته شهراً بشهر'), chart);
  } else quotes.append(h('p', { class: 'muted' }, 'لا اقتباسات منسوبة إليه.'));
  const figures = h('div', { class: 'card', id: 'entity-figures-card' }, h('h2', {}, 'أرقام نُسبت إليه'),
    e.figures.total ? pagedList(e.id, 'figures', e.figures, figureItem, { id: 'entity-figures', class: 'figure-list' }) : h('p', { class: 'muted' }, 'لا أرقام.'));
  // its spellings and why each was joined: folded away, below
  const shown = e.variants.filter((v) => !v.key.includes('geonames:'));
  const variants = h('details', { class: 'card variants', id: 'variants-box' },
    h('summary', {}, 'الصيغ وسبب دمجها (', num(shown.length), ')'),
    h('table', { id: 'variants' }, h('tr', {}, h('th', {}, 'الصيغة'), h('th', {}, 'السبب'), h('th', {}, 'أول مقال')),
      shown.map((v) => h('tr', {}, h('td', {}, v.text), h('td', {}, auto(v.reason)), h('td', {}, v.first_article ? articleLink(v.first_article) : '')))));
  const side = h('div', { class: 'side' });
  const mapBox = e.geo ? h('div', { id: 'map' }) : null;
  if (e.geo) side.append(h('div', { class: 'card' }, h('h2', {}, 'على الخريطة'), mapBox, h('p', { class: 'muted' }, ltr(`${e.geo.lat.toFixed(3)}, ${e.geo.lon.toFixed(3)} (${e.geo.country})`))));
  // the entities seen with it: counted over all its articles, asked for on their own
  const related = h('div', { class: 'card' }, h('h2', {}, 'يظهر مع'));
  const relatedLoading = h('p', { class: 'loading' }, 'جارٍ التحميل…');
  related.append(relatedLoading);
  side.append(related);
  api(`/api/entities/${encodeURIComponent(e.id)}/related?limit=20`)
    .then((first) => related.append(pagedList(e.id, 'related', first, (r) => h('li', {}, entityLink(r.id, r.name, r.type), h('span', { class: 'muted' }, ' (', num(r.shared_articles), ')')), { id: 'entity-related' })))
    .catch((err) => related.append(errorCard(err)))
    .finally(() => relatedLoading.remove());
  side.append(h('div', { class: 'card' }, h('h2', {}, 'المقالات'), pagedList(e.id, 'articles', e.article_list, (a) => h('li', {}, articleLink(a.id, a.title || a.id), ' ', h('span', { class: 'muted' }, date(a.published))), { id: 'entity-articles' })));
  main().append(h('div', { class: 'grid' }, h('div', {}, head, quotes, figures, variants), side));
  if (chart) charts.push(new Chart(chart.querySelector('canvas'), { type: 'bar', data: { labels: e.quotes_by_month.map((m) => m.month), datasets: [{ label: 'اقتباسات في الشهر', data: e.quotes_by_month.map((m) => m.quotes), backgroundColor: '#1f6feb' }] }, options: { maintainAspectRatio: false, animation: false } }));
  // (a view another one replaced while it loaded draws no map)
  if (e.geo && mapBox.isConnected) {
    worldMap(mapBox, [e.geo.lat, e.geo.lon], 4);
    L.circleMarker([e.geo.lat, e.geo.lon], { radius: 8, color: '#cf222e', fillOpacity: 0.8 }).addTo(map);
  }
  return e.name;
}

/** Country outlines from world-atlas, bundled: the map's only background (no tiles, no network
 * at run time). */
const outlines = () => L.geoJSON(feature(countries110m, countries110m.objects.countries), { interactive: false, style: { color: '#57606a', weight: 0.6, fillColor: '#f6f8fa', fillOpacity: 1 } });

/** A Leaflet map in `box` over the country outlines, no tiles (the one map of the page). */
function worldMap(box, center, zoom) {
  map = L.map(box, { attributionControl: false, zoomControl: true, worldCopyJump: true }).setView(center, zoom);
  outlines().addTo(map);
  return map;
}

const LEVEL_AR = { country: 'دولة', admin1: 'إقليم', city: 'مدينة' };
const PLACES = 1000;

/** The places in the news for a date range: circles sized by how many articles name them, each
 * leading to its page, on the country outlines; the same places listed below. */
async function placesMap(q) {
  const from = q.get('from') || '';
  const to = q.get('to') || '';
  const form = h('form', { class: 'map-form', id: 'map-form' },
    h('label', {}, 'من ', h('input', { name: 'from', type: 'date', value: from })),
    h('label', {}, 'إلى ', h('input', { name: 'to', type: 'date', value: to })),
    h('button', { type: 'submit' }, 'اعرض'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const qs = new URLSearchParams();
    for (const k of ['from', 'to']) if (form.elements[k].value) qs.set(k, form.elements[k].value);
    location.hash = `#/map${qs.toString() ? `?${qs}` : ''}`;
  });
  const qs = new URLSearchParams({ limit: String(PLACES) });
  if (from) qs.set('from', from);
  if (to) qs.set('to', to);
  const card = h('div', { class: 'card' }, h('h1', {}, 'الأماكن في الأخبار'), form);
  main().append(card);
  const res = await api(`/api/places?${qs}`);
  const range = from || to ? h('span', {}, ' بين ', from ? ltr(from, 'date') : 'البداية', ' و', to ? ltr(to, 'date') : 'اليوم') : ' في كل المدوّنة';
  card.append(h('p', { class: 'muted', id: 'places-count' }, num(res.total), ' مكاناً ذُكرت في المقالات', range,
    res.total > res.items.length ? h('span', {}, ' (على الخريطة أكثرها ذكراً: ', num(res.items.length), ')') : null));
  const box = h('div', { id: 'places-map' });
  card.append(box);
  const table = h('table', { class: 'places', id: 'places-list' }, h('tr', {}, h('th', {}, 'المكان'), h('th', {}, 'النوع'), h('th', {}, 'الدولة'), h('th', {}, 'المقالات')),
    res.items.map((p) => h('tr', {}, h('td', {}, entityLink(p.id, p.name, 'LOC'), p.latin ? h('span', { class: 'muted' }, ' (', ltr(p.latin, 'latin'), ')') : null), h('td', {}, LEVEL_AR[p.level] || ''), h('td', {}, p.country ? ltr(p.country) : ''), h('td', { class: 'n' }, num(p.articles)))));
  if (res.items.length) main().append(h('div', { class: 'card' }, h('h2', {}, 'القائمة'), table));
  if (!box.isConnected) return null; // another view replaced this one while it loaded
  worldMap(box, [25, 30], 2);
  const most = Math.max(1, ...res.items.map((p) => p.articles));
  // the least named drawn first, so that the big circles do not hide the small ones' clicks
  for (const p of [...res.items].reverse()) {
    const c = L.circleMarker([p.lat, p.lon], { radius: 4 + 22 * Math.sqrt(p.articles / most), color: '#cf222e', weight: 1, fillColor: '#cf222e', fillOpacity: 0.45, className: 'place-circle' });
    // a DOM node, never markup: the names are article text
    c.bindTooltip(h('span', {}, p.name, ' ', num(p.articles), ' مقالاً'), { direction: 'top' });
    c.on('click', () => { location.hash = `#/entity/${encodeURIComponent(p.id)}`; });
    c.addTo(map);
    const el = c.getElement();
    if (el) { el.dataset.entity = p.id; el.setAttribute('aria-label', p.name); }
  }
  if (!res.items.length) card.append(h('p', { class: 'muted' }, 'لا أماكن مذكورة في هذه المدة.'));
  return from || to ? `الأماكن في الأخبار ${[from, to].join(' – ')}` : 'الأماكن في الأخبار';
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
  const parts = [q.get('category') ? CAT_AR[q.get('category')] || q.get('category') : 'كل الفئات', q.get('day') || '', q.get('country') || '', SCOPE_AR[q.get('scope') || 'incident'] || ''];
  const what = parts.filter(Boolean).join(' · ');
  // the day and the country code left to right inside the Arabic heading
  const heading = joined([parts[0], parts[1] ? ltr(parts[1], 'date') : null, parts[2] ? ltr(parts[2]) : null, parts[3]]);
  const list = h('ol', { id: 'figures-list', start: offset + 1 }, res.items.map((f) => h('li', {},
    h('strong', {}, `${CAT_AR[f.category] || f.category}: `, num(f.value), ' '),
    `«${f.text}» `,
    f.source ? h('span', { class: 'muted' }, `— ${f.source} `) : null,
    f.scope !== 'incident' ? h('span', { class: 'tag scope' }, SCOPE_AR[f.scope] || f.scope) : null,
    ' ', articleLink(f.article, f.title || f.article), ' ', h('span', { class: 'muted' }, joined([date(f.published), f.country ? ltr(f.country) : null])))));
  const nav = h('p', { class: 'pager' });
  const at = (o) => { const p = new URLSearchParams(q); if (o > 0) p.set('offset', String(o)); else p.delete('offset'); return `#/figures?${p}`; };
  if (offset > 0) nav.append(h('a', { href: at(Math.max(0, offset - limit)), rel: 'prev' }, '→ السابق'));
  nav.append(h('span', { class: 'muted' }, ' ', num(res.total), ' رقماً '));
  if (offset + res.items.length < res.total) nav.append(h('a', { href: at(offset + limit), rel: 'next' }, 'التالي ←'));
  main().append(h('div', { class: 'card' }, h('h1', { id: 'figures-title' }, 'الأرقام: ', heading), res.items.length ? list : h('p', { class: 'muted' }, 'لا أرقام.'), nav));
  return `الأرقام: ${what}`;
}

const EVENT_AR = { PROTEST: 'احتجاج', ASSAULT: 'اعتداء', COERCE: 'إكراه', MOBILIZE: 'تعبئة' };
const EVENT_COLOR = { PROTEST: '#bf8700', ASSAULT: '#cf222e', COERCE: '#8250df', MOBILIZE: '#1f6feb' };
const STATUS_AR = { asserted: 'وقع', denied: 'نُفي', threatened: 'هُدّد به', planned: 'مُعلن عنه', hypothetical: 'افتراضي' };
const INCIDENTS = 1000;

/** A link to the words an event came from: its article, with its trigger marked. */
function eventLink(article, index, text) {
  return h('a', { href: `#/article/${encodeURIComponent(article)}?event=${index}`, class: 'event-link' }, text);
}

/** Incidents (events of one type, day and place, however many articles tell them) on a map and
 * a timeline, filtered by type, country and range; each leads to the words it came from. */
async function eventsView(q) {
  const get = (k) => q.get(k) || '';
  const type = h('select', { name: 'type', 'aria-label': 'نوع الحدث' }, h('option', { value: '' }, 'كل الأنواع'), Object.entries(EVENT_AR).map(([k, v]) => h('option', { value: k, selected: get('type') === k }, v)));
  const form = h('form', { class: 'map-form', id: 'events-form' }, type,
    h('input', { name: 'country', placeholder: 'البلد (KZ)', 'aria-label': 'البلد', value: get('country'), size: 10, pattern: '[A-Za-z]{2}' }),
    h('label', {}, 'من ', h('input', { name: 'from', type: 'date', value: get('from') })),
    h('label', {}, 'إلى ', h('input', { name: 'to', type: 'date', value: get('to') })),
    h('button', { type: 'submit' }, 'اعرض'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const qs = new URLSearchParams();
    for (const k of ['type', 'country', 'from', 'to']) if (form.elements[k].value.trim()) qs.set(k, form.elements[k].value.trim());
    location.hash = `#/events${qs.toString() ? `?${qs}` : ''}`;
  });
  const qs = new URLSearchParams({ limit: String(INCIDENTS) });
  for (const k of ['type', 'country', 'from', 'to']) if (get(k)) qs.set(k, get(k));
  const card = h('div', { class: 'card' }, h('h1', {}, 'الأحداث'), form);
  main().append(card);
  const res = await api(`/api/incidents?${qs}`);
  card.append(h('p', { class: 'muted', id: 'events-count' }, num(res.total), ' حادثة',
    res.total > res.items.length ? h('span', {}, ' (المعروض أحدثها: ', num(res.items.length), ')') : null,
    '. الحادثة حدث واحد في يوم ومكان واحد مهما تعددت المقالات التي روته، وأرقامها أكبر ما ذكرته إحداها لا مجموعها.'));
  const timeline = h('div', { class: 'chart' }, h('canvas', { id: 'events-chart' }));
  const box = h('div', { id: 'events-map' });
  card.append(h('h2', {}, 'الخط الزمني'), timeline, h('h2', {}, 'الخريطة'), box);
  const fig = (i) => joined(Object.entries(i.figures).map(([c, v]) => h('span', {}, `${CAT_AR[c] || c}: `, num(v))));
  const table = h('table', { class: 'places', id: 'events-list' }, h('tr', {}, h('th', {}, 'النوع'), h('th', {}, 'اليوم'), h('th', {}, 'المكان'), h('th', {}, 'المقالات'), h('th', {}, 'الأرقام'), h('th', {}, 'المصدر')),
    res.items.map((i) => h('tr', { dataset: { type: i.type } },
      h('td', {}, h('span', { class: `tag ev-${i.type}` }, EVENT_AR[i.type] || i.type)),
      h('td', {}, i.day ? ltr(i.day, 'date') : ''),
      h('td', {}, i.place ? (i.place.entity ? entityLink(i.place.entity, i.place.name || i.place.text, 'LOC') : i.place.text) : h('span', { class: 'muted' }, 'غير محدد'), i.country ? h('span', { class: 'muted' }, ' ', ltr(i.country)) : null),
      h('td', { class: 'n' }, num(i.articles)),
      h('td', {}, fig(i)),
      h('td', {}, joined(i.reports.slice(0, 3).map((r) => eventLink(r.article, r.index, `«${r.trigger.text}»`)))))));
  main().append(h('div', { class: 'card' }, h('h2', {}, 'الحوادث'), res.items.length ? table : h('p', { class: 'muted' }, 'لا أحداث.')));
  if (!box.isConnected) return null; // another view replaced this one while it loaded
  const days = [...new Set(res.days.map((d) => d.day))].sort();
  const types = Object.keys(EVENT_AR).filter((t) => res.days.some((d) => d.type === t));
  const at = new Map(res.days.map((d) => [`${d.day}|${d.type}`, d.incidents]));
  charts.push(new Chart(timeline.querySelector('canvas'), {
    type: 'bar',
    data: { labels: days, datasets: types.map((t) => ({ label: EVENT_AR[t], data: days.map((d) => at.get(`${d}|${t}`) ?? 0), backgroundColor: EVENT_COLOR[t] })) },
    options: { maintainAspectRatio: false, animation: false, scales: { x: { reverse: true, stacked: true }, y: { stacked: true, ticks: { precision: 0 } } } },
  }));
  worldMap(box, [25, 30], 2);
  const located = res.items.filter((i) => i.place && i.place.lat != null && i.place.lon != null);
  const most = Math.max(1, ...located.map((i) => i.articles));
  for (const i of [...located].reverse()) {
    const color = EVENT_COLOR[i.type] || '#57606a';
    const c = L.circleMarker([i.place.lat, i.place.lon], { radius: 5 + 15 * Math.sqrt(i.articles / most), color, weight: 1, fillColor: color, fillOpacity: 0.5, className: 'event-circle' });
    // a DOM node, never markup: the names and triggers are article text
    c.bindTooltip(h('span', {}, EVENT_AR[i.type] || i.type, ' · ', i.place.name || i.place.text, ' · ', i.day || '', ' · ', num(i.articles), ' مقالاً'), { direction: 'top' });
    const first = i.reports[0];
    if (first) c.on('click', () => { location.hash = `#/article/${encodeURIComponent(first.article)}?event=${first.index}`; });
    c.addTo(map);
    const el = c.getElement();
    if (el) { el.dataset.type = i.type; if (first) el.dataset.article = first.article; }
  }
  const what = [get('type') ? EVENT_AR[get('type')] || get('type') : '', get('country'), get('from'), get('to')].filter(Boolean).join(' · ');
  return what ? `الأحداث: ${what}` : 'الأحداث';
}

/** Which view is the latest: a view still loading when another is asked for must not set the
 * title or say it is ready. */
let generation = 0;

async function route() {
  const gen = ++generation;
  clear();
  const { path, q } = params();
  const form = document.getElementById('search');
  for (const k of ['q', 'entity', 'source', 'from', 'to']) form.elements[k].value = path === '/search' ? q.get(k) || '' : '';
  for (const a of document.querySelectorAll('header nav a')) {
    if (a.getAttribute('href') === `#${path}`) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  delete document.body.dataset.ready;
  // a placeholder while the view's requests run
  const loading = h('p', { class: 'loading', id: 'loading', role: 'status' }, 'جارٍ التحميل…');
  main().append(loading);
  let title;
  try {
    // each view answers with its title (the home page with none: the site's own)
    if (path.startsWith('/article/')) title = await article(decodeURIComponent(path.slice(9)), q);
    else if (path.startsWith('/entity/')) title = await entity(decodeURIComponent(path.slice(8)));
    else if (path === '/search') title = await search(q);
    else if (path === '/map') title = await placesMap(q);
    else if (path === '/figures') title = await figures(q);
    else if (path === '/events') title = await eventsView(q);
    else await home();
  } catch (e) {
    if (gen !== generation) return;
    title = arabicError(e);
    main().append(errorCard(e));
  } finally {
    loading.remove();
  }
  if (gen !== generation) return;
  setTitle(title);
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
