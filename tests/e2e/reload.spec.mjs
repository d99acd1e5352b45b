// A reload, or closing the tab, right after a tap: the action is there afterwards. The
// specs do not wait for the app's confirmation before reloading or closing; an app that
// saved later (debounced, on idle, on page hide) would lose these.
import { test, expect } from '@playwright/test';
import { openApp, becomeOrganizer, holdBack, registerVolunteer, awardPoints } from './helpers.mjs';
import { storedEvents, unlockOrganizer, openVolunteers } from './storage-helpers.mjs';

const ENGLISH = /\/linli-[0-9a-f]{16}-english\.wasm$/;

test('a volunteer registered right before a reload is there after it', async ({ page }) => {
  await openApp(page);
  await becomeOrganizer(page);
  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('link', { name: '志愿者', exact: true }).click();
  const form = page.getByRole('form', { name: '登记志愿者' });
  await form.getByLabel('姓名').fill('王小明');
  await form.getByRole('button', { name: '登记', exact: true }).click();
  await page.reload();

  await unlockOrganizer(page);
  const list = await openVolunteers(page);
  await expect(list.getByRole('link', { name: /王小明/ })).toBeVisible();
  expect((await storedEvents(page)).count).toBe(1);
});

test('an award right before a reload is there after it', async ({ page }) => {
  await openApp(page);
  await becomeOrganizer(page);
  await registerVolunteer(page, { name: '王小明' });
  await page.getByRole('link', { name: /王小明/ }).click();
  const form = page.getByRole('form', { name: '奖励积分' });
  await form.getByLabel('积分').fill('5');
  await form.getByLabel('原因').fill('扫雪除冰');
  await form.getByRole('button', { name: '奖励积分' }).click();
  await page.reload();

  await unlockOrganizer(page);
  const list = await openVolunteers(page);
  await list.getByRole('link', { name: /王小明/ }).click();
  await expect(page.getByTestId('volunteer-balance')).toHaveText('5');
  await expect(page.getByRole('list', { name: '积分明细' })).toContainText('扫雪除冰');
});

test('ten awards and a reversal tapped in a row, then the tab closed: all in a new tab', async ({ context }) => {
  const page = await context.newPage();
  await openApp(page);
  await becomeOrganizer(page);
  await registerVolunteer(page, { name: '王小明' });
  await page.getByRole('link', { name: /王小明/ }).click();
  await awardPoints(page, 100, '录入错误');
  const form = page.getByRole('form', { name: '奖励积分' });
  for (let i = 1; i <= 10; i++) {
    await form.getByLabel('积分').fill(String(i));
    await form.getByLabel('原因').fill(`第${i}次`);
    await form.getByRole('button', { name: '奖励积分' }).click();
  }
  const wrong = page.getByRole('list', { name: '积分明细' })
    .getByRole('listitem').filter({ hasText: '录入错误' });
  await wrong.getByRole('button', { name: '冲正此条' }).click();
  await wrong.getByLabel('冲正原因').fill('金额录错');
  await wrong.getByRole('button', { name: '确认冲正' }).click();
  await page.close();

  const next = await context.newPage();
  await openApp(next);
  await unlockOrganizer(next);
  const list = await openVolunteers(next);
  await list.getByRole('link', { name: /王小明/ }).click();
  // 1 + 2 + … + 10 = 55; the 100 was reversed.
  await expect(next.getByTestId('volunteer-balance')).toHaveText('55');
  const lines = next.getByRole('list', { name: '积分明细' }).getByRole('listitem');
  await expect(lines).toHaveCount(12);
  await expect(lines.filter({ hasText: '录入错误' })).toContainText('已冲正');
  const stored = await storedEvents(next);
  expect(stored.tags).toEqual({ register_volunteer: 1, award_points: 11, reverse_entry: 1 });
  expect(stored.distinct).toBe(stored.count);
});

test.describe(() => {
  // English's texts must come through the page's routes, not the service worker's cache.
  test.use({ serviceWorkers: 'block' });

  test('a language chosen right before a reload is kept, even before its texts have come', async ({ page }) => {
    await openApp(page);
    const release = await holdBack(page, ENGLISH);
    await page.getByRole('button', { name: 'English' }).click();
    await page.reload();
    release();
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  });

  test('a language whose texts cannot be fetched says so, and the choice goes back', async ({ page }) => {
    await page.route(ENGLISH, (route) => route.abort());
    await openApp(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('alert')).toHaveText(/邻里的其余部分还没能下载，请检查网络后再试一次。/);
    await expect(page.getByRole('button', { name: 'English' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  });
});
