// Linli inside a community portal (www/portal.html): the portal's rude CSS changes none
// of Linli's layout and Linli's CSS changes nothing of the portal; two namespaces on one
// page keep their own data; the host hears what happens; unmount leaves nothing behind;
// exportData → importData moves the data to another organizer device (namespace) of the
// community; wrong options fail clearly.
import { test, expect } from '@playwright/test';
import { ARTIFACTS, becomeOrganizer, registerVolunteer, awardPoints } from './helpers.mjs';
import { unlockOrganizer, openVolunteers } from './storage-helpers.mjs';
import { invitationLink, invitationCode, askAsOrganizer, approve } from './devices-helpers.mjs';
import { docToken } from './sync/ysweet.mjs';
import {
  openCleanHost, recordHostEvents, hostEvents, waitForHostEvents, windowListeners, expectMounted,
} from './embed-helpers.mjs';

const xingfu = (page) => page.locator('#linli-xingfu');
const heping = (page) => page.locator('#linli-heping');

async function openPortal(page) {
  await page.goto('/portal.html');
  await expectMounted(xingfu(page));
  await expectMounted(heping(page));
}

test('two namespaces on one portal page keep separate data', async ({ page }) => {
  await openPortal(page);
  await expect(xingfu(page).getByText('幸福社区', { exact: true })).toBeVisible();
  await expect(heping(page).getByText('和平社区', { exact: true })).toBeVisible();
  await becomeOrganizer(xingfu(page));
  await registerVolunteer(xingfu(page), { name: '王小明', phone: '13812341234' });

  // The other instance has its own PIN and sees none of the first one's volunteers.
  await becomeOrganizer(heping(page), '1357');
  let list = await openVolunteers(heping(page));
  await expect(heping(page).getByText('还没有登记志愿者')).toBeVisible();
  await registerVolunteer(heping(page), { name: '李四' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).not.toContainText('王小明');

  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  // Each community's public log and its organizer-only log (the full names).
  for (const ns of ['xingfu', 'heping']) {
    expect(keys.filter((k) => k.startsWith(`${ns}/s/`))).toHaveLength(1);
    expect(keys.filter((k) => k.startsWith(`${ns}/p/`))).toHaveLength(1);
  }
  expect(keys.every((k) => k.startsWith('xingfu/') || k.startsWith('heping/'))).toBe(true);

  // After a reload each still has its own, and the PINs are their own.
  await page.reload();
  await expectMounted(xingfu(page));
  await unlockOrganizer(xingfu(page), '2468');
  list = await openVolunteers(xingfu(page));
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('王小明');
  await unlockOrganizer(heping(page), '1357');
  list = await openVolunteers(heping(page));
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('李四');
  // Navigating inside Linli never touched the portal's address (memory routing).
  expect(new URL(page.url()).pathname + new URL(page.url()).hash).toBe('/portal.html');
});

/** Every element of the mount's shadow tree, its box relative to the mount. */
async function layout(page, selector) {
  return page.evaluate((selector) => {
    const shell = document.querySelector(selector).querySelector('linli-app');
    shell.scrollIntoView({ block: 'start' });
    const origin = shell.getBoundingClientRect();
    const app = shell.shadowRoot.querySelector('.ll-app');
    const style = getComputedStyle(app);
    const boxes = [app, ...app.querySelectorAll('*')].map((el) => {
      const r = el.getBoundingClientRect();
      return {
        el: `${el.tagName.toLowerCase()}.${el.className}`,
        x: r.x - origin.x, y: r.y - origin.y, w: r.width, h: r.height,
      };
    });
    const button = getComputedStyle(app.querySelector('button'));
    return {
      width: origin.width,
      boxes,
      font: [style.fontFamily, style.fontSize, style.lineHeight, style.textTransform, style.letterSpacing],
      button: [button.backgroundColor, button.fontSize, button.boxSizing, button.margin],
    };
  }, selector);
}

test("the portal's CSS changes nothing of Linli's layout (same boxes as on a clean page)", async ({ page, browser }) => {
  await openPortal(page);
  await page.screenshot({ path: `${ARTIFACTS}embed-portal.png` });
  // layout() scrolls the panel to the top of the screen, as a reader scrolling down would.
  const portal = await layout(page, '#linli-xingfu');
  await page.screenshot({ path: `${ARTIFACTS}embed-portal-panel.png` });

  const clean = await browser.newPage();
  await openCleanHost(clean, { width: portal.width });
  await clean.evaluate(() => window.linli.mount(document.getElementById('a'), {
    namespace: 'xingfu', community: '幸福社区',
  }));
  await expectMounted(clean.locator('#a'));
  const alone = await layout(clean, '#a');
  await clean.close();

  expect(portal.boxes.length).toBeGreaterThan(20);
  expect(portal.font).toEqual(alone.font);
  expect(portal.button).toEqual(alone.button);
  expect(portal.boxes.map((b) => b.el)).toEqual(alone.boxes.map((b) => b.el));
  for (const [i, box] of portal.boxes.entries()) {
    const other = alone.boxes[i];
    for (const side of ['x', 'y', 'w', 'h']) {
      expect(Math.abs(box[side] - other[side]), `${box.el} ${side}`).toBeLessThan(0.5);
    }
  }
});

/** Computed styles of the portal's own elements, and its stylesheets. */
async function hostStyles(page) {
  return page.evaluate(() => {
    const properties = [
      'font-family', 'font-size', 'line-height', 'color', 'background-color', 'margin',
      'padding', 'border', 'box-sizing', 'display', 'letter-spacing', 'text-transform',
      'text-align', 'cursor', 'list-style-type', 'text-decoration-line', 'font-weight',
    ];
    const selectors = [
      'html', 'body', '.site-header', '.site-header h1', '.site-nav a', '.site-nav button',
      '.news', '.news h3', '.news p', '.news li', '#linli-xingfu', '#linli-heping',
      '.side h2', '.site-footer',
    ];
    const styles = {};
    for (const selector of selectors) {
      const style = getComputedStyle(document.querySelector(selector));
      styles[selector] = properties.map((p) => `${p}: ${style.getPropertyValue(p)}`);
    }
    return {
      styles,
      sheets: document.styleSheets.length,
      adopted: document.adoptedStyleSheets.length,
      head: document.head.innerHTML,
    };
  });
}

test("Linli's CSS changes nothing of the portal's own elements", async ({ page }) => {
  // First the portal without Linli: its module is held back.
  await page.route('**/linli.js', (route) => route.abort());
  await page.goto('/portal.html');
  await expect(page.getByRole('heading', { name: '社区新闻' })).toBeVisible();
  const before = await hostStyles(page);
  expect(await page.locator('linli-app').count()).toBe(0);

  // Then Linli arrives and mounts into both panels.
  await page.unroute('**/linli.js');
  await page.evaluate(() => import('/linli.js?late'));
  await expectMounted(xingfu(page));
  await expectMounted(heping(page));
  const after = await hostStyles(page);
  expect(after).toEqual(before);
});

test('host listeners receive linli:change, linli:points and linli:error as documented', async ({ page, context }) => {
  await recordHostEvents(page);
  await openPortal(page);
  await becomeOrganizer(xingfu(page));
  await registerVolunteer(xingfu(page), { name: '王小明', phone: '13812341234' });
  let changes = await waitForHostEvents(page, 'linli:change', 1);
  expect(changes[0].target).toBe('linli-xingfu');
  expect(changes[0].detail.source).toBe('action');
  expect(changes[0].detail.events).toHaveLength(1);
  const registered = changes[0].detail.events[0];
  expect(registered.kind).toBe('register_volunteer');
  expect(typeof registered.id).toBe('string');
  expect(Math.abs(registered.at - Date.now())).toBeLessThan(60_000);

  await xingfu(page).getByRole('link', { name: /王\*明|王小明/ }).click();
  await awardPoints(xingfu(page), 5, '扫雪除冰');
  await awardPoints(xingfu(page), 2.5, '楼道清洁');
  const points = await waitForHostEvents(page, 'linli:points', 2);
  expect(points.map((e) => e.target)).toEqual(['linli-xingfu', 'linli-xingfu']);
  expect(points[0].detail).toMatchObject({ who: '王*明', points: 5, balance: 5 });
  expect(points[1].detail).toMatchObject({ who: '王*明', points: 2.5, balance: 7.5 });
  expect(points[0].detail.volunteer).toBe(registered.id);
  changes = await hostEvents(page, 'linli:change');
  expect(changes.map((e) => e.detail.events[0].kind))
    .toEqual(['register_volunteer', 'award_points', 'award_points']);
  expect(points[1].detail.event).toBe(changes[2].detail.events[0].id);
  // The portal's own listener shows the credits in its news column.
  await expect(page.getByRole('list', { name: '积分动态' }).getByRole('listitem'))
    .toHaveText(['王*明 获得 2.5 积分，共 7.5 分', '王*明 获得 5 积分，共 5 分']);

  // A refused action: the banner says why, the host hears the same text with a code.
  const award = xingfu(page).getByRole('form', { name: '奖励积分' });
  await award.getByLabel('积分').fill('1');
  await award.getByLabel('原因').fill('扫'.repeat(201));
  await award.getByRole('button', { name: '奖励积分' }).click();
  await expect(xingfu(page).getByRole('alert')).toContainText('原因最多 200 个字。');
  const errors = await waitForHostEvents(page, 'linli:error', 1);
  expect(errors[0]).toMatchObject({ target: 'linli-xingfu', detail: { code: 'refused' } });
  expect(errors[0].detail.message).toContain('原因最多 200 个字。');

  // Another tab of the same namespace registers someone: this page hears it as 'tab'.
  const other = await context.newPage();
  await other.goto('/portal.html');
  await expectMounted(xingfu(other));
  await unlockOrganizer(xingfu(other), '2468');
  await registerVolunteer(xingfu(other), { name: '赵六' });
  await expect.poll(async () => (await hostEvents(page, 'linli:change'))
    .filter((e) => e.detail.source === 'tab').length).toBe(1);
  const fromTab = (await hostEvents(page, 'linli:change')).find((e) => e.detail.source === 'tab');
  expect(fromTab.target).toBe('linli-xingfu');
  expect(fromTab.detail.events.map((e) => e.kind)).toEqual(['register_volunteer']);
  await other.close();

  // The other namespace's listeners heard nothing of all this.
  expect((await hostEvents(page)).filter((e) => e.target === 'linli-heping')).toEqual([]);
});

test('unmount removes Linli, its listeners and its events', async ({ page, context }) => {
  await openCleanHost(page);
  const storageBefore = await windowListeners(page, 'storage');
  await page.evaluate(() => {
    const a = document.getElementById('a');
    a.innerHTML = '<p id="own">the host\'s own content</p>';
    window.heard = [];
    a.addEventListener('linli:change', (e) => window.heard.push(e.detail));
    window.handle = window.linli.mount(a, { namespace: 'gone' });
  });
  const a = page.locator('#a');
  await expectMounted(a);
  await becomeOrganizer(a);
  await registerVolunteer(a, { name: '王小明' });
  await expect.poll(() => page.evaluate(() => window.heard.length)).toBe(1);
  expect(await windowListeners(page, 'storage')).toBe(storageBefore + 1);
  expect(await page.evaluate(() => window.linli.handleOf(document.getElementById('a')) !== undefined)).toBe(true);

  await page.evaluate(() => window.handle.unmount());
  expect(await page.evaluate(() => document.getElementById('a').innerHTML))
    .toBe('<p id="own">the host\'s own content</p>');
  expect(await page.locator('linli-app').count()).toBe(0);
  await expect(page.getByRole('navigation', { name: '主导航' })).toHaveCount(0);
  expect(await windowListeners(page, 'storage')).toBe(storageBefore);
  expect(await page.evaluate(() => window.linli.handleOf(document.getElementById('a')))).toBeUndefined();
  // Unmounting again does nothing; the handle's other calls say it is gone.
  const late = await page.evaluate(() => {
    window.handle.unmount();
    try {
      window.handle.exportData();
      return 'no error';
    } catch (e) {
      return e.code;
    }
  });
  expect(late).toBe('unmounted');

  // A write in another tab of the namespace no longer reaches the unmounted instance.
  // A witness mounted on the same namespace shows when that write has arrived here.
  await page.evaluate(() => {
    const b = document.getElementById('b');
    window.witnessed = [];
    b.addEventListener('linli:change', (e) => window.witnessed.push(e.detail.source));
    window.linli.mount(b, { namespace: 'gone' });
  });
  const other = await context.newPage();
  await openCleanHost(other);
  await other.evaluate(() => window.linli.mount(document.getElementById('a'), { namespace: 'gone' }));
  await unlockOrganizer(other.locator('#a'), '2468');
  await registerVolunteer(other.locator('#a'), { name: '赵六' });
  await expect.poll(() => page.evaluate(() => window.witnessed)).toEqual(['tab']);
  expect(await page.evaluate(() => window.heard.length)).toBe(1);
  await other.close();
});

test('exportData then importData into another organizer device of the community gives the same state', async ({ page }) => {
  await openCleanHost(page);
  await page.evaluate(() => {
    window.first = window.linli.mount(document.getElementById('a'), { namespace: 'origin' });
  });
  const a = page.locator('#a');
  await expectMounted(a);
  await becomeOrganizer(a);
  await registerVolunteer(a, { name: '王小明' });
  await a.getByRole('link', { name: /王小明/ }).click();
  await awardPoints(a, 5, '扫雪除冰');

  // A fresh namespace is a device of its own: it joins by the invitation and is
  // approved as an organizer device before it may hold the full log.
  const link = await invitationLink(a);
  await page.evaluate(() => {
    const b = document.getElementById('b');
    window.imported = [];
    b.addEventListener('linli:change', (e) => window.imported.push(e.detail));
    window.second = window.linli.mount(b, { namespace: 'copy' });
  });
  const b = page.locator('#b');
  await expectMounted(b);
  // Before it joins, the file is refused as another community's.
  const refused = await page.evaluate(() => {
    try {
      window.second.importData(window.first.exportData());
      return null;
    } catch (error) {
      return error.code;
    }
  });
  expect(refused).toBe('other-community');
  const join = b.getByRole('form', { name: '加入社区' });
  await join.getByLabel('邀请链接或代码').fill(link);
  await join.getByRole('button', { name: '加入社区' }).click();
  const code = await askAsOrganizer(b, '门户后台', '1357');
  await approve(a, code);

  const exported = JSON.parse(await page.evaluate(() => window.first.exportData()));
  expect(exported).toMatchObject({ format: 'linli-backup', version: 2, scope: 'full', namespace: 'origin' });
  await page.evaluate(() => { window.imported = []; });
  const summary = await page.evaluate(() => window.second.importData(window.first.exportData()));
  expect(summary).toMatchObject({ refused: 0, notStored: 0, rejected: [], conflicts: [] });
  expect(summary.added).toBeGreaterThan(0);
  expect(summary.added + summary.known).toBe(exported.count);
  // The host page hears of every public record imported; the personal details (王小明's
  // full name, in the organizer-only log) are not told to it.
  await expect.poll(() => page.evaluate(() => window.imported.flatMap((d) => d.events).length)).toBe(summary.added - 1);
  const told = await page.evaluate(() => window.imported);
  expect(told.every((d) => d.source === 'import')).toBe(true);
  expect(told.flatMap((d) => d.events).map((e) => e.kind)).not.toContain('record_details');
  const list = await openVolunteers(b);
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('link', { name: /王小明/ })).toContainText('5');
  // Importing again adds nothing.
  expect(await page.evaluate(() => window.second.importData(window.first.exportData())))
    .toMatchObject({ added: 0, known: exported.count, refused: 0 });
});

test('options: English, the community name and a theme colour; memory routing keeps the URL', async ({ page }) => {
  await openCleanHost(page);
  await page.evaluate(() => window.linli.mount(document.getElementById('a'), {
    locale: 'en', community: 'Harmony Street', theme: '#1A73E8',
  }));
  const a = page.locator('#a');
  await expect(a.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await expect(a.getByRole('heading', { name: 'Linli', exact: true })).toBeVisible();
  await expect(a.getByText('Harmony Street')).toBeVisible();
  const header = await a.locator('header').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(header).toBe('rgb(26, 115, 232)');
  await a.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Me', exact: true }).click();
  await expect(a.getByRole('heading', { name: /Me|Who am I/ }).first()).toBeVisible();
  expect(page.url()).toMatch(/\/clean\.html$/);
});

test('where storage is blocked, each embedded Linli runs in memory and says so', async ({ page }) => {
  await recordHostEvents(page);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await openPortal(page);
  for (const panel of [xingfu(page), heping(page)]) {
    await expect(panel.getByRole('status').filter({ hasText: '数据只保存在本次打开期间' })).toBeVisible();
  }
  const errors = await waitForHostEvents(page, 'linli:error', 2);
  expect(errors.map((e) => [e.target, e.detail.code]).sort()).toEqual([
    ['linli-heping', 'storage-unavailable'], ['linli-xingfu', 'storage-unavailable'],
  ]);
  await becomeOrganizer(xingfu(page));
  await registerVolunteer(xingfu(page), { name: '钱七' });
});

test("under a host's strict Content-Security-Policy Linli is styled and breaks no rule", async ({ page }) => {
  // No inline script or style allowed: Linli's stylesheet is a constructed one, its
  // theme a custom property in it; WebAssembly needs 'wasm-unsafe-eval'.
  const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
  await page.route('**/strict.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    headers: { 'content-security-policy': policy },
    body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1"><title>strict</title></head>
      <body><div id="strict" data-linli data-namespace="strict" data-theme="#1a73e8"></div>
      <script type="module" src="linli.js"></script></body></html>`,
  }));
  const violations = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto('/strict.html');
  const panel = page.locator('#strict');
  await expectMounted(panel);
  const styled = await panel.locator('header').evaluate((el) => {
    const style = getComputedStyle(el);
    return [style.backgroundColor, style.position, getComputedStyle(el.parentElement).fontSize];
  });
  expect(styled).toEqual(['rgb(26, 115, 232)', 'sticky', '18px']);
  await becomeOrganizer(panel);
  await registerVolunteer(panel, { name: '王小明' });
  expect(violations).toEqual([]);
});

test('wrong options fail clearly: a bad-option error naming the option, and nothing mounted', async ({ page }) => {
  await openCleanHost(page);
  const attempt = (options) => page.evaluate((options) => {
    const given = options === 'a function' ? { namespace: () => 'xingfu' } : options;
    try {
      window.linli.mount(document.getElementById('a'), given);
      return 'mounted';
    } catch (e) {
      return { error: e instanceof Error, code: e.code, message: e.message };
    }
  }, options);
  const refused = (message) => ({ error: true, code: 'bad-option', message });
  expect(await attempt('xingfu'))
    .toEqual(refused("mount 的选项须是一个对象。 / mount's options must be an object."));
  expect(await attempt({ namespace: 5 }))
    .toEqual(refused('namespace 须是文字。 / namespace must be a string.'));
  expect(await attempt({ routing: ['hash'] }))
    .toEqual(refused('routing 须是文字。 / routing must be a string.'));
  expect(await attempt('a function'))
    .toEqual(refused('namespace 须是文字。 / namespace must be a string.'));
  expect((await attempt({ namespace: 'a b' })).message)
    .toContain('namespace must be 1–40 letters, digits, - or _: “a b”.');
  expect((await attempt({ locale: 'fr' })).message).toContain('locale must be zh-CN or en: “fr”.');
  expect((await attempt({ community: '街'.repeat(41) })).message)
    .toContain('community may have at most 40 characters');
  expect((await attempt({ theme: 'blue' })).message)
    .toContain('theme must be a colour like #1a73e8: “blue”.');
  expect((await attempt({ routing: 'history' })).message)
    .toContain('routing must be memory or hash: “history”.');
  expect(await page.locator('linli-app').count()).toBe(0);

  // undefined and null options are the defaults; other properties are ignored.
  expect(await attempt({ namespace: undefined, locale: null, colour: 5 })).toBe('mounted');
  await expectMounted(page.locator('#a'));
  const importing = await page.evaluate(() => {
    try {
      window.linli.handleOf(document.getElementById('a')).importData(42);
      return 'imported';
    } catch (e) {
      return e.code;
    }
  });
  expect(importing).toBe('bad-backup');
});

test('exportData and importData wait for handle.ready(): before it they throw loading', async ({ page }) => {
  // The app's rest part (which holds the store's engine) is held back: Linli draws, but
  // its storage is not read yet.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/-rest\.wasm$/, async (route) => { await held; await route.continue(); });
  await openCleanHost(page);
  await page.evaluate(() => { window.handle = window.linli.mount(document.getElementById('a'), { namespace: 'early' }); });
  await expectMounted(page.locator('#a'));
  const call = (what) => page.evaluate((what) => {
    try {
      return what === 'export' ? window.handle.exportData() : window.handle.importData('{}');
    } catch (e) {
      return { code: e.code, message: e.message };
    }
  }, what);
  expect(await call('export')).toEqual({
    code: 'loading',
    message: '邻里还在加载：请先等待 handle.ready()。 / Linli is still loading: await handle.ready() first.',
  });
  expect((await call('import')).code).toBe('loading');
  const ready = page.evaluate(() => window.handle.ready().then(() => 'ready'));
  release();
  expect(await ready).toBe('ready');
  // Now the store answers by its own rules.
  expect((await call('export')).code).toBe('not-allowed');
  expect((await call('import')).code).toBe('bad-backup');
});

test('handle.join joins a community, renews its sync token, and refuses another community or a non-invitation', async ({ page }) => {
  await openCleanHost(page);
  await page.evaluate(() => { window.handle = window.linli.mount(document.getElementById('a'), { namespace: 'portal' }); });
  const id = 'ab'.repeat(16);
  const code = (...texts) => invitationCode(id, ...texts);
  const join = (code) => page.evaluate((code) => window.handle.join(code).then(
    (changed) => ({ changed }),
    (e) => ({ code: e.code, message: e.message }),
  ), code);

  expect(await join('not an invitation')).toMatchObject({ code: 'bad-invitation' });
  expect(await join(code('幸福社区'))).toEqual({ changed: true });
  await expect(page.getByText('这台设备还没有加入社区')).toHaveCount(0);
  expect(await join(code('幸福社区')), 'the same invitation again').toEqual({ changed: false });
  // The portal's server hands out a short-lived token; this one ended a minute ago.
  const key = Buffer.alloc(30, 7).toString('base64url');
  const stale = docToken(key, `linli-${id}`, 'full', Date.now() - 60_000);
  expect(await join(code('幸福社区', 'ws://127.0.0.1:9', stale))).toEqual({ changed: true });
  const expired = page.getByRole('button', { name: '同步已过期' });
  await expect(expired).toBeVisible();
  expect(await join(code('幸福社区')), 'an invitation without a server takes none away').toEqual({ changed: false });
  expect(await join(invitationCode('cd'.repeat(16), '别的社区'))).toMatchObject({ code: 'other-community' });

  // A fresh token (the next visit's) renews it, and it is kept.
  const fresh = docToken(key, `linli-${id}`, 'full', Date.now() + 3_600_000);
  expect(await join(code('幸福社区', 'ws://127.0.0.1:9', fresh))).toEqual({ changed: true });
  await expect(expired).toHaveCount(0);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('portal/community')));
  expect(stored).toMatchObject({ name: '幸福社区', sync: 'ws://127.0.0.1:9', sync_token: fresh });
});

test('a data-linli element with a wrong attribute stays empty and says why in linli:error', async ({ page }) => {
  await page.route('**/declared.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
      <link rel="icon" href="data:,"><title>declared</title></head>
      <body><div id="wrong" data-linli data-namespace="ok" data-locale="fr"></div>
      <script>
        window.heard = [];
        document.addEventListener('linli:error', (e) => window.heard.push({
          target: e.target.id, plain: Object.getPrototypeOf(e.detail) === Object.prototype,
          detail: e.detail,
        }));
      </script>
      <script type="module" src="linli.js"></script></body></html>`,
  }));
  await page.goto('/declared.html');
  await expect.poll(() => page.evaluate(() => window.heard.length)).toBe(1);
  const [heard] = await page.evaluate(() => window.heard);
  expect(heard).toMatchObject({ target: 'wrong', plain: true, detail: { code: 'bad-option' } });
  expect(heard.detail.message).toContain('locale must be zh-CN or en: “fr”.');
  expect(Object.keys(heard.detail).sort()).toEqual(['code', 'message']);
  expect(await page.locator('linli-app').count()).toBe(0);
});
