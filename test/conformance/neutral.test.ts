/**
 * `otp-flow/proxy` imports nothing Node-only and nothing that needs a
 * bundler's Node shims, checked by bundling it the way a Worker gets it.
 * The check is tested too: on small fixtures that break each rule, and on
 * the entries that are Node-only on purpose.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bundleNeutral } from './bundle.js';

describe('runtime neutrality', () => {
  it('otp-flow/proxy bundles for a Worker: no Node built-in, no Node global, no computed import', async () => {
    const bundle = await bundleNeutral('src/proxy/index.ts');
    assert.deepEqual(bundle.findings, []);
    assert.ok(bundle.code.length > 0);
    // The packages the core once pulled in, and must not again: Node-only, or Node-only at their index.
    const heavy = bundle.inputs.filter((file) => /node_modules\/(ioredis|undici|rate-limiter-flexible|prom-client)\//.test(file));
    assert.deepEqual(heavy, []);
  });

  it('otp-flow/contract bundles for a Worker or a page as well', async () => {
    assert.deepEqual((await bundleNeutral('src/contract/index.ts')).findings, []);
  });

  describe('the check', () => {
    it('finds a Node built-in and names the file that imports it', async () => {
      const { findings, code } = await bundleNeutral('test/conformance/fixtures/node-builtin.ts');
      assert.equal(code, '');
      assert.equal(findings.length, 1, findings.join('\n'));
      assert.match(findings[0]!, /node-builtin\.ts:\d+: imports the Node built-in "node:crypto"/);
    });

    it('finds Node globals used without an import, and lets a typeof feature test pass', async () => {
      const { findings } = await bundleNeutral('test/conformance/fixtures/node-global.ts');
      assert.equal(findings.length, 2, findings.join('\n'));
      assert.match(findings[0]!, /the Node global "process" in test\/conformance\/fixtures\/node-global\.ts/);
      assert.match(findings[1]!, /the Node global "Buffer"/);
    });

    it('finds a dynamic import of a computed specifier', async () => {
      const { findings } = await bundleNeutral('test/conformance/fixtures/computed-import.ts');
      assert.deepEqual(findings, ['imports or requires a computed specifier: bundlers cannot follow it and workerd refuses it']);
    });

    it('finds what the Node-only entries pull in, deep inside their dependencies', async () => {
      const node = await bundleNeutral('src/adapters/node.ts');
      assert.ok(node.findings.some((f) => /src\/adapters\/node-crypto\.ts:\d+: imports the Node built-in "node:crypto"/.test(f)), node.findings.join('\n'));
      const redis = await bundleNeutral('src/stores/redis.ts');
      assert.ok(redis.findings.some((f) => /ioredis\/.*imports the Node built-in/.test(f)), redis.findings.join('\n'));
    });
  });
});
