// The roster at the event, as an organizer taps it on a phone: two quick taps on 签到
// check someone in, not in and straight out; a check-in before the start asks and says
// the hours count from the start; a check-out under the presence share says so, and the
// organizer confirms the minutes they saw, which show as hours on the volunteer's page.
import { test, expect } from '@playwright/test';
import { ARTIFACTS, openApp, becomeOrganizer, registerVolunteer, publishActivity, tab } from './helpers.mjs';

test.use({ timezoneId: 'Asia/Shanghai' });

/** Opens the activity again, so the screen is drawn at the clock's new time. */
async function reopen(page, title) {
  await tab(page, '活动').click();
  await page.getByRole('link', { name: new RegExp(title) }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

async function signUp(page, label, title) {
  await tab(page, '我的').click();
  await page.getByLabel('选择志愿者').selectOption({ label });
  await tab(page, '活动').click();
  await page.getByRole('link', { name: new RegExp(title) }).click();
  await page.getByRole('button', { name: '报名', exact: true }).click();
  await expect(page.getByText('我的状态：已报名')).toBeVisible();
}

test('quick taps, an early check-in, and minutes confirmed under the presence share', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-12-01T08:00:00+08:00') });
  await openApp(page);
  await becomeOrganizer(page);
  await registerVolunteer(page, { name: '王小明', phone: '13812341234' });
  await registerVolunteer(page, { name: '李四', phone: '13900001111' });
  // Tomorrow 09:00–11:00 by default; present 60% (72 minutes) to count.
  await publishActivity(page, { title: '社区清扫' });
  await signUp(page, '王*明 138****1234', '社区清扫');
  await signUp(page, '李* 139****1111', '社区清扫');
  const roster = page.getByRole('list', { name: '签到名单' });
  const wang = roster.getByRole('listitem', { name: '王小明' });
  const li = roster.getByRole('listitem', { name: '李四' });

  // 08:30, before the start: checking in asks, and says the hours count from 09:00.
  await page.clock.setFixedTime(new Date('2026-12-02T08:30:00+08:00'));
  await reopen(page, '社区清扫');
  await expect(page.getByRole('region', { name: '签到名单' }).getByRole('note').first()).toContainText('开始前签到的，服务时长从开始时计算');
  await li.getByRole('button', { name: '签到' }).click();
  await expect(li.getByRole('alertdialog')).toContainText('活动 2026-12-02 09:00 才开始。现在为 李四 签到吗？开始前的时间不计入服务时长。');
  await li.getByRole('button', { name: '确认签到' }).click();
  await expect(li).toContainText('08:30 已签到');

  // 09:00: two quick taps on 签到 check 王小明 in, and only in.
  await page.clock.setFixedTime(new Date('2026-12-02T09:00:00+08:00'));
  await reopen(page, '社区清扫');
  await wang.getByRole('button', { name: '签到' }).dblclick();
  await expect(wang).toContainText('09:00 已签到');
  await expect(wang.getByRole('button', { name: '签退' })).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}roster.png`, fullPage: true });

  // 李四 leaves at 09:30: 30 minutes is under the 72 required, and the roster says so.
  await page.clock.setFixedTime(new Date('2026-12-02T09:30:00+08:00'));
  await li.getByRole('button', { name: '签退' }).dblclick();
  await expect(li).toContainText('09:30 已签退，在场 30 分钟');
  await expect(li.getByRole('note')).toContainText('在场 30 分钟，不足要求的 72 分钟（60%）');
  // Confirming as checked asks first: it would count no hours.
  await li.getByRole('button', { name: '确认时长' }).click();
  await expect(li.getByRole('alertdialog')).toContainText('不计时长');
  await li.getByRole('button', { name: '取消', exact: true }).click();
  // The organizer saw him serve 90 minutes (he came back) and confirms that.
  const minutes = li.getByLabel('实际服务分钟数（最多 120）');
  await minutes.fill('500');
  await li.getByRole('button', { name: '按所填分钟确认' }).click();
  await expect(minutes).toHaveAccessibleDescription('时长最多 120 分钟（活动时长）。');
  await minutes.fill('90');
  await li.getByRole('button', { name: '按所填分钟确认' }).click();
  await expect(li).toContainText('已确认 1.5 小时，+1.5 积分');
  await expect(li.getByRole('note')).toHaveCount(0);
  await page.screenshot({ path: `${ARTIFACTS}roster-confirmed.png`, fullPage: true });

  // The hours show on the organizer's page of the volunteer.
  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('link', { name: '志愿者', exact: true }).click();
  await page.getByRole('link', { name: /李四/ }).click();
  await expect(page.getByTestId('volunteer-hours')).toHaveText('1.5 小时');
});
