// Helpers for the reliability specs (tabs, reload, quota, PIN): what is in localStorage,
// read the way the app stores it, and the organizer's unlock with a known PIN.
import { expect } from '@playwright/test';

/**
 * Every event stored under `linli/log/*`, read from the segments as the app writes
 * them (`{"v":1,"r":"<replica>","e":[[seq, at, action], …]}`; a row whose first element
 * is a string `"replica-seq"` carries an event imported from another replica).
 * Returns the ids in storage order, how many are distinct, how many each replica wrote,
 * and how many of each action tag there are.
 */
export async function storedEvents(page, ns = 'linli') {
  return page.evaluate((ns) => {
    const ids = [];
    const perReplica = {};
    const tags = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key.startsWith(`${ns}/log/`)) continue;
      const segment = JSON.parse(localStorage.getItem(key));
      for (const row of segment.e) {
        const id = typeof row[0] === 'number' ? `${segment.r}-${row[0]}` : row[0];
        ids.push(id);
        const replica = id.slice(0, id.lastIndexOf('-'));
        perReplica[replica] = (perReplica[replica] ?? 0) + 1;
        tags[row[2].t] = (tags[row[2].t] ?? 0) + 1;
      }
    }
    return { count: ids.length, distinct: new Set(ids).size, ids, perReplica, tags };
  }, ns);
}

/** Enters organizer mode with the PIN another page (or an earlier visit) set. */
export async function unlockOrganizer(page, pin = '2468') {
  await page.getByRole('link', { name: '管理', exact: true }).click();
  await page.getByLabel('管理密码').fill(pin);
  await page.getByRole('button', { name: '进入', exact: true }).click();
  await expect(page.getByRole('button', { name: '退出管理模式' })).toBeVisible();
}

/** The organizer's volunteer list (志愿者), from anywhere in organizer mode. */
export async function openVolunteers(page) {
  await page.getByRole('link', { name: '管理模式' }).click();
  await page.getByRole('link', { name: '志愿者', exact: true }).click();
  return page.getByRole('list', { name: '志愿者' });
}

/**
 * Fills localStorage to the last character with one filler key: the longest run of
 * `x` that still fits, found by doubling and then bisecting (as tests/browser_store.rs
 * does). Returns the filler's length.
 */
export async function fillStorage(page, key = 'e2e-filler') {
  return page.evaluate((key) => {
    const fits = (len) => {
      try {
        localStorage.setItem(key, 'x'.repeat(len));
        return true;
      } catch {
        return false;
      }
    };
    let fitting = 0;
    let tooLong = 1 << 16;
    while (fits(tooLong)) {
      fitting = tooLong;
      tooLong *= 2;
      if (tooLong > 1 << 26) throw new Error('localStorage took 64M characters');
    }
    while (tooLong - fitting > 1) {
      const middle = fitting + Math.floor((tooLong - fitting) / 2);
      if (fits(middle)) fitting = middle;
      else tooLong = middle;
    }
    if (!fits(fitting)) throw new Error('the filler no longer fits');
    if (fits(fitting + 1)) throw new Error('storage is not full');
    fits(fitting);
    return fitting;
  }, key);
}
