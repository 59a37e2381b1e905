/**
 * Ways to ask a static file server for what it must never serve, sent byte
 * for byte as written (like `curl --path-as-is`): no client library gets to
 * resolve `..` or re-encode anything first.
 */
import assert from 'node:assert/strict';
import { mkdir, appendFile, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';

/**
 * Request targets aimed at `.npmrc`, `.env.production` and `.git/config` in
 * the served folder, and at `.env` and `outside.txt` beside it.
 */
export const TRAVERSALS: readonly string[] = [
  // The reported ones: the /.well-known/ exemption judged before decoding.
  '/.well-known/..%2f.npmrc',
  '/.well-known%2f..%2f.git/config',
  '/..%2f.env.production',
  // Encoded separators, either case, either slash.
  '/.well-known/..%2F.npmrc',
  '/.well-known/..%5c.npmrc',
  '/.well-known/..%5C.git%5Cconfig',
  '/.well-known/..%2f.git%2fconfig',
  '/.well-known%2F..%2F.env.production',
  // Encoded dots.
  '/.well-known/%2e%2e%2f.npmrc',
  '/.well-known/%2E%2E%2F.npmrc',
  '/.well-known/.%2e/.npmrc',
  '/.well-known/..%2f%2e%6e%70%6d%72%63',
  '/%2e%6e%70%6d%72%63',
  '/%2e%2e/.env',
  // Double encoding: one decode leaves an encoded separator or dot.
  '/.well-known/..%252f.npmrc',
  '/.well-known/%252e%252e%252f.npmrc',
  '/.well-known%252f..%252f.git%252fconfig',
  // `;` parameters, as Tomcat and some proxies read them.
  '/.well-known/..;/.npmrc',
  '/.well-known;x/..%2f.npmrc',
  '/.npmrc;.js',
  // NUL, raw and behind an extension.
  '/.well-known/..%2f.npmrc%00',
  '/.well-known/..%2f.npmrc%00.html',
  // Overlong UTF-8 for `.` and `/`.
  '/.well-known/%c0%ae%c0%ae%c0%af.npmrc',
  '/.well-known/..%c0%af.npmrc',
  '/.well-known/..%e0%80%af.npmrc',
  // Backslashes.
  '/.well-known/..\\.npmrc',
  '/.well-known\\..\\.git\\config',
  // Mixed case of the exemption itself.
  '/.WELL-KNOWN/..%2f.npmrc',
  '/.Well-Known%2F..%2F.git%2Fconfig',
  // Trailing dots and spaces, which Windows drops from a name.
  '/.well-known/..%2f.npmrc.',
  '/.well-known/..%2f.npmrc%20',
  '/.npmrc%20',
  '/.env.production.',
  // Out of the folder altogether.
  '/.well-known/..%2f..%2f.env',
  '/..%2f..%2f.env',
  '/.well-known/..%2f..%2foutside.txt',
  '/a/..%2f..%2f..%2foutside.txt',
  // Extra slashes, queries, a trailing slash.
  '//.well-known/..%2f.npmrc',
  '/.well-known//..%2f.npmrc',
  '/.well-known/..%2f.npmrc?download=1',
  '/.well-known/..%2f.git/',
  // Very long: the same traversal after a few kilobytes of harmless detours.
  `/.well-known/${'a/..%2f'.repeat(500)}.npmrc`,
];

/** Puts a secret at each place TRAVERSALS aim at; returns what each holds, to look for in replies. */
export async function plantSecrets(publicDir: string): Promise<string[]> {
  const secrets: string[] = [];
  const plant = async (path: string, append = false) => {
    const secret = `SECRET-${crypto.randomUUID()}`;
    await mkdir(dirname(path), { recursive: true });
    // Appended as a comment where the file is a real .env that must keep working.
    await (append ? appendFile(path, `\n# ${secret}\n`) : writeFile(path, `${secret}\n`));
    secrets.push(secret);
  };
  await plant(join(publicDir, '.npmrc'));
  await plant(join(publicDir, '.env.production'));
  await plant(join(publicDir, '.git', 'config'));
  await plant(join(publicDir, '..', 'outside.txt'));
  await plant(join(publicDir, '..', '.env'), true);
  await mkdir(join(publicDir, '.well-known'), { recursive: true });
  await writeFile(join(publicDir, '.well-known', 'security.txt'), 'Contact: mailto:security@example.com\n');
  return secrets;
}

/** One GET with the target exactly as given; the whole reply, headers included, as text. */
export function rawGet(port: number, target: string, host: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const chunks: Buffer[] = [];
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no reply to GET ${target.slice(0, 80)}`)));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0), text });
    });
    // Written, not ended: a client that half-closes counts as gone, and is answered with nothing.
    socket.write(`GET ${target} HTTP/1.1\r\nHost: ${host}\r\nAccept-Encoding: identity\r\nConnection: close\r\n\r\n`);
  });
}

/**
 * Every spelling gets a 404 and no byte of any secret; what must be served
 * still is (so the 404s are the server's judgement, not a route that is
 * missing). `refusedInFront`: a reverse proxy's own refusal, which never
 * reached the server (nginx answers 400 to a path that climbs above `/`
 * once decoded, or holds a NUL).
 */
export async function assertNoTraversal(
  port: number,
  host: string,
  secrets: readonly string[],
  { refusedInFront }: { refusedInFront?: (reply: { status: number; text: string }) => boolean } = {},
): Promise<void> {
  const served: string[] = [];
  for (const target of TRAVERSALS) {
    const reply = await rawGet(port, target, host);
    const leaked = secrets.filter((s) => reply.text.includes(s));
    if ((reply.status !== 404 && !refusedInFront?.(reply)) || leaked.length) served.push(`${reply.status} ${target.slice(0, 60)}${leaked.length ? ' LEAKED' : ''}`);
  }
  assert.deepEqual(served, [], 'every spelling is a 404 with nothing of the file');
  const wellKnown = await rawGet(port, '/.well-known/security.txt', host);
  assert.equal(wellKnown.status, 200);
  assert.match(wellKnown.text, /Contact: mailto:security@example\.com/);
  assert.equal((await rawGet(port, '/', host)).status, 200);
}
