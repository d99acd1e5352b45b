// What a person sees when the browser's storage misbehaves: the app still starts, says
// what is wrong, and never writes over what it could not read.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { openApp, becomeOrganizer, registerVolunteer } from './helpers.mjs';

test('unreadable stored data is reported and kept untouched', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('linli/log/9/0', '{"v":1,"r":"9","e":[[1,5,{"t":"award_po');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await openApp(page);
  await expect(page.getByRole('status').filter({ hasText: '有 1 处已保存的数据无法读取' })).toBeVisible();
  await becomeOrganizer(page);
  await registerVolunteer(page, { name: '赵六' });
  const kept = await page.evaluate(() => localStorage.getItem('linli/log/9/0'));
  expect(kept).toBe('{"v":1,"r":"9","e":[[1,5,{"t":"award_po');

  // The recovery screen says what could not be read and hands over the raw text.
  await page.getByRole('link', { name: '查看详情' }).click();
  await expect(page.getByRole('heading', { name: '数据恢复' })).toBeVisible();
  const problems = page.getByRole('list', { name: '数据恢复' });
  await expect(problems).toContainText('linli/log/9/0');
  // The reason is in Chinese, not the English of the code's error (issue 16).
  const reason = (await problems.getByRole('listitem').first().textContent()).replace('linli/log/9/0', '');
  expect(reason).toMatch(/[\u4e00-\u9fff]/);
  expect(reason).not.toMatch(/[A-Za-z]/);
  const raw = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载原始数据' }).click();
  const file = JSON.parse(await readFile(await (await raw).path(), 'utf8'));
  expect(file.items['linli/log/9/0']).toBe('{"v":1,"r":"9","e":[[1,5,{"t":"award_po');
  await expect(page.getByLabel('导入备份文件')).toBeVisible();
});

test('unreadable preferences are kept, and a change that cannot be saved says so', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('linli/prefs', '{"lang": "en", "pin_fail');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await openApp(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('alert'))
    .toContainText("This device's preferences could not be read and are kept untouched: this change was not saved");
  expect(await page.evaluate(() => localStorage.getItem('linli/prefs'))).toBe('{"lang": "en", "pin_fail');
});

test('without storage the app runs in memory and says so', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await openApp(page);
  await expect(page.getByRole('status').filter({ hasText: '数据只保存在本次打开期间' })).toBeVisible();
  await becomeOrganizer(page);
  await registerVolunteer(page, { name: '钱七' });
  await expect(page.getByRole('link', { name: /钱七/ })).toBeVisible();
});

test('data from a newer version is shown but not changed', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('linli/meta', '{"schema":99}'));
  await openApp(page);
  await expect(page.getByRole('status').filter({ hasText: '本页面只能查看' })).toBeVisible();
  // Not even a community is founded over it: no key, no record written.
  await page.getByRole('link', { name: '管理' }).click();
  const form = page.getByRole('form', { name: '建立社区' });
  await form.getByLabel('社区名称').fill('幸福社区');
  await form.getByLabel('管理密码').fill('2468');
  await form.getByLabel('再次输入密码').fill('2468');
  await form.getByRole('button', { name: '建立社区' }).click();
  await expect(page.getByRole('alert')).toContainText('不能修改');
  await expect(page.getByRole('button', { name: '退出管理模式' })).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('linli/meta'))).toBe('{"schema":99}');
  expect(await page.evaluate(() => localStorage.getItem('linli/device'))).toBeNull();
  expect(await page.evaluate(() => localStorage.getItem('linli/community'))).toBeNull();
});
