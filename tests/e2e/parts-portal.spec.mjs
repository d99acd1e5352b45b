// The parts in a portal of another origin (issue 17): the split loader fetches the parts
// and English's texts from beside linli.js, on Linli's server (with CORS), never from the
// portal's own origin.
import { test, expect } from '@playwright/test';
import config from './playwright.config.mjs';
import { launchOptions } from './chromium.mjs';
import { LOOPBACK_PORTAL, openCrossOriginPortal, tab } from './helpers.mjs';

test.use({ launchOptions: launchOptions([LOOPBACK_PORTAL]) });

const REST = /\/linli-[0-9a-f]{16}-rest\.wasm$/;
const ENGLISH = /\/linli-[0-9a-f]{16}-english\.wasm$/;

test("in a portal of another origin, the part and English's texts come from Linli's server", async ({ page }) => {
  const rest = page.waitForResponse(REST);
  const linli = await openCrossOriginPortal(page, config.use.baseURL);
  expect(new URL((await rest).url()).origin).toBe(linli);
  await tab(page, '项目').click();
  await expect(page.getByRole('heading', { name: '共建项目' })).toBeVisible();
  const english = page.waitForResponse(ENGLISH);
  await page.getByRole('button', { name: 'English' }).click();
  expect(new URL((await english).url()).origin).toBe(linli);
  await expect(page.getByRole('heading', { name: 'Co-construction projects' })).toBeVisible();
});
