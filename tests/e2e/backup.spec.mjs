// Moving data between devices: export a backup on one, import it on another; importing
// the same file again changes nothing; a file with bad records imports the good ones.
import { test, expect } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { openApp, becomeOrganizer, registerVolunteer, awardPoints } from './helpers.mjs';
import { invitationLink, joinByLink, askAsOrganizer, approve, importFile } from './devices-helpers.mjs';

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

test('a backup moves everything to another organizer device of the community, once', async ({ page, browser }, testInfo) => {
  await openApp(page);
  await becomeOrganizer(page);
  await registerVolunteer(page, { name: '王小明', phone: '13812341234' });
  await page.getByRole('link', { name: /王小明/ }).click();
  await awardPoints(page, 5, '扫雪除冰');

  // Another device: a fresh browser context with empty storage joins by the link and
  // asks to be an organizer device, with a PIN of its own; the first device approves.
  const link = await invitationLink(page);
  const other = await browser.newContext();
  const office = await other.newPage();
  await joinByLink(office, link);
  const code = await askAsOrganizer(office, '办公室电脑', '9999');
  await approve(page, code);

  const file = await exportBackup(page, testInfo);
  const backup = JSON.parse(await readFile(file, 'utf8'));
  expect(backup).toMatchObject({ format: 'linli-backup', version: 2, scope: 'full' });
  expect(Object.keys(backup.segments).some((key) => key.startsWith('p/'))).toBe(true);
  // Neither the PIN nor any key's secret half is in a backup.
  expect(JSON.stringify(backup)).not.toMatch(/"pin"|"seed"|"sealed"|"secret"/);

  await importFile(office, file);
  await expect(office.getByRole('status').filter({ hasText: /^导入完成：新增 \d+ 条，已有 \d+ 条，未导入 0 条。/ })).toBeVisible();
  await importFile(office, file);
  await expect(office.getByRole('status').filter({ hasText: /^导入完成：新增 0 条，已有 \d+ 条，未导入 0 条。/ })).toBeVisible();
  // The office device is an organizer's now: it sees the full name and the points.
  await office.getByRole('link', { name: '志愿者', exact: true }).click();
  await expect(office.getByRole('link', { name: /王小明/ })).toContainText('5');
  // Its PIN is its own: a new tab there takes 9999, not the first device's 2468.
  const tab2 = await other.newPage();
  await openApp(tab2);
  await tab2.getByRole('link', { name: '管理', exact: true }).click();
  await tab2.getByLabel('管理密码').fill('2468');
  await tab2.getByRole('button', { name: '进入' }).click();
  await expect(tab2.getByRole('alert')).toContainText('密码不正确');
  await tab2.getByLabel('管理密码').fill('9999');
  await tab2.getByRole('button', { name: '进入' }).click();
  await expect(tab2.getByRole('button', { name: '退出管理模式' })).toBeVisible();
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
  // A file from before signing: the bad record is listed, the good ones wait unsigned
  // until the organizer says the file is their own.
  await expect(page.getByRole('alert')).toContainText('导入完成：新增 0 条，已有 0 条，未导入 1 条。');
  await expect(page.getByRole('alert')).toContainText('没有签名：2 条记录未导入');
  // Why, in Chinese: the reader's English reason is named by its kind.
  await expect(page.getByRole('listitem').filter({ hasText: /^第 2 条（a-2）：/ })).toHaveText('第 2 条（a-2）：不认识的记录类型“teleport”');
  await page.getByRole('button', { name: '是我自己的文件，接管这些记录' }).click();
  await expect(page.getByRole('status')).toContainText('已升级：2 条记录由这台设备签名接管');
  await page.getByRole('link', { name: '志愿者', exact: true }).click();
  await expect(page.getByRole('link', { name: /李四/ })).toContainText('3 积分');
  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByLabel('导入备份文件').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
  await expect(page.getByRole('alert')).toHaveText(/这不是邻里的备份文件。/);
});
