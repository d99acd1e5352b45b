// Exchange without a network (issue 15, point 5): a volunteer's bound phone signs up
// while offline and shows what it wrote since it last handed over as a QR code; the
// organizer scans it under 管理 → 设备 and the sign-up counts there. Chromium's fake
// camera gives a video stream; BarcodeDetector (absent from Chromium on Linux) is stood
// in for by a stub that "sees" the code the test puts up, as in scan.spec.mjs.
import { test, expect } from '@playwright/test';
import config from './playwright.config.mjs';
import { openApp, becomeOrganizer, registerVolunteer, publishActivity, tab } from './helpers.mjs';
import {
  invitationLink, joinByLink, askAsVolunteer, approve, exportFile, importFile,
} from './devices-helpers.mjs';

const launch = config.use.launchOptions;
test.use({
  permissions: ['camera'],
  launchOptions: {
    ...launch,
    args: [...launch.args, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'],
  },
});

const PUBLIC = '导出公开记录（给志愿者的手机）';

test("a phone's offline sign-up reaches the organizer by the QR code it shows", async ({ page, browser }, testInfo) => {
  await page.addInitScript(() => {
    window.BarcodeDetector = class {
      constructor(options) { this.formats = options.formats; }
      async detect() { return window.__shownCode ? [{ rawValue: window.__shownCode }] : []; }
    };
  });
  await openApp(page);
  await becomeOrganizer(page);
  await registerVolunteer(page, { name: '王小明', phone: '13812341234' });
  await publishActivity(page, { title: '垃圾分类宣传' });
  const link = await invitationLink(page);

  const phoneContext = await browser.newContext();
  const phone = await phoneContext.newPage();
  await joinByLink(phone, link);
  await importFile(phone, await exportFile(page, testInfo, PUBLIC, 'public-1.json'));
  await approve(page, await askAsVolunteer(phone, '13812341234'));
  await importFile(phone, await exportFile(page, testInfo, PUBLIC, 'public-2.json'));

  // The check-in day: no network. The phone signs up all the same.
  await phoneContext.setOffline(true);
  await tab(phone, '活动').click();
  await phone.getByRole('link', { name: /垃圾分类宣传/ }).click();
  await phone.getByRole('button', { name: '报名', exact: true }).click();
  await expect(phone.getByText('我的状态：已报名')).toBeVisible();
  await tab(phone, '我的').click();
  const handOver = phone.getByRole('region', { name: '交给社区工作者' });
  await expect(handOver.getByRole('img', { name: '交给社区工作者的二维码' })).toBeVisible();
  const code = await handOver.getByLabel('交给社区工作者的代码').inputValue();

  // The organizer scans it.
  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('link', { name: '设备', exact: true }).click();
  await page.getByRole('button', { name: /扫描手机出示的二维码/ }).click();
  await expect(page.locator('video')).toBeVisible();
  await page.evaluate((text) => { window.__shownCode = text; }, code);
  await expect(page.getByRole('status').filter({ hasText: /^收下 [1-9]\d* 条新记录，0 条未收下。/ })).toBeVisible();
  await tab(page, '活动').click();
  await page.getByRole('link', { name: /垃圾分类宣传/ }).click();
  await expect(page.getByText(/余 9 \/ 10 名额/).first()).toBeVisible();

  // The phone notes it was handed over: nothing new is offered until it writes again.
  await handOver.getByRole('button', { name: '社区工作者已收到' }).click();
  await expect(handOver).toContainText('没有需要交给社区工作者的新记录。');
  await phoneContext.close();
});
