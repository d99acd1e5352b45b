// The organizer PIN: wrong tries back off (five free, then a wait that even the right
// PIN cannot skip, kept across a reload); an imported file cannot change the PIN or
// grant organizer mode; and the PIN and its tries are the same in every tab.
//
// The last three tests found a bug (preferences read once per tab and saved whole);
// preferences are now read again before every change and followed across tabs.
import { test, expect } from '@playwright/test';
import { pbkdf2Sync } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { openApp, becomeOrganizer } from './helpers.mjs';

/** Tries a PIN at the organizer door; the caller checks the outcome. */
async function tryPin(page, pin) {
  await page.getByLabel('管理密码').fill(pin);
  await page.getByRole('button', { name: '进入', exact: true }).click();
}

/** Wrong tries in a row, as stored in the device's preferences. */
async function pinFailures(page) {
  return page.evaluate(() => JSON.parse(localStorage.getItem('linli/prefs') ?? '{}').pin_failures ?? 0);
}

async function openDoor(page) {
  await page.getByRole('link', { name: '管理', exact: true }).click();
  await expect(page.getByRole('heading', { name: '进入管理模式' })).toBeVisible();
}

async function leaveOrganizerMode(page) {
  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('button', { name: '退出管理模式' }).click();
  await expect(page.getByRole('link', { name: '管理', exact: true })).toBeVisible();
}

test('five wrong PINs, then the sixth try waits, even with the right PIN, across a reload', async ({ page }) => {
  await openApp(page);
  await becomeOrganizer(page, '2468');
  await leaveOrganizerMode(page);
  await openDoor(page);
  for (let i = 1; i <= 5; i++) {
    await tryPin(page, '1357');
    await expect(page.getByRole('alert')).toContainText('密码不正确。');
    // Each try is counted, on the device.
    await expect.poll(() => pinFailures(page)).toBe(i);
  }
  await tryPin(page, '1357');
  await expect(page.getByRole('alert')).toContainText(/尝试次数过多，请 \d+ 秒后再试。/);
  const seconds = Number((await page.getByRole('alert').textContent()).match(/\d+/)[0]);
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(30);

  // The right PIN is refused too while the wait lasts.
  await tryPin(page, '2468');
  await expect(page.getByRole('alert')).toContainText('尝试次数过多');
  await expect(page.getByRole('button', { name: '退出管理模式' })).toHaveCount(0);

  // A reload does not reset the wait.
  await page.reload();
  await openDoor(page);
  await tryPin(page, '2468');
  await expect(page.getByRole('alert')).toContainText('尝试次数过多');
  await expect(page.getByRole('button', { name: '退出管理模式' })).toHaveCount(0);
});

/** The stored form of `pin`, made as the app makes it (PBKDF2-HMAC-SHA256 over the hex salt). */
function pinHash(pin, salt = '00112233445566778899aabbccddeeff', rounds = 1000) {
  return { salt, rounds, hash: pbkdf2Sync(pin, salt, rounds, 32, 'sha256').toString('hex') };
}

test('an imported file cannot change the PIN or grant organizer mode', async ({ page }, testInfo) => {
  await openApp(page);
  await becomeOrganizer(page, '2468');
  const prefsBefore = await page.evaluate(() => localStorage.getItem('linli/prefs'));
  expect(prefsBefore).toContain('"pin"');

  // A file that carries a PIN of 1111 (a real hash of it) every way it could: as
  // device preferences, at the top level, as a made-up event, and inside a real event.
  const planted = pinHash('1111');
  const file = testInfo.outputPath('crafted.json');
  await writeFile(file, JSON.stringify({
    format: 'linli-backup',
    version: 1,
    schema: 5,
    namespace: 'linli/prefs',
    exported_at: 1795222800000,
    prefs: { pin: planted, pin_failures: 0, pin_locked_until: 0, lang: 'en' },
    pin: planted,
    organizer: true,
    count: 3,
    events: [
      { id: 'a1-1', at: 1795222800000, action: { t: 'register_volunteer', profile: { name: '李四' }, pin: planted } },
      { id: 'a1-2', at: 1795222800001, action: { t: 'set_pin', pin: planted } },
      { id: 'a1-3', at: 1795222800002, action: { t: 'prefs', prefs: { pin: planted } } },
    ],
  }));
  const deviceBefore = await page.evaluate(() => localStorage.getItem('linli/device'));
  expect(deviceBefore).toContain('"key"');
  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByLabel('导入备份文件').setInputFiles(file);
  // The two made-up actions are refused; the one real event, unsigned, waits for an
  // organizer to adopt it and counts for nothing until then.
  await expect(page.getByRole('alert')).toContainText('导入完成：新增 0 条，已有 0 条，未导入 2 条。');
  await expect(page.getByRole('alert')).toContainText('没有签名：1 条记录未导入');
  expect(await page.evaluate(() => localStorage.getItem('linli/prefs'))).toBe(prefsBefore);
  expect(await page.evaluate(() => localStorage.getItem('linli/device'))).toBe(deviceBefore);

  // Out of organizer mode, the file's PIN does not open it, and the device's own still
  // does. The page is still in Chinese: the file's `lang` was ignored.
  await page.reload();
  await leaveOrganizerMode(page);
  await openDoor(page);
  await tryPin(page, '1111');
  await expect(page.getByRole('alert')).toContainText('密码不正确。');
  await tryPin(page, '2468');
  await expect(page.getByRole('button', { name: '退出管理模式' })).toBeVisible();
});

// Found as a bug (prefs were read once per tab and saved whole): a tab that was open before the PIN
// was set still offers to set one, and saving there replaces the PIN set elsewhere.
test('a PIN set in one tab is asked for in a tab that was already open', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await openApp(a);
  await openApp(b);
  await becomeOrganizer(a, '2468');
  await b.getByRole('link', { name: '管理', exact: true }).click();
  await expect(b.getByRole('heading', { name: '进入管理模式' })).toBeVisible({ timeout: 2_000 });
  await expect(b.getByLabel('再次输入密码')).toHaveCount(0);
});

// Found as a bug (same cause, worse effect): any preference saved by a tab opened before the PIN was
// set (here the language) writes its stale copy, without the PIN, over the stored one.
// The PIN is gone, and the next visitor is offered to set a new one.
test('changing the language in a tab opened before the PIN was set keeps the PIN', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await openApp(a);
  await openApp(b);
  await becomeOrganizer(a, '2468');
  const device = await a.evaluate(() => localStorage.getItem('linli/device'));
  expect(device).toContain('"key"');
  await b.getByRole('button', { name: 'English' }).click();
  await expect(b.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  expect(await a.evaluate(() => localStorage.getItem('linli/device'))).toBe(device);

  const fresh = await context.newPage();
  // The language chosen in tab b is the device's now: the fresh tab opens in English,
  // and asks for the PIN (the visit was tab a's) rather than offering a new community.
  await fresh.goto('/#/organizer');
  await expect(fresh.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await expect(fresh.getByLabel('Organizer PIN')).toBeVisible();
  await expect(fresh.getByRole('button', { name: 'Set up the community' })).toHaveCount(0, { timeout: 2_000 });
});

// Found as a bug (same cause): wrong tries are counted per tab, so every tab opened beforehand
// has five free tries of its own and the back-off can be sidestepped.
test('wrong tries in one tab count in another tab already open', async ({ context }) => {
  const setup = await context.newPage();
  await openApp(setup);
  await becomeOrganizer(setup, '2468');
  await setup.close();

  const [a, b] = [await context.newPage(), await context.newPage()];
  await openApp(a);
  await openApp(b);
  await openDoor(a);
  for (let i = 1; i <= 5; i++) {
    await tryPin(a, '1357');
    await expect(a.getByRole('alert')).toContainText('密码不正确。');
    await expect.poll(() => pinFailures(a)).toBe(i);
  }
  await tryPin(a, '1357');
  await expect(a.getByRole('alert')).toContainText('尝试次数过多');

  await openDoor(b);
  await tryPin(b, '1357');
  await expect(b.getByRole('alert')).toContainText('尝试次数过多', { timeout: 2_000 });
});
