// Times are China's time everywhere (UTC+8): on screen, in the form's inputs and in the
// CSV files, even on a device set to another zone. A new activity starts tomorrow at
// 09:00 and ends at 11:00 by default.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { openApp, becomeOrganizer, registerVolunteer, tab } from './helpers.mjs';

// A phone set to New York: 13 hours behind Beijing in December.
test.use({ timezoneId: 'America/New_York' });

test('a device in another zone shows and writes China time', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-12-01T20:30:00+08:00') });
  await openApp(page);
  await becomeOrganizer(page);
  await registerVolunteer(page, { name: '李四', number: 'V002' });

  await tab(page, '活动').click();
  await page.getByRole('link', { name: '发布活动' }).click();
  const form = page.getByRole('form', { name: '发布活动' });
  // Tomorrow in Beijing, 09:00–11:00 (not 23:00, not the device's own date).
  await expect(form.getByLabel('开始时间')).toHaveValue('2026-12-02T09:00');
  await expect(form.getByLabel('结束时间')).toHaveValue('2026-12-02T11:00');
  await form.getByLabel('活动名称').fill('社区清扫');
  await form.getByLabel('类别').fill('环境');
  await form.getByLabel('地点').fill('3号楼前');
  await form.getByRole('button', { name: '发布' }).click();
  await expect(page.getByRole('heading', { name: '社区清扫' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: '2026-12-02 09:00' }).first()).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: '2026-12-02 11:00' })).toBeVisible();

  // Sign up, check in at 09:00 and out at 11:00 Beijing time, confirm.
  await tab(page, '我的').click();
  await page.getByLabel('选择志愿者').selectOption({ label: '李*' });
  await tab(page, '活动').click();
  await page.getByRole('link', { name: /社区清扫/ }).click();
  await page.getByRole('button', { name: '报名', exact: true }).click();
  await page.clock.setFixedTime(new Date('2026-12-02T09:00:00+08:00'));
  await page.getByLabel('扫码或输入志愿者编号、手机号签到').fill('V002');
  await page.getByRole('button', { name: '签到', exact: true }).first().click();
  await page.clock.setFixedTime(new Date('2026-12-02T11:00:00+08:00'));
  const roster = page.getByRole('list', { name: '签到名单' });
  await roster.getByRole('button', { name: '签退' }).click();
  await roster.getByRole('button', { name: '确认时长' }).click();
  await expect(roster).toContainText('已确认 2 小时');

  // The CSV says the same hours as the screen.
  await page.getByRole('link', { name: '管理模式' }).click();
  const sheet = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出服务时长' }).click();
  const csv = await readFile(await (await sheet).path(), 'utf8');
  expect(csv).toContain('2026-12-02 09:00,社区清扫,李四');
});
