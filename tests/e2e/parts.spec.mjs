// First visit (issue 17): the first screen needs only the first module; the other
// screens are parts fetched when one of them first opens or when the browser is idle
// after the first screen, English's texts only when English is chosen. Every file comes
// compressed, and after one visit the service worker answers for all of it off line.
import { test, expect } from '@playwright/test';
import { openApp, serviceWorkerReady, tab } from './helpers.mjs';

const PART = /\/linli-[0-9a-f]{16}-(organizer|volunteer|chunk_\d+)\.wasm$/;
const ORGANIZER = /\/linli-[0-9a-f]{16}-organizer\.wasm$/;
const VOLUNTEER = /\/linli-[0-9a-f]{16}-volunteer\.wasm$/;
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
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(PART, async (route) => { await held; await route.continue(); });
  const main = page.waitForResponse(/\/linli-[0-9a-f]{16}_bg\.wasm$/);
  const organizer = page.waitForResponse(ORGANIZER);
  const volunteer = page.waitForResponse(VOLUNTEER);
  await openApp(page);
  expect((await main).headers()['content-encoding']).toBe('br');
  // The likeliest first tap needs no part either.
  await tab(page, '活动').click();
  await expect(page.getByRole('heading', { name: '志愿活动' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '正在打开…' })).toHaveCount(0);
  release();
  // Prefetched once the first screen is up, without a tap.
  expect((await organizer).headers()['content-encoding']).toBe('br');
  expect((await volunteer).headers()['content-encoding']).toBe('br');
  expect(urls.filter((url) => ENGLISH.test(url))).toEqual([]);
  await tab(page, '项目').click();
  await expect(page.getByRole('heading', { name: '共建项目' })).toBeVisible();
});

test('a screen whose part cannot be fetched says so and opens on a second try', async ({ page }) => {
  await page.route(VOLUNTEER, (route) => route.abort());
  await openApp(page);
  await tab(page, '项目').click();
  await expect(page.getByRole('alert')).toHaveText(/这一页没能打开，请检查网络后重试。/);

  // Held until the loading line has been seen.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.unroute(VOLUNTEER);
  await page.route(VOLUNTEER, async (route) => { await held; await route.continue(); });
  await page.getByRole('button', { name: '重试' }).click();
  await expect(page.getByRole('status').filter({ hasText: '正在打开…' })).toBeVisible();
  release();
  await expect(page.getByRole('heading', { name: '共建项目' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test("English's texts are fetched when English is chosen, and again after a reload in English", async ({ page }) => {
  const urls = requests(page);
  const organizer = page.waitForResponse(ORGANIZER);
  await openApp(page);
  await organizer;
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
