// Page helpers shared by the specs: each does what a person does, found by label and role.
import { expect } from '@playwright/test';
import { launchOptions } from './chromium.mjs';

export const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;

/** Opens the app on a fresh origin state and waits for it to draw. */
export async function openApp(page, path = '/') {
  await page.goto(path);
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
}

/**
 * Holds back every request of `page` for `pattern` until the returned function is
 * called (a request its page has left meanwhile is let go quietly).
 */
export async function holdBack(page, pattern) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(pattern, async (route) => { await held; await route.continue().catch(() => {}); });
  return release;
}

/**
 * Sets up the community on this device (its first organizer device) with a PIN, which
 * also unlocks organizer mode.
 */
export async function becomeOrganizer(page, pin = '2468', community = '幸福社区') {
  await page.getByRole('link', { name: '管理' }).click();
  const form = page.getByRole('form', { name: '建立社区' });
  await form.getByLabel('社区名称').fill(community);
  await form.getByLabel('管理密码').fill(pin);
  await form.getByLabel('再次输入密码').fill(pin);
  await form.getByRole('button', { name: '建立社区' }).click();
  await expect(page.getByRole('button', { name: '退出管理模式' })).toBeVisible();
}

/** Registers a volunteer from the organizer's volunteer list. */
export async function registerVolunteer(page, { name, phone, number, skills }) {
  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('link', { name: '志愿者', exact: true }).click();
  const form = page.getByRole('form', { name: '登记志愿者' });
  await form.getByLabel('姓名').fill(name);
  if (phone) await form.getByLabel('手机号').fill(phone);
  if (number) await form.getByLabel('志愿者编号').fill(number);
  if (skills) await form.getByLabel('技能（用逗号分隔）').fill(skills);
  await form.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `已登记：${name}` })).toBeVisible();
}

/** Awards points from a volunteer's page (organizer mode). */
export async function awardPoints(page, points, reason) {
  const form = page.getByRole('form', { name: '奖励积分' });
  await form.getByLabel('积分').fill(String(points));
  await form.getByLabel('原因').fill(reason);
  await form.getByRole('button', { name: '奖励积分' }).click();
  await expect(page.getByRole('status').filter({ hasText: `已奖励 ${points} 积分` })).toBeVisible();
}

export function statement(page) {
  return page.getByRole('list', { name: '积分明细' });
}

/** A tab of the bottom tab bar. */
export function tab(page, name) {
  return page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name, exact: true });
}

/** Publishes an activity from the 活动 tab (organizer mode), tomorrow at the next hour. */
export async function publishActivity(page, { title, capacity = 10 }) {
  await tab(page, '活动').click();
  await page.getByRole('link', { name: '发布活动' }).click();
  const form = page.getByRole('form', { name: '发布活动' });
  await form.getByLabel('活动名称').fill(title);
  await form.getByLabel('类别').fill('环境');
  await form.getByLabel('地点').fill('3号楼前');
  await form.getByLabel('名额').fill(String(capacity));
  await form.getByRole('button', { name: '发布' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

/**
 * A check-in by card about to happen: the organizer registers 李四 (card V002),
 * publishes 敬老院探访, signs 李四 up on this device, and the clock (installed by the
 * caller at 2026-12-01 08:00 China time) moves to the activity's start.
 */
export async function cardCheckInAtStart(page) {
  await becomeOrganizer(page);
  await registerVolunteer(page, { name: '李四', phone: '13900001111', number: 'V002' });
  await publishActivity(page, { title: '敬老院探访' });
  await tab(page, '我的').click();
  await page.getByLabel('选择志愿者').selectOption({ label: '李* 139****1111' });
  await tab(page, '活动').click();
  await page.getByRole('link', { name: /敬老院探访/ }).click();
  await page.getByRole('button', { name: '报名', exact: true }).click();
  await page.clock.setFixedTime(new Date('2026-12-02T09:00:00+08:00'));
}

/** Waits until the service worker is active and has activated (its old caches deleted),
 * when the next load is surely its: `ready` alone resolves while it is activating. */
export async function serviceWorkerReady(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then((registration) => {
    const worker = registration.active;
    if (worker.state === 'activated') return undefined;
    return new Promise((resolve) => worker.addEventListener('statechange', () => {
      if (worker.state === 'activated') resolve();
    }));
  }));
}

/** `test.use` options for a spec that opens the camera: Chromium's fake camera (with
 * `args` added, e.g. a video to play), its permission, and China's time zone. */
export function fakeCamera(...args) {
  return {
    timezoneId: 'Asia/Shanghai',
    permissions: ['camera'],
    launchOptions: launchOptions(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', ...args]),
  };
}

/** The `test.use` launch options of a spec that opens a portal of another origin: such a
 * portal is a page the test makes up (no address of its own), which Chromium's Local
 * Network Access would keep from loopback servers. */
export const LOOPBACK_PORTAL = '--disable-features=LocalNetworkAccessChecks';

/**
 * Opens a portal on another origin (localhost; Linli is served from 127.0.0.1) that
 * imports linli.js from Linli's server and mounts it with no options. Needs
 * LOOPBACK_PORTAL in the spec's launch options. Returns Linli's origin.
 */
export async function openCrossOriginPortal(page, baseURL) {
  const linli = new URL(baseURL);
  const portal = `http://localhost:${linli.port}/portal-elsewhere.html`;
  await page.route(portal, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1"><title>portal</title></head>
      <body><div id="linli"></div><script type="module">
        import { mount } from '${linli.origin}/linli.js';
        mount(document.getElementById('linli'), {});
      </script></body></html>`,
  }));
  await page.goto(portal);
  return linli.origin;
}
