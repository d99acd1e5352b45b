// How every browser run here launches Chromium (the e2e specs, the iframe spec's own
// launch, the browser bench): Debian's /usr/bin/chromium, no sandbox (CI runs as root
// in a container), and none of the background traffic a test must not depend on.
const CHROMIUM = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Playwright's launch options, with `extra` arguments after the shared ones. */
export const launchOptions = (extra = []) => ({
  executablePath: CHROMIUM,
  args: [...CHROMIUM_ARGS, ...extra],
});
