/**
 * Postbacks through the proxy, on a real port, against the tracker stub on
 * loopback: the click values of a send reach the tracker once the code is
 * verified, once per conversion however many verifies race, through a
 * tracker that fails and comes back; hostile values are refused before
 * anything reaches Offer18; a conversion without a click id fires nothing.
 * Retries wait a tenth of a second here (`OTP_POSTBACK_RETRY_MS`).
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertError, startHarness, type Harness } from '../helpers/harness.js';
import { startTracker, type Tracker } from '../helpers/tracker.js';
import { until } from '../helpers/wait.js';
import { MemoryPostbackOutbox } from '../../src/proxy/outbox.js';
import { CLICK_NAME_MAX_CHARS, CLICK_PARAMS_MAX, CLICK_VALUE_MAX_CHARS } from '../../src/contract/index.js';

let tracker: Tracker;
before(async () => {
  tracker = await startTracker();
});
after(() => tracker.close());
beforeEach(() => tracker.reset());

const CLICK = { clickid: 'abc123', sub1: 'banner7' };

/** A proxy whose postbacks go to the tracker through an outbox the test can look into. */
async function proxyWith(postback: Record<string, unknown>, clickParams?: string[]) {
  const outbox = new MemoryPostbackOutbox();
  const h = await startHarness({
    proxy: { postback: { retryMs: 100, timeoutMs: 2_000, ...postback }, ...(clickParams ? { clickParams } : {}), postbacks: outbox },
  });
  return { h, outbox };
}

async function sent(h: Harness, body: Record<string, unknown>): Promise<{ session: string; code: string }> {
  const reply = await h.post('/otp/send', { msisdn: '+971501234567', ...body });
  assert.equal(reply.status, 200, reply.text);
  return { session: reply.json.session, code: h.sim.lastCode()! };
}

async function converted(h: Harness, click?: Record<string, string>): Promise<number> {
  const { session, code } = await sent(h, click ? { click } : {});
  const reply = await h.post('/otp/verify', { session, otp: code });
  assert.equal(reply.status, 200, reply.text);
  return Date.now();
}

const lines = (h: Harness) => h.logs.flatMap((line) => (line.startsWith('{') ? [JSON.parse(line) as Record<string, unknown>] : []));

describe('a verified code with a click id', () => {
  let h: Harness;
  let outbox: MemoryPostbackOutbox;
  before(async () => {
    ({ h, outbox } = await proxyWith({ url: `${trackerUrl()}/pb?cid={clickid}&s1={sub1}&s2={sub2}&tx={txid}&ev={event}&c={country}&h={msisdn_hash}` }));
  });
  after(() => h.close());
  beforeEach(() => h.sim.reset());

  it('is one postback with its click values, within a second, and Offer18 never sees them', async () => {
    const verifiedAt = await converted(h, CLICK);
    await until(() => tracker.delivered().length === 1, 'the postback', 1_000);
    assert.ok(Date.now() - verifiedAt < 1_000, `${Date.now() - verifiedAt} ms after the verify`);
    const { url, method } = tracker.requests[0]!;
    assert.equal(method, 'GET');
    const params = Object.fromEntries(url.searchParams);
    assert.deepEqual({ ...params, tx: 'tx', h: 'h' }, { cid: 'abc123', s1: 'banner7', s2: '', tx: 'tx', ev: 'verified', c: 'AE', h: 'h' });
    assert.match(params.tx!, /^[0-9a-f]{32}$/);
    assert.match(params.h!, /^[0-9a-f]{64}$/);
    assert.ok(!url.href.includes('971501234567') && !url.href.includes('501234567'), 'no number in the postback');
    for (const call of h.sim.calls) assert.ok(!JSON.stringify(call.params).includes('abc123') && !JSON.stringify(call.params).includes('banner7'));
    await until(async () => (await outbox.size()) === 0, 'the delivery recorded');
    const delivered = lines(h).filter((l) => l.event === 'postback.delivered');
    assert.deepEqual(delivered.map((l) => [l.stage, l.status, l.txid]), [['verified', 200, params.tx]]);
  });

  it('is one postback however many verifies of the session race', async () => {
    const { session, code } = await sent(h, { click: CLICK });
    const replies = await Promise.all(Array.from({ length: 10 }, () => h.post('/otp/verify', { session, otp: code })));
    assert.equal(replies.filter((r) => r.status === 200).length, 1);
    // Every verify has answered, and a postback is in the outbox before its verify answers: all there will be are here.
    await until(async () => (await outbox.size()) === 0 && tracker.requests.length > 0, 'the postback');
    assert.equal(tracker.requests.length, 1);
    assert.equal(tracker.requests[0]!.url.searchParams.get('cid'), 'abc123');
  });

  it('is retried through a tracker answering 500, then down, then back: delivered once, with the same txid every time', async () => {
    tracker.mode = 'fail';
    await converted(h, { clickid: 'retried1' });
    await until(() => tracker.requests.length >= 2, 'two refused attempts');
    await tracker.down();
    const unreachable = () => lines(h).some((l) => l.event === 'postback.retry' && l.error === 'unreachable');
    await until(unreachable, 'an attempt while the tracker is down');
    await tracker.up();
    tracker.mode = 'ok';
    await until(async () => tracker.delivered().length === 1 && (await outbox.size()) === 0, 'the delivery');
    const txids = new Set(tracker.requests.map((r) => r.url.searchParams.get('tx')));
    assert.equal(txids.size, 1, 'one txid on every attempt');
    assert.ok(tracker.requests.slice(0, -1).every((r) => r.status === 500));
    const retries = lines(h).filter((l) => l.event === 'postback.retry');
    assert.ok(retries.every((l) => l.level === 'warn' && l.txid === [...txids][0]));
  });

  it('is not sent for a conversion without a click id', async () => {
    await converted(h);
    await converted(h, { sub1: 'banner7' });
    // Recorded before the verify answers, and pending until the tracker has it: neither happened.
    assert.equal(await outbox.size(), 0);
    assert.equal(tracker.requests.length, 0);
  });
});

describe('a postback template', () => {
  it('that uses no click parameter fires for every conversion, and sent,verified fires for each code sent too, as POST', async () => {
    const { h, outbox } = await proxyWith({ url: `${trackerUrl()}/own?tx={txid}&ev={event}`, on: 'sent,verified', method: 'POST' });
    try {
      const { session, code } = await sent(h, {});
      await until(() => tracker.delivered().length === 1, 'the lead');
      await h.post('/otp/verify', { session, otp: code });
      await until(() => tracker.delivered().length === 2, 'the conversion');
      assert.deepEqual(tracker.requests.map((r) => [r.method, r.url.searchParams.get('ev')]), [['POST', 'sent'], ['POST', 'verified']]);
      const [lead, sale] = tracker.requests.map((r) => r.url.searchParams.get('tx'));
      assert.notEqual(lead, sale, 'a lead and its conversion are two transactions');
      await until(async () => (await outbox.size()) === 0, 'both recorded as delivered');
    } finally {
      await h.close();
    }
  });

  it('takes the names of OTP_CLICK_PARAMS, as many and as long as they may be', async () => {
    const names = Array.from({ length: CLICK_PARAMS_MAX }, (_, i) => `${'p'.repeat(CLICK_NAME_MAX_CHARS - 1)}${i}`);
    const { h } = await proxyWith({ url: `${trackerUrl()}/pb?first={${names[0]}}&last={${names.at(-1)}}` }, names);
    try {
      const click = Object.fromEntries(names.map((name, i) => [name, `${i}`.padEnd(CLICK_VALUE_MAX_CHARS, '~')]));
      await converted(h, click);
      await until(() => tracker.delivered().length === 1, 'the postback');
      assert.equal(tracker.requests[0]!.url.searchParams.get('first'), click[names[0]!]);
      assert.equal(tracker.requests[0]!.url.searchParams.get('last'), click[names.at(-1)!]);
      assertError(await h.post('/otp/send', { msisdn: '+971501234567', click: { clickid: 'abc123' } }), 400, 'invalid_request');
    } finally {
      await h.close();
    }
  });
});

describe('hostile click values', () => {
  let h: Harness;
  before(async () => {
    ({ h } = await proxyWith({ url: `${trackerUrl()}/pb?cid={clickid}&s1={sub1}&tx={txid}` }));
  });
  after(() => h.close());

  it('are refused with invalid_request naming the field, before anything reaches Offer18', async () => {
    h.sim.reset();
    const refused: Array<[unknown, string]> = [
      [{ clickid: 'a'.repeat(CLICK_VALUE_MAX_CHARS + 1) }, 'click.clickid'],
      [{ clickid: 'abc\u0000' }, 'click.clickid'],
      [{ sub1: 'a\r\nX-Evil: 1' }, 'click.sub1'],
      [{ clickid: '{sub1}' }, 'click.clickid'],
      [{ clickid: 'abc&cid=evil' }, 'click.clickid'],
      [{ clickid: 'abc#frag' }, 'click.clickid'],
      [{ clickid: 'abc%26x' }, 'click.clickid'],
      [{ sub1: 'café' }, 'click.sub1'],
      [{ sub1: '١٢٣' }, 'click.sub1'],
      [{ clickid: '' }, 'click.clickid'],
      [{ clickid: 7 }, 'click.clickid'],
      [{ txid: 'forged' }, 'click.txid'],
      [JSON.parse('{"__proto__": "x"}'), 'click.__proto__'],
      [['abc123'], 'click'],
      ['abc123', 'click'],
    ];
    for (const [click, field] of refused) {
      const reply = await h.post('/otp/send', { msisdn: '+971501234567', click });
      assertError(reply, 400, 'invalid_request');
      assert.equal(reply.json.field, field, JSON.stringify(click));
    }
    assert.equal(h.sim.calls.length, 0);
  });

  it('that fit go into the postback as they came, never changing its host, path or other parameters', async () => {
    h.sim.reset();
    await converted(h, { clickid: 'A-z_0.9~', sub1: '-._~' });
    await until(() => tracker.delivered().length === 1, 'the postback');
    const { url } = tracker.requests[0]!;
    assert.equal(url.pathname, '/pb');
    assert.deepEqual([...url.searchParams.keys()], ['cid', 's1', 'tx']);
    assert.deepEqual([url.searchParams.get('cid'), url.searchParams.get('s1')], ['A-z_0.9~', '-._~']);
  });
});

function trackerUrl(): string {
  return tracker.origin;
}
