// Volunteer activities, as people do them: an organizer publishes; a volunteer signs up
// on their phone; the activity fills and the next volunteer waits; a cancellation moves
// them up; at the event the organizer checks in and out and confirms; the points and
// hours show on 我的. The browser's clock is set, so the test does not depend on today.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { ARTIFACTS, openApp, becomeOrganizer, registerVolunteer, publishActivity, tab } from './helpers.mjs';

test.use({ timezoneId: 'Asia/Shanghai' });

async function chooseMe(page, label) {
  await tab(page, '我的').click();
  await page.getByLabel('选择志愿者').selectOption({ label });
}

async function openActivity(page, title) {
  await tab(page, '活动').click();
  await page.getByRole('link', { name: new RegExp(title) }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

test('sign up, wait, move up, check in and out, confirm, points on 我的', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-12-01T08:00:00+08:00') });
  await openApp(page);
  await becomeOrganizer(page);
  await registerVolunteer(page, { name: '王小明', phone: '13812341234', number: 'V001' });
  await registerVolunteer(page, { name: '李四', phone: '13900001111', number: 'V002' });

  // The organizer publishes an activity with one place, tomorrow 09:00–11:00.
  await tab(page, '活动').click();
  await page.getByRole('link', { name: '发布活动' }).click();
  const form = page.getByRole('form', { name: '发布活动' });
  await form.getByLabel('活动名称').fill('社区清扫');
  await form.getByLabel('类别').fill('环境');
  await form.getByLabel('地点').fill('3号楼前');
  await form.getByLabel('名额').fill('1');
  await expect(form.getByLabel('开始时间')).toHaveValue('2026-12-02T09:00');
  await form.getByRole('button', { name: '发布' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已发布 1 个活动' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '社区清扫' })).toBeVisible();

  // 王小明 signs up and takes the one place.
  await chooseMe(page, '王*明 138****1234');
  await openActivity(page, '社区清扫');
  await page.getByRole('button', { name: '报名', exact: true }).click();
  await expect(page.getByText('我的状态：已报名')).toBeVisible();

  // 李四 finds it full and joins the waitlist.
  await chooseMe(page, '李* 139****1111');
  await openActivity(page, '社区清扫');
  await page.getByRole('button', { name: '名额已满，加入候补' }).click();
  await expect(page.getByText('我的状态：候补第 1 位')).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}activity-waitlist.png`, fullPage: true });

  // 王小明 cancels in time: 李四 moves up by himself.
  await chooseMe(page, '王*明 138****1234');
  await openActivity(page, '社区清扫');
  await page.getByRole('button', { name: '取消报名' }).click();
  await expect(page.getByRole('alertdialog', { name: '取消报名' })).toContainText('取消 王*明 在“社区清扫”（2026-12-02 09:00）的报名？');
  await page.getByRole('button', { name: '确认取消报名' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已取消报名' })).toBeVisible();
  const roster = page.getByRole('list', { name: '签到名单' });
  await expect(roster.getByRole('listitem').filter({ hasText: '李四' })).toContainText('已报名');

  // At the event: check in by typed number at 09:00, out at 11:00, confirm.
  await page.clock.setFixedTime(new Date('2026-12-02T09:00:00+08:00'));
  await page.getByLabel('扫码或输入志愿者编号、手机号签到').fill('V002');
  await page.getByRole('button', { name: '签到', exact: true }).first().click();
  await expect(page.getByRole('status').filter({ hasText: '李四 已签到' })).toBeVisible();
  await page.clock.setFixedTime(new Date('2026-12-02T11:00:00+08:00'));
  await roster.getByRole('listitem').filter({ hasText: '李四' }).getByRole('button', { name: '签退' }).click();
  await roster.getByRole('listitem').filter({ hasText: '李四' }).getByRole('button', { name: '确认时长' }).click();
  await expect(roster.getByRole('listitem').filter({ hasText: '李四' })).toContainText('已确认 2 小时，+2 积分');
  await page.screenshot({ path: `${ARTIFACTS}activity-roster.png`, fullPage: true });

  // 王小明, who gave his place back, is told why he cannot sign up now.
  await expect(page.getByRole('note')).toHaveText('活动已结束。');

  // 李四 sees the points and the hours on 我的.
  await chooseMe(page, '李* 139****1111');
  await expect(page.getByTestId('my-balance')).toHaveText('2');
  await expect(page.getByTestId('my-hours')).toHaveText('2 小时');
  await expect(page.getByRole('list', { name: '我的报名' })).toContainText('已确认 2 小时，+2 积分');
  await page.screenshot({ path: `${ARTIFACTS}me-after-activity.png`, fullPage: true });

  // Records out: my sign-ups as a calendar file, and a printable service record.
  const calendarFile = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载我的报名日历（.ics）' }).click();
  const ics = await readFile(await (await calendarFile).path(), 'utf8');
  expect(ics).toContain('SUMMARY:社区清扫\r\n');
  expect(ics).toContain('DTSTART:20261202T010000Z\r\n');
  await page.getByRole('link', { name: '打印服务记录' }).click();
  await expect(page.getByRole('heading', { name: '志愿服务记录（平台记录）' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '社区清扫' })).toContainText('3号楼前');
  await expect(page.getByText('非全国志愿服务信息系统证明')).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}service-record.png`, fullPage: true });

  // The office exports the hours for Excel.
  await page.getByRole('link', { name: '管理模式' }).click();
  const sheet = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出服务时长' }).click();
  const csv = await readFile(await (await sheet).path(), 'utf8');
  expect(csv.startsWith('\ufeff活动时间,活动,志愿者')).toBe(true);
  expect(csv).toContain('2026-12-02 09:00,社区清扫,李四,V002,2,2,2\r\n');
});

test('calling an activity off needs a reason and asks first, saying who is signed up', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-12-01T08:00:00+08:00') });
  await openApp(page);
  await becomeOrganizer(page);
  await registerVolunteer(page, { name: '王小明', phone: '13812341234' });
  await publishActivity(page, { title: '旧衣回收' });
  await chooseMe(page, '王*明 138****1234');
  await openActivity(page, '旧衣回收');
  await page.getByRole('button', { name: '报名', exact: true }).click();

  const cancel = page.getByRole('form', { name: '取消活动' });
  await cancel.getByRole('button', { name: '取消活动' }).click();
  await expect(cancel.getByLabel('取消原因')).toHaveAccessibleDescription('请填写原因。');
  await cancel.getByLabel('取消原因').fill('暴雨');
  await cancel.getByRole('button', { name: '取消活动' }).dblclick();
  const ask = cancel.getByRole('alertdialog', { name: '取消活动' });
  await expect(ask).toContainText('取消活动“旧衣回收”？已报名的 1 人会看到活动已取消，不能恢复。');
  await expect(page.getByText('活动已取消：暴雨')).toHaveCount(0);
  await ask.getByRole('button', { name: '确认取消活动' }).click();
  await expect(page.getByText('活动已取消：暴雨')).toBeVisible();
});
