// The sync tier (`.ci/test sync`): the specs in sync/ run against a real y-sweet server
// that each test starts itself (sync/ysweet.mjs, on 127.0.0.1, a free port, a fresh
// temporary data directory and auth key), and the release build (dist/) at a phone's size
// in Debian's Chromium, as the e2e tier does. Run from tests/e2e:
// `npx playwright test --config playwright.sync.config.mjs` (y-sweet must be on PATH, or
// named by YSWEET_BIN).
import { defineConfig } from '@playwright/test';
import { launchOptions } from './chromium.mjs';

// Its own port, so the e2e and sync tiers can run side by side; LINLI_SYNC_PORT for a
// second checkout.
const PORT = Number(process.env.LINLI_SYNC_PORT ?? 4174);

export default defineConfig({
  testDir: './sync',
  testMatch: '*.spec.mjs',
  outputDir: 'test-results/sync',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Tests stop, kill and restart y-sweet, and wait out its checkpoint (10 s by default).
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  webServer: {
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
