/**
 * Whatever comes back from the proxy's address (a proxy with a bug, a newer or
 * older one, a CDN, a captive portal, an attacker on the path), the form ends
 * where a person can read it and act, with no uncaught error. fetch is stood
 * in for here, and only here: what it answers is the point of these tests.
 */
import fc from 'fast-check';
import sinon from 'sinon';
import { conforms, ERROR_REPLY, SEND_REPLY, VERIFY_REPLY } from '../../src/contract/replies.js';
import { ERROR_CODES, isErrorCode } from '../../src/contract/errors.js';
import { ErrorReply, SendReply, VerifyReply } from '../../src/contract/wire.js';
import { $, buttonNamed, codeInput, errorText, expect, mount, phoneInput, stepIs, submitNumber, typeInto, waitUntil, type El } from './support.js';
import { click, paste, press } from './input.js';

interface Answer {
  status: number;
  /** The body as sent: JSON text (numbers JSON.stringify cannot write included), or anything else. */
  body: string;
  headers: Record<string, string>;
  /** The request fails as when the network drops. */
  fails: boolean;
}

/** JSON numbers that are not JS numbers: JSON.parse reads `1e999` as Infinity. */
const NUMBER = '\u00a7number\u00a7';
const rawNumber = fc.constantFrom('1e999', '-1e999', '1e308', '-1', '-0', '0.5', '1e21', '9007199254740993').map((n) => NUMBER + n);
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), rawNumber, fc.integer({ min: -5, max: 100_000 }));
const toJson = (value: unknown) => JSON.stringify(value)?.replace(new RegExp(`"${NUMBER}([^"]*)"`, 'g'), '$1') ?? 'null';

/** Objects shaped like the contract's replies, each field anything from right to absurd. */
const replyLike = fc.record(
  {
    ok: fc.oneof(fc.boolean(), anyValue),
    error: fc.oneof(fc.constantFrom(...ERROR_CODES, 'brand_new_code', '', 'constructor', '__proto__'), anyValue),
    message: fc.oneof(fc.string(), anyValue),
    retryAfter: fc.oneof(fc.integer({ min: 0, max: 90_000 }), anyValue),
    attemptsLeft: fc.oneof(fc.integer({ min: 0, max: 5 }), anyValue),
    field: fc.oneof(fc.constantFrom('msisdn', 'country', 'otp', 'session'), anyValue),
    session: fc.oneof(fc.constant('v2.token'), anyValue),
    resendAfter: fc.oneof(fc.integer({ min: 0, max: 90_000 }), anyValue),
    expiresIn: fc.oneof(fc.constant(600), anyValue),
    msisdn: fc.oneof(fc.constant('+971501234567'), fc.string(), anyValue),
    verified: fc.oneof(fc.constant(true), anyValue),
  },
  { requiredKeys: [] },
);

const header = fc.oneof(fc.stringMatching(/^[ -~]{0,12}$/), fc.constantFrom('1e999', '-5', '120', ' 30 ', '99999999999', 'Wed, 21 Oct 2015 07:28:00 GMT'));
const answer: fc.Arbitrary<Answer> = fc.record({
  status: fc.oneof(fc.constantFrom(200, 400, 404, 409, 410, 422, 429, 500, 502, 503, 504), fc.integer({ min: 200, max: 599 })),
  body: fc.oneof(replyLike.map(toJson), anyValue.map(toJson), fc.string(), fc.constantFrom('', '<html><h1>502 Bad Gateway</h1></html>', '{"ok":')),
  headers: fc.record({ 'retry-after': header, 'content-type': fc.constantFrom('application/json', 'text/html', 'text/plain') }, { requiredKeys: [] }),
  fails: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});

function respond({ status, body, headers, fails }: Answer): Promise<Response> {
  if (fails) return Promise.reject(new TypeError('Failed to fetch'));
  // These statuses have no body by definition.
  const none = status === 204 || status === 205 || status === 304;
  return Promise.resolve(new Response(none ? null : body, { status, headers }));
}

/** Errors nobody caught, in the page. */
const uncaught: unknown[] = [];
const onError = (event: ErrorEvent) => uncaught.push(event.error ?? event.message);
const onRejection = (event: PromiseRejectionEvent) => uncaught.push(event.reason);

/** Words only: no code, no JSON, no value a sentence could not hold. */
const UNREADABLE = /undefined|NaN|Infinity|null|\[object|[_{}<>]|e\+\d/;

async function expectReadable(el: El, what: string): Promise<void> {
  await waitUntil(() => el.step !== 'sending' && el.step !== 'verifying', `${what}: still busy on "${el.step}"`, { timeout: 3_000 });
  await el.updateComplete;
  expect(uncaught, `${what}: uncaught errors`).to.deep.equal([]);
  const text = ($(el, '.root').textContent ?? '').replace(/\s+/g, ' ');
  expect(text, what).not.to.match(UNREADABLE);
  expect(errorText(el), `${what}: the error is a sentence`).to.match(/^$|[.!]$/);
  if (el.step !== 'done') {
    const usable = [...el.shadowRoot!.querySelectorAll('button')].some((b) => b.getAttribute('aria-disabled') !== 'true');
    const waiting = !!el.shadowRoot!.querySelector('#countdown');
    expect(usable || waiting, `${what}: something to do, or a countdown to wait out`).to.be.true;
  }
}

describe('replies the contract does not describe', () => {
  beforeEach(() => {
    uncaught.length = 0;
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    sinon.restore();
  });

  it('says when to try again for a 429 whose retryAfter is 1e999 (Infinity once parsed)', async () => {
    sinon.stub(window, 'fetch').callsFake(() => respond({ status: 429, body: '{"ok":false,"error":"rate_limited","retryAfter":1e999}', headers: {}, fails: false }));
    const el = await mount();
    await submitNumber(el, '0501234567');
    await expectReadable(el, '1e999');
    expect(errorText(el)).to.equal('Too many attempts. Try again in 60 seconds.');
  });

  it('ends every send readable, whatever the answer (status, headers, body)', async () => {
    const el = await mount();
    await typeInto(phoneInput(el), '0501234567');
    const fetch = sinon.stub(window, 'fetch');
    await fc.assert(
      fc.asyncProperty(answer, async (reply) => {
        fetch.callsFake(() => respond(reply));
        // A code step from the last run: back to the number, which the field keeps.
        if (el.step === 'code') await click(buttonNamed(el, 'Change number')!);
        await waitUntil(() => phoneInput(el), 'the number field');
        phoneInput(el).focus();
        await press('Enter');
        await expectReadable(el, JSON.stringify(reply));
      }),
      { numRuns: 15, endOnFailure: true },
    );
  });

  it('ends every verify readable, whatever the answer (status, headers, body)', async () => {
    const sent = { status: 200, body: JSON.stringify({ ok: true, session: 'v2.token', resendAfter: 0, expiresIn: 600, msisdn: '+971501234567' }), headers: {}, fails: false };
    let next: Answer = sent;
    sinon.stub(window, 'fetch').callsFake((url) => respond(String(url).endsWith('/send') ? sent : next));
    const el = await mount();
    await submitNumber(el, '0501234567');
    await stepIs(el, 'code');
    await fc.assert(
      fc.asyncProperty(answer, async (reply) => {
        next = reply;
        // A session the last answer ended (locked, expired, confirmed): a new code first, as a person would get one.
        if (el.step === 'done') {
          el.reset();
          // The number field is drawn on the next update, as a person would see it.
          await waitUntil(() => phoneInput(el), 'the number field after reset()');
        }
        if (el.step === 'number') await submitNumber(el, '0501234567');
        else if (!codeInput(el)) await click(buttonNamed(el, 'Send a new code')!);
        await stepIs(el, 'code');
        await paste(codeInput(el), '123456');
        await expectReadable(el, JSON.stringify(reply));
      }),
      { numRuns: 15, endOnFailure: true },
    );
  });

  it('reads replies as the proxy’s tests hold them: conforms agrees with the zod schemas', () => {
    const parsed = fc.oneof(replyLike.map(toJson), anyValue.map(toJson)).map((text) => JSON.parse(text) as unknown);
    fc.assert(
      fc.property(parsed, (value) => {
        expect(conforms(SEND_REPLY, value), 'send').to.equal(SendReply.safeParse(value).success);
        expect(conforms(VERIFY_REPLY, value), 'verify').to.equal(VerifyReply.safeParse(value).success);
        // The component takes any code (one it does not know is `bad_reply`); the proxy must send the contract's.
        const error = conforms(ERROR_REPLY, value) && isErrorCode((value as { error: unknown }).error);
        expect(error, 'error').to.equal(ErrorReply.safeParse(value).success);
      }),
      { numRuns: 500 },
    );
  });
});
