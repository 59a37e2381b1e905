/**
 * A kit behind Caddy and behind nginx, configured with the snippets its
 * README ships (real caddy and nginx from Debian): every visitor keeps a
 * budget of their own, a client cannot choose its address, and the page's
 * own origin is served whether the proxy passes `Host` on or not.
 *
 * Visitors come from different loopback addresses (127.0.0.2, 127.0.0.3…),
 * which Linux routes like any other host's.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { Agent, request } from 'undici';
import { runCli, startProcess, type Started } from '../../support/cli.js';
import { freePort } from '../../support/net.js';
import { assertNoTraversal, plantSecrets } from '../helpers/traversal.js';
import { Offer18Simulator, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';

const KEY = `reverse-proxy-key-${crypto.randomUUID()}`;

function binary(name: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${name} || ls /usr/sbin/${name} 2>/dev/null`], { encoding: 'utf8' }).stdout.trim().split('\n')[0];
  if (!found) throw new Error(`${name} not found: install it with \`apt-get install -y nginx caddy\`.`);
  return found;
}

/** Waits until something accepts connections on the port. */
async function listening(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited early:\n${output()}`);
    try {
      await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(500) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`nothing listens on ${port}:\n${output()}`);
}

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(command, args, { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  /** A graceful stop: nginx's master takes its workers (which hold our pipes) down with it. */
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    });
  return { child, output: () => output, stop };
}

describe('a kit behind a reverse proxy, as its README says', () => {
  let root: string;
  let readme: string;
  let upstream: RunningSimulator;
  let kit: Started;
  let kitPort: number;
  /** One port per reverse proxy below; each is a public origin of the page. */
  let ports: number[];
  /** What the kit's folder holds that no request may read. */
  let secrets: string[];
  const sim = new Offer18Simulator({ credentials: { key: KEY, aid: '1234', mid: '5678' }, print: () => {} });

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'otp-flow-rproxy-'));
    const dir = join(root, 'landing');
    const made = await runCli(['init', dir, '--aid', '1234', '--mid', '5678', '--partner', 'acme', '--country', 'AE'], { timeoutMs: 60_000 });
    assert.equal(made.code, 0, made.stderr);
    readme = await readFile(join(dir, 'README.md'), 'utf8');
    secrets = await plantSecrets(join(dir, 'public'));
    upstream = await startSimulator(sim);
    kitPort = await freePort();
    ports = [await freePort(), await freePort(), await freePort()];
    kit = await startProcess(process.execPath, ['server.mjs'], {
      cwd: dir,
      env: {
        OFFER18_KEY: KEY,
        OFFER18_API_BASE: upstream.apiBase,
        OTP_SESSION_SECRET: 's'.repeat(40),
        // What the README tells the affiliate to set behind Caddy or nginx.
        ...parseEnv(readme.match(/^- `(OTP_TRUST_PROXY=\d+)`/m)![1]!),
        OTP_PUBLIC_ORIGIN: ports.map((p) => `http://landing.test:${p}`).join(','),
        OTP_RESEND_AFTER: '0',
        // The per-visitor budget is what these walks count, to numbers of one range: the shield has its own tests.
        OTP_CHALLENGE: 'off',
        OTP_PREFIX_MIN_SENDS: '0',
        PORT: String(kitPort),
      },
    });
  });

  after(async () => {
    await kit?.stop();
    await upstream?.close();
    await rm(root, { recursive: true, force: true });
  });

  /** The README's snippet for `lang`, made to run here: plain HTTP on a free port, the kit's real port. */
  function snippet(lang: 'caddyfile' | 'nginx'): string {
    const block = readme.match(new RegExp('```' + lang + '\\n([\\s\\S]*?)```'))?.[1];
    assert.ok(block, `the README has a ${lang} snippet`);
    assert.ok(block.includes('127.0.0.1:8787'));
    return block.replaceAll('127.0.0.1:8787', `127.0.0.1:${kitPort}`);
  }

  async function startCaddy(port: number): Promise<() => Promise<void>> {
    const dir = join(root, `caddy-${port}`);
    await mkdir(dir);
    const site = snippet('caddyfile').replace('landing.example.com {', `http://landing.test:${port} {\n  bind 127.0.0.1`);
    const file = join(dir, 'Caddyfile');
    await writeFile(file, `{\n  admin off\n  auto_https off\n  storage file_system ${dir}\n}\n${site}`);
    const caddy = run(binary('caddy'), ['run', '--config', file, '--adapter', 'caddyfile'], { HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir });
    await listening(port, caddy.child, caddy.output);
    return caddy.stop;
  }

  async function startNginx(port: number, { passHost }: { passHost: boolean }): Promise<() => Promise<void>> {
    const dir = join(root, `nginx-${port}`);
    await mkdir(dir);
    let server = snippet('nginx')
      .replace(/listen 443 ssl;/, `listen 127.0.0.1:${port};`)
      .replace('server_name landing.example.com;', 'server_name landing.test;')
      .replace(/^\s*#.*$/gm, '');
    if (!passHost) server = server.replace(/^\s*proxy_set_header Host \$host;$/m, '');
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${dir}/${t};`).join(' ');
    const conf = join(dir, 'nginx.conf');
    const user = process.getuid?.() === 0 ? 'user root;' : '';
    await writeFile(conf, `${user} worker_processes 1; pid ${dir}/nginx.pid; error_log stderr;\nevents {}\nhttp { access_log off; ${temp}\n${server}\n}\n`);
    const nginx = run(binary('nginx'), ['-p', dir, '-c', conf, '-g', 'daemon off;']);
    await listening(port, nginx.child, nginx.output);
    return nginx.stop;
  }

  const visitors = new Map<string, Agent>();
  const from = (address: string) => {
    if (!visitors.has(address)) visitors.set(address, new Agent({ localAddress: address }));
    return visitors.get(address)!;
  };
  after(async () => {
    for (const agent of visitors.values()) await agent.close();
  });

  async function send(port: number, address: string, msisdn: string, headers: Record<string, string> = {}) {
    const reply = await request(`http://127.0.0.1:${port}/otp/send`, {
      method: 'POST',
      dispatcher: from(address),
      headers: { host: `landing.test:${port}`, origin: `http://landing.test:${port}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ msisdn }),
    });
    const body = (await reply.body.json()) as { error?: string };
    return { status: reply.statusCode, error: body.error };
  }

  /** A distinct valid UAE mobile per proxy and visitor. */
  const number = (net: number, i: number) => `+97150${String(net * 1_000 + i).padStart(7, '0')}`;

  async function walk(port: number, net: number) {
    const a = `127.0.${net}.2`;
    const b = `127.0.${net}.3`;
    // The page comes through too, with its policy.
    const page = await request(`http://127.0.0.1:${port}/`, { dispatcher: from(a), headers: { host: `landing.test:${port}` } });
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['content-security-policy']), /frame-ancestors 'none'/);
    await page.body.text();

    // Visitor A spends its own budget of 20, writing addresses of its own into X-Forwarded-For as it goes.
    for (let i = 0; i < 20; i++) {
      const reply = await send(port, a, number(net, i), { 'x-forwarded-for': `10.9.${i}.1` });
      assert.equal(reply.status, 200, `send ${i}: ${reply.error}`);
    }
    const spent = await send(port, a, number(net, 50), { 'x-forwarded-for': '10.9.99.1' });
    assert.deepEqual(spent, { status: 429, error: 'rate_limited' });
    // Visitor B is not held up by A.
    assert.equal((await send(port, b, number(net, 60))).status, 200);
  }

  /** nginx's own 400 page: the request never reached the kit. */
  const nginxRefusal = ({ status, text }: { status: number; text: string }) => status === 400 && /^Server: nginx/im.test(text) && text.includes('<center>nginx');

  const setups: Array<[string, (port: number) => Promise<() => Promise<void>>]> = [
    ['behind Caddy: a budget per visitor, the page’s own origin served', (port) => startCaddy(port)],
    ['behind nginx: the same', (port) => startNginx(port, { passHost: true })],
    ['behind nginx with its default Host (127.0.0.1:port): still served', (port) => startNginx(port, { passHost: false })],
  ];
  it('serves no hidden or outside file, in any spelling, on its own', async () => {
    await assertNoTraversal(kitPort, `127.0.0.1:${kitPort}`, secrets);
  });

  setups.forEach(([name, start], i) => {
    it(name, { timeout: 60_000 }, async () => {
      const stop = await start(ports[i]!);
      try {
        await walk(ports[i]!, 10 * (i + 1));
        // Whatever the reverse proxy decodes or merges on its way, nothing hidden comes through.
        await assertNoTraversal(ports[i]!, `landing.test:${ports[i]}`, secrets, { refusedInFront: nginxRefusal });
      } finally {
        await stop();
      }
    });
  });
});
