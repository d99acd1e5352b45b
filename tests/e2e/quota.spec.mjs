// A full localStorage: the action that does not fit says so clearly (存储已满), nothing
// is half-written (the balance and the stored events are as before), and once space is
// freed the same action, tried again, succeeds and is kept.
import { test, expect } from '@playwright/test';
import { openApp, becomeOrganizer, registerVolunteer, awardPoints } from './helpers.mjs';
import { storedEvents, fillStorage, unlockOrganizer, openVolunteers } from './storage-helpers.mjs';

test('an award into a full storage is refused whole, and succeeds once space is freed', async ({ page }) => {
  await openApp(page);
  await becomeOrganizer(page);
  await registerVolunteer(page, { name: '王小明' });
  await page.getByRole('link', { name: /王小明/ }).click();
  await awardPoints(page, 5, '扫雪除冰');
  const before = await storedEvents(page);
  expect(before.count).toBe(2);

  const filler = await fillStorage(page);
  expect(filler).toBeGreaterThan(1_000_000);

  const form = page.getByRole('form', { name: '奖励积分' });
  await form.getByLabel('积分').fill('3');
  await form.getByLabel('原因').fill('巡逻');
  await form.getByRole('button', { name: '奖励积分' }).click();
  await expect(page.getByRole('alert')).toContainText('存储已满');
  await expect(page.getByRole('alert')).toContainText('本次操作没有保存');
  // Nothing half-done: not shown, not stored.
  await expect(page.getByTestId('volunteer-balance')).toHaveText('5');
  await expect(page.getByRole('list', { name: '积分明细' }).getByRole('listitem')).toHaveCount(1);
  const during = await storedEvents(page);
  expect(during.ids).toEqual(before.ids);
  // What was typed is kept for the retry.
  await expect(form.getByLabel('积分')).toHaveValue('3');
  await expect(form.getByLabel('原因')).toHaveValue('巡逻');

  await page.evaluate(() => localStorage.removeItem('e2e-filler'));
  await form.getByRole('button', { name: '奖励积分' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已奖励 3 积分' })).toBeVisible();
  await expect(page.getByTestId('volunteer-balance')).toHaveText('8');
  const after = await storedEvents(page);
  expect(after.count).toBe(3);
  expect(after.distinct).toBe(3);

  await page.reload();
  await unlockOrganizer(page);
  const list = await openVolunteers(page);
  await list.getByRole('link', { name: /王小明/ }).click();
  await expect(page.getByTestId('volunteer-balance')).toHaveText('8');
  await expect(page.getByRole('list', { name: '积分明细' }).getByRole('listitem')).toHaveCount(2);
});

test('registering a volunteer into a full storage is refused whole, then works', async ({ page }) => {
  await openApp(page);
  await becomeOrganizer(page);
  await registerVolunteer(page, { name: '王小明' });
  await fillStorage(page);

  const form = page.getByRole('form', { name: '登记志愿者' });
  await form.getByLabel('姓名').fill('李四');
  await form.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('存储已满');
  const list = page.getByRole('list', { name: '志愿者' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  expect((await storedEvents(page)).count).toBe(1);

  await page.evaluate(() => localStorage.removeItem('e2e-filler'));
  await form.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '已登记：李四' })).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  expect((await storedEvents(page)).count).toBe(2);
});
