// Over-long text typed into a form is refused with a message naming the field and its
// limit; nothing is saved and what was typed stays for correcting. The limits of every
// field are checked natively in tests/limits.rs; this is what a person sees.
import { test, expect } from '@playwright/test';
import { openApp, becomeOrganizer, registerVolunteer } from './helpers.mjs';
import { storedEvents } from './storage-helpers.mjs';

test('an over-long name or reason is refused with a message, and nothing is saved', async ({ page }) => {
  await openApp(page);
  await becomeOrganizer(page);
  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('link', { name: '志愿者', exact: true }).click();
  const register = page.getByRole('form', { name: '登记志愿者' });
  await register.getByLabel('姓名').fill('长'.repeat(21));
  await register.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('姓名最多 20 个字。');
  await expect(register.getByLabel('姓名')).toHaveValue('长'.repeat(21));
  expect((await storedEvents(page)).count).toBe(0);

  await registerVolunteer(page, { name: '长'.repeat(20) });
  await page.getByRole('link', { name: new RegExp('长'.repeat(20)) }).click();
  const award = page.getByRole('form', { name: '奖励积分' });
  await award.getByLabel('积分').fill('5');
  await award.getByLabel('原因').fill('扫'.repeat(10_000));
  await award.getByRole('button', { name: '奖励积分' }).click();
  await expect(page.getByRole('alert')).toContainText('原因最多 200 个字。');
  await expect(page.getByTestId('volunteer-balance')).toHaveText('0');
  expect((await storedEvents(page)).count).toBe(1);
});
