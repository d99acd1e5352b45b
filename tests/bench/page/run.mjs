// Runs the browser benchmark page in headless Chromium and prints its table, the
// download sizes of a release build and the machine. Called by `.ci/bench`:
//
//   node tests/bench/page/run.mjs --dir PAGE --dist DIST [--sizes 1k,10k,100k] [--smoke]
//
// PAGE holds index.html, bench.js and the wasm-bindgen output; it is served here on
// 127.0.0.1 (no network). Playwright comes from tests/e2e; no browser is downloaded.
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import os from 'node:os';
import { launchOptions } from '../../e2e/chromium.mjs';

const require = createRequire(new URL('../../e2e/package.json', import.meta.url));
const { chromium } = require('@playwright/test');

function args(argv) {
  const out = { sizes: null, smoke: false, dir: null, dist: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--smoke') out.smoke = true;
    else if (a === '--sizes') out.sizes = argv[++i];
    else if (a === '--dir') out.dir = argv[++i];
    else if (a === '--dist') out.dist = argv[++i];
    else throw new Error(`unknown argument ${a}`);
  }
  if (!out.dir || !out.dist) throw new Error('--dir and --dist are required');
  out.sizes = (out.sizes ?? (out.smoke ? '1k' : '1k,10k,100k')).split(',').map((s) => s.trim());
  return out;
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };

function serve(dir) {
  const server = createServer((req, res) => {
    const path = join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const file = path.endsWith('/') ? join(path, 'index.html') : path;
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// --- formatting --------------------------------------------------------------------

const int = (n) => Math.round(n).toLocaleString('en-US');
const ms = (n) => (n === undefined ? 'n/a' : n < 10 ? `${n.toFixed(2)} ms` : `${n.toFixed(1)} ms`);
const ratio = (n) => (n === undefined ? 'n/a' : `${n.toFixed(2)}×`);
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;

function table(head, rows) {
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

/** wasm, JS and CSS of a release build: raw, gzip -9, brotli -q 11. */
function downloads(dist) {
  if (!existsSync(dist)) return null;
  const files = readdirSync(dist);
  const kinds = [
    ['wasm', files.filter((f) => f.endsWith('.wasm'))],
    ['JS', files.filter((f) => f.endsWith('.js') && f !== 'sw.js')],
    ['CSS', files.filter((f) => f.endsWith('.css'))],
  ];
  const rows = [];
  const total = [0, 0, 0];
  for (const [kind, names] of kinds) {
    const sum = [0, 0, 0];
    for (const name of names) {
      const bytes = readFileSync(join(dist, name));
      sum[0] += bytes.length;
      sum[1] += gzipSync(bytes, { level: 9 }).length;
      sum[2] += brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }).length;
    }
    sum.forEach((v, i) => (total[i] += v));
    const label = names.length ? `${kind} (${names.join(', ')})` : `${kind} (none: inside the wasm)`;
    rows.push([label, ...sum.map(kb)]);
  }
  rows.push(['**total**', ...total.map((v) => `**${kb(v)}**`)]);
  return table(['download', 'raw', 'gzip', 'brotli'], rows);
}

function report(results, machine, dist) {
  const out = [];
  out.push(`Linli bench, ${machine.date}: ${machine.cores} cores, ${machine.cpu}, ${machine.browser}, ${machine.os}`);
  out.push('');
  out.push(
    table(
      ['entries', 'events', 'stored (UTF-16 units)', '≤ 2.5M', 'cold load', 'JSON.parse', 'ratio', 'award', 'sign-up', 'claim'],
      results.sizes.map((s) => [
        s.size,
        int(s.events),
        s.fits ? int(s.chars) : `${int(s.chars)} (did not fit)`,
        s.withinBudget ? 'yes' : 'no',
        ms(s.coldMs),
        ms(s.jsonParseMs),
        ratio(s.ratio),
        ms(s.append?.award),
        ms(s.append?.signup),
        ms(s.append?.claim),
      ]),
    ),
  );
  out.push('');
  out.push('Cold load in stages (medians): read = list and get every key; decode = read + decode + verify the seals; open = read + decode + verify + merge + fold (Store::open); cold load = mount until the first screen is in the DOM.');
  out.push('');
  out.push(
    table(
      ['entries', 'segments', 'read', 'decode', 'open', 'cold load (first)', 'backup file', 'generate', 'write'],
      results.sizes.map((s) => [
        s.size,
        int(s.segments),
        ms(s.readMs),
        ms(s.decodeMs),
        ms(s.openMs),
        ms(s.coldFirstMs),
        `${int(s.jsonChars)} chars`,
        ms(s.generateMs),
        ms(s.writeMs),
      ]),
    ),
  );
  out.push('');
  const r = results.rows;
  out.push(
    table(
      [`${int(r.rows)} rows (medians)`, 'Yew', 'vanilla JS', 'ratio'],
      [
        ['in the DOM', ms(r.yewMs), ms(r.vanillaMs), ratio(r.ratio)],
        ['in the DOM and laid out', ms(r.yewLaidMs), ms(r.vanillaLaidMs), ratio(r.laidRatio)],
      ],
    ),
  );
  out.push('');
  out.push(downloads(dist) ?? `download sizes: no build at ${dist}`);
  return out.join('\n');
}

// --- run ---------------------------------------------------------------------------

const opts = args(process.argv.slice(2));
const server = await serve(opts.dir);
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch(launchOptions());
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1000 }, locale: 'zh-CN' });
  page.on('console', (m) => process.stderr.write(`[page] ${m.text()}\n`));
  page.on('pageerror', (e) => process.stderr.write(`[page error] ${e.message}\n`));
  await page.goto(url);
  await page.waitForFunction(() => window.linliBench !== undefined);
  const results = await page.evaluate(({ sizes, smoke }) => window.linliBench.run({ sizes, smoke }), opts);
  const machine = {
    date: new Date().toISOString().slice(0, 10),
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model?.trim() ?? 'unknown CPU',
    browser: `Chromium ${browser.version()}`,
    os: `${os.type()} ${os.release()}`,
  };
  console.log(report(results, machine, opts.dist));
} catch (error) {
  failed = true;
  process.stderr.write(`bench: ${error.stack ?? error}\n`);
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
