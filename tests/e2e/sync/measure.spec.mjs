// Live sync measured (issue 15), printed, not asserted: the time from an action on one
// phone to the screen of another through a real y-sweet on loopback (median of 50), and
// y-sweet's memory and disk holding the stress dataset. `.ci/test sync` runs it; the
// dataset's documents come from `cargo run --release --example sync_bench -- --keep DIR`
// (LINLI_SYNC_DATASET=DIR), which also prints the catch-up bytes.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './ysweet.mjs';
import { openApp, becomeOrganizer, registerVolunteer } from '../helpers.mjs';
import { invitationLink, joinAndAsk, setSync, syncState } from '../devices-helpers.mjs';

const ROUNDS = 50;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

test('from a tap on one phone to the screen of another, median of 50', async ({ ysweet, browser }) => {
  test.setTimeout(180_000);
  const [orgContext, phoneContext] = await Promise.all([browser.newContext(), browser.newContext()]);
  const [organizer, phone] = await Promise.all([orgContext.newPage(), phoneContext.newPage()]);
  await openApp(organizer);
  await becomeOrganizer(organizer);
  await registerVolunteer(organizer, { name: '王小明', phone: '13812341234' });
  await setSync(organizer, ysweet);
  const link = await invitationLink(organizer);

  await joinAndAsk(phone, link, { phone: '13812341234' });
  await organizer.getByRole('link', { name: '管理模式' }).click();
  await organizer.getByRole('link', { name: '设备', exact: true }).click();
  await organizer.getByRole('region', { name: '待批准的设备' }).getByRole('button', { name: /^批准/ }).click();
  await expect(phone.getByTestId('my-balance')).toHaveText('0');

  await organizer.getByRole('link', { name: '管理模式' }).click();
  await organizer.getByRole('link', { name: '志愿者', exact: true }).click();
  await organizer.getByRole('link', { name: /王小明/ }).click();
  const award = organizer.getByRole('form', { name: '奖励积分' });
  const times = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    // The phone notes the moment its balance shows the new points.
    const seen = phone.evaluate((expected) => new Promise((resolve) => {
      const root = document.querySelector('linli-app').shadowRoot;
      const check = () => {
        const shown = root.querySelector('[data-testid="my-balance"]');
        if (shown && shown.textContent === expected) {
          observer.disconnect();
          resolve(Date.now());
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(root, { subtree: true, childList: true, characterData: true });
      check();
    }), String(round));
    await award.getByLabel('积分').fill('1');
    await award.getByLabel('原因').fill(`第 ${round} 次`);
    const tapped = await organizer.evaluate(() => Date.now());
    await award.getByRole('button', { name: '奖励积分' }).click();
    times.push((await seen) - tapped);
  }
  await expect(phone.getByTestId('my-balance')).toHaveText(String(ROUNDS));
  console.log(
    `sync latency, award on the organizer's phone → the volunteer's balance, ${ROUNDS} rounds: ` +
      `median ${median(times)} ms, min ${Math.min(...times)} ms, max ${Math.max(...times)} ms`,
  );
  await expect(syncState(phone)).toHaveText('已同步');
  await Promise.all([orgContext.close(), phoneContext.close()]);
});

test.describe("y-sweet's memory and disk", () => {
  test.use({ ysweetOptions: { maxBodySize: 64 * 1024 * 1024 } });

  test('holding the stress dataset', async ({ ysweet }) => {
    const dir = process.env.LINLI_SYNC_DATASET;
    test.skip(!dir || !existsSync(join(dir, 'public.update')),
      'LINLI_SYNC_DATASET names no dataset (cargo run --release --example sync_bench -- --keep DIR)');
    const idle = ysweet.rssKiB();
    let bytes = 0;
    for (const [doc, file] of [['linli-stress', 'public.update'], ['linli-stress-p', 'private.update']]) {
      const update = readFileSync(join(dir, file));
      bytes += update.length;
      const response = await ysweet.update(doc, update);
      expect(response.ok).toBe(true);
    }
    const loaded = ysweet.rssKiB();
    // Stopping makes y-sweet write its documents (SIGINT), as a checkpoint would.
    await ysweet.stop();
    const disk = ysweet.diskBytes();
    await ysweet.restart();
    const served = await ysweet.asUpdate('linli-stress');
    expect(served.length).toBeGreaterThan(0);
    const reloaded = ysweet.rssKiB();
    console.log(
      `y-sweet with the stress dataset (${(bytes / 1e6).toFixed(2)} MB of Yjs updates): ` +
        `memory ${(idle / 1024).toFixed(1)} MiB idle, ${(loaded / 1024).toFixed(1)} MiB loaded, ` +
        `${(reloaded / 1024).toFixed(1)} MiB after a restart and one read; disk ${(disk / 1e6).toFixed(2)} MB`,
    );
  });
});
