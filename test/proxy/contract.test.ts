import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { ERRORS, ERROR_CODES } from '../../src/contract/index.js';
import { ENV_NAMES } from '../../src/proxy/config.js';
import { LISTEN_NAMES } from '../../src/server/env.js';

describe('the documented contract', () => {
  it('lists every error code in the README, with its status', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    for (const code of ERROR_CODES) {
      assert.match(readme, new RegExp(`\\| ${ERRORS[code].status} \\| \`${code}\` \\|`), `README documents ${code} as ${ERRORS[code].status}`);
    }
  });

  it('lists no error code the proxy does not have', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const listed = [...readme.matchAll(/^\| \d{3} \| `([a-z_]+)` \|/gm)].map((m) => m[1]);
    assert.deepEqual([...listed].sort(), [...ERROR_CODES].sort());
  });

  it('documents every setting the proxy and the Node server read, and no other', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('### Configuration'), readme.indexOf('### How it behaves'));
    const documented = [...table.matchAll(/^\| (`[A-Z0-9_]+`(?: \/ `[A-Z0-9_]+`)*) \|/gm)].flatMap((m) => [...m[1]!.matchAll(/`([A-Z0-9_]+)`/g)].map((n) => n[1]));
    const read = [...Object.values(ENV_NAMES), ...LISTEN_NAMES, 'REDIS_URL', 'OTP_SIMULATE'];
    assert.deepEqual([...documented].sort(), [...read].sort());
  });

  it('has an English sentence for every code', () => {
    for (const code of ERROR_CODES) assert.ok(ERRORS[code].message.endsWith('.'), code);
  });
});
