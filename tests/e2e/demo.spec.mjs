// The demo community (issue 16, first run): anyone opens it from the first-run page; it
// lives in its own namespace (linli-demo), says on every screen that it is a demo, lets
// people try organizer mode, and is deleted in one tap. The real namespace is never
// touched: not when it is empty, not when it holds a community.
import { test, expect } from '@playwright/test';
import { ARTIFACTS, openApp, becomeOrganizer, registerVolunteer, serviceWorkerReady, tab } from './helpers.mjs';

const BANNER = '演示社区 · 数据不是真的';

/** Every key and value of localStorage, and of sessionStorage, outside the demo. */
function realStorage(page) {
  return page.evaluate(() => {
    const dump = (storage) => Object.fromEntries(Object.keys(storage)
      .filter((key) => !key.startsWith('linli-demo/'))
      .sort()
      .map((key) => [key, storage.getItem(key)]));
    return { local: dump(localStorage), session: dump(sessionStorage) };
  });
}

/** The keys the demo namespace holds, in localStorage and sessionStorage. */
function demoKeys(page) {
  return page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]
    .filter((key) => key.startsWith('linli-demo/')));
}

function banner(page, name = BANNER) {
  return page.getByRole('region', { name });
}

async function openDemo(page, button = '打开演示社区', name = BANNER) {
  await page.getByRole('button', { name: button }).click();
  await expect(banner(page, name)).toBeVisible();
  expect(new URL(page.url()).search).toBe('?demo');
}

test('the demo opens from the first-run page, works as an organizer, and leaves in one tap', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { name: '欢迎使用邻里' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '先看看演示社区' })).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
  await page.screenshot({ path: `${ARTIFACTS}first-run.png`, fullPage: true });
  const before = await realStorage(page);

  await openDemo(page);
  // The sample street: its activities and volunteers, every screen marked as a demo.
  await tab(page, '活动').click();
  await expect(banner(page)).toBeVisible();
  const activities = page.locator('main').getByRole('link');
  await expect.poll(() => activities.count()).toBeGreaterThan(3);
  // The sample's dates have passed: the demo's organizer published the latest three
  // again, ahead, so there is something to sign up for.
  await expect(page.getByRole('heading', { name: '即将开始' })).toBeVisible();
  await expect(page.locator('main').getByText('报名中')).toHaveCount(3);
  await page.screenshot({ path: `${ARTIFACTS}demo-banner.png` });
  await tab(page, '心愿').click();
  await expect(banner(page)).toBeVisible();

  // The demo device is the demo organizer: organizer mode without a PIN.
  await page.getByRole('link', { name: '管理模式' }).click();
  await expect(page.getByRole('button', { name: '退出管理模式' })).toBeVisible();
  await expect(banner(page)).toBeVisible();
  await page.getByRole('link', { name: '志愿者', exact: true }).click();
  await expect(banner(page)).toBeVisible();
  await expect.poll(() => page.locator('main').getByRole('listitem').count()).toBeGreaterThan(10);
  await registerVolunteer(page, { name: '试用者' });
  // No backup reminder for data that is nobody's.
  await expect(page.getByRole('region', { name: '备份提醒' })).toHaveCount(0);
  expect((await demoKeys(page)).length).toBeGreaterThan(10);

  // One tap removes it all and returns to the real app, as it was.
  await banner(page).getByRole('button', { name: '删除演示数据' }).click();
  await expect(page.getByRole('heading', { name: '欢迎使用邻里' })).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
  expect(new URL(page.url()).search).toBe('');
  expect(await demoKeys(page)).toEqual([]);
  expect(await realStorage(page)).toEqual(before);
});

test('a real community is untouched by opening, using and deleting the demo', async ({ page }) => {
  await openApp(page);
  await becomeOrganizer(page);
  await registerVolunteer(page, { name: '真实的人' });
  const before = await realStorage(page);
  expect(Object.keys(before.local).length).toBeGreaterThan(3);

  // A device with a community is not shown the first-run page; the demo's address
  // opens it anyway, and there only the demo may come in (no community is set up).
  await openApp(page, '/?demo');
  await expect(banner(page)).toBeVisible();
  await expect(page.getByRole('form', { name: '建立社区' })).toHaveCount(0);
  await openDemo(page);
  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('link', { name: '志愿者', exact: true }).click();
  await expect(page.getByRole('link', { name: /真实的人/ })).toHaveCount(0);
  await registerVolunteer(page, { name: '演示新人' });

  await banner(page).getByRole('button', { name: '删除演示数据' }).click();
  await expect(banner(page)).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  expect(await demoKeys(page)).toEqual([]);
  expect(await realStorage(page)).toEqual(before);
  // Still the real organizer's visit, with the real volunteer.
  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('link', { name: '志愿者', exact: true }).click();
  await expect(page.getByRole('link', { name: /真实的人/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /演示新人/ })).toHaveCount(0);
});

test('in English the demo says so in English', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Look around a demo community' })).toBeVisible();
  const before = await realStorage(page);
  await openDemo(page, 'Open the demo community', 'Demo community · the data is not real');
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await banner(page, 'Demo community · the data is not real')
    .getByRole('button', { name: 'Delete the demo data' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Linli' })).toBeVisible();
  expect(await demoKeys(page)).toEqual([]);
  expect(await realStorage(page)).toEqual(before);
});

test('once fetched, the demo opens again with the network cut', async ({ page, context }) => {
  await openApp(page);
  await serviceWorkerReady(page);
  // The worker serves the pages loaded after it took over.
  await page.reload();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await openDemo(page);
  await banner(page).getByRole('button', { name: '删除演示数据' }).click();
  await expect(page.getByRole('heading', { name: '欢迎使用邻里' })).toBeVisible();

  // The worker kept the copy it fetched (not at install: only who opens the demo pays).
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names[0]);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  expect(cached).toContain('/demo.json');
  await context.setOffline(true);
  await openDemo(page);
  await tab(page, '活动').click();
  await expect.poll(() => page.locator('main').getByRole('link').count()).toBeGreaterThan(3);
  await banner(page).getByRole('button', { name: '删除演示数据' }).click();
  await expect(page.getByRole('heading', { name: '欢迎使用邻里' })).toBeVisible();
  await context.setOffline(false);
});
