// Helpers for the reliability specs (tabs, reload, quota, PIN): what is in localStorage,
// read the way the app stores it, and the organizer's unlock with a known PIN.
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';

/**
 * The action names in the order `enum Action` declares them (src/domain/event.rs): the
 * compact format stores an action's place in that list.
 */
function actionNames() {
  const source = readFileSync(new URL('../../src/domain/event.rs', import.meta.url), 'utf8');
  const body = source.slice(source.indexOf('pub enum Action {'));
  const names = [];
  for (const match of body.matchAll(/^ {4}([A-Z]\w*) \{/gm)) {
    names.push(match[1].replace(/[A-Z]/g, (c, i) => (i ? '_' : '') + c.toLowerCase()));
  }
  return names;
}

/**
 * Every event of the public log, stored under `linli/s/*` (sealed, format 3: see
 * src/store/seal.rs) or, by earlier versions, `linli/log/*` (format 2, compact, see
 * src/store/compact/mod.rs; format 1, `{"v":1,"r":"<replica>","e":[[seq, at, action],
 * …]}`). The organizer-only log (`linli/p/*`, personal details) is counted apart, as
 * `personal`, and the community's own records (founding, devices) as `trust`. This reader is written from the formats' description, apart from the app,
 * so a test sees what is really stored. Returns the ids in storage order, how many are
 * distinct, how many each replica wrote, how many of each action tag there are, and
 * every text the segments' string tables hold (`strings`).
 */
export async function storedEvents(page, ns = 'linli') {
  return page.evaluate(({ ns, names }) => {
    const hex = (n) => n.toString(16);
    function unpack(text) {
      const bytes = [];
      let acc = 0;
      let bits = 0;
      for (const c of text) {
        acc = ((acc << 15) | (c.codePointAt(0) - 0x20)) & 0x3fffff;
        bits += 15;
        while (bits >= 8) {
          bits -= 8;
          bytes.push((acc >> bits) & 0xff);
        }
      }
      return bytes;
    }
    function compactRows(text) {
      const sealed = text.startsWith('3:');
      const bytes = unpack(text.slice(2));
      // Format 3: signature (64), key fingerprint (4), nonce (4), then the first
      // sequence number (0: each row names its id). Format 2: a checksum (4).
      let at = sealed ? 72 : 4;
      const varint = () => {
        let value = 0n;
        for (let shift = 0n; ; shift += 7n) {
          const byte = bytes[at++];
          value |= BigInt(byte & 0x7f) << shift;
          if (!(byte & 0x80)) return value;
        }
      };
      const first = sealed ? varint() : 0n;
      const replicas = [];
      const count = Number(varint());
      const width = bytes[at++];
      for (let n = count; n > 0; n--) {
        let value = 0n;
        for (let i = width - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[at + i]);
        replicas.push(value);
        at += width;
      }
      for (let n = Number(varint()); n > 0; n--) {
        const tagged = Number(varint());
        const length = (tagged >> 1) * (tagged & 1 ? 2 : 1);
        const raw = new Uint8Array(bytes.slice(at, at + length));
        strings.push(new TextDecoder(tagged & 1 ? 'utf-16le' : 'utf-8').decode(raw));
        at += length;
      }
      const rows = [];
      const total = Number(varint());
      for (let n = 0; n < total; n++) {
        const end = Number(varint()) + at;
        varint(); // the stamp
        let replica = replicas[0];
        let seq = first + BigInt(n);
        if (first === 0n) {
          const tag = varint();
          if (tag & 1n) replica = replicas[Number(tag >> 1n)];
          seq = tag & 1n ? varint() : tag >> 1n;
        }
        rows.push({ id: `${hex(replica)}-${hex(seq)}`, tag: names[Number(varint())] });
        at = end;
      }
      return rows;
    }
    function jsonRows(text) {
      strings.push(text);
      const segment = JSON.parse(text);
      return segment.e.map((row) => ({
        id: typeof row[0] === 'number' ? `${segment.r}-${hex(row[0])}` : row[0],
        tag: row[2].t,
      }));
    }
    const ids = [];
    const perReplica = {};
    const tags = {};
    // Every text of every segment's string table (names, reasons, titles…).
    const strings = [];
    let personal = 0;
    // The community's own records (its founding, devices bound and revoked) are
    // counted apart: the specs count what people did.
    const TRUST = ['found_community', 'request_binding', 'enrol_device', 'decline_binding', 'revoke_device'];
    const trust = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      const text = localStorage.getItem(key);
      if (key.startsWith(`${ns}/p/`)) {
        personal += compactRows(text).length;
        continue;
      }
      if (!key.startsWith(`${ns}/log/`) && !key.startsWith(`${ns}/s/`)) continue;
      for (const { id, tag } of text.startsWith('{') ? jsonRows(text) : compactRows(text)) {
        if (TRUST.includes(tag)) {
          trust[tag] = (trust[tag] ?? 0) + 1;
          continue;
        }
        ids.push(id);
        const replica = id.slice(0, id.lastIndexOf('-'));
        perReplica[replica] = (perReplica[replica] ?? 0) + 1;
        tags[tag] = (tags[tag] ?? 0) + 1;
      }
    }
    return { count: ids.length, distinct: new Set(ids).size, ids, perReplica, tags, personal, trust, strings };
  }, { ns, names: actionNames() });
}

/**
 * Enters organizer mode with the PIN another page (or an earlier visit) set. A reload
 * within the visit is still in organizer mode (the key is kept for the tab), and then
 * nothing is asked.
 */
export async function unlockOrganizer(page, pin = '2468') {
  const door = page.getByRole('link', { name: /^(管理|管理模式)$/ });
  if ((await door.textContent()) === '管理模式') return;
  await door.click();
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
