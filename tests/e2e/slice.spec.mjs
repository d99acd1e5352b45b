// The foundation's vertical slice, as people do it on a phone: an organizer registers a
// volunteer and awards points with a reason; the volunteer sees balance and statement;
// a wrong award is reversed and both entries show; a reload keeps everything; a second
// tab sees changes without reloading.
import { test, expect } from '@playwright/test';
import {
  ARTIFACTS, openApp, becomeOrganizer, registerVolunteer, awardPoints, statement,
} from './helpers.mjs';

test('award, reverse, see it on 我的, reload, and a second tab follows', async ({ page, context }) => {
  await openApp(page);
  await becomeOrganizer(page);
  await registerVolunteer(page, { name: '王小明', phone: '13812341234', number: 'V001' });

  await page.getByRole('link', { name: /王小明/ }).click();
  await expect(page.getByRole('heading', { name: '王小明' })).toBeVisible();
  await awardPoints(page, 5, '扫雪除冰');
  await awardPoints(page, 50, '录入错误');
  await expect(page.getByTestId('volunteer-balance')).toHaveText('55');

  // Reverse the wrong award: it asks for a reason, and both lines stay.
  const wrong = statement(page).getByRole('listitem').filter({ hasText: '录入错误' });
  await wrong.getByRole('button', { name: '冲正此条' }).click();
  await wrong.getByLabel('冲正原因').fill('金额录错');
  await wrong.getByRole('button', { name: '确认冲正' }).click();
  await expect(page.getByTestId('volunteer-balance')).toHaveText('5');
  await expect(wrong.getByText('已冲正')).toBeVisible();
  await expect(statement(page).getByRole('listitem').filter({ hasText: '金额录错' })).toContainText('-50');
  await expect(statement(page).getByRole('listitem')).toHaveCount(3);
  await page.screenshot({ path: `${ARTIFACTS}organizer-volunteer.png`, fullPage: true });

  // The volunteer, on 我的, chooses themself (the picker shows masked names only).
  await page.getByRole('link', { name: '我的' }).click();
  const picker = page.getByLabel('选择志愿者');
  await expect(picker.getByRole('option', { name: '王*明 138****1234' })).toBeAttached();
  await expect(picker).not.toContainText('王小明');
  await picker.selectOption({ label: '王*明 138****1234' });
  await expect(page.getByTestId('my-balance')).toHaveText('5');
  await expect(statement(page).getByRole('listitem')).toHaveCount(3);
  // The statement filters: spent shows the reversal only.
  await page.getByLabel('显示').selectOption({ label: '支出' });
  await expect(statement(page).getByRole('listitem')).toHaveCount(1);
  await expect(statement(page).getByRole('listitem')).toContainText('金额录错');
  await page.getByLabel('显示').selectOption({ label: '全部' });
  const card = page.getByRole('region', { name: '我的志愿者卡' });
  await expect(card.getByRole('img', { name: '志愿者卡二维码' })).toBeVisible();
  await expect(card).toContainText('王*明 · V001');
  await page.screenshot({ path: `${ARTIFACTS}me.png`, fullPage: true });

  // A second tab of the same browser sees the same data, and later changes live.
  const second = await context.newPage();
  await openApp(second, '/#/me');
  await expect(second.getByTestId('my-balance')).toHaveText('5');

  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('link', { name: '志愿者', exact: true }).click();
  await page.getByRole('link', { name: /王小明/ }).click();
  await awardPoints(page, 2.5, '助老');
  await expect(second.getByTestId('my-balance')).toHaveText('7.5');
  await expect(statement(second).getByRole('listitem').filter({ hasText: '助老' })).toContainText('+2.5');

  // A reload keeps everything, including who I am on this device.
  await second.reload();
  await expect(second.getByTestId('my-balance')).toHaveText('7.5');
  await expect(statement(second).getByRole('listitem')).toHaveCount(4);
  await expect(statement(second).getByRole('listitem').filter({ hasText: '录入错误' })).toContainText('已冲正');
});

test('a refused action says why and keeps what was typed', async ({ page }) => {
  await openApp(page);
  await becomeOrganizer(page);
  await registerVolunteer(page, { name: '李四', phone: '13900001111' });
  await page.getByRole('link', { name: /李四/ }).click();
  const deduct = page.getByRole('form', { name: '扣减积分' });
  await deduct.getByLabel('积分').fill('3');
  await deduct.getByLabel('原因').fill('兑换');
  await deduct.getByRole('button', { name: '扣减积分' }).click();
  await expect(page.getByRole('alert')).toHaveText(/积分不足：余额 0，需要 3。/);
  await expect(deduct.getByLabel('积分')).toHaveValue('3');
});

test('a reload keeps organizer mode for the visit; a new tab asks the PIN and refuses a wrong one', async ({ page, context }) => {
  await openApp(page);
  await becomeOrganizer(page, '1357');
  await page.reload();
  await expect(page.getByRole('link', { name: '管理模式' })).toBeVisible();

  const next = await context.newPage();
  await openApp(next);
  await next.getByRole('link', { name: '管理', exact: true }).click();
  await next.getByLabel('管理密码').fill('0000');
  await next.getByRole('button', { name: '进入' }).click();
  await expect(next.getByRole('alert')).toContainText('密码不正确');
  await expect(next.getByRole('button', { name: '退出管理模式' })).toHaveCount(0);
  await next.getByLabel('管理密码').fill('1357');
  await next.getByRole('button', { name: '进入' }).click();
  await expect(next.getByRole('button', { name: '退出管理模式' })).toBeVisible();
  // The key is stored wrapped by the PIN, with a random salt; the PIN itself nowhere.
  const stored = await next.evaluate(() => ({
    device: localStorage.getItem('linli/device'),
    prefs: localStorage.getItem('linli/prefs') ?? '',
  }));
  expect(stored.device + stored.prefs).not.toContain('1357');
  const secret = JSON.parse(stored.device).secret;
  expect(secret.wrapped.salt).toMatch(/^[0-9a-f]{32}$/);
  expect(secret.plain).toBeUndefined();
});

test('English is complete and remembered', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'English' }).click();
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  for (const tab of ['Home', 'Activities', 'Projects', 'Wishes', 'Me']) {
    await expect(nav.getByRole('link', { name: tab, exact: true })).toBeVisible();
  }
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
});

test('the volunteer list searches and filters by grid and party membership', async ({ page }) => {
  await openApp(page);
  await becomeOrganizer(page);
  for (const [name, grid, party] of [['王小明', '第一网格', true], ['李四', '第二网格', false], ['赵六', '第一网格', false]]) {
    await page.getByRole('link', { name: '管理模式' }).click();
    await page.getByRole('link', { name: '志愿者', exact: true }).click();
    const form = page.getByRole('form', { name: '登记志愿者' });
    await form.getByLabel('姓名').fill(name);
    await form.getByLabel('网格').fill(grid);
    if (party) await form.getByLabel('党员').check();
    await form.getByRole('button', { name: '登记', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: `已登记：${name}` })).toBeVisible();
  }
  const list = page.getByRole('list', { name: '志愿者' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await page.getByLabel('按网格筛选').selectOption('第一网格');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await page.getByLabel('只看党员').check();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('王小明');
  await page.getByLabel('只看党员').uncheck();
  await page.getByLabel('搜索').fill('赵');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('赵六');
});
