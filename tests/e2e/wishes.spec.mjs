// 微心愿: staff post a wish for a resident and publish it; a volunteer in the same
// building sees it first among suggestions with the reason, claims it and marks it
// fulfilled; staff confirm; points show on 我的 and the wall's count goes up; a second
// volunteer cannot claim it. Private details never reach the public pages.
import { test, expect } from '@playwright/test';
import { ARTIFACTS, openApp, becomeOrganizer, tab } from './helpers.mjs';

test.use({ timezoneId: 'Asia/Shanghai' });

async function register(page, { name, phone, building, skills }) {
  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('link', { name: '志愿者', exact: true }).click();
  const form = page.getByRole('form', { name: '登记志愿者' });
  await form.getByLabel('姓名').fill(name);
  await form.getByLabel('手机号').fill(phone);
  await form.getByLabel('网格').fill('第三网格');
  await form.getByLabel('楼栋').fill(building);
  if (skills) await form.getByLabel('技能（用逗号分隔）').fill(skills);
  await form.getByRole('button', { name: '登记', exact: true }).click();
}

async function chooseMe(page, label) {
  await tab(page, '我的').click();
  await page.getByLabel('选择志愿者').selectOption({ label });
}

test('post, suggest, claim, fulfil, confirm; the wall counts it', async ({ page, context }) => {
  await page.clock.install({ time: new Date('2026-12-01T08:00:00+08:00') });
  await openApp(page);
  await becomeOrganizer(page);
  await register(page, { name: '王小明', phone: '13812341234', building: '3号楼', skills: '维修' });
  await register(page, { name: '李四', phone: '13900001111', building: '5号楼' });

  await tab(page, '心愿').click();
  await page.getByRole('link', { name: '发布心愿' }).click();
  const form = page.getByRole('form', { name: '发布心愿' });
  await form.getByLabel('对象').selectOption({ label: '独居老人' });
  await form.getByLabel('称呼（如 独居老人 王奶奶）').fill('独居老人 王奶奶');
  await form.getByLabel('内部备注（仅管理员可见）').fill('王秀英 3号楼2单元301 13800000000');
  await form.getByLabel('类别').selectOption({ label: '服务' });
  // 心愿内容 takes several lines.
  expect(await form.getByLabel('心愿内容').evaluate((e) => e.tagName)).toBe('TEXTAREA');
  await form.getByLabel('心愿内容').fill('修理电风扇');
  await form.getByLabel('估价（元）').fill('50');
  await form.getByLabel('网格').fill('第三网格');
  await form.getByLabel('楼栋').fill('3号楼');
  await form.getByLabel('需要的技能（用逗号分隔，可不填）').fill('维修');
  await form.getByRole('button', { name: '发布心愿' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已提交心愿，待审核' })).toBeVisible();
  await page.getByRole('button', { name: '审核通过并发布' }).click();
  await expect(page.getByText('待认领', { exact: true })).toBeVisible();
  // 对象 says who, without repeating the kind the alias already names.
  await expect(page.getByRole('definition').filter({ hasText: '王奶奶' })).toHaveText('独居老人 王奶奶');

  // 王小明 lives in 3号楼 and repairs things: the wish is his first suggestion.
  await chooseMe(page, '王*明 138****1234');
  await tab(page, '心愿').click();
  const first = page.getByRole('list', { name: '为你推荐' }).getByRole('listitem').first();
  await expect(first).toContainText('修理电风扇');
  await expect(first).toContainText('同楼栋');
  await expect(first).toContainText('具备技能：维修');
  await expect(page.getByText('王秀英')).toHaveCount(0);
  await page.screenshot({ path: `${ARTIFACTS}wish-wall.png`, fullPage: true });
  await first.getByRole('link').click();
  await page.getByRole('button', { name: '认领心愿' }).click();
  await expect(page.getByRole('status')).toContainText('已认领，请在 2026-12-08');
  await page.getByRole('button', { name: '我已圆梦' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已标记圆梦' })).toBeVisible();
  // The page says it waits for the community, not that it is still only claimed.
  await expect(page.getByRole('note')).toContainText('标记圆梦，等待社区确认后点亮');
  await expect(page.getByText('你已经认领了这个心愿')).toHaveCount(0);
  // Not lit yet: the wall counts a wish once staff confirm it.
  await tab(page, '心愿').click();
  await expect(page.getByTestId('wall-counts')).toHaveText('今年已点亮 0 个心愿，帮助 0 位居民');
  await expect(page.getByRole('list', { name: '已圆梦，待确认' })).toContainText('修理电风扇');
  // 我的 lists the wish I claimed, and where it stands.
  await tab(page, '我的').click();
  await expect(page.getByRole('list', { name: '我认领的心愿' })).toContainText('修理电风扇');
  await expect(page.getByRole('list', { name: '我认领的心愿' })).toContainText('已圆梦，待确认');

  // A second volunteer cannot claim it.
  await chooseMe(page, '李* 139****1111');
  await tab(page, '心愿').click();
  await page.getByRole('link', { name: /修理电风扇/ }).first().click();
  await expect(page.getByRole('button', { name: '认领心愿' })).toHaveCount(0);
  await expect(page.getByRole('note')).toHaveText('这个心愿已被他人认领。');

  // Another tab, not in organizer mode, never sees the private note.
  const visitor = await context.newPage();
  await openApp(visitor, page.url().replace(/^.*#/, '/#'));
  await expect(visitor.getByRole('heading', { name: '修理电风扇' })).toBeVisible();
  await expect(visitor.getByText('王秀英')).toHaveCount(0);
  await visitor.close();

  // Staff confirm with a thank-you note; the points and the wall's count follow.
  await page.getByLabel('感谢留言（可不填）').fill('谢谢小王，风扇又转了');
  await page.getByRole('button', { name: '确认圆梦并发放积分' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已确认圆梦' })).toBeVisible();
  await expect(page.getByText('感谢：谢谢小王，风扇又转了')).toBeVisible();
  await chooseMe(page, '王*明 138****1234');
  await expect(page.getByTestId('my-balance')).toHaveText('5');
  await expect(page.getByRole('list', { name: '我认领的心愿' })).toContainText('已点亮');
  await tab(page, '心愿').click();
  await expect(page.getByTestId('wall-counts')).toHaveText('今年已点亮 1 个心愿，帮助 1 位居民');
});

test("a child's school or exact address is warned about and refused", async ({ page }) => {
  await openApp(page);
  await becomeOrganizer(page);
  await tab(page, '心愿').click();
  await page.getByRole('link', { name: '发布心愿' }).click();
  const form = page.getByRole('form', { name: '发布心愿' });
  await form.getByLabel('对象').selectOption({ label: '困境儿童' });
  await form.getByLabel('称呼（如 独居老人 王奶奶）').fill('小明同学');
  await form.getByLabel('心愿内容').fill('一个新书包，上东城小学用');
  await expect(form.getByRole('alert')).toContainText('请勿公开儿童的全名、学校或详细地址');
  await expect(form.getByLabel('心愿内容')).toHaveAccessibleDescription(/东城小学/);
  await form.getByRole('button', { name: '发布心愿' }).click();
  await expect(page.getByRole('heading', { name: '发布心愿' })).toBeVisible();
  await form.getByLabel('心愿内容').fill('一个新书包');
  await expect(form.getByRole('alert')).toHaveCount(0);
});

test("a child's real name from the private note, or a bare full name, is refused, every problem at once", async ({ page }) => {
  await page.clock.install({ time: new Date('2026-12-01T08:00:00+08:00') });
  await openApp(page);
  await becomeOrganizer(page);
  await tab(page, '心愿').click();
  await page.getByRole('link', { name: '发布心愿' }).click();
  const form = page.getByRole('form', { name: '发布心愿' });
  await form.getByLabel('对象').selectOption({ label: '困境儿童' });
  await form.getByLabel('内部备注（仅管理员可见）').fill('王小明，3号楼2单元301，奶奶 13800000000');
  await form.getByLabel('称呼（如 独居老人 王奶奶）').fill('困境儿童 小明');
  await form.getByLabel('心愿内容').fill('王小明，想要一套绘本');
  await form.getByLabel('心愿说明').fill('在东城小学读二年级');
  // Each public field says what is wrong with it, and the list names all three.
  await expect(form.getByLabel('称呼（如 独居老人 王奶奶）')).toHaveAccessibleDescription(/“小明”/);
  await expect(form.getByLabel('心愿内容')).toHaveAccessibleDescription(/“王小明”/);
  await expect(form.getByLabel('心愿说明')).toHaveAccessibleDescription(/东城小学/);
  const alert = form.getByRole('alert');
  await expect(alert.getByRole('listitem')).toHaveCount(3);
  await page.screenshot({ path: `${ARTIFACTS}wish-privacy.png`, fullPage: true });
  await form.getByRole('button', { name: '发布心愿' }).click();
  await expect(page.getByRole('heading', { name: '发布心愿' })).toBeVisible();
  await expect(form.getByLabel('称呼（如 独居老人 王奶奶）')).toBeFocused();

  // A bare full name is caught without a note, too.
  await form.getByLabel('内部备注（仅管理员可见）').fill('');
  await expect(form.getByLabel('称呼（如 独居老人 王奶奶）')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('心愿内容')).toHaveAccessibleDescription(/全名（“王小明”）/);

  await form.getByLabel('内部备注（仅管理员可见）').fill('王小明，3号楼2单元301');
  await form.getByLabel('称呼（如 独居老人 王奶奶）').fill('困境儿童 小雨同学');
  await form.getByLabel('心愿内容').fill('想要一套绘本');
  await form.getByLabel('心愿说明').fill('喜欢看恐龙的书');
  await expect(alert).toHaveCount(0);
  await form.getByRole('button', { name: '发布心愿' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已提交心愿，待审核' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '想要一套绘本' })).toBeVisible();
});
