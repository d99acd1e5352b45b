// Helpers for the embedding specs: a clean host page, the events a host hears, and what
// the browser knows about listeners. Linli draws inside an open shadow root, which
// Playwright's locators pierce, so a panel is found like any element.
import { expect } from '@playwright/test';

/**
 * A plain host page at /clean.html (served by the test, not from dist/): no CSS of its
 * own, two empty elements #a and #b, and `window.linli` once linli.js has loaded.
 * `width` fixes #a's width, to compare Linli's layout with the portal's panel.
 */
export async function openCleanHost(page, { width } = {}) {
  const style = width ? ` style="width:${width}px"` : '';
  await page.route('**/clean.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <link rel="icon" href="data:,"><title>host</title></head>
      <body style="margin:0"><div id="a"${style}></div><div id="b"></div>
      <div style="height:2000px"></div>
      <script type="module">import * as linli from './linli.js'; window.linli = linli;</script>
      </body></html>`,
  }));
  await page.goto('/clean.html');
  await page.waitForFunction(() => window.linli !== undefined);
}

/** Records every linli:* event that bubbles to the document, from the page's start. */
export async function recordHostEvents(page) {
  await page.addInitScript(() => {
    window.__linli = [];
    for (const type of ['linli:change', 'linli:points', 'linli:error']) {
      document.addEventListener(type, (e) => {
        window.__linli.push({ type, target: e.target.id, detail: JSON.parse(JSON.stringify(e.detail)) });
      });
    }
  });
}

/** The events recorded so far, optionally only those of one type. */
export function hostEvents(page, type) {
  return page.evaluate((type) => window.__linli.filter((e) => !type || e.type === type), type);
}

/** Waits until `count` events of `type` have been recorded, and returns them. */
export async function waitForHostEvents(page, type, count) {
  await expect.poll(async () => (await hostEvents(page, type)).length).toBeGreaterThanOrEqual(count);
  return hostEvents(page, type);
}

/** How many listeners of `type` the window has, as DevTools sees them. */
export async function windowListeners(page, type) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    return listeners.filter((l) => l.type === type).length;
  } finally {
    await cdp.detach();
  }
}

/** Linli's home screen is drawn inside `scope` (a page or a panel). */
export async function expectMounted(scope) {
  await expect(scope.getByRole('navigation', { name: '主导航' })).toBeVisible();
}
