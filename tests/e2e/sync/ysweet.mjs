// The y-sweet server the sync specs run against, as a Playwright fixture: each test that
// asks for `ysweet` gets its own server on 127.0.0.1, a free port, a fresh temporary data
// directory and a fresh auth key, stopped and removed when the test ends.
//
//   import { test, expect } from './ysweet.mjs';
//   test('…', async ({ page, ysweet }) => {
//     const url = ysweet.wsUrl('doc', ysweet.token('doc'));   // what a device connects to
//     await ysweet.kill(); await ysweet.restart();             // same port, same data
//   });
//
// Tokens are minted here in Node exactly as src/sync/token.rs mints them on an organizer
// device (and as y-sweet's Authenticator does), so specs can hand them to pages. Nothing
// here reaches beyond the loopback interface.
import { test as base, expect } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The y-sweet binary: on PATH (.ci/setup.sh installs it into ~/.cargo/bin), or YSWEET_BIN. */
export const YSWEET_BIN = process.env.YSWEET_BIN ?? 'y-sweet';

const HOST = '127.0.0.1';
const HOUR_MS = 60 * 60 * 1000;
/** Most of y-sweet's log a failing test attaches (its tail). */
const LOG_LIMIT = 1 << 20;

// --- tokens: a port of src/sync/token.rs ------------------------------------------------

/** bincode's varint (DefaultOptions): below 251 one byte, else 251/252/253 and u16/u32/u64 LE. */
function varint(n) {
  let v = BigInt(n);
  const marked = (marker, bytes) => {
    const out = [marker];
    for (let i = 0; i < bytes; i++, v >>= 8n) out.push(Number(v & 0xffn));
    return out;
  };
  if (v < 251n) return [Number(v)];
  if (v < 1n << 16n) return marked(251, 2);
  if (v < 1n << 32n) return marked(252, 4);
  return marked(253, 8);
}

const lengthPrefixed = (bytes) => [...varint(bytes.length), ...bytes];

/** y-sweet's `Authorization` variant indexes. */
const ACCESS = { 'read-only': 0, full: 1 };

/**
 * A token signed with `key` (the server's --auth text): for `{ docId, access }` until
 * `expiresMs`, or for the whole server ('server', never expiring).
 */
export function signToken(key, permission, expiresMs) {
  const payload = [];
  if (permission === 'server') {
    payload.push(...varint(0));
  } else {
    if (!(permission.access in ACCESS)) throw new Error(`unknown access ${permission.access}`);
    payload.push(
      ...varint(1),
      ...lengthPrefixed(Buffer.from(permission.docId, 'utf8')),
      ...varint(ACCESS[permission.access]),
    );
  }
  if (expiresMs == null) payload.push(0);
  else payload.push(1, ...varint(expiresMs));
  // Node's base64url decoder also takes '+', '/' and '=', as y-sweet's does.
  const signature = createHash('sha256')
    .update(Buffer.from(payload))
    .update(Buffer.from(key, 'base64url'))
    .digest();
  return Buffer.from([...payload, ...lengthPrefixed(signature)]).toString('base64url');
}

/** A document token: 'full' or 'read-only', valid until `expiresMs` (an hour by default). */
export const docToken = (key, docId, access = 'full', expiresMs = Date.now() + HOUR_MS) =>
  signToken(key, { docId, access }, expiresMs);

/** The server token: every document and the server's own routes, never expiring. */
export const serverToken = (key) => signToken(key, 'server', null);

// --- Yjs updates, written by hand (no yjs package here) ---------------------------------

function varUint(n) {
  const out = [];
  for (; n >= 0x80; n = Math.floor(n / 0x80)) out.push((n % 0x80) | 0x80);
  out.push(n);
  return out;
}

/** lib0's string: its UTF-8 length as a LEB128 varint (not bincode's), then the bytes. */
function varString(text) {
  const bytes = Buffer.from(text, 'utf8');
  return [...varUint(bytes.length), ...bytes];
}

/**
 * A Yjs v1 update that sets `entries` ([key, string] pairs, each key new) in the root map
 * `map`, as one client's first writes: what LogDoc does with sealed segments (map
 * "segments", key "s/<replica>/<n>"). `clock` is the client's first clock, for a second
 * update from the same client.
 */
export function mapSetUpdate(map, entries, { client = 4242, clock = 0 } = {}) {
  const out = [...varUint(1), ...varUint(entries.length), ...varUint(client), ...varUint(clock)];
  for (const [key, value] of entries) {
    // Info: a parent sub-key (0x20), no origins, ContentAny (8); the parent a root type
    // by name; one value, lib0's string (119).
    out.push(0x28, 1, ...varString(map), ...varString(key), 1, 119, ...varString(value));
  }
  out.push(0); // an empty delete set
  return Uint8Array.from(out);
}

// --- the server -------------------------------------------------------------------------

/** A port nothing listens on now (the kernel's choice). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** The environment without settings a developer's shell could slip into y-sweet. */
function serverEnv(key) {
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (name.startsWith('Y_SWEET_') || name.startsWith('AWS_') || name === 'PORT') continue;
    env[name] = value;
  }
  // The key through the environment, not argv (where `ps` shows it); same as --auth.
  env.Y_SWEET_AUTH = key;
  env.NO_COLOR = '1';
  return env;
}

function directoryBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += directoryBytes(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

export class YSweet {
  /** Starts a server with a new key and data directory; `checkpointFreqSeconds` as y-sweet's flag. */
  static async start({ checkpointFreqSeconds = 10, maxBodySize = null } = {}) {
    let generated;
    try {
      generated = JSON.parse(execFileSync(YSWEET_BIN, ['gen-auth', '--json'], { encoding: 'utf8' }));
    } catch (error) {
      throw new Error(
        `cannot run ${YSWEET_BIN} (install it: cargo install y-sweet --version 0.9.1 --locked, ` +
          `or run .ci/test sync): ${error.message}`,
      );
    }
    const server = new YSweet({
      key: generated.private_key,
      generatedServerToken: generated.server_token,
      port: await freePort(),
      dataDir: mkdtempSync(join(tmpdir(), 'linli-ysweet-')),
      checkpointFreqSeconds,
    });
    server.maxBodySize = maxBodySize;
    await server.#spawn();
    return server;
  }

  constructor({ key, generatedServerToken, port, dataDir, checkpointFreqSeconds }) {
    /** The server's private key (its --auth text), as an organizer device would hold it. */
    this.key = key;
    /** The server token `y-sweet gen-auth --json` printed with the key. */
    this.generatedServerToken = generatedServerToken;
    this.port = port;
    this.dataDir = dataDir;
    this.checkpointFreqSeconds = checkpointFreqSeconds;
    /** What y-sweet printed (stdout and stderr), its last LOG_LIMIT characters. */
    this.log = '';
    this.child = null;
    this.exited = null;
  }

  get url() {
    return `http://${HOST}:${this.port}`;
  }

  /** Where a device connects for `docId` (y-sweet wants the doc id twice). */
  wsUrl(docId, token) {
    const doc = encodeURIComponent(docId);
    return `ws://${HOST}:${this.port}/d/${doc}/ws/${doc}?token=${encodeURIComponent(token)}`;
  }

  token(docId, access = 'full', expiresMs = Date.now() + HOUR_MS) {
    return docToken(this.key, docId, access, expiresMs);
  }

  serverToken() {
    return serverToken(this.key);
  }

  get running() {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  get pid() {
    return this.child?.pid;
  }

  async #spawn() {
    const args = ['serve', this.dataDir, '--host', HOST, '--port', String(this.port)];
    args.push('--checkpoint-freq-seconds', String(this.checkpointFreqSeconds), '--prod');
    // HTTP bodies (POST /d/<doc>/update) are limited to 2 MB unless raised: the stress
    // dataset's document is one update of about 6 MB.
    if (this.maxBodySize) args.push('--max-body-size', String(this.maxBodySize));
    const child = spawn(YSWEET_BIN, args, {
      env: serverEnv(this.key),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => resolve({ code, signal }));
      child.once('error', (error) => resolve({ code: null, signal: null, error }));
    });
    const keep = (chunk) => {
      this.log = (this.log + chunk).slice(-LOG_LIMIT);
    };
    child.stdout.setEncoding('utf8').on('data', keep);
    child.stderr.setEncoding('utf8').on('data', keep);
    await this.#ready();
  }

  /** Polls GET /ready until it answers (15 s at most), failing at once if y-sweet exits. */
  async #ready() {
    const deadline = Date.now() + 15_000;
    let exit = null;
    this.exited.then((value) => (exit = value));
    for (;;) {
      if (exit) {
        throw new Error(`y-sweet exited before it was ready (${JSON.stringify(exit)}):\n${this.log}`);
      }
      try {
        const response = await fetch(`${this.url}/ready`, { signal: AbortSignal.timeout(1_000) });
        if (response.ok) return;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) {
        throw new Error(`y-sweet did not answer ${this.url}/ready within 15 s:\n${this.log}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /**
   * Stops y-sweet as Ctrl+C does (SIGINT: it persists every loaded document, then exits;
   * y-sweet 0.9.1 `serve` handles no other signal), SIGKILL after `graceMs`.
   */
  async stop(graceMs = 10_000) {
    if (!this.running) return null;
    this.child.kill('SIGINT');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), graceMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }

  /** Kills y-sweet outright (SIGKILL): what it has not persisted yet is lost. */
  async kill() {
    if (!this.running) return null;
    this.child.kill('SIGKILL');
    return this.exited;
  }

  /** Stops y-sweet if it runs, then starts it again on the same port, key and data. */
  async restart() {
    await this.stop();
    await this.#spawn();
  }

  /** y-sweet's resident memory now, in KiB (VmRSS). */
  rssKiB() {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
    if (!match) throw new Error(`no VmRSS in /proc/${this.pid}/status`);
    return Number(match[1]);
  }

  /** Bytes of every file in the data directory. */
  diskBytes() {
    return existsSync(this.dataDir) ? directoryBytes(this.dataDir) : 0;
  }

  /** The file y-sweet keeps a document in: `<data dir>/<doc id>/data.ysweet`. */
  docFile(docId) {
    return join(this.dataDir, docId, 'data.ysweet');
  }

  /** A request to y-sweet's HTTP API with `token` as the bearer (the server token by default). */
  request(path, { method = 'GET', body, token = this.serverToken() } = {}) {
    const headers = token ? { authorization: `Bearer ${token}` } : {};
    return fetch(`${this.url}${path}`, { method, body, headers, signal: AbortSignal.timeout(10_000) });
  }

  /** POST /d/<doc>/update: applies a Yjs v1 update (needs a full-access token). */
  update(docId, update, options = {}) {
    return this.request(`/d/${encodeURIComponent(docId)}/update`, { ...options, method: 'POST', body: update });
  }

  /** GET /d/<doc>/as-update: the whole document as one Yjs v1 update. */
  async asUpdate(docId, options = {}) {
    const response = await this.request(`/d/${encodeURIComponent(docId)}/as-update`, options);
    if (!response.ok) throw new Error(`as-update ${docId}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }

  /**
   * The HTTP status of a WebSocket upgrade to `url` (101 when y-sweet lets it in, 401 for
   * a bad or expired token), from Node, since a page cannot see it.
   */
  upgradeStatus(url) {
    return new Promise((resolve, reject) => {
      const req = httpRequest(url.replace(/^ws:/, 'http:'), {
        headers: {
          connection: 'Upgrade',
          upgrade: 'websocket',
          'sec-websocket-version': '13',
          'sec-websocket-key': Buffer.from('linli-sync-test!').toString('base64'),
        },
        timeout: 10_000,
      });
      req.once('upgrade', (response, socket) => {
        socket.destroy();
        resolve(response.statusCode);
      });
      req.once('response', (response) => {
        response.resume();
        resolve(response.statusCode);
      });
      req.once('timeout', () => req.destroy(new Error('upgrade timed out')));
      req.once('error', reject);
      req.end();
    });
  }

  /** Stops the server and removes its data directory. */
  async dispose() {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** The fixture: `ysweet` (a running YSweet); `ysweetOptions` as YSweet.start's, by test.use. */
export const test = base.extend({
  ysweetOptions: [{}, { option: true }],
  ysweet: async ({ ysweetOptions }, use, testInfo) => {
    const server = await YSweet.start(ysweetOptions);
    try {
      await use(server);
    } finally {
      await server.dispose();
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('y-sweet.log', { body: server.log, contentType: 'text/plain' });
      }
    }
  },
});

export { expect };
