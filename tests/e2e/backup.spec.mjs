// Moving data between devices: export a backup on one, import it on another; importing
// the same file again changes nothing; a file with bad records imports the good ones.
import { test, expect } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { openApp, becomeOrganizer, registerVolunteer, awardPoints } from './helpers.mjs';

async function exportBackup(page, testInfo) {
  await page.getByRole('link', { name: '管理模式' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出备份' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^linli-backup-\d{8}-\d{4}\.json$/);
  const path = testInfo.outputPath('backup.json');
  await download.saveAs(path);
  await expect(page.getByText(/^上次备份：/)).toBeVisible();
  return path;
}

test('a backup moves everything to another device, once', async ({ page, browser }, testInfo) => {
  await openApp(page);
  await becomeOrganizer(page);
  await registerVolunteer(page, { name: '王小明', phone: '13812341234' });
  await page.getByRole('link', { name: /王小明/ }).click();
  await awardPoints(page, 5, '扫雪除冰');
  const file = await exportBackup(page, testInfo);
  const backup = JSON.parse(await readFile(file, 'utf8'));
  expect(backup.format).toBe('linli-backup');
  expect(backup.events).toHaveLength(2);
  expect(JSON.stringify(backup)).not.toContain('"pin"');

  // Another device: a fresh browser context with empty storage.
  const other = await browser.newContext();
  const phone = await other.newPage();
  await openApp(phone);
  await becomeOrganizer(phone, '9999');
  await phone.getByRole('link', { name: '管理模式' }).click();
  await phone.getByLabel('导入备份文件').setInputFiles(file);
  await expect(phone.getByRole('status').filter({ hasText: '导入完成：新增 2 条，已有 0 条，未导入 0 条。' })).toBeVisible();
  await phone.getByLabel('导入备份文件').setInputFiles(file);
  await expect(phone.getByRole('status').filter({ hasText: '导入完成：新增 0 条，已有 2 条，未导入 0 条。' })).toBeVisible();
  await phone.getByRole('link', { name: '志愿者', exact: true }).click();
  await expect(phone.getByRole('link', { name: /王小明/ })).toContainText('5');
  // The PIN of the other device is its own.
  await phone.reload();
  await phone.getByRole('link', { name: '管理' }).click();
  await phone.getByLabel('管理密码').fill('2468');
  await phone.getByRole('button', { name: '进入' }).click();
  await expect(phone.getByRole('alert')).toContainText('密码不正确');
  await other.close();
});

test('bad records are listed one by one and the good ones import', async ({ page }, testInfo) => {
  const path = testInfo.outputPath('mixed.json');
  await writeFile(path, JSON.stringify({
    format: 'linli-backup', version: 1, events: [
      { id: 'a-1', at: 1795222800000, action: { t: 'register_volunteer', profile: { name: '李四' } } },
      { id: 'a-2', at: 1795222800001, action: { t: 'teleport' } },
      { id: 'a-3', at: 1795222800002, action: { t: 'award_points', volunteer: 'a-1', points: 300, reason: '巡逻' } },
    ],
  }));
  await openApp(page);
  await becomeOrganizer(page);
  await page.getByLabel('导入备份文件').setInputFiles(path);
  await expect(page.getByRole('alert')).toContainText('导入完成：新增 2 条，已有 0 条，未导入 1 条。');
  await expect(page.getByRole('listitem').filter({ hasText: /^第 2 条（a-2）：/ })).toBeVisible();
  await page.getByLabel('导入备份文件').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
  await expect(page.getByRole('alert')).toHaveText(/这不是邻里的备份文件。/);
});
