// The sync tier's ground: y-sweet starts and answers, its tokens are the ones Linli mints
// (src/sync/token.rs; here its Node port in ysweet.mjs), a page's WebSocket gets in with a
// good token and not with a bad one, and a document outlives a restart.
import { readFileSync } from 'node:fs';
import { test, expect, docToken, mapSetUpdate, serverToken, signToken } from './ysweet.mjs';

/** Opens a WebSocket from the page; resolves with the first message's bytes or the close. */
function openFromPage(page, url) {
  return page.evaluate(
    (url) =>
      new Promise((resolve) => {
        const socket = new WebSocket(url);
        socket.binaryType = 'arraybuffer';
        const timer = setTimeout(() => resolve({ outcome: 'timeout' }), 10_000);
        socket.onmessage = (event) => {
          clearTimeout(timer);
          resolve({ outcome: 'open', first: Array.from(new Uint8Array(event.data)) });
          socket.close();
        };
        socket.onclose = (event) => {
          clearTimeout(timer);
          resolve({ outcome: 'refused', code: event.code });
        };
      }),
    url,
  );
}

/** Whether `needle` (a string) occurs in `bytes` as UTF-8. */
const holds = (bytes, needle) => Buffer.from(bytes).includes(Buffer.from(needle, 'utf8'));

test("the Node token port mints y-sweet's own tokens", async ({ ysweet }) => {
  // Golden vectors printed by y-sweet-core 0.9.1 (the same as src/sync/token.rs's tests).
  const KEY_1 = 'IN5AqI4Y-YwaidDRub1Oc8ylrZPBSV-0gogyL7CD';
  const KEY_2 = '9C_R37FD6bKQs-ooNIbBHKkUOyjMM1e_VjVo_oNN';
  const ZERO = 'A'.repeat(40);
  expect(docToken(KEY_1, 'doc123', 'full', 0)).toBe(
    'AQZkb2MxMjMBAQAgB_knvgMqIdbto84MMD23u4laGvqw5m5l7oxJnHx0mCg',
  );
  expect(docToken(KEY_2, 'c-3f9a_log', 'read-only', 65_535)).toBe(
    'AQpjLTNmOWFfbG9nAAH7__8glCw07vyLtgfvmAEODQlNhLlBHpPVYnogrFlzK8wo36E',
  );
  expect(docToken(ZERO, 'a', 'full', 1_767_225_600_000)).toBe(
    'AQFhAQH9AKjadpsBAAAg-oc6VfWg29NfWJg7vhJ7JNfx85WH_fIZYA_CNuRn1UI',
  );
  expect(signToken(KEY_1, { docId: 'x'.repeat(300), access: 'full' }, 2n ** 64n - 1n)).toBe(
    `AfssAX${'h4eH'.repeat(99)}h4eAEB_f__________INEq6RRcQaGys8aVUGeHTwubplDJw_M7Oiq42rplEPuc`,
  );
  expect(serverToken(KEY_2)).toBe('AAAgI0lAOypsBti27rw-hFzkl7FNJyhyBHy4QubuowdlMsI');
  // And for this run's fresh key, the server token y-sweet gen-auth printed beside it.
  expect(ysweet.serverToken()).toBe(ysweet.generatedServerToken);
});

test('y-sweet starts on the loopback interface and answers /ready', async ({ ysweet }) => {
  expect(ysweet.url).toBe(`http://127.0.0.1:${ysweet.port}`);
  const response = await fetch(`${ysweet.url}/ready`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ ok: true });
  expect(ysweet.rssKiB()).toBeGreaterThan(0);
  expect(ysweet.diskBytes()).toBe(0);
  // The server's own routes take the server token only.
  const check = (token) => ysweet.request('/check_store', { method: 'POST', token });
  expect((await check(ysweet.serverToken())).status).toBe(200);
  expect((await check(ysweet.token('doc'))).status).toBe(401);
  expect((await check(null)).status).toBe(401);
});

test("a page's WebSocket gets in with a good token, not with an expired, another doc's or a forged one", async ({
  page,
  ysweet,
}) => {
  await page.goto('/');
  const doc = 'c-test_log';

  const good = ysweet.wsUrl(doc, ysweet.token(doc, 'full'));
  // y-sweet speaks first: y-sync step 1 (message 0, sync step 0) with its state vector.
  const opened = await openFromPage(page, good);
  expect(opened.outcome).toBe('open');
  expect(opened.first.slice(0, 2)).toEqual([0, 0]);
  expect(await ysweet.upgradeStatus(good)).toBe(101);

  const expired = ysweet.wsUrl(doc, ysweet.token(doc, 'full', Date.now() - 1_000));
  const otherDoc = ysweet.wsUrl(doc, ysweet.token('another', 'full'));
  const foreignKey = ysweet.wsUrl(doc, docToken('A'.repeat(40), doc, 'full', Date.now() + 3_600_000));
  for (const url of [expired, otherDoc, foreignKey]) {
    expect(await openFromPage(page, url)).toEqual({ outcome: 'refused', code: 1006 });
    expect(await ysweet.upgradeStatus(url)).toBe(401);
  }
  // The doc id appears twice; y-sweet refuses a mismatch outright.
  const mismatch = good.replace(`/ws/${doc}?`, '/ws/other?');
  expect(await ysweet.upgradeStatus(mismatch)).toBe(400);
});

test('a read-only token reads and cannot write, and gets no socket to a doc y-sweet has not loaded', async ({
  page,
  ysweet,
}) => {
  await page.goto('/');
  const doc = 'c-readonly_log';
  const readOnly = ysweet.token(doc, 'read-only');
  // y-sweet 0.9.1 lets a read-only socket in only while the doc is loaded in memory
  // (handle_socket_upgrade: 404 otherwise), even if it is on disk.
  expect(await ysweet.upgradeStatus(ysweet.wsUrl(doc, readOnly))).toBe(404);

  const written = await ysweet.update(doc, mapSetUpdate('segments', [['s/r1/1', 'sealed one']]));
  expect(written.status).toBe(200);
  expect((await openFromPage(page, ysweet.wsUrl(doc, readOnly))).outcome).toBe('open');
  expect(holds(await ysweet.asUpdate(doc, { token: readOnly }), 'sealed one')).toBe(true);

  const refused = await ysweet.update(doc, mapSetUpdate('segments', [['s/r1/2', 'x']], { clock: 1 }), {
    token: readOnly,
  });
  expect(refused.status).toBe(403);
  // A doc token opens only its own doc's HTTP routes.
  const elsewhere = await ysweet.request('/d/another/as-update', { token: readOnly });
  expect(elsewhere.status).toBe(401);
});

test('a doc outlives a stop, and a kill once y-sweet has checkpointed it', async ({ ysweet }) => {
  const doc = 'c-restart_log';
  const first = mapSetUpdate('segments', [['s/r1/1', 'before the stop']]);
  expect((await ysweet.update(doc, first)).status).toBe(200);
  expect(holds(await ysweet.asUpdate(doc), 'before the stop')).toBe(true);

  // SIGINT: y-sweet persists every loaded doc before it exits.
  await ysweet.stop();
  expect(holds(readFileSync(ysweet.docFile(doc)), 'before the stop')).toBe(true);
  await ysweet.restart();
  expect(holds(await ysweet.asUpdate(doc), 'before the stop')).toBe(true);

  // SIGKILL after the checkpoint (at most --checkpoint-freq-seconds, 10 s, after a write).
  const second = mapSetUpdate('segments', [['s/r1/2', 'before the kill']], { clock: 1 });
  expect((await ysweet.update(doc, second)).status).toBe(200);
  await expect
    .poll(() => holds(readFileSync(ysweet.docFile(doc)), 'before the kill'), { timeout: 25_000 })
    .toBe(true);
  await ysweet.kill();
  await ysweet.restart();
  const state = await ysweet.asUpdate(doc);
  expect(holds(state, 'before the stop')).toBe(true);
  expect(holds(state, 'before the kill')).toBe(true);
});

test('a kill before the checkpoint loses a write y-sweet had acknowledged', async ({ ysweet }) => {
  // What a device sent is safe on the server only after y-sweet's next checkpoint; the
  // device's own log stays the truth and y-sync sends it again on the next connection.
  const doc = 'c-lost_log';
  expect((await ysweet.update(doc, mapSetUpdate('segments', [['s/r1/1', 'acknowledged']]))).status).toBe(200);
  expect(holds(await ysweet.asUpdate(doc), 'acknowledged')).toBe(true);
  await ysweet.kill();
  await ysweet.restart();
  expect(holds(await ysweet.asUpdate(doc), 'acknowledged')).toBe(false);
});
