/**
 * One header must not freeze the server: `otp-flow serve <dir>` and a Node
 * kit answer `/healthz` within 50 ms while batches of 20 requests, each
 * with one 16 KB header built to make a backtracking parser crawl, arrive
 * ahead of it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, startCli, startProcess, type Started } from '../../support/cli.js';
import { healthBehindHostileHeaders } from '../helpers/hostile-headers.js';

const LIMIT_MS = 50;
/**
 * X-Forwarded-For is read only behind a trusted proxy; with a client budget
 * of 1, the sends that read it are refused right after, never reaching the
 * (simulated) Offer18, so what is measured is the header.
 */
const ENV = { OTP_TRUST_PROXY: '1', OTP_CLIENT_LIMIT: '1', PORT: '0' };

function assertFast(results: Array<{ kind: string; ms: number }>) {
  const slow = results.filter((r) => r.ms > LIMIT_MS);
  assert.deepEqual(slow, [], `/healthz waited more than ${LIMIT_MS} ms behind: ${JSON.stringify(results)}`);
}

describe('hostile 16 KB headers', () => {
  let root: string;
  const running: Started[] = [];
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'otp-flow-hostile-'));
  });
  after(async () => {
    for (const server of running) await server.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('leave /healthz of otp-flow serve <dir> answering within 50 ms', async () => {
    const pub = join(root, 'public');
    await mkdir(pub);
    await writeFile(join(pub, 'index.html'), `<!doctype html><title>landing</title>${'<p>text</p>'.repeat(100)}`);
    const app = await startCli(['serve', pub, '--simulate'], { env: ENV });
    running.push(app);
    assertFast(await healthBehindHostileHeaders(Number(new URL(app.url).port), { limitMs: LIMIT_MS }));
  });

  it('leave /healthz of a Node kit answering within 50 ms', { timeout: 60_000 }, async () => {
    const kit = join(root, 'kit');
    const made = await runCli(['init', kit, '--aid', '1', '--mid', '2', '--partner', 'p', '--country', 'AE'], { timeoutMs: 60_000 });
    assert.equal(made.code, 0, made.stderr);
    const server = await startProcess(process.execPath, ['server.mjs', '--simulate'], { cwd: kit, env: ENV });
    running.push(server);
    assertFast(await healthBehindHostileHeaders(Number(new URL(server.url).port), { limitMs: LIMIT_MS }));
  });
});
