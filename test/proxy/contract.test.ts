import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { ERRORS, ERROR_CODES } from '../../src/contract/index.js';
import { PROXY_SETTINGS, type Setting } from '../../src/proxy/config.js';
import { NODE_SETTINGS } from '../../src/server/env.js';

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

  /** The configuration table's rows: the variables of each (`A` / `B` rows name two) and their defaults, in order. */
  async function configurationRows(): Promise<Array<{ name: string; default: string }>> {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('### Configuration'), readme.indexOf('### How it behaves'));
    return [...table.matchAll(/^\| (`[A-Z0-9_]+`(?: \/ `[A-Z0-9_]+`)*) \| ([^|]+) \|/gm)].flatMap((row) => {
      const names = [...row[1]!.matchAll(/`([A-Z0-9_]+)`/g)].map((n) => n[1]!);
      const defaults = row[2]!.trim().split(' / ');
      return names.map((name, i) => ({ name, default: (names.length > 1 ? defaults[i] : row[2]!.trim()) ?? '' }));
    });
  }

  const SETTINGS: readonly Setting[] = [...PROXY_SETTINGS, ...NODE_SETTINGS];

  it('documents every setting the proxy and the Node server read, and no other', async () => {
    const documented = (await configurationRows()).map((row) => row.name);
    assert.deepEqual([...documented].sort(), SETTINGS.map((s) => s.env).sort());
  });

  it('shows each setting’s default as the schema defines it', async () => {
    const rows = new Map((await configurationRows()).map((row) => [row.name, row.default]));
    for (const setting of SETTINGS) {
      const shown = rows.get(setting.env)!;
      const value = setting.default;
      if (setting.required) assert.equal(shown, 'required', setting.env);
      // An empty list: nothing, said in words (`empty`, `unset: this machine only`).
      else if (Array.isArray(value) && value.length === 0) assert.ok(shown.startsWith('empty') || shown.startsWith('unset'), `${setting.env}: ${shown}`);
      else if (value === undefined) assert.ok(!shown.startsWith('`'), `${setting.env} has no default to show: ${shown}`);
      else assert.ok(shown.startsWith(`\`${String(value)}\``), `${setting.env} defaults to ${String(value)}, not ${shown}`);
    }
  });

  it('has an English sentence for every code', () => {
    for (const code of ERROR_CODES) assert.ok(ERRORS[code].message.endsWith('.'), code);
  });
});
