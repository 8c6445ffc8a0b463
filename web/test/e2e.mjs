// Browser test: ingests the bundled examples and an article made of markup, serves them, and
// drives Debian's Chromium through playwright-core: home, search, an article, an entity, the
// XSS article. Screenshots go to target/screenshots/. Exits non-zero on the first failure.
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
  const ready = (hash) => page.waitForSelector(`body[data-ready="${hash}"]`);

  // home: direction, stats, chart
  await page.goto(`${base}/`);
  await ready('#/');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  assert.match(await page.textContent('#stats'), /مقالات/);
  assert.ok(await page.$('#counts-chart'), 'counts chart');
  await page.screenshot({ path: join(shots, 'home.png'), fullPage: true });
  console.log('ok home');

  // search from the form, with a hamza spelling the articles may not use
  await page.fill('input[name=q]', 'الرئيس');
  await page.click('header button[type=submit]');
  await page.waitForSelector('#results .result');
  const n = await page.$$eval('#results .result', (els) => els.length);
  assert.ok(n >= 1, 'search finds articles');
  assert.ok(await page.$('#results mark'), 'snippets highlight the words');
  await page.screenshot({ path: join(shots, 'search.png'), fullPage: true });
  console.log(`ok search (${n} results)`);

  // search paging: one result a page, the next page shows the next article
  await page.goto(`${base}/#/search?q=${encodeURIComponent('الرئيس')}&limit=1`);
  await page.waitForSelector('#results .result');
  const firstId = await page.getAttribute('#results .result a.article-link', 'href');
  if (await page.$('#next-page')) {
    await page.click('#next-page');
    await page.waitForSelector('body[data-ready*="offset=1"]');
    assert.notEqual(await page.getAttribute('#results .result a.article-link', 'href'), firstId, 'the next page shows another article');
    assert.ok(await page.$('#prev-page'), 'a way back');
    console.log('ok search paging');
  }

  // an article: text with records marked and listed
  const first = await page.$('#results .result a.article-link');
  const title = await first.textContent();
  await first.click();
  await page.waitForSelector('#article-text');
  assert.equal((await page.textContent('#article-title')).trim(), title.trim());
  const marked = await page.$$eval('#article-text .ent', (els) => els.length);
  assert.ok(marked >= 1, 'entities are marked in the text');
  assert.ok(await page.$('.entity-item'), 'entities are listed beside the text');
  await page.screenshot({ path: join(shots, 'article.png'), fullPage: true });
  console.log(`ok article (${marked} entity mentions marked)`);

  // an entity: spellings with reasons, articles
  const ent = await page.$('.entity-item a.ent');
  const entName = (await ent.textContent()).trim();
  await ent.click();
  await page.waitForSelector('#entity-name');
  assert.ok((await page.textContent('#entity-name')).includes(entName) || (await page.textContent('#variants')).includes(entName), 'the entity page is the clicked entity');
  assert.ok(await page.$('#variants tr td'), 'variants are listed');
  await page.screenshot({ path: join(shots, 'entity.png'), fullPage: true });
  console.log(`ok entity (${entName})`);

  // a place on the map: Almaty from the XSS article
  const almaty = (await (await fetch(`${base}/api/entities?q=${encodeURIComponent('الماتي')}&type=LOC`)).json()).items;
  assert.ok(almaty.length >= 1 && almaty[0].geo, 'Almaty is a located place');
  await page.goto(`${base}/#/entity/${almaty[0].id}`);
  // country outlines (no tiles) and the place's marker
  await page.waitForFunction(() => document.querySelectorAll('#map path.leaflet-interactive').length > 100);
  assert.match(await page.textContent('#entity-latin'), /Almaty/);
  await page.screenshot({ path: join(shots, 'place.png'), fullPage: true });
  console.log('ok place on the map');

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
  await page.goto(`${base}/#/article/nope`);
  await page.waitForSelector('[role=alert]');
  console.log('ok errors');

  assert.deepEqual(problems.filter((p) => !p.includes('404')), [], 'no script errors on the page');
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
