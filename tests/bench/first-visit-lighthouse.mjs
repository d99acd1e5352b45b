// Lighthouse's view of a first visit (issue 17), for tests/bench/first-visit.mjs: the
// performance category only, mobile form factor, Lighthouse's default simulated
// throttling (slow 4G, 4× CPU). Debian's Chromium (CHROME_PATH, else /usr/bin/chromium),
// launched by chrome-launcher, a fresh profile per run; every host name but 127.0.0.1
// resolves to nothing, so a run never reaches the network.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(new URL('../e2e/package.json', import.meta.url));
const load = async (name) => import(pathToFileURL(require.resolve(name)).href);

const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** The numbers printed, each with its audit and how it is shown. */
const METRICS = [
  ['performance score', null, (lhr) => lhr.categories.performance?.score, (v) => `${Math.round(v * 100)}`],
  ['First Contentful Paint', 'first-contentful-paint'],
  ['Largest Contentful Paint', 'largest-contentful-paint'],
  ['Total Blocking Time', 'total-blocking-time'],
  ['Speed Index', 'speed-index'],
  ['Time to Interactive', 'interactive'],
  ['Cumulative Layout Shift', 'cumulative-layout-shift', null, (v) => v.toFixed(3)],
  ['total byte weight', 'total-byte-weight', null, (v) => `${(v / 1000).toFixed(1)} kB`],
];

const seconds = (v) => (v < 1000 ? `${Math.round(v)} ms` : `${(v / 1000).toFixed(2)} s`);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** One Lighthouse run against `url`: its report (lhr). */
async function runOnce(url, extraFlags) {
  const { default: lighthouse } = await load('lighthouse');
  const { launch } = await load('chrome-launcher');
  const chrome = await launch({
    chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    chromeFlags: [...CHROMIUM_FLAGS, ...extraFlags],
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    if (!result?.lhr) throw new Error('Lighthouse returned no report');
    return result.lhr;
  } finally {
    await chrome.kill();
  }
}

/**
 * Runs Lighthouse `times` times and returns the table's rows (metric, median, each run)
 * and notes (warnings, any request that left 127.0.0.1, the benchmark index, the
 * protocol). `extraFlags` go to Chromium (the HTTPS pass takes its own certificate).
 */
export async function lighthouseRuns(url, times, extraFlags = []) {
  const reports = [];
  for (let i = 0; i < times; i++) reports.push(await runOnce(url, extraFlags));
  const rows = METRICS.map(([label, audit, read, show = seconds]) => {
    const values = reports.map((lhr) => {
      const a = audit && lhr.audits[audit];
      if (audit && !a) return { missing: `no audit ${audit} in Lighthouse ${lhr.lighthouseVersion}` };
      const v = read ? read(lhr) : a.numericValue;
      if (typeof v !== 'number') return { missing: a?.errorMessage ?? a?.explanation ?? lhr.runtimeError?.message ?? 'not measured' };
      return { v };
    });
    const got = values.filter((x) => 'v' in x).map((x) => x.v);
    const why = values.find((x) => x.missing)?.missing;
    return [
      label,
      got.length ? show(median(got)) : `n/a (${why})`,
      values.map((x) => ('v' in x ? show(x.v) : 'n/a')).join(', '),
    ];
  });
  const notes = [];
  const first = reports[0];
  notes.push(`Lighthouse ${first.lighthouseVersion}, ${first.configSettings.formFactor}, ` +
    `throttling ${first.configSettings.throttlingMethod} (RTT ${first.configSettings.throttling.rttMs} ms, ` +
    `${first.configSettings.throttling.throughputKbps} kbps, CPU ×${first.configSettings.throttling.cpuSlowdownMultiplier}), ` +
    `benchmark index ${reports.map((r) => Math.round(r.environment.benchmarkIndex)).join(', ')}.`);
  const protocols = new Set(reports.flatMap((lhr) =>
    (lhr.audits['network-requests']?.details?.items ?? []).map((item) => item.protocol).filter(Boolean)));
  notes.push(`Protocols: ${[...protocols].join(', ') || 'not reported'}.`);
  const outside = new Set();
  for (const lhr of reports) {
    for (const item of lhr.audits['network-requests']?.details?.items ?? []) {
      if (!/^(https?:\/\/127\.0\.0\.1[:/]|data:|blob:)/.test(item.url)) outside.add(item.url);
    }
    for (const warning of lhr.runWarnings ?? []) notes.push(`warning: ${warning}`);
    if (lhr.runtimeError) notes.push(`error: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  }
  notes.push(outside.size ? `requests that left 127.0.0.1 (refused): ${[...outside].join(', ')}` : 'Requests outside 127.0.0.1: none.');
  return { rows, notes: [...new Set(notes)] };
}
