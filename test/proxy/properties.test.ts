/**
 * Whatever arrives, the proxy answers with a 4xx JSON error with a stable
 * code, never a 5xx, and never calls Offer18; and whatever it accepts reaches
 * Offer18 as exactly the canonical number with the fixed parameters.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Agent, postRaw, type Outcome } from '../helpers/load.js';
import { ERRORS } from '../../src/contract/index.js';
import { assertNoKey, startHarness, TEST_KEY, type Harness } from '../helpers/harness.js';

const RUNS = 1_000;

/** Spellings of known numbers, with the digits Offer18 must receive. */
const KNOWN: Array<[string, string | undefined, string]> = [
  ['+971 50 123 4567', undefined, '971501234567'],
  ['00971501234567', undefined, '971501234567'],
  ['050 123 4567', 'AE', '971501234567'],
  ['٠٥٠١٢٣٤٥٦٧', 'AE', '971501234567'],
  ['+966 50 123 4567', undefined, '966501234567'],
  ['0501234567', 'SA', '966501234567'],
  ['+44 7400 123456', undefined, '447400123456'],
  ['07400 123456', 'GB', '447400123456'],
  ['+62 812-3456-789', undefined, '628123456789'],
  ['+20 100 123 4567', undefined, '201001234567'],
];

const SKIP_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'keep-alive', 'upgrade', 'expect', 'te', 'trailer', 'proxy-connection', 'content-type', 'origin', 'content-encoding']);
const headerName = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/).filter((n) => !SKIP_HEADERS.has(n));
const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,60}$/).map((v) => v.trim());

const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'Application/JSON') },
  { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/jsonx', '', 'application/ld+json') },
);
const origin = (self: string) =>
  fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: fc.constant(self) }, { weight: 1, arbitrary: fc.constantFrom('https://evil.example', 'null', 'http://127.0.0.1:1') });

const anyJsonText = fc.oneof(
  fc.json(),
  fc.string().map((s) => JSON.stringify(s)),
  fc.string(),
  fc.constantFrom('', '{', '[]', 'null', '{"msisdn":', '{"__proto__":{"msisdn":"+971501234567"}}', '{"constructor":{"prototype":{}}}'),
);

const sendShaped = fc.record(
  {
    msisdn: fc.oneof(fc.string(), fc.integer(), fc.array(fc.string()), fc.constant(null), fc.constantFrom(...KNOWN.map((k) => k[0])), fc.stringMatching(/^\+?[0-9 ]{0,20}$/)),
    country: fc.oneof(fc.constantFrom('AE', 'SA', 'GB', 'ae', 'XX', 'ARE', ''), fc.string(), fc.integer()),
    extra: fc.anything(),
  },
  { requiredKeys: [] },
);
const knownSend = fc.constantFrom(...KNOWN).map(([msisdn, country, expected]) => ({ body: country ? { msisdn, country } : { msisdn }, expected }));

const sendBody = fc.oneof(
  { weight: 3, arbitrary: anyJsonText.map((text) => ({ text, expected: undefined as string | undefined })) },
  { weight: 4, arbitrary: sendShaped.map((b) => ({ text: JSON.stringify(b), expected: undefined as string | undefined })) },
  { weight: 3, arbitrary: knownSend.map(({ body, expected }) => ({ text: JSON.stringify(body), expected: expected as string | undefined })) },
);

/** Calling codes of the countries the generator names, written down here rather than asked of the code under test. */
const CALLING_CODES: Record<string, string> = { AE: '971', SA: '966', GB: '44' };
const FOLD = '٠١٢٣٤٥٦٧٨٩';

/**
 * The numbers a typed text can honestly mean, worked out without the
 * proxy's parser: its digits as an international number (`+971…`,
 * `00971…`, `971…`), or a national number (trunk `0` dropped) of the
 * country given. Whatever reaches Offer18 must be one of these.
 */
function readings(msisdn: unknown, country: unknown): string[] {
  if (typeof msisdn !== 'string') return [];
  const digits = [...msisdn].map((c) => (FOLD.includes(c) ? String(FOLD.indexOf(c)) : c)).join('').replace(/\D/g, '');
  const out = [digits, digits.replace(/^00/, '')];
  const code = typeof country === 'string' ? CALLING_CODES[country.toUpperCase()] : undefined;
  if (code) out.push(code + digits.replace(/^0/, ''));
  return out;
}

function assertStableError(answer: Outcome): void {
  assert.ok(answer.status >= 400 && answer.status < 500, `a 4xx, not ${answer.status}: ${answer.text}`);
  assert.equal(answer.body?.ok, false, answer.text);
  assert.ok(Object.hasOwn(ERRORS, answer.body.error), `a stable code: ${answer.body.error}`);
  assert.equal(ERRORS[answer.body.error as keyof typeof ERRORS].status, answer.status);
  assert.equal(typeof answer.body.message, 'string');
}

describe('properties', () => {
  let h: Harness;
  let dispatcher: Agent;
  before(async () => {
    h = await startHarness({ proxy: { allowedOrigins: [] } });
    dispatcher = new Agent({ connections: 8 });
  });
  after(async () => {
    await dispatcher.close();
    await h.close();
  });

  it(`send: ${RUNS} random bodies and headers → a 4xx with a stable code, or exactly the canonical number upstream`, { timeout: 120_000 }, async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(sendBody, contentType, origin(h.url), fc.dictionary(headerName, headerValue, { maxKeys: 4 }), async (body, type, from, extra) => {
        const before = h.sim.calls.length;
        const headers: Record<string, string> = { ...extra, 'content-type': type };
        if (from) headers.origin = from;
        const answer = await postRaw(dispatcher, `${h.url}/otp/send`, body.text, headers);
        assertNoKey('a reply', answer.text);
        const calls = h.sim.calls.slice(before);
        if (answer.status === 200) {
          accepted++;
          assert.equal(calls.length, 1);
          const parsed = JSON.parse(body.text);
          const { msisdn, ...fixed } = calls[0]!.params;
          assert.deepEqual(fixed, { key: TEST_KEY, aid: '1234', mid: '5678', partner: 'acme', userId: 'u-42' });
          assert.match(msisdn!, /^[1-9]\d{6,14}$/, 'international digits, no trunk 0, no +');
          if (body.expected) assert.equal(msisdn, body.expected);
          else assert.ok(readings(parsed.msisdn, parsed.country).includes(msisdn!), `${msisdn} is a reading of ${body.text}`);
        } else {
          assertStableError(answer);
          assert.equal(calls.length, 0, 'a refused request never reaches Offer18');
        }
      }),
      { numRuns: RUNS },
    );
    assert.ok(accepted > 100, `the valid spellings were exercised (${accepted} accepted)`);
  });

  it(`verify: ${RUNS} random bodies, headers and forged tokens → a 4xx with a stable code, no upstream call`, { timeout: 120_000 }, async () => {
    const { session } = await h.sendCode();
    const forged = fc
      .tuple(fc.nat({ max: session.length - 1 }), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.'))
      .map(([at, ch]) => session.slice(0, at) + ch + session.slice(at + 1))
      .filter((t) => t !== session);
    const verifyBody = fc.oneof(
      anyJsonText,
      fc.record({ session: fc.oneof(forged, fc.string(), fc.integer(), fc.constant(null)), otp: fc.oneof(fc.stringMatching(/^\d{4,8}$/), fc.string(), fc.integer()), extra: fc.anything() }, { requiredKeys: [] }).map((b) =>
        JSON.stringify(b),
      ),
      fc.record({ session: forged, otp: fc.stringMatching(/^\d{4,8}$/) }).map((b) => JSON.stringify(b)),
    );
    const before = h.sim.calls.length;
    await fc.assert(
      fc.asyncProperty(verifyBody, contentType, origin(h.url), fc.dictionary(headerName, headerValue, { maxKeys: 4 }), async (text, type, from, extra) => {
        const headers: Record<string, string> = { ...extra, 'content-type': type };
        if (from) headers.origin = from;
        const answer = await postRaw(dispatcher, `${h.url}/otp/verify`, text, headers);
        assertStableError(answer);
      }),
      { numRuns: RUNS },
    );
    assert.equal(h.sim.calls.length, before, 'no verify reached Offer18');
  });
});
