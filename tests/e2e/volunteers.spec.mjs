// The organizer's volunteers: a number is given when none is typed (and shown on the
// volunteer's card); two devices that gave the same number show it, not accept it
// silently; details are corrected later (skills added) and the page shows skills and
// hours; the list's figures say what they are.
import { test, expect } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { ARTIFACTS, openApp, becomeOrganizer, registerVolunteer, tab } from './helpers.mjs';

async function volunteerList(page) {
  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('link', { name: '志愿者', exact: true }).click();
}

test('a number is given at registration, and a number two devices gave is shown', async ({ page }, testInfo) => {
  await openApp(page);
  await becomeOrganizer(page);
  await registerVolunteer(page, { name: '王小明', phone: '13812341234' });
  await expect(page.getByRole('status').filter({ hasText: '已登记：王小明，编号 0001' })).toBeVisible();
  await registerVolunteer(page, { name: '李四', phone: '13900001111' });
  await expect(page.getByRole('status').filter({ hasText: '编号 0002' })).toBeVisible();
  // Each row says what its figure is.
  const row = page.getByRole('link', { name: /王小明/ });
  await expect(row).toContainText('0001');
  await expect(row).toContainText('0 积分');

  // The volunteer's card shows the number to give at check-in.
  await tab(page, '我的').click();
  await page.getByLabel('选择志愿者').selectOption({ label: '王*明 138****1234' });
  await expect(page.getByRole('region', { name: '我的志愿者卡' })).toContainText('王*明 · 0001');

  // Another device registered 赵六 at the same time and also gave 0001; the backup
  // brings him here. Both stay, and the list says the number is held twice.
  const file = testInfo.outputPath('other-device.json');
  await writeFile(file, JSON.stringify({
    format: 'linli-backup', version: 1, events: [
      { id: 'b-1', at: Date.now(), action: { t: 'register_volunteer', profile: { name: '赵六', number: '0001' } } },
    ],
  }));
  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByLabel('导入备份文件').setInputFiles(file);
  // A file from before signing waits until the organizer adopts it.
  await expect(page.getByRole('alert')).toContainText('没有签名：1 条记录未导入');
  await page.getByRole('button', { name: '是我自己的文件，接管这些记录' }).click();
  await expect(page.getByRole('status')).toContainText('已升级：1 条记录');
  await page.getByRole('link', { name: '志愿者', exact: true }).click();
  const note = page.getByRole('note').filter({ hasText: '编号 0001 被两位志愿者同时使用' });
  await expect(note).toBeVisible();
  await note.getByRole('link', { name: '赵六' }).click();
  await expect(page.getByRole('note')).toHaveText('编号 0001 与 王小明 重复，请修改其中一位的编号。');

  // The organizer gives 赵六 another number; the warning goes.
  await page.getByRole('button', { name: '修改资料' }).click();
  const edit = page.getByRole('form', { name: '修改资料' });
  await edit.getByLabel('志愿者编号').fill('0003');
  await edit.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存：赵六' })).toBeVisible();
  await expect(page.getByRole('note')).toHaveCount(0);
  await volunteerList(page);
  await expect(page.getByRole('note')).toHaveCount(0);
});

test('details are corrected after registration; the page shows skills and hours', async ({ page }) => {
  await openApp(page);
  await becomeOrganizer(page);
  await registerVolunteer(page, { name: '钱七', number: 'V7' });
  await page.getByRole('link', { name: /钱七/ }).click();
  await expect(page.getByLabel('志愿者资料')).toContainText('技能未填写');
  await expect(page.getByTestId('volunteer-hours')).toHaveText('0 小时');

  await page.getByRole('button', { name: '修改资料' }).click();
  const edit = page.getByRole('form', { name: '修改资料' });
  await expect(edit.getByLabel('姓名')).toHaveValue('钱七');
  await edit.getByLabel('技能（用逗号分隔）').fill('电工，急救');
  await edit.getByLabel('手机号').fill('12');
  await edit.getByRole('button', { name: '保存修改' }).click();
  // A wrong phone is shown beside the field, and focused.
  await expect(edit.getByLabel('手机号')).toHaveAccessibleDescription('手机号格式不正确。');
  await expect(edit.getByLabel('手机号')).toBeFocused();
  await edit.getByLabel('手机号').fill('13700001234');
  await edit.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存：钱七' })).toBeVisible();
  await expect(edit).toHaveCount(0);
  await expect(page.getByLabel('志愿者资料')).toContainText('电工、急救');
  await expect(page.getByLabel('志愿者资料')).toContainText('13700001234');
  await page.screenshot({ path: `${ARTIFACTS}volunteer-edited.png`, fullPage: true });

  // The projects filter "needs my skills" follows the new skills (the profile is one).
  await volunteerList(page);
  await page.getByLabel('搜索').fill('急救');
  await expect(page.getByRole('link', { name: /钱七/ })).toBeVisible();
});
