// 积分超市: a merchant's perk, redeemed with points for a voucher that is verified once
// and refused the second time; a sold-out perk says why; the leaderboard shows who
// served, with masked names.
import { test, expect } from '@playwright/test';
import { ARTIFACTS, openApp, becomeOrganizer, registerVolunteer, awardPoints, tab } from './helpers.mjs';

test('redeem a perk, verify the voucher once, refused twice', async ({ page }) => {
  await openApp(page);
  await becomeOrganizer(page);
  await registerVolunteer(page, { name: '王小明', phone: '13812341234' });
  await page.getByRole('link', { name: /王小明/ }).click();
  await awardPoints(page, 5, '扫雪除冰');

  // A merchant unit sponsors a perk with one voucher.
  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('link', { name: '共建单位' }).click();
  await page.getByRole('button', { name: '登记单位' }).click();
  const unit = page.getByRole('form', { name: '登记单位' });
  await unit.getByLabel('单位类型').selectOption({ label: '商户（红色合伙人）' });
  await unit.getByLabel('单位名称').fill('老街理发店');
  await unit.getByLabel('联系人').fill('张师傅');
  await unit.getByRole('button', { name: '登记' }).click();
  await expect(page.getByRole('list', { name: '共建单位' })).toContainText('老街理发店');

  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('link', { name: '积分超市' }).click();
  await page.getByRole('button', { name: '上架礼遇' }).click();
  const perk = page.getByRole('form', { name: '上架礼遇' });
  await perk.getByLabel('赞助方').selectOption({ label: '老街理发店' });
  await perk.getByLabel('礼遇名称').fill('免费理发一次');
  await perk.getByLabel('所需积分').fill('3');
  await perk.getByLabel('数量').fill('1');
  await perk.getByRole('button', { name: '上架礼遇' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已上架：免费理发一次' })).toBeVisible();

  // The volunteer redeems it.
  await tab(page, '我的').click();
  await page.getByLabel('选择志愿者').selectOption({ label: '王*明 138****1234' });
  await page.getByRole('link', { name: '积分超市' }).click();
  // The shop says whose points are spent, and asks before spending them, naming the
  // person and the amount; a quick second tap lands on the question, not on 确认.
  await expect(page.getByTestId('shop-whose')).toHaveText('王*明 的可用积分');
  const item = page.getByRole('listitem', { name: '免费理发一次' });
  await item.getByRole('button', { name: '兑换' }).dblclick();
  const ask = item.getByRole('alertdialog', { name: '兑换' });
  await expect(ask).toContainText('用 王*明 的 3 积分兑换“免费理发一次”？兑换后剩 2 积分。');
  await expect(page.getByTestId('shop-available')).toHaveText('5');
  await page.screenshot({ path: `${ARTIFACTS}shop-confirm.png`, fullPage: true });
  await ask.getByRole('button', { name: '确认兑换' }).click();
  await expect(page.getByRole('status')).toContainText('兑换成功，兑换码');
  await expect(page.getByTestId('shop-available')).toHaveText('2');
  // The one voucher is gone: the reason is shown instead of the button.
  await expect(item.getByRole('note')).toHaveText('礼遇已兑完。');

  await tab(page, '我的').click();
  const voucher = page.getByRole('list', { name: '我的兑换券' }).getByRole('listitem', { name: '免费理发一次' });
  await expect(voucher.getByRole('img', { name: '兑换码二维码' })).toBeVisible();
  const code = (await voucher.locator('.ll-code strong').textContent()).trim();
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  await page.screenshot({ path: `${ARTIFACTS}me-voucher.png`, fullPage: true });

  // At the barber's: verify once.
  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('link', { name: '核销兑换券' }).click();
  await page.getByLabel('兑换码').fill(code.toLowerCase().replace('-', ' '));
  await page.getByRole('button', { name: '查找' }).click();
  const found = page.getByRole('region', { name: '核销兑换券' });
  await expect(found).toContainText('王*明');
  await expect(found).toContainText('老街理发店');
  // The card says first whether the code can be used.
  await expect(found.getByTestId('voucher-status')).toContainText('可以核销');
  await page.screenshot({ path: `${ARTIFACTS}verify-card.png`, fullPage: true });
  await found.getByRole('button', { name: '确认核销' }).click();
  await expect(page.getByRole('status').filter({ hasText: '核销成功：免费理发一次' })).toBeVisible();
  // After the verification the card says it is used and offers nothing more.
  await expect(found.getByTestId('voucher-status')).toContainText('已核销');
  await expect(found.getByRole('button', { name: '确认核销' })).toHaveCount(0);
  await page.screenshot({ path: `${ARTIFACTS}verify-card-used.png`, fullPage: true });
  // Looking the used code up again shows when it was used, and no button.
  await page.getByLabel('兑换码').fill(code);
  await page.getByRole('button', { name: '查找' }).click();
  await expect(found.getByTestId('voucher-status')).toContainText(/已核销（\d{4}-\d\d-\d\d \d\d:\d\d），不能再次使用/);
  await expect(found.getByRole('button', { name: '确认核销' })).toHaveCount(0);

  await tab(page, '我的').click();
  await expect(voucher).toContainText('已核销');
  await expect(page.getByTestId('my-balance')).toHaveText('2');

  // The leaderboard (public) shows masked names and points earned, not spent.
  await page.getByRole('link', { name: '排行榜' }).click();
  const board = page.getByRole('list', { name: '志愿者排行' });
  await expect(board.getByRole('listitem').first()).toContainText('第 1 名');
  await expect(board).toContainText('王*明');
  await expect(board).not.toContainText('王小明');
  await expect(board).toContainText('5 积分');
});

test('cancelling a voucher asks first, naming whose it is and the points refunded', async ({ page }) => {
  await openApp(page);
  await becomeOrganizer(page);
  await registerVolunteer(page, { name: '李四', phone: '13900001111' });
  await page.getByRole('link', { name: /李四/ }).click();
  await awardPoints(page, 10, '巡逻');
  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('link', { name: '积分超市' }).click();
  await page.getByRole('button', { name: '上架礼遇' }).click();
  const perk = page.getByRole('form', { name: '上架礼遇' });
  await perk.getByLabel('礼遇名称').fill('洗车券');
  await perk.getByLabel('所需积分').fill('4');
  await perk.getByRole('button', { name: '上架礼遇' }).click();
  await tab(page, '我的').click();
  await page.getByLabel('选择志愿者').selectOption({ label: '李* 139****1111' });
  await page.getByRole('link', { name: '积分超市' }).click();
  await page.getByRole('listitem', { name: '洗车券' }).getByRole('button', { name: '兑换' }).click();
  await page.getByRole('button', { name: '确认兑换' }).click();
  await expect(page.getByTestId('shop-available')).toHaveText('6');

  await tab(page, '我的').click();
  const voucher = page.getByRole('list', { name: '我的兑换券' }).getByRole('listitem', { name: '洗车券' });
  await voucher.getByRole('button', { name: '取消并退还积分' }).click();
  const ask = voucher.getByRole('alertdialog');
  await expect(ask).toContainText('取消 李* 的兑换券“洗车券”，退还 4 积分？');
  // Changing one's mind keeps the voucher.
  await ask.getByRole('button', { name: '取消', exact: true }).click();
  await expect(voucher).toContainText('未使用');
  await voucher.getByRole('button', { name: '取消并退还积分' }).click();
  await voucher.getByRole('button', { name: '确认取消并退还' }).click();
  await expect(page.getByRole('status').filter({ hasText: '退还 4 积分' })).toBeVisible();
  await expect(page.getByTestId('my-balance')).toHaveText('10');
});
