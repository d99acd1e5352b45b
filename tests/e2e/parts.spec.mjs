// First visit (issue 17): the first screen needs only the first module; the other
// screens and the store's engine are the `rest` part, fetched when one of them first
// opens (or the engine is first needed) or a moment after the first screen, English's
// texts only when English is chosen. Every file comes compressed, and after one visit
// the service worker answers for all of it off line.
import { test, expect } from '@playwright/test';
import { openApp, becomeOrganizer, holdBack, serviceWorkerReady, tab } from './helpers.mjs';
import { invitationLink } from './devices-helpers.mjs';

const PART = /\/linli-[0-9a-f]{16}-(rest|chunk_\d+)\.wasm$/;
const REST = /\/linli-[0-9a-f]{16}-rest\.wasm$/;
const ENGLISH = /\/linli-[0-9a-f]{16}-english\.wasm$/;

/** Every URL the page asks for, in order. */
function requests(page) {
  const urls = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

test('the first screen and the list of activities draw with every part held back; the parts follow when idle, compressed', async ({ page }) => {
  const urls = requests(page);
  // No part arrives until the first screen is up: it must not need one.
  const release = await holdBack(page, PART);
  const main = page.waitForResponse(/\/linli-[0-9a-f]{16}_bg\.wasm$/);
  const rest = page.waitForResponse(REST);
  await openApp(page);
  await expect(page.getByRole('heading', { name: '欢迎使用邻里' })).toBeVisible();
  expect((await main).headers()['content-encoding']).toBe('br');
  // The likeliest first tap needs no part either.
  await tab(page, '活动').click();
  await expect(page.getByRole('heading', { name: '志愿活动' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '正在打开…' })).toHaveCount(0);
  // Nor do the community's other tabs on a device that has joined none: they have
  // nothing to list, and say where to join, at once.
  for (const [name, heading] of [['项目', '共建项目'], ['心愿', '心愿墙'], ['我的', '我是谁']]) {
    await tab(page, name).click();
    await expect(page.getByRole('heading', { name: heading })).toBeVisible();
    await expect(page.getByText('这台设备还没有加入社区。加入或建立社区后，这里会显示社区的内容。')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: '正在打开…' })).toHaveCount(0);
  }
  await page.getByRole('link', { name: '去首页加入社区' }).click();
  await expect(page.getByRole('heading', { name: '欢迎使用邻里' })).toBeVisible();
  release();
  // Prefetched once the first screen is up, without a tap.
  expect((await rest).headers()['content-encoding']).toBe('br');
  expect(urls.filter((url) => ENGLISH.test(url))).toEqual([]);
  await tab(page, '项目').click();
  await expect(page.getByRole('heading', { name: '共建项目' })).toBeVisible();
});

test('a phone joins by link before the engine has arrived: the button waits for it, then joins', async ({ page, browser }) => {
  await openApp(page);
  await becomeOrganizer(page);
  const link = await invitationLink(page);

  const phoneContext = await browser.newContext();
  const phone = await phoneContext.newPage();
  const release = await holdBack(phone, PART);
  await phone.goto('/' + new URL(link).hash);
  await phone.getByRole('button', { name: '加入社区' }).click();
  await expect(phone.getByRole('button', { name: '正在加入…' })).toBeDisabled();
  release();
  await expect(phone.getByRole('status').filter({ hasText: '已加入：幸福社区' })).toBeVisible();
  await expect(phone.getByRole('form', { name: '找到我' })).toBeVisible();
  await phoneContext.close();
});

test.describe(() => {
  // The page's requests must reach its routes, not the service worker's cache (which
  // its install fills with every part).
  test.use({ serviceWorkers: 'block' });

  test('a screen whose part cannot be fetched says so and opens on a second try', async ({ page }) => {
    const abort = (route) => route.abort();
    await page.route(REST, abort);
    // A link to 排行榜 opened on a first visit: a screen of the part.
    await openApp(page, '/#/ranking');
    await expect(page.getByRole('alert')).toHaveText(/这一页没能打开，请检查网络后重试。/);
    // Held until the loading line has been seen (the later route is asked first).
    const release = await holdBack(page, REST);
    await page.unroute(REST, abort);
    await page.getByRole('button', { name: '重试' }).click();
    await expect(page.getByRole('status').filter({ hasText: '正在打开…' })).toBeVisible();
    release();
    await expect(page.getByRole('heading', { name: '排行榜' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a first visit sets its community up before the engine has arrived: 管理 draws at once, its button waits for the engine', async ({ page }) => {
    // The part cannot be fetched at first: the set-up form draws all the same.
    const abort = (route) => route.abort();
    await page.route(REST, abort);
    await openApp(page);
    await page.getByRole('banner').getByRole('link', { name: '管理' }).click();
    const form = page.getByRole('form', { name: '建立社区' });
    await form.getByLabel('社区名称').fill('幸福社区');
    await form.getByLabel('管理密码').fill('2468');
    await form.getByLabel('再次输入密码').fill('2468');
    await form.getByRole('button', { name: '建立社区' }).click();
    await expect(page.getByRole('alert')).toHaveText(/邻里的其余部分还没能下载，请检查网络后再试一次。/);
    await expect(form.getByLabel('管理密码')).toHaveValue('2468');
    // A second try, the part held back until the button has said it waits.
    const release = await holdBack(page, REST);
    await page.unroute(REST, abort);
    await form.getByRole('button', { name: '建立社区' }).click();
    await expect(form.getByRole('button', { name: '正在建立社区…' })).toBeDisabled();
    release();
    await expect(page.getByRole('status').filter({ hasText: '已建立社区：幸福社区' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '管理模式' })).toBeVisible();
  });

  test('the demo opened before the engine has arrived: its button waits for the engine, which installs it', async ({ page }) => {
    const release = await holdBack(page, REST);
    await openApp(page);
    await page.getByRole('button', { name: '打开演示社区' }).click();
    await expect(page.getByRole('button', { name: '正在打开演示社区…' })).toBeDisabled();
    release();
    await expect(page.getByRole('region', { name: '演示社区 · 数据不是真的' })).toBeVisible();
    expect(new URL(page.url()).search).toBe('?demo');
  });

  test('a device with data waits for the engine to read it, never showing the first run', async ({ page }) => {
    await openApp(page);
    await becomeOrganizer(page);
    await tab(page, '首页').click();
    const release = await holdBack(page, PART);
    await page.reload();
    // The screen says it is opening: not the first run of a device with no community.
    await expect(page.getByRole('status').filter({ hasText: '正在打开…' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '欢迎使用邻里' })).toHaveCount(0);
    // Nor does the header guess whether this is organizer mode: its way in keeps its
    // place, unseen, until the store is read.
    const door = page.getByRole('banner').getByRole('link', { name: /^(管理|管理模式)$/ });
    await expect(door).toHaveCount(0);
    release();
    await expect(page.getByText('欢迎来到邻里：志愿服务、共建项目、微心愿。')).toBeVisible();
    // Organizer mode of the visit came back with the store.
    await expect(door).toHaveText('管理模式');
  });
});

test("English's texts are fetched when English is chosen, and again after a reload in English", async ({ page }) => {
  const urls = requests(page);
  const rest = page.waitForResponse(REST);
  await openApp(page);
  await rest;
  expect(urls.filter((url) => ENGLISH.test(url))).toEqual([]);
  const english = page.waitForResponse(ENGLISH);
  await page.getByRole('button', { name: 'English' }).click();
  expect((await english).headers()['content-encoding']).toBe('br');
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await expect(page.getByRole('button', { name: '中文' })).toBeVisible();
});

test('after one visit every part, and English once chosen, opens with the network cut', async ({ page, context }) => {
  await openApp(page);
  await serviceWorkerReady(page);
  // The next load is the service worker's: English chosen now is kept by it.
  await page.reload();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();

  await context.setOffline(true);
  await page.reload();
  await tab(page, '项目').click();
  await expect(page.getByRole('heading', { name: '共建项目' })).toBeVisible();
  await page.getByRole('link', { name: '管理' }).click();
  await expect(page.getByRole('form', { name: '建立社区' })).toBeVisible();
  await tab(page, '活动').click();
  await expect(page.getByRole('heading', { name: '志愿活动' })).toBeVisible();
  await tab(page, '我的').click();
  await expect(page.getByRole('heading', { name: '我是谁' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await context.setOffline(false);
});
