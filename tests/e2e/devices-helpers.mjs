// One community on several devices, as people do it: the organizer's invitation link,
// a device that joins and asks to be bound, the organizer taking in its code and
// approving, and files carried between them. Each device is its own browser context.
import { expect } from '@playwright/test';
import { tab } from './helpers.mjs';

/** The invitation link the organizer's 设备 page shows (organizer mode). */
export async function invitationLink(page) {
  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('link', { name: '设备', exact: true }).click();
  return page.getByLabel('邀请链接').inputValue();
}

/**
 * An invitation code as the app writes it (`store::device::Invitation`): the community's
 * id (32 hex digits), then its name, the sync server and its token, each as hex of UTF-8,
 * joined by dots; the later parts may be left out.
 */
export function invitationCode(id, ...texts) {
  return [id, ...texts.map((text) => Buffer.from(text, 'utf8').toString('hex'))].join('.');
}

/** The header's sync state. */
export function syncState(page) {
  return page.getByRole('banner').getByRole('status');
}

/** On the organizer's 设备 page: the sync server (`ysweet.url`) and its key. */
export async function setSync(page, ysweet) {
  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('link', { name: '设备', exact: true }).click();
  const form = page.getByRole('form', { name: '实时同步' });
  await form.getByLabel('同步服务器地址').fill(ysweet.url);
  await form.getByLabel('服务器密钥').fill(ysweet.key);
  await form.getByRole('button', { name: '保存同步设置' }).click();
  await expect(page.getByRole('status').filter({ hasText: '同步设置已保存。' })).toBeVisible();
  await expect(syncState(page)).toHaveText('已同步');
}

/** Opens an invitation link on `page` (as a phone's camera would) and joins. */
export async function joinByLink(page, link) {
  await page.goto('/' + new URL(link).hash);
  await page.getByRole('button', { name: '加入社区' }).click();
}

/**
 * On a joined phone: finds its volunteer by phone number or volunteer number under 我的
 * and asks to bind the phone to them. Returns the code to hand to an organizer.
 */
export async function askAsVolunteer(page, phoneOrNumber) {
  await tab(page, '我的').click();
  const find = page.getByRole('form', { name: '找到我' });
  await find.getByLabel('手机号或志愿者编号').fill(phoneOrNumber);
  await find.getByRole('button', { name: '查找' }).click();
  await page.getByRole('button', { name: /申请绑定这台手机/ }).click();
  await expect(page.getByRole('status').filter({ hasText: '已申请，等待社区工作者批准。' })).toBeVisible();
  return page.getByLabel('交给社区工作者的代码').inputValue();
}

/** On a joined device: asks to be an organizer device, with its own PIN. */
export async function askAsOrganizer(page, label, pin) {
  await tab(page, '我的').click();
  await page.getByText('这不是志愿者的手机？').click();
  const form = page.getByRole('form', { name: '申请作为社区工作者设备' });
  await form.getByLabel('设备名称').fill(label);
  await form.getByLabel('管理密码').fill(pin);
  await form.getByLabel('再次输入密码').fill(pin);
  await form.getByRole('button', { name: '申请作为社区工作者设备' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已申请，等待社区工作者批准。' })).toBeVisible();
  return page.getByLabel('交给社区工作者的代码').inputValue();
}

/** On the organizer's device: takes in a device's code and approves its request. */
export async function approve(page, code) {
  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('link', { name: '设备', exact: true }).click();
  const takeIn = page.getByRole('form', { name: '收下手机出示的代码' });
  await takeIn.getByLabel('交给社区工作者的代码').fill(code);
  await takeIn.getByRole('button', { name: '收下' }).click();
  const pending = page.getByRole('region', { name: '待批准的设备' });
  await pending.getByRole('button', { name: /^批准/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /^已批准设备/ })).toBeVisible();
  await expect(pending.getByRole('button', { name: /^批准/ })).toHaveCount(0);
}

/** Exports from the organizer's backup panel; returns the file's path. */
export async function exportFile(page, testInfo, button, name) {
  await page.getByRole('link', { name: '管理模式' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const download = await downloading;
  const path = testInfo.outputPath(name);
  await download.saveAs(path);
  return path;
}

/** Imports a file on any device from 管理 (the backup panel is there for every device). */
export async function importFile(page, path) {
  await page.getByRole('link', { name: /^(管理|管理模式)$/ }).click();
  await page.getByLabel('导入备份文件').setInputFiles(path);
}

/**
 * A phone joins by the link, waits until it has synced the community (its volunteers
 * among it), finds its volunteer `who` and asks to be bound: live, no code.
 */
export async function joinAndAsk(phone, link, who) {
  await joinByLink(phone, link);
  await expect(syncState(phone)).toHaveText('已同步');
  await tab(phone, '我的').click();
  const find = phone.getByRole('form', { name: '找到我' });
  await find.getByLabel('手机号或志愿者编号').fill(who.phone);
  await find.getByRole('button', { name: '查找' }).click();
  await phone.getByRole('button', { name: /申请绑定这台手机/ }).click();
  await expect(phone.getByRole('status').filter({ hasText: '已申请，等待社区工作者批准。' })).toBeVisible();
}
