// The browser benchmark: for each size of the sample street (signed: the organizer's
// device of a community, every segment sealed), its stored size in localStorage, a
// cold load of the real app against JSON.parse of the same records' backup file,
// the cost of an append (award, sign-up, claim) through the app's own screens, and
// 1,000 rows drawn by Yew against a vanilla-JavaScript loop. Every time is taken here
// with performance.now(); nothing is asserted. `run()` returns the results; the page's
// button shows them, `.ci/bench` prints them.
import init, * as wasm from './bench_page.js';

const NS = 'linli';
/** Half of Chrome's localStorage quota, and old Safari's whole quota (issue 8). */
const BUDGET = 2_500_000;
/** Appends of each kind timed at every size. */
const APPENDS = 5;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Lets the browser finish whatever is pending (a frame, then a task). */
const settle = () =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Resolves, with the time, as soon as `ready()` holds after a change under `root`. */
function when(root, ready, timeout = 60_000) {
  return new Promise((resolve, reject) => {
    if (ready()) {
      resolve(performance.now());
      return;
    }
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`timed out waiting for ${ready}`));
    }, timeout);
    const observer = new MutationObserver(() => {
      if (ready()) {
        const at = performance.now();
        observer.disconnect();
        clearTimeout(timer);
        resolve(at);
      }
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
  });
}

/** Times `f` `n` times (after a settle each), returning the median in ms. */
async function timed(n, f) {
  const times = [];
  for (let i = 0; i < n; i++) {
    await settle();
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** The characters (UTF-16 code units) stored under the namespace, keys and values. */
function storedChars() {
  let chars = 0;
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (key.startsWith(`${NS}/`)) chars += key.length + localStorage.getItem(key).length;
  }
  return chars;
}

// --- the mounted app, found through its open shadow root --------------------------

const host = () => document.getElementById('app');
const shadow = () => host().querySelector('linli-app')?.shadowRoot ?? null;
const find = (selector) => shadow()?.querySelector(selector) ?? null;
const firstScreen = () => find('.ll-main > *') !== null;
const button = (text) =>
  [...(shadow()?.querySelectorAll('button') ?? [])].find((b) => b.textContent.trim() === text) ?? null;
const field = (label) => {
  // A required field's label ends in a " *" marker, hidden from screen readers.
  const name = (x) => x.textContent.replace(/\s*\*$/, '').trim();
  const l = [...(shadow()?.querySelectorAll('label') ?? [])].find((x) => name(x) === label);
  return l ? shadow().getElementById(l.htmlFor) : null;
};

/** Types into a field as a person would: the value, then an input event. */
function type(input, value) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Goes to a screen of the app (hash routing) and waits until `ready()`. */
async function go(hash, ready) {
  location.hash = hash;
  await when(shadow(), ready);
  await settle();
}

/** Mounts the app and returns [mount id, ms until the first screen is in the DOM]. */
async function coldLoad() {
  await settle();
  const t0 = performance.now();
  const id = wasm.mountApp(host(), NS);
  // The shadow root exists when mount returns; the screen is drawn into it.
  const t1 = await when(shadow(), firstScreen);
  host().getBoundingClientRect();
  return [id, t1 - t0];
}

/** Clicks `target` and returns the ms until `done()` holds, with the layout done. */
async function tap(target, done) {
  if (!target) throw new Error('nothing to tap');
  await settle();
  const t0 = performance.now();
  target.click();
  await when(shadow(), done);
  shadow().host.getBoundingClientRect();
  return performance.now() - t0;
}

/**
 * Organizer mode: the dataset is the organizer's device (sample::Street), whose key is
 * kept without a PIN, so the organizer page opens straight into organizer mode.
 */
async function becomeOrganizer() {
  await go('#/organizer', () => button('退出管理模式') !== null);
}

async function appends(today) {
  await becomeOrganizer();
  const award = [];
  await go(`#/volunteers/${today.me}`, () => field('原因') !== null);
  const balance = () => find('[data-testid="volunteer-balance"]')?.textContent;
  for (let k = 0; k < APPENDS; k++) {
    type(field('积分'), '1');
    type(field('原因'), '基准测试');
    const before = balance();
    const form = find('form[aria-label="奖励积分"]');
    award.push(await tap(form.querySelector('button[type="submit"]'), () => balance() !== before));
  }
  const signup = [];
  for (const id of today.activities) {
    await go(`#/activities/${id}`, () => button('报名') !== null);
    signup.push(await tap(button('报名'), () => button('取消报名') !== null));
  }
  const claim = [];
  for (const id of today.wishes) {
    await go(`#/wishes/${id}`, () => button('认领心愿') !== null);
    claim.push(await tap(button('认领心愿'), () => button('我已圆梦') !== null));
  }
  return { award: median(award), signup: median(signup), claim: median(claim) };
}

/** Everything measured at one size. */
async function measureSize(size, reps, log) {
  localStorage.clear();
  location.hash = '#/';
  let t0 = performance.now();
  const made = wasm.prepare(size);
  const out = { size, entries: made.entries, events: made.events, generateMs: performance.now() - t0 };
  log(`${size}: ${made.events} events generated in ${Math.round(out.generateMs)} ms`);

  t0 = performance.now();
  const written = wasm.writeDataset(NS);
  out.writeMs = performance.now() - t0;
  out.segments = written.segments;
  out.chars = written.fits ? storedChars() : written.chars;
  out.fits = written.fits;
  out.withinBudget = written.fits && out.chars <= BUDGET;
  log(`${size}: ${out.chars} UTF-16 units in ${written.segments} segments, ${written.fits ? 'stored' : 'did NOT fit'}`);

  const json = wasm.plainJson();
  out.jsonChars = json.length;
  out.jsonParseMs = await timed(reps, () => JSON.parse(json));
  if (!written.fits) return out;

  out.readMs = await timed(reps, () => wasm.readAll(NS));
  out.decodeMs = await timed(reps, () => wasm.decodeAll(NS));
  out.openMs = await timed(reps, () => wasm.openStore(NS));

  const today = wasm.prepareToday(NS, APPENDS);
  const loads = [];
  let id = null;
  for (let i = 0; i < reps; i++) {
    if (id !== null) wasm.unmountApp(id);
    location.hash = '#/';
    const [mounted, ms] = await coldLoad();
    id = mounted;
    loads.push(ms);
  }
  out.coldMs = median(loads);
  out.coldFirstMs = loads[0];
  out.coldAllMs = loads;
  out.ratio = out.coldMs / out.jsonParseMs;
  log(`${size}: cold load ${out.coldMs.toFixed(1)} ms, JSON.parse ${out.jsonParseMs.toFixed(1)} ms`);

  out.append = await appends(today);
  wasm.unmountApp(id);
  location.hash = '#/';
  return out;
}

/** Builds the rows with plain DOM calls: the vanilla-JavaScript loop. */
function vanillaRows(stage, data) {
  const ul = document.createElement('ul');
  ul.className = 'll-list';
  for (const [, date, reason, points] of data) {
    const li = document.createElement('li');
    li.className = 'll-row-item';
    const a = document.createElement('span');
    a.className = 'll-date';
    a.textContent = date;
    const b = document.createElement('span');
    b.textContent = reason;
    const c = document.createElement('span');
    c.className = 'll-points';
    c.textContent = points;
    li.append(a, b, c);
    ul.append(li);
  }
  stage.append(ul);
}

/**
 * 1,000 rows: Yew (a fresh app) against a vanilla loop, the same strings and elements,
 * timed until they are in the DOM and again once laid out (the layout, mostly shaping
 * Chinese text, is the same work for both and often the larger part). Exported so the
 * rows alone can be timed again from the page (after `prepare`).
 */
export async function rows(n, reps) {
  const data = wasm.rowsData(n);
  const stage = document.getElementById('rows');
  const times = { yew: [], yewLaid: [], vanilla: [], vanillaLaid: [] };
  // Both sides are timed alike: the observer is attached before the draw, and the time
  // "in the DOM" is taken in its callback. (Yew draws in a microtask after `draw()`
  // returns; the vanilla loop draws at once. Attaching after a synchronous draw took
  // the vanilla time without an observer callback while Yew's was taken in one.)
  const one = async (draw, built, dom, laid) => {
    stage.replaceChildren();
    await settle();
    const drawn = when(stage, built);
    const t0 = performance.now();
    draw();
    const t1 = await drawn;
    stage.getBoundingClientRect();
    const t2 = performance.now();
    dom.push(t1 - t0);
    laid.push(t2 - t0);
  };
  const all = () => stage.querySelectorAll('li').length === data.length;
  for (let i = 0; i < reps; i++) {
    await one(() => wasm.renderRows(stage), all, times.yew, times.yewLaid);
    wasm.destroyRows();
    // Yew removes its nodes in a later microtask: let it, before the stage is cleared.
    await settle();
    await one(() => vanillaRows(stage, data), all, times.vanilla, times.vanillaLaid);
  }
  stage.replaceChildren();
  const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
  return {
    rows: data.length,
    yewMs: m.yew,
    vanillaMs: m.vanilla,
    ratio: m.yew / m.vanilla,
    yewLaidMs: m.yewLaid,
    vanillaLaidMs: m.vanillaLaid,
    laidRatio: m.yewLaid / m.vanillaLaid,
  };
}

/** Runs the whole bench. `sizes`: such as ['1k', '10k', '100k']; `smoke`: one repetition. */
export async function run({ sizes = ['1k', '10k', '100k'], smoke = false, log = console.log } = {}) {
  await init();
  const results = { userAgent: navigator.userAgent, sizes: [] };
  for (const size of sizes) {
    const reps = smoke ? 1 : 5;
    results.sizes.push(await measureSize(size, reps, log));
  }
  results.rows = await rows(1000, smoke ? 1 : 15);
  localStorage.clear();
  return results;
}

window.linliBench = { run };
