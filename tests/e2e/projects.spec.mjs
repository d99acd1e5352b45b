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

/** Adds role number `n` in the project form's role editor. */
async function addRole(form, n, { name, slots, skills }) {
  await form.getByRole('button', { name: '＋ 添加岗位' }).click();
  const row = form.getByRole('group', { name: `岗位 ${n}` });
  await row.getByLabel('岗位名称').fill(name);
  await row.getByLabel('名额').fill(slots);
  if (skills) await row.getByLabel('所需技能（可不填，用逗号分隔）').fill(skills);
}

/** Adds need number `n` in the project form's need editor. */
async function addNeed(form, n, { name, amount, unit }) {
  await form.getByRole('button', { name: '＋ 添加需求' }).click();
  const row = form.getByRole('group', { name: `需求 ${n}` });
  await row.getByLabel('需求名称').fill(name);
  await row.getByLabel('数量').fill(amount);
  await row.getByLabel('计量单位').selectOption({ label: unit });
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
  await addRole(form, 1, { name: '电工', slots: '1', skills: '电工' });
  await addRole(form, 2, { name: '引导员', slots: '5' });
  await addNeed(form, 1, { name: '资金', amount: '5000', unit: '元' });
  await form.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存草稿：楼道照明改造' })).toBeVisible();
  await page.getByRole('button', { name: '发布招募' }).click();
  await expect(page.getByText('状态：招募中')).toBeVisible();

  // 王小明 takes the one electrician's place.
  await chooseMe(page, '王*明 138****1234');
  await openProject(page, '楼道照明改造');
  await page.getByRole('button', { name: '报名“电工”' }).click();
  await expect(page.getByText('我在“电工”：已入选')).toBeVisible();
  // 我的 lists the project beside the activity sign-ups.
  await tab(page, '我的').click();
  await expect(page.getByRole('list', { name: '我参加的项目' })).toContainText('楼道照明改造');
  await expect(page.getByRole('list', { name: '我参加的项目' })).toContainText('电工：已入选');

  // 李四 finds it full and waits.
  await chooseMe(page, '李* 139****1111');
  await openProject(page, '楼道照明改造');
  await page.getByRole('button', { name: '“电工”已满，加入候补' }).click();
  await expect(page.getByText('我在“电工”：候补第 1 位')).toBeVisible();

  // The office records the property company's pledge. The unit picker lists units
  // only, and the amount is cleared once pledged, so a second tap pledges nothing.
  const behalf = page.getByRole('region', { name: '代单位报名或认捐' });
  const picker = behalf.getByLabel('单位');
  await expect(picker.getByRole('option')).toHaveText(['（未选择）', '幸福里物业']);
  await picker.selectOption({ label: '幸福里物业' });
  await behalf.getByLabel('数量').fill('3000');
  await behalf.getByRole('button', { name: '认捐' }).click();
  await expect(page.getByText('资金：已认捐 3000 / 5000 元')).toBeVisible();
  await expect(behalf.getByLabel('数量')).toHaveValue('');

  // 王小明 withdraws before the deadline: 李四 moves up by himself.
  await chooseMe(page, '王*明 138****1234');
  await openProject(page, '楼道照明改造');
  await page.getByRole('button', { name: '退出“电工”' }).click();
  await page.getByRole('alertdialog', { name: '退出“电工”' }).getByRole('button', { name: '确认退出' }).click();
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
  // The fifth column is the unit of measure, not a second 需求.
  expect(csv.split('\r\n')[0]).toBe('\ufeff需求,单位,手机号,数量,计量单位,时间,撤回时间,积分');

  await chooseMe(page, '李* 139****1111');
  await expect(page.getByTestId('my-balance')).toHaveText('5');
  await page.getByRole('link', { name: '排行榜' }).click();
  await page.getByRole('button', { name: '累计' }).click();
  await expect(page.getByRole('list', { name: '单位排行' })).toContainText('幸福里物业');
  await expect(page.getByRole('list', { name: '单位排行' })).toContainText('10 积分');
});

test('the role editor adds and removes roles and needs, and marks what is missing', async ({ page }) => {
  await openApp(page);
  await becomeOrganizer(page);
  await tab(page, '项目').click();
  await page.getByRole('link', { name: '发起项目' }).click();
  const form = page.getByRole('form', { name: '发起项目' });
  await form.getByLabel('项目名称').fill('睦邻花园');
  await addRole(form, 1, { name: '园艺', slots: '4', skills: '园艺，绿化' });
  await addRole(form, 2, { name: '摄影', slots: '1' });
  await addRole(form, 3, { name: '后勤', slots: '2' });
  // Remove the second role: the third keeps what was typed in it.
  await form.getByRole('button', { name: '删除岗位 2' }).click();
  await expect(form.getByRole('group', { name: /^岗位 \d$/ })).toHaveCount(2);
  await expect(form.getByRole('group', { name: '岗位 2' }).getByLabel('岗位名称')).toHaveValue('后勤');
  await addNeed(form, 1, { name: '花苗', amount: '200', unit: '其他单位…' });
  await form.getByRole('group', { name: '需求 1' }).getByLabel('单位名称（如 箱、桌）').fill('株');
  await addNeed(form, 2, { name: '场地', amount: '', unit: '平方米' });
  await form.getByRole('region', { name: '岗位' }).screenshot({ path: `${ARTIFACTS}role-editor.png` });
  await form.getByRole('region', { name: '资源需求' }).screenshot({ path: `${ARTIFACTS}need-editor.png` });

  // Saving with the category, the place and an amount missing marks all three at once.
  await form.getByRole('button', { name: '保存草稿' }).click();
  await expect(form.getByLabel('类别')).toHaveAccessibleDescription('请填写类别。');
  await expect(form.getByLabel('地点')).toHaveAccessibleDescription('请填写地点。');
  await expect(form.getByRole('group', { name: '需求 2' }).getByLabel('数量')).toHaveAccessibleDescription('请填写数量。');
  await expect(form.getByRole('alert')).toContainText('还有 3 处需要修改');
  await expect(form.getByLabel('类别')).toBeFocused();
  await page.screenshot({ path: `${ARTIFACTS}role-editor-problems.png`, fullPage: true });

  await form.getByLabel('类别').fill('环境');
  await form.getByLabel('地点').fill('社区花园');
  await form.getByRole('group', { name: '需求 2' }).getByLabel('数量').fill('50');
  await form.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByRole('heading', { name: '睦邻花园' })).toBeVisible();
  await expect(page.getByText('园艺：已报 0 / 4')).toBeVisible();
  await expect(page.getByText('后勤：已报 0 / 2')).toBeVisible();
  await expect(page.getByText('摄影')).toHaveCount(0);
  await expect(page.getByText('花苗：已认捐 0 / 200 株')).toBeVisible();
  await expect(page.getByText('场地：已认捐 0 / 50 平方米')).toBeVisible();
});

test('assigning with no unit chosen says to choose first', async ({ page }) => {
  await openApp(page);
  await becomeOrganizer(page);
  await tab(page, '项目').click();
  await page.getByRole('link', { name: '发起项目' }).click();
  const form = page.getByRole('form', { name: '发起项目' });
  await form.getByLabel('项目名称').fill('楼道照明改造');
  await form.getByLabel('类别').fill('环境');
  await form.getByLabel('地点').fill('3号楼');
  await addRole(form, 1, { name: '引导员', slots: '5' });
  await form.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByRole('heading', { name: '楼道照明改造' })).toBeVisible();

  // The unit list still says (未选择): tapping 代单位报名 says what is missing.
  const behalf = page.getByRole('region', { name: '代单位报名或认捐' });
  await behalf.getByRole('button', { name: '代单位报名' }).click();
  await expect(page.getByRole('alert')).toContainText('请先选择单位。');
});

test('needs my skills and my projects list what the domain finds', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-12-01T08:00:00+08:00') });
  await openApp(page);
  await becomeOrganizer(page);
  await registerVolunteer(page, { name: '王小明', phone: '13812341234', skills: '电工' });
  for (const [title, role] of [
    ['楼道照明改造', { name: '电工', slots: '1', skills: '电工' }],
    ['社区义诊', { name: '急救', slots: '2', skills: '急救' }],
  ]) {
    await tab(page, '项目').click();
    await page.getByRole('link', { name: '发起项目' }).click();
    const form = page.getByRole('form', { name: '发起项目' });
    await form.getByLabel('项目名称').fill(title);
    await form.getByLabel('类别').fill('环境');
    await form.getByLabel('地点').fill('3号楼');
    await addRole(form, 1, role);
    await form.getByRole('button', { name: '保存草稿' }).click();
    await expect(page.getByRole('status').filter({ hasText: `已保存草稿：${title}` })).toBeVisible();
    await page.getByRole('button', { name: '发布招募' }).click();
    await expect(page.getByText('状态：招募中')).toBeVisible();
  }

  await chooseMe(page, '王*明 138****1234');
  await expect(page.getByText('未评星')).toBeVisible();
  await tab(page, '项目').click();
  const list = page.getByRole('list', { name: '共建项目' });
  await page.getByRole('button', { name: '需要我的技能' }).click();
  await expect(list.getByRole('link', { name: /楼道照明改造/ })).toBeVisible();
  await expect(list.getByRole('link', { name: /社区义诊/ })).toHaveCount(0);
  await page.getByRole('button', { name: '我的项目' }).click();
  await expect(page.getByText('没有符合条件的项目。')).toBeVisible();

  await page.getByRole('button', { name: '全部' }).click();
  await openProject(page, '楼道照明改造');
  await page.getByRole('button', { name: '报名“电工”' }).click();
  await expect(page.getByText('我在“电工”：已入选')).toBeVisible();
  await tab(page, '项目').click();
  await page.getByRole('button', { name: '我的项目' }).click();
  await expect(list.getByRole('link', { name: /楼道照明改造/ })).toBeVisible();
  await expect(list.getByRole('link', { name: /社区义诊/ })).toHaveCount(0);
  // The only 电工 slot is taken: nothing needs my skills any more.
  await page.getByRole('button', { name: '需要我的技能' }).click();
  await expect(list).toHaveCount(0);
});
