// The standalone page keeps its screen in location.hash. A hash that is not one of
// Linli's (a link's "#top", a bare "#") must not break it: it shows home instead.
import { test, expect } from '@playwright/test';
import { tab } from './helpers.mjs';

test('a hash that is not a screen shows home, on arrival and later', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/#top');
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await expect(page).toHaveURL(/#\/$/);
  await tab(page, '活动').click();
  await expect(page.getByRole('heading', { name: '志愿活动' })).toBeVisible();

  // A link on the page, or the address bar, leaves a foreign hash, then a bare one.
  await page.evaluate(() => { location.hash = 'comments'; });
  await expect(page).toHaveURL(/#\/$/);
  await tab(page, '心愿').click();
  await expect(page.getByRole('heading', { name: '心愿墙' })).toBeVisible();
  await page.evaluate(() => { location.hash = ''; });
  await tab(page, '活动').click();
  await expect(page.getByRole('heading', { name: '志愿活动' })).toBeVisible();
  expect(errors).toEqual([]);
});
