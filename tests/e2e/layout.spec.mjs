// What every screen owes a phone of 390 px: no text widens the page (a 40-character title
// without a space included), and the backup reminder takes one line, not a fifth of it.
import { test, expect } from '@playwright/test';
import { ARTIFACTS, openApp, becomeOrganizer, registerVolunteer, publishActivity, tab } from './helpers.mjs';
import { docToken } from './sync/ysweet.mjs';
import { invitationCode } from './devices-helpers.mjs';

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

/** How many lines each of `locator`'s elements' text takes (its text's client rects). */
function linesOf(locator) {
  return locator.evaluateAll((elements) => elements.map((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    return { text: element.textContent.trim(), lines: tops.size };
  }));
}

test("in English, with sync's state in the header and a long message, no word breaks", async ({ page }) => {
  // A device whose sync invitation has expired: the header shows the longest chip row.
  const id = 'ab'.repeat(16);
  const stale = docToken(Buffer.alloc(30, 7).toString('base64url'), `linli-${id}`, 'full', Date.now() - 60_000);
  await page.goto(`/#/join/${invitationCode(id, '幸福社区', 'wss://sync.example.org', stale)}`);
  await page.getByRole('button', { name: '加入社区' }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Sync expired' }).click();
  await expect(page.getByRole('alert')).toContainText('Ask your community worker for a new invitation link');
  const header = page.getByRole('banner');
  const words = [
    ...(await linesOf(header.locator('h1, a, button'))),
    ...(await linesOf(page.getByRole('alert').getByRole('button', { name: 'Dismiss' }))),
  ];
  expect(words.map((w) => w.text)).toEqual(['Linli', 'Sync expired', 'Organizer', '中文', 'Dismiss']);
  expect(words.filter((w) => w.lines !== 1), 'each on one line').toEqual([]);
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);
});
