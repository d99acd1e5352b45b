// The installable offline app: after one visit it starts and works with no network; a
// new version installs beside the running one and takes over only when no page of the
// old one is open (never a mix); the manifest's icons are there; the organizer is
// reminded to export a backup.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { openApp, becomeOrganizer, registerVolunteer, serviceWorkerReady, tab } from './helpers.mjs';
import { unlockOrganizer, openVolunteers } from './storage-helpers.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const SERVE = new URL('./serve.py', import.meta.url).pathname;

/** The names of the caches, and the paths each holds. */
function caches(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await self.caches.keys()) {
      const cache = await self.caches.open(name);
      out[name] = (await cache.keys()).map((r) => new URL(r.url).pathname).sort();
    }
    return out;
  });
}

/** Writes a file of a deployment with its brotli and gzip copies, as the build does. */
async function deploy(path, text) {
  await writeFile(path, text);
  await writeFile(`${path}.br`, brotliCompressSync(Buffer.from(text)));
  await writeFile(`${path}.gz`, gzipSync(Buffer.from(text)));
}

test('after one online visit the app starts and works with the network cut', async ({ page, context }) => {
  await openApp(page);
  await serviceWorkerReady(page);
  const cached = await caches(page);
  const names = Object.keys(cached);
  expect(names).toHaveLength(1);
  expect(names[0]).toMatch(/^linli-[0-9a-f]{16}$/);
  const files = cached[names[0]];
  expect(files).toContain('/index.html');
  expect(files.some((f) => /^\/linli-[0-9a-f]+_bg\.wasm$/.test(f))).toBe(true);
  expect(files.some((f) => /^\/linli-[0-9a-f]+\.js$/.test(f))).toBe(true);
  await becomeOrganizer(page);
  await registerVolunteer(page, { name: '王小明' });

  await context.setOffline(true);
  expect(await page.evaluate(() => fetch('/portal.html').then(() => 'online', () => 'offline')))
    .toBe('offline');
  await page.reload();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await unlockOrganizer(page, '2468');
  await registerVolunteer(page, { name: '李四' });
  await page.reload();
  await unlockOrganizer(page, '2468');
  const list = await openVolunteers(page);
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await context.setOffline(false);
});

test('a new version installs beside the running one and takes over when none of the old is open', async ({ browser, baseURL }) => {
  // A deployment of its own: a copy of dist/ on the next port, changed below.
  const port = Number(new URL(baseURL).port) + 1;
  const site = `http://127.0.0.1:${port}/`;
  const dir = await mkdtemp(join(tmpdir(), 'linli-deploy-'));
  await cp(DIST, dir, { recursive: true });
  const server = spawn('python3', [SERVE, String(port), dir], { stdio: 'ignore' });
  const context = await browser.newContext();
  try {
    await expect.poll(() => fetch(`${site}sw.js`).then((r) => r.status, () => 0)).toBe(200);
    const page = await context.newPage();
    await page.goto(site);
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
    await serviceWorkerReady(page);
    const [first] = Object.keys(await caches(page));
    // The person comes back: this page now runs from version 1's cache.
    await page.reload();
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    // Version 2 is deployed: another index.html, and a worker whose cache says so.
    const worker = await readFile(join(dir, 'sw.js'), 'utf8');
    await deploy(join(dir, 'sw.js'), worker.replace(first, 'linli-version2'));
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    await deploy(join(dir, 'index.html'), html.replace('<title>邻里 Linli</title>', '<title>邻里 Linli 2</title>'));

    // The running page finds it: version 2 installs and waits; the page stays on version 1,
    // even when reloaded, since a page of version 1 is open throughout.
    // An update check asked for while the reload's own check is still under way joins
    // that one, which read the old worker: ask again, as a browser does on each visit,
    // until version 2 is installing. Installing fetches every file of the shell (the
    // app's parts too): give a busy machine time.
    await expect.poll(() => page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      if (!registration.waiting && !registration.installing) await registration.update().catch(() => {});
      return registration.waiting !== null;
    }), { timeout: 20_000 }).toBe(true);
    expect(Object.keys(await caches(page)).sort()).toEqual([first, 'linli-version2'].sort());
    await page.reload();
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
    expect(await page.title()).toBe('邻里 Linli');

    // Once no page of version 1 is open, the next start is version 2, whole, and the old
    // cache is gone.
    await page.close();
    const next = await context.newPage();
    await expect.poll(async () => {
      await next.goto(site);
      return next.title();
    }).toBe('邻里 Linli 2');
    await expect(next.getByRole('navigation', { name: '主导航' })).toBeVisible();
    await expect.poll(async () => Object.keys(await caches(next))).toEqual(['linli-version2']);
    expect((await caches(next))['linli-version2']).toContain('/index.html');
  } finally {
    await context.close();
    server.kill();
    await rm(dir, { recursive: true, force: true });
  }
});

test('the manifest names the app and its icons, which are PNGs of the stated sizes', async ({ page }) => {
  await openApp(page);
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector('link[rel="manifest"]');
    const json = await (await fetch(link.href)).json();
    const icons = [];
    for (const icon of json.icons) {
      const bitmap = await createImageBitmap(await (await fetch(new URL(icon.src, link.href))).blob());
      icons.push({ ...icon, actual: `${bitmap.width}x${bitmap.height}` });
    }
    return { ...json, icons };
  });
  expect(manifest).toMatchObject({ name: '邻里 Linli', short_name: '邻里', display: 'standalone', start_url: './' });
  for (const icon of manifest.icons) {
    expect(icon.type).toBe('image/png');
    expect(icon.actual).toBe(icon.sizes);
  }
  expect(manifest.icons.map((i) => i.purpose).sort()).toEqual(['any', 'any', 'maskable']);
});

test('the organizer is reminded to export a backup when none was made or the last is over a week old', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-20T09:00:00+08:00') });
  await openApp(page);
  await becomeOrganizer(page);
  const reminder = page.getByRole('region', { name: '备份提醒' });
  // Nothing stored yet: nothing to back up.
  await expect(page.getByRole('button', { name: '导出备份' })).toBeVisible();
  await expect(reminder).toHaveCount(0);
  await registerVolunteer(page, { name: '王小明' });
  await expect(reminder).toContainText('本机数据还没有备份过');

  await reminder.getByRole('link', { name: '去备份' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出备份' }).click();
  await downloading;
  await expect(reminder).toHaveCount(0);
  // The backup panel says whether the browser keeps the data persistently.
  await expect(page.getByText(/^浏览器(已同意|未同意)持久保存/)).toBeVisible();

  // Six days later, no reminder; eight days later, one.
  await page.clock.setSystemTime(new Date('2026-11-26T09:00:00+08:00'));
  await tab(page, '首页').click();
  await expect(page.getByRole('link', { name: '志愿活动' })).toBeVisible();
  await expect(reminder).toHaveCount(0);
  await page.clock.setSystemTime(new Date('2026-11-28T10:00:00+08:00'));
  await tab(page, '我的').click();
  await expect(reminder).toContainText('已超过 7 天没有备份');

  // Only the organizer is reminded.
  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('button', { name: '退出管理模式' }).click();
  await expect(reminder).toHaveCount(0);
});
