/**
 * The click parameters' rules, shared by the component and the proxy: what
 * the component keeps from the page's URL is exactly what the proxy accepts,
 * the proxy's refusals name the field, and the component's side carries no zod.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { CLICK_PARAMS_MAX, CLICK_VALUE_MAX_CHARS, DEFAULT_CLICK_PARAMS, clickFromQuery, isClickValue, parseClickNames } from '../../src/contract/click.js';
import { clickSchema } from '../../src/contract/click-schema.js';

describe('click parameter names', () => {
  it('default to clickid and sub1…sub5, the click id first', () => {
    for (const list of [undefined, '', ' , ']) assert.deepEqual(parseClickNames(list), { ok: true, names: ['clickid', 'sub1', 'sub2', 'sub3', 'sub4', 'sub5'] });
    assert.deepEqual(DEFAULT_CLICK_PARAMS[0], 'clickid');
  });

  it('take a list of names in the order given', () => {
    assert.deepEqual(parseClickNames(' cid, source ,zone_id'), { ok: true, names: ['cid', 'source', 'zone_id'] });
  });

  it('refuse what cannot be a parameter or a placeholder, saying which', () => {
    const refused: Array<[string, RegExp]> = [
      ['click id', /"click id" is not a click parameter name/],
      ['1sub', /"1sub"/],
      ['__proto__', /"__proto__"/],
      ['sub-1', /"sub-1"/],
      ['a'.repeat(25), /at most 24 characters/],
      ['clickid,txid', /"txid" is a postback placeholder/],
      ['clickid,msisdn_hash', /"msisdn_hash"/],
      ['clickid,sub1,clickid', /"clickid" is listed twice/],
      [Array.from({ length: CLICK_PARAMS_MAX + 1 }, (_, i) => `s${i}`).join(','), /at most 8 click parameters, not 9/],
    ];
    for (const [list, message] of refused) {
      const result = parseClickNames(list);
      assert.equal(result.ok, false, list);
      assert.match((result as { message: string }).message, message);
    }
  });
});

describe('the click values a page hands the component', () => {
  const names = [...DEFAULT_CLICK_PARAMS];

  it('are the first value of each listed name, kept only if it fits', () => {
    const long = 'a'.repeat(CLICK_VALUE_MAX_CHARS);
    const search = `?clickid=abc123&sub1=banner7&sub2=&sub3=a%20b&sub4=x.y_z~1-2&sub4=second&other=1&sub5=${long}`;
    assert.deepEqual(clickFromQuery(search, names), { clickid: 'abc123', sub1: 'banner7', sub4: 'x.y_z~1-2', sub5: long });
  });

  it('drop hostile values rather than send them', () => {
    const hostile = [
      'a'.repeat(CLICK_VALUE_MAX_CHARS + 1),
      '%7Bclickid%7D',
      'a%26sub1%3Dx',
      'a%23frag',
      'a%25',
      'a%00b',
      'a%0D%0Ab',
      '%D9%A1%D9%A2',
      'caf%C3%A9',
      'a+b',
      'a%2Fb',
    ];
    for (const value of hostile) assert.deepEqual(clickFromQuery(`?clickid=${value}&sub1=ok`, names), { sub1: 'ok' }, value);
  });

  it('read only the names listed', () => {
    assert.deepEqual(clickFromQuery(new URLSearchParams({ cid: 'c1', clickid: 'x', source: 'push' }), ['cid', 'source']), { cid: 'c1', source: 'push' });
  });
});

describe('the click field of a send, at the proxy', () => {
  const names = ['clickid', 'sub1', 'constructor'];
  const send = z.strictObject({ msisdn: z.string(), click: z.optional(clickSchema(names)) });
  /** The proxy names the field with the first issue's path, joined with dots. */
  const field = (body: unknown) => {
    const parsed = send.safeParse(body);
    return parsed.success ? 'accepted' : parsed.error.issues[0]!.path.map(String).join('.');
  };

  it('names the field at fault', () => {
    assert.equal(field({ msisdn: '1', click: { clickid: 'abc123', sub1: 'banner7' } }), 'accepted');
    assert.equal(field({ msisdn: '1' }), 'accepted');
    assert.equal(field({ msisdn: '1', click: { clickid: 'abc 123' } }), 'click.clickid');
    assert.equal(field({ msisdn: '1', click: { sub1: 'a'.repeat(129) } }), 'click.sub1');
    assert.equal(field({ msisdn: '1', click: { sub1: '' } }), 'click.sub1');
    assert.equal(field({ msisdn: '1', click: { sub1: 7 } }), 'click.sub1');
    assert.equal(field({ msisdn: '1', click: { sub9: 'x' } }), 'click.sub9');
    assert.equal(field(JSON.parse('{"msisdn":"1","click":{"__proto__":"x"}}')), 'click.__proto__');
    assert.equal(field({ msisdn: '1', click: ['abc'] }), 'click');
    assert.equal(field({ msisdn: '1', click: 'abc' }), 'click');
  });

  it('accepts exactly what the component keeps', () => {
    const key = fc.oneof(fc.constantFrom(...names, 'sub2', 'toString', '__proto__'), fc.string({ maxLength: 8 }));
    const value = fc.oneof(fc.stringMatching(/^[A-Za-z0-9._~-]{0,130}$/), fc.string(), fc.constantFrom('{clickid}', 'a&b', 'a#b', 'é'));
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 4 }), (click) => {
        const proxy = clickSchema(names).safeParse(click).success;
        const kept = Object.keys(click).every((k) => names.includes(k) && isClickValue(click[k]));
        assert.equal(proxy, kept);
        if (kept) assert.deepEqual(clickFromQuery(new URLSearchParams(click), names), { ...click });
      }),
      { numRuns: 500 },
    );
  });
});

describe('the component’s side of the rules', () => {
  const bundled = async (file: string) => {
    const result = await build({ entryPoints: [fileURLToPath(new URL(file, import.meta.url))], bundle: true, write: false, format: 'esm', metafile: true, logLevel: 'silent' });
    return Object.keys(result.metafile.inputs);
  };

  it('bundles without zod, which the proxy’s side needs', async () => {
    assert.ok(!(await bundled('../../src/contract/click.ts')).some((input) => input.includes('node_modules/zod')));
    assert.ok((await bundled('../../src/contract/click-schema.ts')).some((input) => input.includes('node_modules/zod')));
  });
});
