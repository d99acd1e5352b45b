// Linli's dist/ over HTTPS and HTTP/2, as a production server sends it (for
// tests/bench/first-visit.mjs's Lighthouse pass "as deployed"): the same files and
// headers as tests/e2e/serve.py (the .br or .gz copy the browser accepts, `immutable` for
// content-named files and `no-cache` for the entries), but over TLS with HTTP/2, which
// every production server offers browsers, and which a phone needs anyway: a service
// worker runs only on a secure origin. The certificate is made for 127.0.0.1 at start
// (openssl) and thrown away; the browser is told to take it.
import http2 from 'node:http2';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
};
// serve.py's CONTENT_NAMED: a 16-hex-digit build hash in the name.
const CONTENT_NAMED = /-[0-9a-f]{16}[-_.]/;

/** A self-signed certificate for 127.0.0.1: `{ key, cert }` as PEM text. */
function certificate() {
  const dir = mkdtempSync(join(tmpdir(), 'linli-h2-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const isFile = (path) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** Serves `dist` on 127.0.0.1 (a free port); resolves to `{ url, stop }`. */
export async function serveHttp2(dir) {
  const dist = resolve(dir);
  const server = http2.createSecureServer(certificate());
  server.on('stream', (stream, headers) => {
    let path = normalize(decodeURIComponent(String(headers[':path']).split('?')[0]));
    if (path.endsWith('/')) path += 'index.html';
    const file = join(dist, path);
    if (!file.startsWith(dist) || !isFile(file)) {
      stream.respond({ ':status': 404 });
      stream.end();
      return;
    }
    const accepted = String(headers['accept-encoding'] ?? '');
    const copy = [['br', '.br'], ['gzip', '.gz']].find(
      ([encoding, suffix]) => new RegExp(`\\b${encoding}\\b`).test(accepted) && isFile(file + suffix),
    );
    const response = {
      ':status': 200,
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      vary: 'Accept-Encoding',
      'cache-control': CONTENT_NAMED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      'access-control-allow-origin': '*',
    };
    if (copy) response['content-encoding'] = copy[0];
    stream.respond(response);
    stream.end(readFileSync(copy ? file + copy[1] : file));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return { url: `https://127.0.0.1:${port}/`, stop: () => server.close() };
}
