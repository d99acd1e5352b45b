// Forms, as a busy organizer fills them on a phone: required fields are marked; a submit
// with several mistakes shows every one beside its field at once (and a list above the
// button), focuses the first, and saves nothing; default times are sensible.
import { test, expect } from '@playwright/test';
import { ARTIFACTS, openApp, becomeOrganizer, tab } from './helpers.mjs';
import { storedEvents } from './storage-helpers.mjs';

test.use({ timezoneId: 'Asia/Shanghai' });

test('the activity form marks every mistake at once and focuses the first', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-12-01T22:40:00+08:00') });
  await openApp(page);
  await becomeOrganizer(page);
  await tab(page, '活动').click();
  await page.getByRole('link', { name: '发布活动' }).click();
  const form = page.getByRole('form', { name: '发布活动' });
  // Late in the evening the default is still tomorrow morning, 09:00–11:00.
  await expect(form.getByLabel('开始时间')).toHaveValue('2026-12-02T09:00');
  await expect(form.getByLabel('结束时间')).toHaveValue('2026-12-02T11:00');
  // Required fields say so.
  await expect(form.getByLabel('活动名称')).toHaveAttribute('aria-required', 'true');
  await expect(form.getByText('带 * 的为必填项。')).toBeVisible();

  await form.getByLabel('名额').fill('十个');
  await form.getByLabel('结束时间').fill('2026-12-02T08:00');
  const before = (await storedEvents(page)).count;
  await form.getByRole('button', { name: '发布' }).click();
  await expect(form.getByLabel('活动名称')).toHaveAccessibleDescription('请填写活动名称。');
  await expect(form.getByLabel('类别')).toHaveAccessibleDescription('请填写类别。');
  await expect(form.getByLabel('地点')).toHaveAccessibleDescription('请填写地点。');
  await expect(form.getByLabel('结束时间')).toHaveAccessibleDescription('结束时间应晚于开始时间。');
  await expect(form.getByLabel('名额')).toHaveAccessibleDescription('名额应为数字。');
  await expect(form.getByRole('alert')).toContainText('还有 5 处需要修改');
  await expect(form.getByLabel('活动名称')).toBeFocused();
  await page.screenshot({ path: `${ARTIFACTS}form-problems.png` });
  expect((await storedEvents(page)).count).toBe(before);

  // Fixing them publishes, and the marks go.
  await form.getByLabel('活动名称').fill('社区清扫');
  await form.getByLabel('类别').fill('环境');
  await form.getByLabel('地点').fill('3号楼前');
  await form.getByLabel('名额').fill('10');
  await form.getByLabel('结束时间').fill('2026-12-02T11:00');
  await form.getByRole('button', { name: '发布' }).click();
  await expect(page.getByRole('heading', { name: '社区清扫' })).toBeVisible();
});

test('a rule the domain keeps (sign-up closing after the start) lands beside its field', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-12-01T08:00:00+08:00') });
  await openApp(page);
  await becomeOrganizer(page);
  await tab(page, '活动').click();
  await page.getByRole('link', { name: '发布活动' }).click();
  const form = page.getByRole('form', { name: '发布活动' });
  await form.getByLabel('活动名称').fill('社区清扫');
  await form.getByLabel('类别').fill('环境');
  await form.getByLabel('地点').fill('3号楼前');
  await form.getByLabel(/^报名截止/).fill('2026-12-02T10:00');
  await form.getByRole('button', { name: '发布' }).click();
  await expect(form.getByLabel(/^报名截止/)).toHaveAccessibleDescription('报名应在活动开始前截止。');
  await expect(form.getByLabel(/^报名截止/)).toBeFocused();
});

test('registration, units and perks mark their fields too', async ({ page }) => {
  await openApp(page);
  await becomeOrganizer(page);
  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('link', { name: '志愿者', exact: true }).click();
  const register = page.getByRole('form', { name: '登记志愿者' });
  await register.getByLabel('手机号').fill('1234');
  await register.getByRole('button', { name: '登记', exact: true }).click();
  await expect(register.getByLabel('姓名')).toHaveAccessibleDescription('请填写姓名。');
  await expect(register.getByLabel('手机号')).toHaveAccessibleDescription('手机号格式不正确。');
  await expect(register.getByLabel('姓名')).toBeFocused();

  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('link', { name: '共建单位' }).click();
  await page.getByRole('button', { name: '登记单位' }).click();
  const unit = page.getByRole('form', { name: '登记单位' });
  await unit.getByRole('button', { name: '登记' }).click();
  await expect(unit.getByLabel('单位名称')).toHaveAccessibleDescription('请填写单位名称。');

  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('link', { name: '积分超市' }).click();
  await page.getByRole('button', { name: '上架礼遇' }).click();
  const perk = page.getByRole('form', { name: '上架礼遇' });
  await perk.getByLabel('所需积分').fill('三');
  await perk.getByLabel('数量').fill('');
  await perk.getByRole('button', { name: '上架礼遇' }).click();
  await expect(perk.getByLabel('礼遇名称')).toHaveAccessibleDescription('请填写礼遇名称。');
  await expect(perk.getByLabel('所需积分')).toHaveAccessibleDescription('所需积分应为数字，例如 5 或 2.5。');
  await expect(perk.getByLabel('数量')).toHaveAccessibleDescription('请填写数量。');
  await expect(perk.getByRole('alert')).toContainText('还有 3 处需要修改');
});

test('in English too', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('link', { name: 'Organizer' }).click();
  const setUp = page.getByRole('form', { name: 'Set up the community' });
  await setUp.getByLabel('Community name').fill('Harmony Street');
  await setUp.getByLabel('Organizer PIN').fill('2468');
  await setUp.getByLabel('PIN again').fill('2468');
  await setUp.getByRole('button', { name: 'Set up the community' }).click();
  await expect(page.getByRole('button', { name: 'Leave organizer mode' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Activities' }).click();
  await page.getByRole('link', { name: 'New activity' }).click();
  const form = page.getByRole('form', { name: 'New activity' });
  await form.getByRole('button', { name: 'Publish' }).click();
  await expect(form.getByLabel('Title')).toHaveAccessibleDescription('Please fill in the title.');
  await expect(form.getByRole('alert')).toContainText('3 field(s) need changing');
});
