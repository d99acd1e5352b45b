// 共建项目: an organizer opens a project with two roles and a funding need; a volunteer
// joins; a unit pledges; the role fills and the next volunteer waits; a withdrawal moves
// them up; completion credits points and unit points, shown on 我的 and the ranking.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { ARTIFACTS, openApp, becomeOrganizer, registerVolunteer, tab } from './helpers.mjs';

test.use({ timezoneId: 'Asia/Shanghai' });

async function chooseMe(page, label) {
  await tab(page, '我的').click();
  await page.getByLabel('选择志愿者').selectOption({ label });
}

async function openProject(page, title) {
  await tab(page, '项目').click();
  await page.getByRole('link', { name: new RegExp(title) }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

test('join, pledge, wait, move up, complete, credit people and units', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-12-01T08:00:00+08:00') });
  await openApp(page);
  await becomeOrganizer(page);
  await registerVolunteer(page, { name: '王小明', phone: '13812341234', skills: '电工' });
  await registerVolunteer(page, { name: '李四', phone: '13900001111', skills: '电工，急救' });
  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('link', { name: '共建单位' }).click();
  await page.getByRole('button', { name: '登记单位' }).click();
  await page.getByLabel('单位名称').fill('幸福里物业');
  await page.getByRole('button', { name: '登记', exact: true }).click();

  // The organizer drafts the project and opens it for sign-up.
  await tab(page, '项目').click();
  await page.getByRole('link', { name: '发起项目' }).click();
  const form = page.getByRole('form', { name: '发起项目' });
  await form.getByLabel('项目名称').fill('楼道照明改造');
  await form.getByLabel('类别').fill('环境');
  await form.getByLabel('地点').fill('3号楼');
  await form.getByLabel(/^岗位/).fill('电工:1:电工; 引导员:5');
  await form.getByLabel(/^需求/).fill('资金:5000:元');
  await form.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存草稿：楼道照明改造' })).toBeVisible();
  await page.getByRole('button', { name: '发布招募' }).click();
  await expect(page.getByText('状态：招募中')).toBeVisible();

  // 王小明 takes the one electrician's place.
  await chooseMe(page, '王*明 138****1234');
  await openProject(page, '楼道照明改造');
  await page.getByRole('button', { name: '报名“电工”' }).click();
  await expect(page.getByText('我在“电工”：已入选')).toBeVisible();

  // 李四 finds it full and waits.
  await chooseMe(page, '李* 139****1111');
  await openProject(page, '楼道照明改造');
  await page.getByRole('button', { name: '“电工”已满，加入候补' }).click();
  await expect(page.getByText('我在“电工”：候补第 1 位')).toBeVisible();

  // The office records the property company's pledge.
  const behalf = page.getByRole('region', { name: '代单位报名或认捐' });
  await behalf.getByLabel('单位').selectOption({ label: '幸福里物业' });
  await behalf.getByLabel('数量').fill('3000');
  await behalf.getByRole('button', { name: '认捐' }).click();
  await expect(page.getByText('资金：已认捐 3000 / 5000 元')).toBeVisible();

  // 王小明 withdraws before the deadline: 李四 moves up by himself.
  await chooseMe(page, '王*明 138****1234');
  await openProject(page, '楼道照明改造');
  await page.getByRole('button', { name: '退出“电工”' }).click();
  const people = page.getByRole('region', { name: '参与者' });
  await expect(people.getByRole('listitem').filter({ hasText: '李四' })).toContainText('已入选');
  await page.screenshot({ path: `${ARTIFACTS}project.png`, fullPage: true });

  // Start, complete, confirm: points for 李四, unit points for the company.
  await page.getByRole('button', { name: '开始实施' }).click();
  await page.getByRole('button', { name: '完成项目' }).click();
  await page.getByRole('button', { name: '确认参与并发放积分' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已确认 2 位参与者' })).toBeVisible();

  const sheet = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出认捐' }).click();
  const csv = await readFile(await (await sheet).path(), 'utf8');
  expect(csv).toContain('资金,幸福里物业');

  await chooseMe(page, '李* 139****1111');
  await expect(page.getByTestId('my-balance')).toHaveText('5');
  await page.getByRole('link', { name: '排行榜' }).click();
  await page.getByRole('button', { name: '累计' }).click();
  await expect(page.getByRole('list', { name: '单位排行' })).toContainText('幸福里物业');
  await expect(page.getByRole('list', { name: '单位排行' })).toContainText('10 积分');
});

test('assigning with nobody chosen says to choose first', async ({ page }) => {
  await openApp(page);
  await becomeOrganizer(page);
  await tab(page, '项目').click();
  await page.getByRole('link', { name: '发起项目' }).click();
  const form = page.getByRole('form', { name: '发起项目' });
  await form.getByLabel('项目名称').fill('楼道照明改造');
  await form.getByLabel('类别').fill('环境');
  await form.getByLabel('地点').fill('3号楼');
  await form.getByLabel(/^岗位/).fill('引导员:5');
  await form.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存草稿：楼道照明改造' })).toBeVisible();

  // The unit list still says (未选择): tapping 代单位报名 says what is missing.
  const behalf = page.getByRole('region', { name: '代单位报名或认捐' });
  await behalf.getByRole('button', { name: '代单位报名' }).click();
  await expect(page.getByRole('alert')).toContainText('请先选择要报名的单位或志愿者。');
});
