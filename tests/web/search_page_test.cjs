// The search page in a real browser: Debian's chromium, driven headless by
// playwright-core, against the real `newsidx serve` on a loopback port with
// an index of corpus/ built in a temporary folder.
//
//   node search_page_test.cjs NEWSIDX_BINARY CORPUS_DIR OUT_DIR
//
// PLAYWRIGHT_CORE names the installed playwright-core (tests/web/run sets
// it). Screenshots go to OUT_DIR. Exits 1 with the reason on any failure,
// also when chromium is missing: a browser test that cannot run must not pass.
'use strict';

const assert = require('node:assert/strict');
const {spawn, spawnSync} = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                        '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const HONCHAR = 'Mykhailo Honchar';
const QUESTION = 'everything Honchar said about Article 5';

const [binary, corpus, outDir] = process.argv.slice(2);
if (!binary || !corpus || !outDir) {
  console.error('usage: node search_page_test.cjs NEWSIDX_BINARY CORPUS_DIR OUT_DIR');
  process.exit(2);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base, child) {
  const until = Date.now() + 15000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`newsidx serve exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/health`)).ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('newsidx serve did not answer /health within 15 s');
}

// The page changes its URL first and draws the view after (body is
// aria-busy meanwhile), so a check made on the URL alone can read the old
// view.
function drawn(page) {
  return page.locator('body:not([aria-busy])').waitFor();
}

// Where each step stands, so a failure says which one.
let step = 'setup';
function check(name) {
  step = name;
  console.log(`- ${name}`);
}

async function run(tmp) {
  check('chromium is installed');
  try {
    fs.accessSync(CHROMIUM, fs.constants.X_OK);
  } catch {
    throw new Error(`no chromium at ${CHROMIUM}: install it (scripts/deps chromium) — this test cannot pass without it`);
  }
  const playwrightPath = process.env.PLAYWRIGHT_CORE;
  if (!playwrightPath) throw new Error('PLAYWRIGHT_CORE is not set (run through tests/web/run)');
  const {chromium} = require(playwrightPath);

  check('index corpus/');
  const db = path.join(tmp, 'db');
  // Beside the seeds, six short articles quoting one person from January to
  // June 2025 (fixture/lopez.jsonl), for a timeline by month.
  const build = spawnSync(binary, ['build', '--corpus', corpus, path.join(__dirname, 'fixture'), '--db', db],
                          {encoding: 'utf8'});
  assert.equal(build.status, 0, `newsidx build failed: ${build.stderr}`);

  check('start newsidx serve on loopback');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(binary, ['serve', '--db', db, '--socket', path.join(tmp, 's.sock'),
                                '--listen', `127.0.0.1:${port}`], {stdio: ['ignore', 'inherit', 'inherit']});
  let context;
  try {
    await waitForHealth(base, server);
    context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
      executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, viewport: {width: 1280, height: 900},
    });
    await drive(context, base);
  } finally {
    if (context) await context.close().catch(() => {});
    server.kill('SIGTERM');
  }
}

async function drive(context, base) {
  const page = context.pages()[0] || await context.newPage();
  const offHost = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(`${base}/`) && !r.url().startsWith('data:')) offHost.push(r.url());
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

  check('the question finds Honchar\'s "Article 5-style mechanism" quote, with his name');
  await page.goto(`${base}/?q=${encodeURIComponent(QUESTION)}`);
  const quote = page.locator('.card.quote', {hasText: 'Article 5-style mechanism'}).first();
  await quote.waitFor({timeout: 10000});
  assert.equal((await quote.locator('.who .speaker').textContent()).trim(), HONCHAR);
  const marked = await quote.locator('blockquote mark').allTextContents();
  assert.ok(marked.some((m) => /article 5/i.test(m)), `"Article 5" is highlighted whole: ${marked}`);
  assert.equal(await page.inputValue('#q'), QUESTION);
  await page.waitForFunction(() => document.querySelector('#main').dataset.renderMs !== undefined);
  const renderMs = await page.evaluate(() => document.querySelector('#main').dataset.renderMs);
  console.log(`results drawn ${renderMs} ms after the server's answer`);  // a figure, not a limit
  await page.screenshot({path: path.join(outDir, 'web-search.png'), fullPage: true});

  check('the speaker facet refines the query, and the URL holds it');
  const facet = page.locator(`#facets a[data-facet="speaker"][data-value="${HONCHAR}"]`);
  await facet.click();
  await page.waitForURL((url) => (url.searchParams.get('q') || '').includes(`speaker:"${HONCHAR}"`));
  await drawn(page);
  await page.locator(`#facets a.selected[data-value="${HONCHAR}"]`).waitFor();
  const speakers = await page.locator('.results .who .speaker').allTextContents();
  assert.ok(speakers.length > 0, 'refined results are shown');
  for (const s of speakers) assert.equal(s.trim(), HONCHAR);
  const bookmarked = page.url();
  await page.reload();
  await page.locator(`#facets a.selected[data-value="${HONCHAR}"]`).waitFor();
  assert.equal(page.url(), bookmarked, 'a reload shows the same state');

  check('a source facet refines, shows selected, and a second click removes it');
  await page.locator('#facets a[data-facet="source"]').first().click();
  await page.waitForURL((url) => (url.searchParams.get('q') || '').includes('source:'));
  await drawn(page);
  await page.locator('#facets a.selected[data-facet="source"]').click();
  await page.waitForURL((url) => !(url.searchParams.get('q') || '').includes('source:'));
  await drawn(page);
  await page.locator(`#facets a.selected[data-value="${HONCHAR}"]`).waitFor();

  check('the speaker page has a timeline SVG, roles and sources');
  await page.locator('.results .who .speaker').first().click();
  await page.waitForURL((url) => url.searchParams.get('speaker') === HONCHAR);
  await drawn(page);
  const timeline = page.locator('svg#timeline');
  await timeline.waitFor();
  assert.equal((await page.locator('#main h1').textContent()).trim(), HONCHAR);
  const counts = await timeline.locator('rect.bar').evaluateAll((bars) => bars.map((b) => Number(b.dataset.count)));
  assert.ok(counts.length > 0 && counts.some((n) => n > 0), `timeline bars: ${counts}`);
  const said = await page.locator('.results .card.quote').count();
  assert.equal(counts.reduce((a, b) => a + b, 0) >= said, true, 'the timeline counts every quote shown');
  assert.ok(await page.locator('#main .counts li').count() > 0, 'sources are listed');
  await page.screenshot({path: path.join(outDir, 'web-speaker.png'), fullPage: true});

  check('over half a year, the timeline counts by month');
  const lopez = `${base}/?speaker=${encodeURIComponent('Maria Lopez')}`;
  await page.goto(lopez);
  await page.locator('svg#timeline[data-unit="month"]').waitFor();
  const months = await page.locator('svg#timeline rect.bar').evaluateAll(
      (bars) => bars.map((b) => `${b.dataset.key}:${b.dataset.count}`));
  assert.deepEqual(months, ['2025-01:2', '2025-02:0', '2025-03:1', '2025-04:0', '2025-05:0', '2025-06:3']);
  assert.match(await page.locator('#main').innerText(), /the city treasurer\s+6/);
  const times = await page.locator('.results time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
  assert.equal(times[0], '2025-06-16', 'newest first');
  await page.goBack();
  await page.locator('svg#timeline').waitFor();

  check('an article opens with its quotes marked and their speakers named');
  await page.locator('.results .card.quote .meta a').first().click();
  await page.waitForURL((url) => url.searchParams.has('article'));
  await drawn(page);
  await page.locator('.article-text mark.quote').first().waitFor();
  const bySpeaker = await page.locator('.article-text mark.quote .said-by').allTextContents();
  assert.ok(bySpeaker.includes(HONCHAR), `Honchar's quotes are marked: ${bySpeaker.slice(0, 5)}`);
  await page.screenshot({path: path.join(outDir, 'web-article.png')});

  check('Back returns to the speaker page');
  await page.goBack();
  await page.locator('svg#timeline').waitFor();

  check('speaker names complete from the keyboard');
  await page.goto(`${base}/`);
  await page.locator('#q').focus();
  await page.keyboard.type('everything hon');
  await page.locator('#suggestions li.speaker').first().waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  assert.match(await page.inputValue('#q'), /^everything Mykhailo Honchar /);
  await page.keyboard.type('said about Article 5');
  await page.keyboard.press('Enter');
  await page.locator('.card.quote', {hasText: 'Article 5-style mechanism'}).first().waitFor();

  check('results page, and the order is in the URL');
  await page.goto(`${base}/?q=nato`);
  await page.locator('.pager a[rel="next"]').click();
  await page.waitForURL((url) => url.searchParams.get('page') === '2');
  await drawn(page);
  assert.equal(await page.locator('ol.results').getAttribute('start'), '11');
  await page.selectOption('#sort', 'date');
  await page.waitForURL((url) => url.searchParams.get('sort') === 'date' && !url.searchParams.has('page'));
  await drawn(page);
  const dates = await page.locator('.results time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
  assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');

  check('at phone width nothing overflows sideways');
  await page.setViewportSize({width: 375, height: 740});
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
  await page.screenshot({path: path.join(outDir, 'web-phone.png'), fullPage: true});

  check('nothing was asked of another host, and no script failed');
  assert.deepEqual(offHost, []);
  assert.deepEqual(errors, []);
}

(async () => {
  fs.mkdirSync(outDir, {recursive: true});
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsidx-web-'));
  try {
    await run(tmp);
    console.log(`ok: screenshots in ${outDir}/web-*.png`);
  } catch (error) {
    console.error(`FAILED at "${step}": ${error.stack || error}`);
    process.exitCode = 1;
  } finally {
    fs.rmSync(tmp, {recursive: true, force: true});
  }
})();
