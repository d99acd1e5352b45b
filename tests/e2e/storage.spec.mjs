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
  await expect(page.getByRole('list', { name: '数据恢复' })).toContainText('linli/log/9/0');
  const raw = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载原始数据' }).click();
  const file = JSON.parse(await readFile(await (await raw).path(), 'utf8'));
  expect(file.items['linli/log/9/0']).toBe('{"v":1,"r":"9","e":[[1,5,{"t":"award_po');
  await expect(page.getByLabel('导入备份文件')).toBeVisible();
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
  await becomeOrganizer(page);
  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('link', { name: '志愿者', exact: true }).click();
  const form = page.getByRole('form', { name: '登记志愿者' });
  await form.getByLabel('姓名').fill('孙八');
  await form.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('本页面不能修改');
  expect(await page.evaluate(() => localStorage.getItem('linli/meta'))).toBe('{"schema":99}');
});
