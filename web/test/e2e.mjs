// Browser test: ingests the bundled examples and an article made of markup, serves them, and
// drives Debian's Chromium through playwright-core: home, search and its pages, an article (its
// dates left to right), an entity (its quotes first), the map of places, the XSS article, error
// messages in Arabic, the shipped font, no request but to our server. Screenshots go to
// target/screenshots/. Exits non-zero on the first failure.
//   KHABAR_BIN=target/release/khabar node web/test/e2e.mjs
import { chromium } from 'playwright-core';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = process.env.KHABAR_BIN || join(root, 'target/debug/khabar');
const shots = join(root, 'target/screenshots');
mkdirSync(shots, { recursive: true });
const db = mkdtempSync(join(tmpdir(), 'khabar-e2e-'));
const port = 20000 + Math.floor(Math.random() * 20000);
const base = `http://127.0.0.1:${port}`;

execFileSync(bin, ['ingest', '--quiet', '--db', db, join(root, 'examples/articles.jsonl'), join(root, 'web/test/xss.jsonl'), join(root, 'web/test/bidi.jsonl')], { stdio: 'inherit' });
const server = spawn(bin, ['serve', '--db', db, '--addr', `127.0.0.1:${port}`], { stdio: ['ignore', 'inherit', 'inherit'] });

async function waitUp() {
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(`${base}/api/stats`)).ok) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

let browser;
let page;
let failed = false;
try {
  await waitUp();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  // nothing but our own server is ever asked (no fonts, tiles or scripts from elsewhere)
  const elsewhere = [];
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:')) elsewhere.push(r.url()); });
  const ready = (hash) => page.waitForSelector(`body[data-ready="${hash}"]`);
  const title = () => page.evaluate(() => document.title);
  const api = async (path) => (await fetch(`${base}${path}`)).json();

  // home: direction, stats, chart
  await page.goto(`${base}/`);
  await ready('#/');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  assert.match(await page.textContent('#stats'), /مقالات/);
  assert.ok(await page.$('#counts-chart'), 'counts chart');
  assert.equal(await title(), 'خبر — حقائق منسوبة من الأخبار العربية');
  assert.ok(!(await page.$('#loading')), 'the placeholder is gone when the view is ready');
  // the Arabic font shipped with the page (served by our server) is what draws the Arabic
  const faces = await page.evaluate(async () => {
    await document.fonts.ready;
    await document.fonts.load('16px "Noto Naskh Arabic"', 'خبر');
    return [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Noto Naskh Arabic').map((f) => `${f.weight}:${f.status}`);
  });
  assert.ok(faces.includes('400:loaded'), `the regular face loaded: ${faces}`);
  assert.ok(await page.evaluate(() => document.fonts.check('16px "Noto Naskh Arabic"', 'خبر')), 'Arabic text draws with Noto Naskh Arabic');
  assert.match(await page.evaluate(() => getComputedStyle(document.body).fontFamily), /^"Noto Naskh Arabic"/);
  await page.screenshot({ path: join(shots, 'home.png'), fullPage: true });
  console.log(`ok home (font faces ${faces.join(', ')})`);

  // the chart keeps categories apart, and a click on a bar opens the figures it is made of
  const perCategory = await api('/api/counts?scope=all');
  const keys = perCategory.series.map((p) => `${p.day}|${p.category}`);
  assert.equal(new Set(keys).size, keys.length, 'one point per day and category');
  await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/counts') && r.url().includes('scope=all')),
    page.selectOption('#scope', 'all'),
  ]);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const box = await page.$eval('#counts-chart', (c) => { const r = c.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; });
  await page.mouse.click(box.x + box.w / 2, box.y + box.h / 2);
  await page.waitForFunction(() => location.hash.startsWith('#/figures?'));
  await page.waitForSelector('body[data-ready^="#/figures?"]');
  const clicked = new URLSearchParams(page.url().split('#/figures?')[1]);
  const bar = perCategory.series.find((p) => p.day === clicked.get('day') && p.category === clicked.get('category'));
  assert.ok(bar, `the click named a bar: ${clicked}`);
  assert.equal(await page.$$eval('#figures-list li', (els) => els.length), bar.records, 'the bar\'s figures, all of them');
  await page.screenshot({ path: join(shots, 'figures-of-a-bar.png'), fullPage: true });
  console.log(`ok a bar opens its ${bar.records} figures (${bar.category}, ${bar.day})`);

  // search from the form, with a hamza spelling the articles may not use
  await page.fill('input[name=q]', 'الرئيس');
  await page.click('header button[type=submit]');
  await page.waitForSelector('#results .result');
  const n = await page.$$eval('#results .result', (els) => els.length);
  assert.ok(n >= 1, 'search finds articles');
  assert.ok(await page.$('#results mark'), 'snippets highlight the words');
  await page.screenshot({ path: join(shots, 'search.png'), fullPage: true });
  console.log(`ok search (${n} results)`);

  assert.equal(await title(), 'بحث: الرئيس — خبر');

  // search paging: one result a page, past the first page and back
  const word = encodeURIComponent('الرئيس');
  const total = (await api(`/api/articles?q=${word}&limit=1`)).total;
  assert.ok(total >= 3, `enough results to page through (${total})`);
  await page.goto(`${base}/#/search?q=${word}&limit=1`);
  await ready(`#/search?q=${word}&limit=1`);
  const seen = [await page.getAttribute('#results .result a.article-link', 'href')];
  for (let p = 2; p <= 3; p++) {
    await page.click('#next-page');
    await page.waitForSelector(`body[data-ready*="offset=${p - 1}"]`);
    const href = await page.getAttribute('#results .result a.article-link', 'href');
    assert.ok(!seen.includes(href), `page ${p} shows another article`);
    seen.push(href);
    assert.match(await page.textContent('#page-of'), new RegExp(`صفحة ${p} من ${total}`));
  }
  assert.ok(await page.$('#prev-page'), 'a way back');
  await page.screenshot({ path: join(shots, 'search-page-3.png'), fullPage: true });
  await page.click('#prev-page');
  await page.waitForSelector('body[data-ready*="offset=1"]');
  assert.equal(await page.getAttribute('#results .result a.article-link', 'href'), seen[1], 'back to the second page');
  console.log(`ok search paging (${seen.length} pages of ${total})`);

  // the placeholder while a view loads: the article's request held back a moment
  await page.route('**/api/articles/*', async (r) => { await new Promise((res) => setTimeout(res, 600)); await r.continue(); });
  await page.goto(`${base}/#/search?q=${word}&limit=1`);
  await ready(`#/search?q=${word}&limit=1`);
  const held = page.click('#results .result a.article-link');
  await page.waitForSelector('#loading', { state: 'visible' });
  assert.equal((await page.textContent('#loading')).trim(), 'جارٍ التحميل…');
  await page.screenshot({ path: join(shots, 'loading.png') });
  await held;
  await page.waitForSelector('#article-text');
  assert.ok(!(await page.$('#loading')), 'the placeholder goes when the article is there');
  await page.unroute('**/api/articles/*');
  await page.goto(`${base}/#/search?q=${word}&limit=1`);
  await ready(`#/search?q=${word}&limit=1`);
  console.log('ok loading placeholder');

  // an article: text with records marked and listed
  const first = await page.$('#results .result a.article-link');
  const heading = await first.textContent();
  await first.click();
  await page.waitForSelector('#article-text');
  assert.equal((await page.textContent('#article-title')).trim(), heading.trim());
  assert.equal(await title(), `${heading.trim()} — خبر`);
  const marked = await page.$$eval('#article-text .ent', (els) => els.length);
  assert.ok(marked >= 1, 'entities are marked in the text');
  assert.ok(await page.$('.entity-item'), 'entities are listed beside the text');
  await page.screenshot({ path: join(shots, 'article.png'), fullPage: true });
  console.log(`ok article (${marked} entity mentions marked)`);

  // a date after Arabic words reads left to right: the year is drawn left of the day. The same
  // words and date without the isolation, drawn beside them, show what it guards against.
  const order = await page.evaluate(() => {
    // where the characters from..to of a text node are drawn: their left edge
    const left = (node, from, to) => {
      const r = document.createRange();
      r.setStart(node, from);
      r.setEnd(node, to);
      return r.getBoundingClientRect().left;
    };
    const el = document.querySelector('#article-meta time.date');
    const text = el.textContent;
    const style = getComputedStyle(el);
    const probe = document.createElement('p');
    const words = 'نُشر في ';
    probe.textContent = words + text;
    document.querySelector('#article-meta').after(probe);
    const n = words.length;
    const plain = { year: left(probe.firstChild, n, n + 4), day: left(probe.firstChild, n + 8, n + 10) };
    probe.remove();
    return { text, direction: style.direction, bidi: style.unicodeBidi, before: el.parentNode.textContent.trim().startsWith('نُشر في'),
      year: left(el.firstChild, 0, 4), day: left(el.firstChild, 8, 10), plain };
  });
  assert.match(order.text, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(order.before, 'the date follows Arabic words');
  assert.equal(order.direction, 'ltr');
  assert.equal(order.bidi, 'isolate');
  assert.ok(order.year < order.day, `the year is left of the day: ${JSON.stringify(order)}`);
  assert.ok(order.plain.year > order.plain.day, `unisolated, the same date would read day first: ${JSON.stringify(order.plain)}`);
  // every date and number in the side lists is isolated left to right too
  const loose = await page.$$eval('.side li, #article-meta', (els) => els.flatMap((e) => [...e.childNodes]).filter((n) => n.nodeType === 3 && /\d{4}-\d{2}-\d{2}/.test(n.textContent)).length);
  assert.equal(loose, 0, 'no date outside an isolate');
  console.log(`ok date left to right (${order.text})`);

  // an entity: spellings with reasons, articles
  const ent = await page.$('.entity-item a.ent');
  const entName = (await ent.textContent()).trim();
  await ent.click();
  await page.waitForSelector('#entity-name');
  assert.ok((await page.textContent('#entity-name')).includes(entName) || (await page.textContent('#variants')).includes(entName), 'the entity page is the clicked entity');
  assert.ok(await page.$('#variants tr td'), 'variants are listed');
  assert.equal(await title(), `${entName} — خبر`);
  assert.equal(await page.$eval('#variants-box', (d) => d.tagName === 'DETAILS' && !d.open), true, 'the spellings are folded away');
  await page.screenshot({ path: join(shots, 'entity.png'), fullPage: true });
  console.log(`ok entity (${entName})`);

  // an entity that is quoted: the page leads with what it said, the figures it gave next, its
  // spellings folded away below them
  let quoted = null;
  for (const e of (await api('/api/entities?limit=500')).items) {
    if ((await api(`/api/entities/${e.id}/quotes?limit=1`)).total > 0) { quoted = e; break; }
  }
  assert.ok(quoted, 'someone is quoted in the examples');
  await page.goto(`${base}/#/entity/${quoted.id}`);
  await ready(`#/entity/${quoted.id}`);
  const lead = await page.evaluate(() => {
    const top = (sel) => document.querySelector(sel).getBoundingClientRect().top;
    const cards = [...document.querySelectorAll('.grid > div:first-child > .card')].map((c) => c.id || c.querySelector('h1') && 'head');
    return { cards, said: top('#entity-said'), variants: top('#variants-box'), quotes: document.querySelectorAll('#entity-quotes li q').length, open: document.querySelector('#variants-box').open, viewport: innerHeight };
  });
  assert.deepEqual(lead.cards, ['head', 'entity-said', 'entity-figures-card', 'variants-box'], 'head, quotes, figures, spellings');
  assert.ok(lead.quotes >= 1 && lead.said < lead.viewport, `the quotes show in the first screen: ${JSON.stringify(lead)}`);
  assert.ok(lead.said < lead.variants && !lead.open);
  assert.ok((await page.$$eval('#entity-quotes li time.date', (els) => els.filter((e) => getComputedStyle(e).direction === 'ltr').length)) >= 1, 'quote dates left to right');
  await page.screenshot({ path: join(shots, 'entity-quotes.png'), fullPage: true });
  await page.click('#variants-box summary');
  assert.ok(await page.$eval('#variants-box', (d) => d.open), 'the spellings unfold');
  console.log(`ok entity leads with its quotes (${quoted.name}, ${lead.quotes})`);

  // a place on the map: Almaty from the XSS article
  const almaty = (await (await fetch(`${base}/api/entities?q=${encodeURIComponent('الماتي')}&type=LOC`)).json()).items;
  assert.ok(almaty.length >= 1 && almaty[0].geo, 'Almaty is a located place');
  await page.goto(`${base}/#/entity/${almaty[0].id}`);
  // country outlines (no tiles) and the place's marker
  await page.waitForFunction(() => document.querySelectorAll('#map path').length > 100);
  assert.match(await page.textContent('#entity-latin'), /Almaty/);
  await page.screenshot({ path: join(shots, 'place.png'), fullPage: true });
  console.log('ok place on the map');

  // the map of places in the news: from the header, every located place as a circle, each
  // leading to its page; a range narrows it
  await page.goto(`${base}/#/`);
  await ready('#/');
  await page.click('#nav-map');
  await ready('#/map');
  const places = await api('/api/places?limit=1000');
  assert.ok(places.total >= 2, `places in the examples: ${places.total}`);
  const drawn = await page.$$eval('#places-map path.place-circle', (els) => els.map((e) => e.dataset.entity));
  assert.equal(drawn.length, places.items.length, 'a circle for each place');
  assert.deepEqual([...drawn].sort(), places.items.map((p) => p.id).sort());
  assert.ok(await page.$$eval('#places-map path', (els) => els.length) > 100 + drawn.length, 'on the country outlines');
  const radius = await page.$$eval('#places-map path.place-circle', (els) => els.map((e) => e.getBBox().width));
  const most = places.items[0];
  const least = places.items[places.items.length - 1];
  if (most.articles > least.articles) assert.ok(Math.max(...radius) > Math.min(...radius), 'circles sized by articles');
  assert.equal(await page.$$eval('#places-list tr', (els) => els.length - 1), places.items.length, 'the places listed below');
  assert.match(await title(), /^الأماكن في الأخبار — خبر$/);
  await page.screenshot({ path: join(shots, 'map.png'), fullPage: true });
  await page.fill('#map-form input[name=from]', '2022-01-01');
  await page.fill('#map-form input[name=to]', '2022-12-31');
  await page.click('#map-form button');
  await ready('#/map?from=2022-01-01&to=2022-12-31');
  const in2022 = await page.$$eval('#places-map path.place-circle', (els) => els.map((e) => e.dataset.entity));
  assert.ok(in2022.includes(almaty[0].id) && in2022.length < drawn.length, `2022: Almaty and fewer places (${in2022.length} of ${drawn.length})`);
  assert.ok((await page.textContent('#places-count')).includes('2022-01-01'));
  await page.screenshot({ path: join(shots, 'map-2022.png'), fullPage: true });
  // a circle leads to its place's page
  await page.$eval(`#places-map path.place-circle[data-entity="${almaty[0].id}"]`, (e) => e.dispatchEvent(new MouseEvent('click', { bubbles: true })));
  await ready(`#/entity/${almaty[0].id}`);
  console.log(`ok map (${drawn.length} places, ${in2022.length} in 2022)`);

  // events: from the header, incidents on a map and a timeline; type and country narrow them; a
  // circle or a report leads to the article with the event's words marked
  await page.goto(`${base}/#/`);
  await ready('#/');
  await page.click('#nav-events');
  await ready('#/events');
  const inc = await api('/api/incidents?limit=1000');
  assert.ok(inc.total >= 2, `incidents in the examples: ${inc.total}`);
  const locatedInc = inc.items.filter((i) => i.place && i.place.lat != null);
  const evCircles = await page.$$eval('#events-map path.event-circle', (els) => els.map((e) => e.dataset.type));
  assert.equal(evCircles.length, locatedInc.length, 'a circle for each located incident');
  assert.ok(evCircles.length > 0, 'located incidents in the examples');
  assert.equal(await page.$$eval('#events-list tr[data-type]', (els) => els.length), inc.items.length, 'the incidents listed');
  assert.ok(await page.$eval('#events-chart', (c) => c.width > 0 && c.height > 0), 'the timeline is drawn');
  assert.match(await title(), /^الأحداث — خبر$/);
  await page.screenshot({ path: join(shots, 'events.png'), fullPage: true });
  await page.selectOption('#events-form select[name=type]', 'ASSAULT');
  await page.click('#events-form button');
  await ready('#/events?type=ASSAULT');
  const assaultRows = await page.$$eval('#events-list tr[data-type]', (els) => els.map((e) => e.dataset.type));
  assert.ok(assaultRows.length > 0 && assaultRows.every((t) => t === 'ASSAULT'), `only assaults: ${assaultRows}`);
  const cc = locatedInc[0].country;
  await page.goto(`${base}/#/events?country=${cc}`);
  await ready(`#/events?country=${cc}`);
  const inCountry = (await api(`/api/incidents?limit=1000&country=${cc}`)).total;
  assert.equal(await page.$$eval('#events-list tr[data-type]', (els) => els.length), inCountry, `incidents in ${cc}`);
  // a report opens its article with the trigger marked and the event listed
  const report = await page.$('#events-list a.event-link');
  const href = await report.getAttribute('href');
  await report.click();
  await ready(href);
  const [, artId, evIndex] = href.match(/^#\/article\/([^?]+)\?event=(\d+)$/);
  const art = await api(`/api/articles/${artId}`);
  const eventWords = await page.$$eval('.m-event-chosen', (els) => els.map((e) => e.textContent).join(''));
  assert.equal(eventWords, art.record.events[Number(evIndex)].trigger.text, 'the event\'s words are marked');
  assert.ok(await page.$('#article-events li.chosen'), 'and the event is picked out in the list');
  await page.screenshot({ path: join(shots, 'event-article.png'), fullPage: true });
  // a circle leads to the article of the incident's first report
  await page.goto(`${base}/#/events`);
  await ready('#/events');
  const circleArticle = await page.$eval('#events-map path.event-circle', (e) => { e.dispatchEvent(new MouseEvent('click', { bubbles: true })); return e.dataset.article; });
  await page.waitForFunction((a) => document.body.dataset.ready && document.body.dataset.ready.startsWith(`#/article/${encodeURIComponent(a)}?event=`), circleArticle);
  console.log(`ok events (${inc.total} incidents, ${evCircles.length} on the map, ${assaultRows.length} assaults)`);

  // the figures behind a day of the chart: the day in the heading left to right, a title
  const fig = (await api('/api/figures?limit=1')).items[0];
  assert.ok(fig && fig.published, 'a dated figure in the examples');
  const figDay = fig.published.slice(0, 10);
  await page.goto(`${base}/#/figures?day=${figDay}&scope=all`);
  await ready(`#/figures?day=${figDay}&scope=all`);
  assert.equal(await page.$eval('#figures-title time, #figures-title bdi.date', (e) => `${e.textContent}|${getComputedStyle(e).direction}|${getComputedStyle(e).unicodeBidi}`), `${figDay}|ltr|isolate`);
  assert.match(await title(), new RegExp(`^الأرقام: .*${figDay}.* — خبر$`));
  assert.ok(await page.$$eval('#figures-list li', (els) => els.length) >= 1);
  console.log(`ok figures of ${figDay}`);

  // the XSS article renders inert, in the result list, the article view and the entity page
  await page.goto(`${base}/#/search?q=${encodeURIComponent('عنوان')}`);
  await page.waitForSelector('#results .result');
  await page.goto(`${base}/#/article/xss-1`);
  await page.waitForSelector('#article-text');
  assert.ok((await page.textContent('#article-text')).includes("<script>window.__xss='script'</script>"), 'the markup shows as text');
  assert.ok((await page.textContent('#article-title')).includes('<img src=x'), 'the title shows as text');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'no article script ran');
  assert.equal(await page.$$eval('img[src="x"], main script', (els) => els.length), 0, 'no element came from article text');
  await page.screenshot({ path: join(shots, 'xss.png'), fullPage: true });
  console.log('ok xss article inert');

  // bidi controls in a title and a body: shown as marks, never applied (U+202E would make
  // "\u202Egpj.exe" read "exe.jpg" and reverse the rest of the paragraph)
  await page.goto(`${base}/#/search?q=${encodeURIComponent('الحادث')}`);
  await page.waitForSelector('#results .result');
  await page.goto(`${base}/#/article/bidi-1`);
  await page.waitForSelector('#article-text');
  const shown = await page.evaluate(() => document.querySelector('main').textContent);
  assert.ok(!/[\u202A-\u202E\u2066-\u2069]/.test(shown), 'no bidi control reaches the page as text');
  assert.match(await page.textContent('#article-title'), /^RLOgpj\.exe/, 'the title shows the override as a mark, in its order');
  const marks = await page.$$eval('#article-text .ctl', (els) => els.map((e) => e.textContent));
  assert.deepEqual(marks, ['RLO', 'PDF', 'RLI', 'PDI'], 'each control in the body is a visible mark');
  const titles = await page.$$eval('[title]', (els) => els.map((e) => e.getAttribute('title')).join(''));
  assert.ok(!/[\u202A-\u202E\u2066-\u2069]/.test(titles), 'no bidi control in a tooltip');
  assert.ok(await page.$$eval('.side li', (els) => els.some((e) => e.textContent.includes('الوضع مستقر الآن'))), 'the quotation inside isolates is found');
  await page.screenshot({ path: join(shots, 'bidi.png'), fullPage: true });
  console.log('ok bidi controls neutralised');

  // unknown ids and bad requests
  assert.equal((await fetch(`${base}/api/articles/nope`)).status, 404);
  const bad = await fetch(`${base}/api/extract`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text": ' });
  assert.equal(bad.status, 400);
  assert.ok((await bad.json()).error.length > 0);
  // on the page: an Arabic message chosen by the status and the view, the server's own words
  // beside it, left to right
  const alertOf = async (hash) => {
    await page.goto(`${base}/${hash}`);
    await ready(hash);
    return page.evaluate(() => {
      const card = document.querySelector('[role=alert]');
      const bdi = card.querySelector('bdi[dir=ltr]');
      return { message: card.querySelector('.error-message').textContent, detail: bdi && bdi.textContent, bidi: bdi && getComputedStyle(bdi).unicodeBidi, text: card.textContent };
    });
  };
  const noArticle = await alertOf('#/article/NOPE');
  assert.equal(noArticle.message, 'لا توجد مقالة بهذا المعرّف');
  assert.match(noArticle.detail, /^HTTP 404 · no article "NOPE"$/);
  assert.equal(noArticle.bidi, 'isolate');
  assert.ok(!noArticle.text.includes('خطأ: NOPE'), noArticle.text);
  assert.equal(await title(), 'لا توجد مقالة بهذا المعرّف — خبر');
  await page.screenshot({ path: join(shots, 'error-article.png'), fullPage: true });
  assert.equal((await alertOf('#/entity/NOPE')).message, 'لا يوجد كيان بهذا المعرّف');
  const badDate = await alertOf('#/search?q=x&from=yesterday');
  assert.match(badDate.message, /^طلب غير صالح/);
  assert.match(badDate.detail, /^HTTP 400 · .*`from`/);
  await page.screenshot({ path: join(shots, 'error-request.png'), fullPage: true });
  // the server out of reach
  await page.route('**/api/places*', (r) => r.abort('connectionrefused'));
  const offline = await alertOf('#/map');
  assert.equal(offline.message, 'تعذّر الاتصال بالخادم');
  await page.screenshot({ path: join(shots, 'error-network.png'), fullPage: true });
  await page.unroute('**/api/places*');
  // a server error
  await page.route('**/api/places*', (r) => r.fulfill({ status: 500, contentType: 'application/json', body: '{"error": "internal error"}' }));
  assert.equal((await alertOf('#/map?from=2018-01-01')).message, 'خطأ في الخادم، حاول مرة أخرى لاحقاً');
  await page.unroute('**/api/places*');
  console.log('ok errors in Arabic');

  assert.deepEqual(elsewhere, [], 'no request leaves our server');
  // the failed requests above are the console's only complaints
  assert.deepEqual(problems.filter((p) => !/the server responded with a status of (400|404|500)|ERR_CONNECTION_REFUSED|Failed to load resource/.test(p)), [], 'no script errors on the page');
} catch (e) {
  failed = true;
  console.error('FAILED:', e.message);
  if (page) await page.screenshot({ path: join(shots, 'failure.png'), fullPage: true }).catch(() => {});
} finally {
  if (browser) await browser.close();
  server.kill();
  rmSync(db, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
