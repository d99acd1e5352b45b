// Check-in by scanning a volunteer's card with the camera. Chromium's fake camera gives
// a video stream; BarcodeDetector (absent from Chromium on Linux) is stood in for by a
// stub that "sees" the code the test puts up, so the app's own camera and polling code
// runs as on a phone.
import { test, expect } from '@playwright/test';
import { openApp, becomeOrganizer, cardCheckInAtStart, fakeCamera } from './helpers.mjs';
import { invitationLink } from './devices-helpers.mjs';

test.use(fakeCamera());

test('the organizer scans a card and the volunteer is checked in', async ({ page }) => {
  await page.addInitScript(() => {
    window.BarcodeDetector = class {
      constructor(options) { this.formats = options.formats; }
      async detect() { return window.__shownCode ? [{ rawValue: window.__shownCode }] : []; }
    };
  });
  await page.clock.install({ time: new Date('2026-12-01T08:00:00+08:00') });
  await openApp(page);
  await cardCheckInAtStart(page);
  await page.getByRole('button', { name: /扫描志愿者卡签到/ }).click();
  await expect(page.locator('video')).toBeVisible();
  // The volunteer holds up their card: the detector sees its code.
  await page.evaluate(() => { window.__shownCode = 'V002'; });
  await page.clock.runFor(1000);
  await expect(page.getByRole('status').filter({ hasText: '李四 已签到' })).toBeVisible();
  await expect(page.locator('video')).toHaveCount(0);
});

test('a new phone joins by scanning the invitation inside Linli', async ({ page, browser }) => {
  await openApp(page);
  await becomeOrganizer(page);
  const link = await invitationLink(page);

  const phoneContext = await browser.newContext({ permissions: ['camera'] });
  const phone = await phoneContext.newPage();
  await phone.addInitScript(() => {
    window.BarcodeDetector = class {
      async detect() { return window.__shownCode ? [{ rawValue: window.__shownCode }] : []; }
    };
  });
  await openApp(phone);
  await phone.getByRole('button', { name: /扫描邀请二维码/ }).click();
  await expect(phone.locator('video')).toBeVisible();
  await phone.evaluate((code) => { window.__shownCode = code; }, link);
  await expect(phone.getByRole('status').filter({ hasText: '已加入：幸福社区' })).toBeVisible();
  await expect(phone.locator('video')).toHaveCount(0);
  await expect(phone.getByRole('form', { name: '找到我' })).toBeVisible();
  await phoneContext.close();
});
