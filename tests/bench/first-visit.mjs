// A first visit on a phone, measured (issue 17). Called by `.ci/bench` after the page bench:
//
//   node tests/bench/first-visit.mjs --dist DIST [--smoke]
//
// Serves DIST with tests/e2e/serve.py (the .br copies, cache headers) on 127.0.0.1 and
// prints markdown tables, in headless Chromium at a phone's size (390×844, touch, zh-CN),
// each context fresh (no cache, no service worker):
//   a. the bytes on the wire (Playwright's request sizes: body and headers as received)
//      that arrived from navigation until the home screen has answered a tap on 活动, made
//      in the page the moment the tab bar shows (before the parts' idle prefetch; each
//      response's end and the answer both on the browser's clock), and what comes
//      after it (parts, service worker, icons) until the network is quiet;
//   b. times on slow 4G (CDP: 150 ms latency, 1.6 Mbps down, 750 kbps up) with a 4× CPU
//      slowdown: the first screen, the tap on 活动, 管理 (a device that has joined
//      nothing gets its set-up form from the first module) and setting the community up
//      there after the parts' prefetch and at once, 项目 (from the first module too),
//      and an invitation link's 加入社区 tapped the moment it shows. The service
//      worker is blocked there: CDP slows the page's target only, so the worker would
//      fetch the parts at full speed into the HTTP cache the page then reads (a shows
//      what the worker fetches, and when);
//   c. whether the screens draw off line after the first visit (context of a);
//   d. Lighthouse (first-visit-lighthouse.mjs), once with --smoke, else 3 runs' medians;
//   e. the same over HTTPS and HTTP/2 (h2-server.mjs), as a production server sends it.
// Nothing is asserted; a number that could not be measured prints n/a and why. The full
// run repeats b three times (medians), --smoke once.
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import { launchOptions } from '../e2e/chromium.mjs';
import { lighthouseRuns } from './first-visit-lighthouse.mjs';
import { serveHttp2 } from './h2-server.mjs';
import { invitationCode } from '../e2e/devices-helpers.mjs';

const require = createRequire(new URL('../e2e/package.json', import.meta.url));
const { chromium } = require('@playwright/test');
const SERVE = new URL('../e2e/serve.py', import.meta.url).pathname;

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' };
// Lighthouse's mobile slow 4G (1.6 × 1024 kbps down, 750 kbps up, 150 ms) and 4× CPU.
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1638.4 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = 4;
// What src/ui/parts.rs `prefetch` loads a moment after the first screen (and the chunk
// they share, fetched with them).
const PREFETCHED = ['rest'];
const QUIET_MS = 2000;
// Whether DIST has those parts (an older build is one module): set by main.
let split = false;
const NO_PARTS = 'n/a (no part rest in this build)';

function args(argv) {
  const unknown = argv.filter((a, i) => a !== '--smoke' && a !== '--dist' && argv[i - 1] !== '--dist');
  if (unknown.length) throw new Error(`unknown argument ${unknown[0]}`);
  const dist = argv[argv.indexOf('--dist') + 1];
  if (!argv.includes('--dist') || !dist) throw new Error('--dist DIR is required');
  return { smoke: argv.includes('--smoke'), dist };
}

// --- formatting --------------------------------------------------------------------

const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
const ms = (n) => (n < 1000 ? `${Math.round(n)} ms` : `${(n / 1000).toFixed(2)} s`);
const median = (xs, s = [...xs].sort((a, b) => a - b)) => (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

// --- the server and the network log --------------------------------------------------

async function serve(dist) {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  const child = spawn('python3', [SERVE, String(port), dist], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const url = `http://127.0.0.1:${port}/`;
  const stop = () => child.exitCode === null && child.kill();
  process.on('exit', stop);
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`serve.py exited (${child.exitCode}): ${stderr}`);
    if (await fetch(url).then((r) => r.ok, () => false)) return { url, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new Error(`serve.py did not answer on ${url} within 10 s: ${stderr}`);
}

/** Every request of a context, the page's and its service worker's, with bytes on the wire. */
function recordNetwork(context) {
  let t0 = performance.now();
  const entries = new Map();
  const listeners = new Set();
  const changed = () => listeners.forEach((f) => f());
  context.on('request', (req) => {
    const url = new URL(req.url());
    entries.set(req, { path: url.pathname + url.search, by: req.serviceWorker() ? 'service worker' : 'page', at: performance.now() - t0 });
    changed();
  });
  const settle = async (req, failed) => {
    const entry = entries.get(req);
    if (!entry) return;
    entry.end = performance.now() - t0;
    // When the response ended on the browser's clock (epoch ms): the node side hears of
    // it later, by a varying delay.
    const timing = req.timing();
    if (timing.responseEnd >= 0) entry.endEpoch = timing.startTime + timing.responseEnd;
    try {
      if (failed) throw new Error(req.failure()?.errorText ?? 'failed');
      const [sizes, response] = await Promise.all([req.sizes(), req.response()]);
      entry.bytes = sizes.responseBodySize + sizes.responseHeadersSize;
      entry.encoding = response?.headers()['content-encoding'] ?? 'none';
    } catch (error) {
      entry.failed = error.message.split('\n')[0];
    }
    entry.done = true;
    changed();
  };
  context.on('requestfinished', (req) => settle(req, false));
  context.on('requestfailed', (req) => settle(req, true));
  const until = (test, timeout, what) => new Promise((resolve, reject) => {
    const check = () => test() && (cleanup(), resolve());
    const timer = setTimeout(() => (cleanup(), reject(new Error(`${what}: not within ${timeout / 1000} s`))), timeout);
    const cleanup = () => (clearTimeout(timer), listeners.delete(check));
    listeners.add(check);
    check();
  });
  const all = () => [...entries.values()];
  const pending = () => all().filter((e) => !e.done).map((e) => e.path);
  return {
    /** Times from here on are from now (just before the navigation). */
    start: () => (t0 = performance.now()),
    now: () => performance.now() - t0,
    all,
    /** The page has fetched the parts its prefetch loads. */
    prefetched: (timeout = 120_000) => until(() => PREFETCHED.every((part) => all().some((e) =>
      e.by === 'page' && e.done && e.path.endsWith(`-${part}.wasm`))), timeout, `the prefetch of ${PREFETCHED.join(', ')}`),
    /** Nothing in flight, and nothing new for QUIET_MS. */
    quiet: (timeout = 60_000) => new Promise((resolve, reject) => {
      let timer;
      const arm = () => (clearTimeout(timer), pending().length || (timer = setTimeout(end, QUIET_MS)));
      const end = (error) => (listeners.delete(arm), clearTimeout(timer), clearTimeout(limit), error ? reject(error) : resolve());
      const limit = setTimeout(() => end(new Error(`network not quiet within ${timeout / 1000} s; in flight: ${pending().join(', ')}`)), timeout);
      listeners.add(arm);
      arm();
    }),
  };
}

// --- the app -------------------------------------------------------------------------

const nav = (page) => page.getByRole('navigation', { name: '主导航' });
const tab = (page, name) => nav(page).getByRole('link', { name, exact: true });
const heading = (page, name) => page.getByRole('heading', { name, exact: true });

/**
 * When (the page's clock: ms since navigation) an element shows: the first animation
 * frame it is visible in. Selector and text as the roles above resolve them; like them,
 * it looks inside shadow roots (the app draws in one).
 */
const shown = (page, selector, text = null) => page.waitForFunction(({ selector, text }) => {
  const within = (root) => [...root.querySelectorAll(selector)].concat(
    [...root.querySelectorAll('*')].filter((el) => el.shadowRoot).flatMap((el) => within(el.shadowRoot)));
  const found = within(document)
    .find((el) => (text === null || el.textContent.trim() === text) && el.checkVisibility());
  return found ? performance.now() : false;
}, { selector, text }, { polling: 'raf', timeout: 120_000 }).then((h) => h.jsonValue());

/** The header's way into organizer mode (管理). */
const door = (page) => page.getByRole('banner').getByRole('link', { name: '管理', exact: true });

/**
 * Taps the tab `name` (or the locator given) and returns ms from the tap's click event
 * until `title` shows.
 */
async function tapUntil(page, name, title) {
  const seen = shown(page, 'h2', title);
  await (typeof name === 'string' ? tab(page, name) : name).tap();
  const [at, clicked] = [await seen, await page.evaluate(() => window.fvClick)];
  return at - clicked;
}

// --- a and c: bytes, then off line -----------------------------------------------------

/**
 * Runs in the page from its start: waits for the tab bar's 活动, clicks it in that same
 * frame and resolves, on the page's clock, when the tab bar showed and when 志愿活动 did.
 */
const TAP_AT_ONCE = () => new Promise((resolve) => {
  const within = (root) => [...root.querySelectorAll('*')].flatMap((el) =>
    el.shadowRoot ? [el.shadowRoot, ...within(el.shadowRoot)] : []);
  const find = (selector, text) => [document, ...within(document)]
    .flatMap((root) => [...root.querySelectorAll(selector)])
    .find((el) => el.textContent.trim() === text && el.checkVisibility());
  const tap = () => {
    const label = find('nav[aria-label="主导航"] a span', '活动');
    if (!label) return requestAnimationFrame(tap);
    const first = performance.now();
    label.closest('a').click();
    const answer = () => (find('h2', '志愿活动')
      ? resolve({ first, answered: performance.now(), answeredEpoch: performance.timeOrigin + performance.now() })
      : requestAnimationFrame(answer));
    answer();
  };
  tap();
});

async function firstVisit(browser, url) {
  const context = await browser.newContext(PHONE);
  const net = recordNetwork(context);
  const page = await context.newPage();
  // A person who taps 活动 the moment the first screen is up: in the page, in the first
  // frame the tab bar shows (Playwright's own tap comes later, after the parts' idle
  // prefetch, 100 ms after the first screen, has started on loopback).
  await page.addInitScript(`window.fvTapped = (${TAP_AT_ONCE})()`);
  net.start();
  await page.goto(url);
  const times = await page.waitForFunction(() => window.fvTapped, null, { timeout: 60_000 })
    .then(() => page.evaluate(() => window.fvTapped));
  const answered = net.now();
  const notes = [`(Unthrottled, loopback, on the page's clock: first screen at ${ms(times.first)}, 活动 shown at ${ms(times.answered)}.)`];
  const active = page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  const late = new Promise((resolve) => setTimeout(resolve, 60_000, false));
  if (!(await Promise.race([active, late]))) notes.push('n/a: the service worker was not active within 60 s.');
  if (split) await net.prefetched().catch((e) => notes.push(`n/a: ${e.message}`));
  await net.quiet().catch((e) => notes.push(`n/a: ${e.message}`));
  // What had ended when the page saw its answer, both on the browser's clock (the
  // node side learns of both later, by different delays: on a busy machine the parts'
  // prefetch, which starts 100 ms after the first screen, could count); a request
  // without the browser's timing is compared on the node side's.
  const ended = (e) => (e.endEpoch === undefined ? e.end <= answered : e.endEpoch <= times.answeredEpoch);
  const before = net.all().filter(ended);
  const after = net.all().filter((e) => !ended(e));

  await context.setOffline(true);
  const offline = [];
  const draws = async (label, act, locator) => {
    try {
      await act();
      await locator.waitFor({ timeout: 20_000 });
      offline.push([label, 'yes']);
    } catch (e) {
      offline.push([label, `no (${e.message.split('\n')[0]})`]);
    }
  };
  await draws('home (reload)', () => page.reload(), nav(page));
  await draws('项目', () => tab(page, '项目').tap(), heading(page, '共建项目'));
  await draws('管理 (建立社区)', () => door(page).tap(), heading(page, '建立社区'));
  await draws('排行榜 (a screen of the part, by its address)', () => page.goto(`${url}#/ranking`), heading(page, '排行榜'));
  await context.close();
  return { before, after, notes, offline };
}

function bytesTable(entries) {
  const rows = entries.map((e) => [
    e.path,
    e.by,
    `${ms(e.at)}`,
    e.failed ? `failed: ${e.failed}` : e.done ? e.encoding : 'unfinished',
    e.bytes === undefined ? 'n/a' : e.bytes === 0 ? '0 (HTTP cache)' : kb(e.bytes),
  ]);
  const sum = (xs) => xs.reduce((s, e) => s + (e.bytes ?? 0), 0);
  rows.push(['**total**', '', '', '', `**${kb(sum(entries))}**`]);
  rows.push(['of which the page', '', '', '', kb(sum(entries.filter((e) => e.by === 'page')))]);
  return table(['path', 'fetched by', 'requested at', 'encoding', 'bytes'], rows);
}

// --- b: slow 4G, 4× CPU ------------------------------------------------------------------

/** Fills in 建立社区 (管理 on a device that has joined nothing) and returns its button. */
async function setUpForm(page) {
  const form = page.getByRole('form', { name: '建立社区' });
  await form.getByLabel('社区名称').fill('幸福社区');
  await form.getByLabel('管理密码').fill('2468');
  await form.getByLabel('再次输入密码').fill('2468');
  return form.getByRole('button', { name: '建立社区' });
}

/**
 * One visit on slow 4G: `after` waits for the parts' prefetch before the screens that
 * need the part, `atOnce` does everything the moment it can, `join` opens an
 * invitation link and taps 加入社区 the moment it shows.
 */
async function slowVisit(browser, url, kind) {
  const context = await browser.newContext({ ...PHONE, serviceWorkers: 'block' });
  const net = recordNetwork(context);
  const page = await context.newPage();
  await page.addInitScript(() => addEventListener('click', () => (window.fvClick = performance.now()), true));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  if (kind === 'join') {
    await page.goto(`${url}#/join/${invitationCode('0123456789abcdef0123456789abcdef', '幸福社区')}`, { waitUntil: 'commit' });
    const join = page.getByRole('button', { name: '加入社区' });
    await join.waitFor();
    const out = { joinShown: await page.evaluate(() => performance.now()) };
    out.joinAtOnce = await tapUntil(page, join, '我是谁');
    await context.close();
    return out;
  }
  await page.goto(url, { waitUntil: 'commit' });
  const out = { first: await shown(page, 'nav[aria-label="主导航"]') };
  if (kind === 'after') {
    out.activities = await tapUntil(page, '活动', '志愿活动');
    if (split) {
      await net.prefetched();
      out.prefetched = await page.evaluate(() => performance.now());
    }
    out.setUpFormAfter = await tapUntil(page, door(page), '建立社区');
    out.setUpAfter = await tapUntil(page, await setUpForm(page), '管理模式');
  } else {
    out.setUpFormAtOnce = await tapUntil(page, door(page), '建立社区');
    await tab(page, '首页').tap();
    out.projectsAtOnce = await tapUntil(page, '项目', '共建项目');
    await door(page).tap();
    out.setUpAtOnce = await tapUntil(page, await setUpForm(page), '管理模式');
    out.setUpSent = await page.evaluate(() => window.fvClick);
  }
  await context.close();
  return out;
}

async function slowTable(browser, url, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    for (const kind of ['after', 'atOnce', 'join']) samples.push(await slowVisit(browser, url, kind));
  }
  const row = (label, key) => {
    const xs = samples.map((s) => s[key]).filter((x) => typeof x === 'number');
    return [label, xs.length ? ms(median(xs)) : key === 'prefetched' ? NO_PARTS : 'n/a (not measured)', xs.map(ms).join(', ')];
  };
  return table(['slow 4G, 4× CPU', runs > 1 ? 'median' : 'time', 'runs'], [
    row('navigation → first screen (主导航 shown)', 'first'),
    row('tap 活动 → 志愿活动 shown', 'activities'),
    row('navigation → prefetch of the parts done', 'prefetched'),
    row('tap 管理 after the prefetch → 建立社区 shown (a device that has joined nothing: the first module draws it)', 'setUpFormAfter'),
    row('then 建立社区 filled in and sent → 管理模式 shown (the engine seals the founding; the PIN wraps the key)', 'setUpAfter'),
    row('tap 管理 at once after the first screen → 建立社区 shown', 'setUpFormAtOnce'),
    row('then 首页, and a tap on 项目 → 共建项目 shown (the first module says there is nothing to list yet)', 'projectsAtOnce'),
    row('then 管理 again, 建立社区 filled in and sent at once (navigation → sent)', 'setUpSent'),
    row('… → 管理模式 shown (waits for the part, then the founding)', 'setUpAtOnce'),
    row('an invitation link opened: navigation → 加入社区 shown', 'joinShown'),
    row('a tap on 加入社区 the moment it shows → 我是谁 shown (waits for the part, then the joining)', 'joinAtOnce'),
  ]);
}

// --- run -----------------------------------------------------------------------------

async function main() {
  const started = performance.now();
  const opts = args(process.argv.slice(2));
  const parts = readdirSync(opts.dist).filter((f) => /^linli-[0-9a-f]{16}-.+\.wasm$/.test(f));
  split = PREFETCHED.every((part) => parts.some((f) => f.endsWith(`-${part}.wasm`)));
  const server = await serve(opts.dist);
  const browser = await chromium.launch(launchOptions()).catch((e) => (server.stop(), Promise.reject(e)));
  try {
    const out = [];
    const cpus = os.cpus();
    out.push(`Linli first visit, ${new Date().toISOString().slice(0, 10)}: ${cpus.length} cores, ` +
      `${cpus[0]?.model?.trim() ?? 'unknown CPU'}, Chromium ${browser.version()}, ${os.type()} ${os.release()}` +
      `${opts.smoke ? ' (smoke: each measured once)' : ''}`);
    out.push('', `Parts in the build: ${parts.join(', ') || 'none'}.`);
    const visit = await firstVisit(browser, server.url);
    out.push('', 'a. A first visit until the home screen has answered a tap on 活动, made the moment the tab bar shows (what had arrived by then):', '');
    out.push(bytesTable(visit.before), '', 'Then, until the service worker is active and the network quiet for 2 s:', '');
    out.push(bytesTable(visit.after), '', ...visit.notes);
    out.push('', `b. Slow 4G (CDP: ${SLOW_4G.latency} ms, 1.6 Mbps down, 750 kbps up), CPU ${CPU_SLOWDOWN}× slower; ` +
      'service worker blocked; times on the page\'s clock, taps from their click event:', '');
    out.push(await slowTable(browser, server.url, opts.smoke ? 1 : 3));
    out.push('', 'c. Off line after the first visit (reload, then open the screens):', '');
    out.push(table(['screen', 'drew'], visit.offline));
    out.push('', `d. Lighthouse (${opts.smoke ? 'one run' : 'median of 3 runs'}):`, '');
    const lh = await lighthouseRuns(server.url, opts.smoke ? 1 : 3);
    out.push(table(['Lighthouse', opts.smoke ? 'value' : 'median', 'runs'], lh.rows), '', ...lh.notes);
    out.push('', `e. Lighthouse as deployed: HTTPS with HTTP/2 (h2-server.mjs, the same files and headers; ${opts.smoke ? 'one run' : 'median of 3 runs'}):`, '');
    const h2 = await serveHttp2(opts.dist);
    try {
      const deployed = await lighthouseRuns(h2.url, opts.smoke ? 1 : 3, ['--ignore-certificate-errors']);
      out.push(table(['Lighthouse', opts.smoke ? 'value' : 'median', 'runs'], deployed.rows), '', ...deployed.notes);
    } finally {
      h2.stop();
    }
    out.push('', `(The bench took ${ms(performance.now() - started)}.)`);
    console.log(out.join('\n'));
  } finally {
    await browser.close();
    server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`first-visit: ${error.stack ?? error}\n`);
    process.exit(1);
  },
);
