import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { ERRORS, ERROR_CODES } from '../../src/contract/index.js';

describe('the documented contract', () => {
  it('lists every error code in the README, with its status', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    for (const code of ERROR_CODES) {
      assert.match(readme, new RegExp(`\\| ${ERRORS[code].status} \\| \`${code}\` \\|`), `README documents ${code} as ${ERRORS[code].status}`);
    }
  });

  it('has an English sentence for every code', () => {
    for (const code of ERROR_CODES) assert.ok(ERRORS[code].message.endsWith('.'), code);
  });
});
