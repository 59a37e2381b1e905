/** What a user of the published package imports resolves, loads, and carries its types. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8')) as {
  exports: Record<string, string | { types: string; default: string }>;
  bin: Record<string, string>;
};

describe('the package', () => {
  for (const [entry, target] of Object.entries(pkg.exports)) {
    it(`exports ${entry} to built files`, () => {
      for (const file of typeof target === 'string' ? [target] : [target.types, target.default]) {
        assert.ok(existsSync(fileURLToPath(new URL(file, root))), `${entry} → ${file} exists after npm run build`);
      }
    });
  }

  it('loads otp-flow/proxy, otp-flow/node, otp-flow/simulator and otp-flow/contract by name, without a browser', async () => {
    // By a runtime name, so typechecking (which runs before the build) does not need dist/.
    const load = (name: string) => import(name);
    assert.equal(typeof (await load('otp-flow/proxy')).createOtpProxy, 'function');
    assert.equal(typeof (await load('otp-flow/node')).serve, 'function');
    assert.equal(typeof (await load('otp-flow/redis')).RedisBudgetStore, 'function');
    assert.equal(typeof (await load('otp-flow/simulator')).Offer18Simulator, 'function');
    assert.ok((await load('otp-flow/contract')).ERRORS.otp_invalid);
  });

  it('has the otp-flow command', () => {
    assert.ok(existsSync(fileURLToPath(new URL(pkg.bin['otp-flow']!, root))));
  });
});
