// Check-in by camera where the browser has no BarcodeDetector (iPhone Safari, the WeChat
// browser, and Chromium on Linux, where this runs): the app starts its QR decoder worker
// (rqrr, a wasm module of its own) when the camera opens and reads the frames itself.
// Chromium's fake camera plays a video of a volunteer card's QR code (V002), made here.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import config from './playwright.config.mjs';
import {
  openApp, cardCheckInAtStart, fakeCamera, LOOPBACK_PORTAL, openCrossOriginPortal,
} from './helpers.mjs';

// The QR code of "V002" (the `qrcode` crate's, as the volunteer card draws it).
const QR = `
#######.#..#..#######
#.....#..##.#.#.....#
#.###.#...#.#.#.###.#
#.###.#.#.#...#.###.#
#.###.#.#...#.#.###.#
#.....#.#..#..#.....#
#######.#.#.#.#######
........##.##........
#...#.####.#.#####..#
.##.#..#..###..#..#..
#...####.###..####...
.#..#..##.#..##.##.##
#..#..###.#.###...#.#
........#...###..##.#
#######.#.#.##...#.#.
#.....#..#.##..#.#..#
#.###.#.####..###.###
#.###.#....##..#.#.##
#.###.#....#..#####..
#.....#..#...##.#.#.#
#######.##..###...###`.trim().split('\n');

/** One frame of 640×480 video (YUV4MPEG2, 4:2:0): the code on white, 10 px a module. */
function cardVideo() {
  const [width, height, module] = [640, 480, 10];
  const size = QR.length * module;
  const [left, top] = [(width - size) >> 1, (height - size) >> 1];
  const luma = Buffer.alloc(width * height, 235);
  QR.forEach((row, y) => [...row].forEach((cell, x) => {
    if (cell !== '#') return;
    for (let dy = 0; dy < module; dy += 1) {
      luma.fill(16, (top + y * module + dy) * width + left + x * module, (top + y * module + dy) * width + left + (x + 1) * module);
    }
  }));
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\nFRAME\n`);
  const path = join(tmpdir(), 'linli-card-V002.y4m');
  writeFileSync(path, Buffer.concat([header, luma, chroma]));
  return path;
}

test.use(fakeCamera(
  `--use-file-for-fake-video-capture=${cardVideo()}`,
  // The portal of another origin below.
  LOOPBACK_PORTAL,
));

test('without BarcodeDetector, the decoder worker reads the card and the volunteer is checked in', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-12-01T08:00:00+08:00') });
  await openApp(page);
  expect(await page.evaluate(() => 'BarcodeDetector' in window)).toBe(false);
  await cardCheckInAtStart(page);
  const decoder = page.waitForEvent('worker', (worker) => worker.url().endsWith('/qr-worker.js'));
  await page.getByRole('button', { name: /扫描志愿者卡签到/ }).click();
  await expect(page.locator('video')).toBeVisible();
  await decoder;
  await expect(page.getByRole('status').filter({ hasText: '李四 已签到' })).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('video')).toHaveCount(0);
});

test("in a portal of another origin, the decoder worker starts from the portal's own page", async ({ page }) => {
  // The portal is on localhost; Linli is served from 127.0.0.1: another origin, which
  // may not start a worker from Linli's server directly.
  await openCrossOriginPortal(page, config.use.baseURL);
  const decoder = page.waitForEvent('worker');
  await page.getByRole('button', { name: /扫描邀请二维码/ }).click();
  await decoder;
  // The camera shows a volunteer card (V002), not an invitation: the decoder read it,
  // and joining says the code is not an invitation.
  await expect(page.getByRole('alert')).toContainText('这不是邀请码');
  await expect(page.locator('video')).toHaveCount(0);
});
