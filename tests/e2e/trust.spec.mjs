// One community, many devices, and who may do what (issue 14): a volunteer's own phone
// joins by the invitation, is bound to its volunteer by an organizer, takes in the
// community's public records by file, signs up for itself, and holds no one else's
// personal details; forged files are refused with a reason and change nothing; a full
// backup needs the PIN.
import { test, expect } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { openApp, becomeOrganizer, registerVolunteer, publishActivity, tab } from './helpers.mjs';
import { storedEvents, openVolunteers } from './storage-helpers.mjs';
import { openCleanHost, expectMounted } from './embed-helpers.mjs';
import {
  invitationLink, joinByLink, askAsVolunteer, approve, exportFile, importFile,
} from './devices-helpers.mjs';

const PUBLIC = '导出公开记录（给志愿者的手机）';

test("a volunteer's phone joins, is bound, takes in the community's records, signs up for itself, and holds no one else's details", async ({ page, browser }, testInfo) => {
  await openApp(page);
  await becomeOrganizer(page);
  await registerVolunteer(page, { name: '王小明', phone: '13812341234' });
  await registerVolunteer(page, { name: '李四', phone: '13900001111' });
  await publishActivity(page, { title: '垃圾分类宣传' });
  const link = await invitationLink(page);

  // The phone: a browser of its own. It joins, takes in the public records, finds its
  // volunteer by phone number and asks to be bound.
  const phoneContext = await browser.newContext();
  const phone = await phoneContext.newPage();
  await joinByLink(phone, link);
  await importFile(phone, await exportFile(page, testInfo, PUBLIC, 'public-1.json'));
  await expect(phone.getByRole('status').filter({ hasText: /^导入完成：新增 \d+ 条，已有 0 条，未导入 0 条。/ })).toBeVisible();
  const code = await askAsVolunteer(phone, '13812341234');

  // The organizer takes in the phone's code and approves; the next public file tells
  // the phone it is 王小明's.
  await approve(page, code);
  await importFile(phone, await exportFile(page, testInfo, PUBLIC, 'public-2.json'));
  await expect(phone.getByRole('status').filter({ hasText: /^导入完成：/ })).toBeVisible();
  await tab(phone, '我的').click();
  await expect(phone.getByRole('region', { name: '我的志愿者卡' })).toContainText('王*明');

  // It signs up for itself…
  await tab(phone, '活动').click();
  await phone.getByRole('link', { name: /垃圾分类宣传/ }).click();
  await phone.getByRole('button', { name: '报名', exact: true }).click();
  await expect(phone.getByText('我的状态：已报名')).toBeVisible();
  // …but offers nothing only an organizer may do.
  await tab(phone, '活动').click();
  await expect(phone.getByRole('link', { name: '发布活动' })).toHaveCount(0);
  await phone.getByRole('link', { name: '管理', exact: true }).click();
  await expect(phone.getByText('这台设备不是社区工作者的设备')).toBeVisible();
  await expect(phone.getByRole('button', { name: '导出备份' })).toHaveCount(0);

  // The phone's storage holds masked names and phones only, and no organizer-only log.
  const held = await storedEvents(phone);
  expect(held.personal).toBe(0);
  const texts = held.strings.join('\n');
  expect(texts).toContain('王*明');
  for (const secret of ['王小明', '李四', '13812341234', '13900001111']) {
    expect(texts).not.toContain(secret);
  }
  expect(await phone.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('linli/p/')))).toBe(false);

  // What the phone wrote goes back to the organizer by file: the sign-up counts there.
  const downloading = phone.waitForEvent('download');
  await phone.getByRole('button', { name: '导出这台设备写的记录' }).click();
  const own = testInfo.outputPath('phone-own.json');
  await (await downloading).saveAs(own);
  await importFile(page, own);
  await expect(page.getByRole('status').filter({ hasText: /^导入完成：新增 [1-9]\d* 条/ })).toBeVisible();
  await tab(page, '活动').click();
  await page.getByRole('link', { name: /垃圾分类宣传/ }).click();
  await expect(page.getByText('余 9 / 10 名额').first()).toBeVisible();
  await phoneContext.close();
});

test('forged files are refused with a reason and change nothing', async ({ page, browser }, testInfo) => {
  await openApp(page);
  await becomeOrganizer(page);
  await registerVolunteer(page, { name: '王小明', phone: '13812341234' });
  const volunteerUrl = await page.getByRole('link', { name: /王小明/ }).getAttribute('href');
  const id = volunteerUrl.split('/').pop();
  const balance = async () => {
    await page.goto('/' + volunteerUrl);
    return page.getByTestId('volunteer-balance').textContent();
  };
  expect(await balance()).toBe('0');

  // 1. An unsigned file (the old format) awarding 10,000 points: not counted.
  const unsigned = testInfo.outputPath('unsigned.json');
  await writeFile(unsigned, craftedAward(id, 1000000));
  await importFile(page, unsigned);
  await expect(page.getByRole('alert')).toContainText('没有签名：1 条记录未导入');
  expect(await balance()).toBe('0');

  // 2. This community's own backup with one character of a segment changed: its seal
  //    no longer verifies, and the segment is refused with the reason.
  const honest = JSON.parse(await readFile(await exportFile(page, testInfo, '导出备份', 'honest.json'), 'utf8'));
  const [key, text] = Object.entries(honest.segments).find(([k]) => k.startsWith('s/'));
  const middle = Math.floor(text.length / 2);
  const changed = text.slice(0, middle) + String.fromCodePoint(((text.codePointAt(middle) - 0x20 + 1) % 0x7fff) + 0x20) + text.slice(middle + 1);
  const tampered = testInfo.outputPath('tampered.json');
  // Moved under a key of its own, so the honest copy held here is not what is judged.
  const moved = key.replace(/\/(\d+)$/, (_, n) => `/${Number(n) + 7}`);
  await writeFile(tampered, JSON.stringify({ ...honest, segments: { [moved]: changed } }));
  await importFile(page, tampered);
  await expect(page.getByRole('alert')).toContainText('未导入');
  expect(await balance()).toBe('0');

  // 3. A backup of another community (its own organizer, its own 10,000-point award):
  //    refused whole, by name.
  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  await openApp(other);
  await becomeOrganizer(other, '1357', '别的社区');
  await registerVolunteer(other, { name: '王小明', phone: '13812341234' });
  const foreign = await exportFile(other, testInfo, '导出备份', 'foreign.json');
  await elsewhere.close();
  await importFile(page, foreign);
  await expect(page.getByRole('alert')).toContainText('这个备份属于另一个社区（别的社区），没有导入。');
  expect(await balance()).toBe('0');
});

test('a full backup needs the PIN: out of organizer mode there is no way to export one', async ({ page }) => {
  await openApp(page);
  await becomeOrganizer(page);
  await registerVolunteer(page, { name: '王小明', phone: '13812341234' });
  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('button', { name: '退出管理模式' }).click();
  await page.getByRole('link', { name: '管理', exact: true }).click();
  await expect(page.getByLabel('管理密码')).toBeVisible();
  await expect(page.getByRole('button', { name: '导出备份' })).toHaveCount(0);
  // The recovery screen, open to anyone, says why instead.
  await page.goto('/#/recovery');
  await expect(page.getByText('只有社区工作者输入管理密码后才能导出完整备份。')).toBeVisible();
  await expect(page.getByRole('button', { name: '导出备份' })).toHaveCount(0);
});

/** A file from before signing that awards `points` to the volunteer `id`. */
function craftedAward(id, points) {
  return JSON.stringify({
    format: 'linli-backup', version: 1, events: [
      { id: 'bad-1', at: Date.now(), action: { t: 'award_points', volunteer: id, points, reason: '奖励' } },
    ],
  });
}

test('with the PIN set but not entered, the recovery screen imports a crafted award as nothing and offers no adoption', async ({ page }, testInfo) => {
  await openApp(page);
  await becomeOrganizer(page);
  await registerVolunteer(page, { name: '王小明', phone: '13812341234' });
  const href = await page.getByRole('link', { name: /王小明/ }).getAttribute('href');
  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('button', { name: '退出管理模式' }).click();

  const file = testInfo.outputPath('crafted.json');
  await writeFile(file, craftedAward(href.split('/').pop(), 1000000));
  await page.goto('/#/recovery');
  await page.getByLabel('导入备份文件').setInputFiles(file);
  await expect(page.getByRole('alert')).toContainText('没有签名：1 条记录未导入');
  await expect(page.getByRole('button', { name: '是我自己的文件，接管这些记录' })).toHaveCount(0);

  // Back in organizer mode: still no points.
  await page.goto('/#/organizer');
  await page.getByLabel('管理密码').fill('2468');
  await page.getByRole('button', { name: '进入', exact: true }).click();
  await page.goto('/' + href);
  await expect(page.getByTestId('volunteer-balance')).toHaveText('0');
});

test("the embed handle's importData cannot credit what no signature vouches for", async ({ page }) => {
  await openCleanHost(page);
  await page.evaluate(() => {
    window.handle = window.linli.mount(document.getElementById('a'), { namespace: 'portal' });
  });
  const a = page.locator('#a');
  await expectMounted(a);
  await becomeOrganizer(a);
  await registerVolunteer(a, { name: '王小明', phone: '13812341234' });
  const href = await a.getByRole('link', { name: /王小明/ }).getAttribute('href');
  const summary = await page.evaluate((text) => window.handle.importData(text), craftedAward(href.split('/').pop(), 1000000));
  expect(summary).toMatchObject({ added: 0, refused: 1 });
  const list = await openVolunteers(a);
  await expect(list.getByRole('link', { name: /王小明/ })).toContainText('0 积分');
});
