// Linli in a sandboxed iframe, where the browser gives it no storage at all: it runs in
// memory and says so, instead of failing. (Its forms need the frame's `allow-forms`:
// without it the browser drops every form submission before any script sees it.)
import { test, expect } from '@playwright/test';
import { becomeOrganizer, registerVolunteer } from './helpers.mjs';
import { expectMounted } from './embed-helpers.mjs';
import { launchOptions } from './chromium.mjs';

// The frame's origin is opaque, so it counts as a public site loading Linli from this
// loopback test server, which Chromium's local network access checks refuse (a real
// portal and the server hosting Linli are both public). serve.py sends the CORS header
// such a server sends.
test.use({ launchOptions: launchOptions(['--disable-features=LocalNetworkAccessChecks']) });

test('in a sandboxed iframe Linli runs in memory and says so', async ({ page, baseURL }) => {
  await page.route('**/framed.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
      <iframe title="Linli" sandbox="allow-scripts allow-forms" style="width:380px;height:700px" srcdoc='<!doctype html>
        <meta charset="utf-8"><div data-linli data-namespace="framed"></div>
        <script type="module" src="${baseURL}/linli.js"></script>'></iframe>`,
  }));
  await page.goto('/framed.html');
  const frame = page.frameLocator('iframe');
  await expectMounted(frame);
  await expect(frame.getByRole('status').filter({ hasText: '数据只保存在本次打开期间' })).toBeVisible();
  await becomeOrganizer(frame);
  await registerVolunteer(frame, { name: '钱七' });
});
