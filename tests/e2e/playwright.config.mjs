// Playwright drives the release build (dist/, made by `trunk build --release`) in
// Debian's Chromium at a phone's size. Run from tests/e2e: `npx playwright test`
// (`.ci/test e2e` builds dist/ first). No browser is downloaded: Playwright launches
// /usr/bin/chromium, and a static server on dist/ (serve.py) is started here.
import { defineConfig } from '@playwright/test';
import { launchOptions } from './chromium.mjs';

// LINLI_E2E_PORT lets a second checkout run its specs beside this one.
const PORT = Number(process.env.LINLI_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.mjs',
  // The sync tier's specs need a y-sweet server: playwright.sync.config.mjs runs them.
  testIgnore: 'sync/**',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: 'list',
  webServer: {
    // Python's static server, plus the CORS header a server of linli.js sends (serve.py).
    command: `python3 serve.py ${PORT} ../../dist`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'ignore',
  },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    launchOptions: launchOptions(),
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
