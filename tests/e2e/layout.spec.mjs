// What every screen owes a phone of 390 px: no text widens the page (a 40-character title
// without a space included), and the backup reminder takes one line, not a fifth of it.
import { test, expect } from '@playwright/test';
import { ARTIFACTS, openApp, becomeOrganizer, registerVolunteer, publishActivity, tab } from './helpers.mjs';

const LONG = 'W'.repeat(40);

async function pageWidth(page) {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
}

test('a 40-character title without a space does not widen any page', async ({ page }) => {
  await openApp(page);
  await becomeOrganizer(page);
  await registerVolunteer(page, { name: 'X'.repeat(20) });
  await publishActivity(page, { title: LONG });
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);
  await tab(page, '活动').click();
  await expect(page.getByRole('link', { name: new RegExp(LONG) })).toBeVisible();
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);

  await tab(page, '项目').click();
  await page.getByRole('link', { name: '发起项目' }).click();
  const form = page.getByRole('form', { name: '发起项目' });
  await form.getByLabel('项目名称').fill(LONG);
  await form.getByLabel('类别').fill('C'.repeat(20));
  await form.getByLabel('地点').fill('P'.repeat(60));
  await form.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByRole('heading', { name: LONG })).toBeVisible();
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);
  await tab(page, '项目').click();
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);

  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('link', { name: '志愿者', exact: true }).click();
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${ARTIFACTS}long-titles.png`, fullPage: true });
});

test('the backup reminder is one line', async ({ page }) => {
  await openApp(page);
  await becomeOrganizer(page);
  await registerVolunteer(page, { name: '王小明' });
  const reminder = page.getByRole('region', { name: '备份提醒' });
  await expect(reminder).toBeVisible();
  const box = await reminder.boundingBox();
  // One line of text and its padding: well under a tenth of the 844 px screen.
  expect(box.height).toBeLessThanOrEqual(56);
  await expect(reminder.getByRole('link', { name: '去备份' })).toBeVisible();
});
