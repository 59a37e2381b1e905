/**
 * The postback template: refused at start-up when it could go wrong, and
 * rendered so that no value, however hostile, changes the URL's host, path
 * or other parameters. The worked templates of docs/trackers.md, rendered.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { createPostbackKeys, encodeValue, parsePostbackTemplate, preparePostback, type PostbackTemplate, type PostbackTemplateOptions } from '../../src/proxy/postback.js';
import { TRACKERS } from '../../src/kit/trackers.js';

function parse(text: string, options: PostbackTemplateOptions = {}): PostbackTemplate {
  const result = parsePostbackTemplate(text, options);
  assert.ok(result.ok, `refused: ${(result as { message: string }).message}`);
  return result.template;
}

function refusal(text: string, options: PostbackTemplateOptions = {}): string {
  const result = parsePostbackTemplate(text, options);
  assert.equal(result.ok, false, `accepted: ${text}`);
  return (result as { message: string }).message;
}

describe('a postback template at start-up', () => {
  it('is refused with a sentence that says what to fix', () => {
    assert.match(refusal('https://t.example/pb?cid={clikid}'), /has \{clikid\}, which is not a placeholder: it may use \{clickid\}, \{sub1\}, .*\{txid\}, \{country\}, \{event\}, \{payout\}, \{msisdn_hash\}/);
    assert.match(refusal('https://t.example/pb?cid={clickid}', { clickNames: ['cid', 'source'] }), /has \{clickid\}, which is not a placeholder: it may use \{cid\}, \{source\}, \{txid\}/);
    assert.match(refusal('ftp://t.example/pb?cid={clickid}'), /must be an http or https URL, not ftp:/);
    assert.match(refusal('javascript:alert(1)//?{clickid}'), /must be an http or https URL/);
    assert.match(refusal('t.example/pb?cid={clickid}'), /is not a URL/);
    assert.match(refusal('https://{clickid}.t.example/pb'), /placeholder before the query string/);
    assert.match(refusal('https://t.example/{clickid}/pb?x=1'), /placeholder before the query string/);
    assert.match(refusal('https://t.example/pb/{clickid}'), /placeholder before the query string/);
    assert.match(refusal('https://t.example/pb?cid=1&{clickid}=1'), /has \{clickid\} in a parameter's name: placeholders may only stand in values/);
    assert.match(refusal('https://t.example/pb?{clickid}'), /in a parameter's name/);
    assert.match(refusal('https://t.example/pb?cid={clickid}#top'), /#fragment/);
    assert.match(refusal('https://user:pass@t.example/pb?cid={clickid}'), /user or password/);
    assert.match(refusal('https://t.example/pb?cid={clickid'), /has a "\{" at position 26 that is not part of a \{placeholder\}/);
    assert.match(refusal('https://t.example/pb?cid=clickid}'), /has a "\}"/);
    assert.match(refusal('https://t.example/pb?cid={{clickid}}'), /has a "\{"/);
    assert.match(refusal('https://t.example/pb?cid={clickid}&note=a b'), /space, control or non-ASCII character at position 42/);
    assert.match(refusal('https://t.example/pb?cid={clickid}\t&x=1'), /space, control or non-ASCII/);
    assert.match(refusal('https://tracker.例え.jp/pb?cid={clickid}'), /xn--/);
    assert.match(refusal('https://t.example/pb?cid={clickid}&p={payout}'), /uses \{payout\}, but no payout is set/);
    assert.match(refusal('https://t.example/pb?cid={clickid}&p={payout}', { payout: '1,50' }), /not a number like 1\.50/);
    assert.match(refusal(''), /is empty/);
    assert.match(refusal(`https://t.example/pb?cid={clickid}&x=${'a'.repeat(2048)}`), /longer than 2048 characters/);
  });

  it('is accepted with placeholders anywhere in the query, and knows which it uses', () => {
    const template = parse(' https://t.example:8443/a/pb?s=1&cid={clickid}-{sub2}&tx=a={txid} ');
    assert.equal(template.source, 'https://t.example:8443/a/pb?s=1&cid={clickid}-{sub2}&tx=a={txid}');
    assert.ok(template.uses('txid') && template.uses('sub2') && !template.uses('country'));
  });
});

/** Strings as they come: any code unit, lone surrogates and controls included, and the ones meant to break a URL. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('{clickid}', '&cid=evil', 'a#b', '%', '%41', '%%', '../../x', '/', '?', '=', '+', ' ', '\u0000', '\r\nX-Evil: 1', 'ê', '\uD800', '@evil.example', 'a'.repeat(5000)),
);

describe('a rendered postback', () => {
  const template = parse(
    'https://tracker.example:8443/a/b/postback?cid={clickid}&s1={sub1}&both={sub2}-{sub3}&s4={sub4}&tx={txid}&ev={event}&c={country}&h={msisdn_hash}&keep=1&p={payout}',
    { payout: '1.50' },
  );
  const wellFormed = (s: string) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

  it('keeps its host, path and parameters whatever the values hold, and carries each value intact', () => {
    fc.assert(
      fc.property(fc.tuple(hostile, hostile, hostile, hostile, hostile, hostile, hostile), ([clickid, sub1, sub2, sub3, sub4, country, txid]) => {
        const rendered = new URL(template.render({ txid, event: 'verified', country, msisdn_hash: 'ab'.repeat(32), click: { clickid, sub1, sub2, sub3, sub4 } }));
        assert.equal(rendered.origin, 'https://tracker.example:8443');
        assert.equal(rendered.pathname, '/a/b/postback');
        assert.equal(rendered.hash, '');
        const keys = [...rendered.searchParams.keys()];
        assert.deepEqual(keys, ['cid', 's1', 'both', 's4', 'tx', 'ev', 'c', 'h', 'keep', 'p']);
        const get = (name: string) => rendered.searchParams.get(name);
        assert.equal(get('cid'), wellFormed(clickid));
        assert.equal(get('s1'), wellFormed(sub1));
        assert.equal(get('both'), `${wellFormed(sub2)}-${wellFormed(sub3)}`);
        assert.equal(get('s4'), wellFormed(sub4));
        assert.equal(get('tx'), wellFormed(txid));
        assert.equal(get('c'), wellFormed(country));
        assert.equal(get('ev'), 'verified');
        assert.equal(get('keep'), '1');
        assert.equal(get('p'), '1.50');
        // Nothing but unreserved characters and escapes: no value can add a delimiter.
        assert.match(rendered.search, /^\?[A-Za-z0-9._~%=&-]*$/);
      }),
      { numRuns: 2_000 },
    );
  });

  it('puts a value in once: a placeholder inside a value stays text', () => {
    const url = new URL(template.render({ txid: '{clickid}', event: 'sent', click: { clickid: '{txid}', sub1: '{sub1}' } }));
    assert.equal(url.searchParams.get('cid'), '{txid}');
    assert.equal(url.searchParams.get('tx'), '{clickid}');
    assert.equal(url.searchParams.get('s1'), '{sub1}');
    assert.ok(url.search.includes('cid=%7Btxid%7D'));
  });

  it('leaves what a conversion does not have empty', () => {
    const url = new URL(template.render({ txid: 't1', event: 'verified', click: { clickid: 'abc123' } }));
    assert.equal(url.searchParams.get('cid'), 'abc123');
    assert.equal(url.searchParams.get('s1'), '');
    assert.equal(url.searchParams.get('c'), '');
  });

  it('encodes more strictly than encodeURIComponent, which keeps !\'()*', () => {
    assert.equal(encodeValue("a!'()*b"), 'a%21%27%28%29%2Ab');
    assert.equal(encodeValue('é\uD800'), '%C3%A9%EF%BF%BD');
    assert.equal(encodeValue('A-z_0.9~'), 'A-z_0.9~');
  });
});

describe('a conversion’s postback', () => {
  const SECRET = 'postback-secret-0123456789abcdef0123456789';
  const MSISDN = '971501234567';
  const keys = createPostbackKeys(SECRET);
  const template = parse('https://t.example/pb?cid={clickid}&s={sub1}&tx={txid}&h={msisdn_hash}&c={country}');
  const conversion = { sessionId: 'f'.repeat(32), event: 'verified' as const, msisdn: MSISDN, country: 'AE', click: { clickid: 'abc123', sub1: 'banner7' } };

  it('carries the click values, the country, a txid and a keyed hash of the number, never the number or the secret', async () => {
    const entry = await preparePostback({ template, keys }, conversion, 1_000);
    assert.ok(entry);
    const url = new URL(entry.url);
    assert.deepEqual(Object.fromEntries(url.searchParams), {
      cid: 'abc123',
      s: 'banner7',
      tx: entry.txid,
      h: await keys.msisdnHash(MSISDN),
      c: 'AE',
    });
    assert.deepEqual({ event: entry.event, method: entry.method, createdAt: entry.createdAt }, { event: 'verified', method: 'GET', createdAt: 1_000 });
    assert.match(entry.txid, /^[0-9a-f]{32}$/);
    assert.match(url.searchParams.get('h')!, /^[0-9a-f]{64}$/);
    const plainHash = createHash('sha256').update(MSISDN).digest('hex');
    assert.notEqual(url.searchParams.get('h'), plainHash, 'not a plain hash, which anyone can reverse by trying every number');
    for (const secret of [MSISDN, MSISDN.slice(3), SECRET, encodeURIComponent(SECRET), conversion.sessionId]) assert.ok(!entry.url.includes(secret));
  });

  it('has one txid per session and event, on every instance with the secret', async () => {
    const other = createPostbackKeys(SECRET);
    const txid = await keys.txid('s1', 'verified');
    assert.equal(await other.txid('s1', 'verified'), txid);
    assert.notEqual(await keys.txid('s1', 'sent'), txid);
    assert.notEqual(await keys.txid('s2', 'verified'), txid);
    assert.notEqual(await createPostbackKeys(`${SECRET}x`).txid('s1', 'verified'), txid);
    assert.equal(await other.msisdnHash(MSISDN), await keys.msisdnHash(MSISDN));
    assert.notEqual(await createPostbackKeys(`${SECRET}x`).msisdnHash(MSISDN), await keys.msisdnHash(MSISDN));
  });

  it('is not sent for a conversion without a click id, unless the template uses no click parameter', async () => {
    assert.equal(await preparePostback({ template, keys }, { ...conversion, click: {} }, 0), undefined);
    assert.equal(await preparePostback({ template, keys }, { ...conversion, click: { sub1: 'banner7' } }, 0), undefined);
    assert.equal(await preparePostback({ template, keys }, { ...conversion, click: { clickid: '' } }, 0), undefined);
    assert.equal(await preparePostback({ template, keys }, { ...conversion, click: undefined }, 0), undefined);
    const subOnly = parse('https://t.example/pb?s={sub1}');
    assert.equal(await preparePostback({ template: subOnly, keys }, { ...conversion, click: { sub1: 'b' } }, 0), undefined);
    const noClick = parse('https://own.example/conversions?tx={txid}&c={country}');
    const entry = await preparePostback({ template: noClick, keys, method: 'POST' }, { ...conversion, click: undefined }, 0);
    assert.equal(entry?.method, 'POST');
    const custom = parse('https://t.example/pb?cid={cid}&src={source}', { clickNames: ['cid', 'source'] });
    assert.equal(await preparePostback({ template: custom, keys }, { ...conversion, click: { source: 'push' } }, 0), undefined);
    assert.ok(await preparePostback({ template: custom, keys }, { ...conversion, click: { cid: 'c1' } }, 0));
  });

  it('computes the hash only when the template asks for it', async () => {
    let hashed = 0;
    const counting = { ...keys, msisdnHash: async (m: string) => (hashed++, keys.msisdnHash(m)) };
    await preparePostback({ template: parse('https://t.example/pb?cid={clickid}'), keys: counting }, conversion, 0);
    assert.equal(hashed, 0);
  });
});

describe('the worked templates of docs/trackers.md', async () => {
  const doc = await readFile(new URL('../../docs/trackers.md', import.meta.url), 'utf8');
  const templates = [...doc.matchAll(/^## (\w+)\n[\s\S]*?```postback\n(.+)\n```/gm)].map((m) => ({ tracker: m[1]!, text: m[2]! }));
  /** Where each tracker reads the click id, from its documentation. */
  const CLICK_ID_PARAM: Record<string, string> = { Voluum: 'cid', Binom: 'cnv_id', Keitaro: 'subid', RedTrack: 'clickid', Everflow: 'transaction_id' };

  it('covers the common trackers, each with a cited source', () => {
    assert.deepEqual(templates.map((t) => t.tracker), Object.keys(CLICK_ID_PARAM));
    for (const { tracker } of templates) {
      const section = doc.split(`## ${tracker}\n`)[1]!.split('\n## ')[0]!;
      assert.match(section, /Sources?: <https:\/\//, `${tracker} cites its documentation`);
    }
  });

  it('are the templates both kits’ READMEs show, with the same landing URLs', () => {
    assert.deepEqual(
      templates.map((t) => [t.tracker, t.text]),
      TRACKERS.map((t) => [t.name, t.postback]),
    );
    for (const { name, token } of TRACKERS) assert.ok(doc.includes(`Landing URL in ${name}: \`https://landing.example/?clickid=${token}\``), name);
  });

  for (const { tracker, text } of templates) {
    it(`renders ${tracker}'s with the click id where ${tracker} reads it`, async () => {
      const template = parse(text, { payout: '1.50' });
      const entry = await preparePostback(
        { template, keys: createPostbackKeys('docs-secret-0123456789abcdef0123456789') },
        { sessionId: 's'.repeat(32), event: 'verified', msisdn: '971501234567', country: 'AE', click: { clickid: 'abc123', sub1: 'banner7' } },
        0,
      );
      const url = new URL(entry!.url);
      assert.equal(url.searchParams.get(CLICK_ID_PARAM[tracker]!), 'abc123');
      assert.ok(!url.search.includes('{'), 'every placeholder filled');
      if (template.uses('payout')) assert.ok([...url.searchParams.values()].includes('1.50'));
      if (template.uses('txid')) assert.ok([...url.searchParams.values()].includes(entry!.txid));
    });
  }
});
