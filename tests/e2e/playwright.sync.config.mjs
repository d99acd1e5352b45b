// The sync tier (`.ci/test sync`): the specs in sync/ run against a real y-sweet server
// that each test starts itself (sync/ysweet.mjs, on 127.0.0.1, a free port, a fresh
// temporary data directory and auth key), and the release build (dist/) at a phone's size
// in Debian's Chromium, as the e2e tier does. Run from tests/e2e:
// `npx playwright test --config playwright.sync.config.mjs` (y-sweet must be on PATH, or
// named by YSWEET_BIN).
import { defineConfig } from '@playwright/test';
import base from './playwright.config.mjs';

// Its own port, so the e2e and sync tiers can run side by side; LINLI_SYNC_PORT for a
// second checkout.
const PORT = Number(process.env.LINLI_SYNC_PORT ?? 4174);

// The e2e tier's settings (phone size, Chromium, the static server of dist/), with the
// sync specs, their port and longer waits.
const { testIgnore: _, ...shared } = base;
export default defineConfig({
  ...shared,
  testDir: './sync',
  outputDir: 'test-results/sync',
  // Tests stop, kill and restart y-sweet, and wait out its checkpoint (10 s by default).
  timeout: 120_000,
  expect: { timeout: 15_000 },
  webServer: { ...base.webServer, command: `python3 serve.py ${PORT} ../../dist`, url: `http://127.0.0.1:${PORT}/` },
  use: { ...base.use, baseURL: `http://127.0.0.1:${PORT}` },
});
