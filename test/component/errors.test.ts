import sinon from 'sinon';
import { UPSTREAM_TIMEOUT_MAX_MS } from '../../src/contract/timing.js';
import { REQUEST_TIMEOUT_MS } from '../../src/component/api.js';
import {
  $,
  buttonNamed,
  codeInput,
  enterCode,
  errorText,
  expect,
  html,
  lastCode,
  mount,
  oneEvent,
  phoneInput,
  simulator,
  statusText,
  stepIs,
  submitButton,
  submitNumber,
  toCodeStep,
  typeInto,
  waitUntil,
  wrong,
  type El,
} from './support.js';
import { RESEND_AFTER, STRICT } from './proxy-settings.js';
import { click, press, type } from './input.js';

const UNAVAILABLE = 'The service is not available right now. Try again in a moment.';
const SLOW = 'The service is taking too long to answer. Try again in a moment.';
const OFFLINE = 'You seem to be offline. Check your connection and try again.';

// Every reply here comes from the real proxy and simulator, put in the state that gives it, except the
// few no browser test can stage, which a stubbed fetch stands in for (`reply`): a store that is down, a
// Host header the page cannot choose, a bug, a code newer than this component, a load balancer's own
// page, and refusals of numbers and codes the component never sends (it refuses them itself first).
function reply(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': typeof body === 'string' ? 'text/html' : 'application/json', ...headers },
  });
}

const realFetch = window.fetch.bind(window);

/**
 * The page's setTimeout, run by the test. waitUntil leaves its own timeouts behind, which may be cleared
 * while this clock is in place: that is not an error.
 */
const fakeTimeouts = () => sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldClearNativeTimers: true });

/** A number no other test sends to: the strict proxy sends one code per number. */
const freshNumber = () => `050${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

/** Sends a code to a fresh number through the strict proxy (whose simulator's inbox the tests do not read). */
async function sendFresh(el: El): Promise<void> {
  const sent = oneEvent(el, 'otp-sent');
  await typeInto(phoneInput(el), freshNumber());
  await press('Enter');
  await sent;
  await el.updateComplete;
}

/** The session of the last code sent, read from the proxy's real reply on its way to the element. */
function watchSession(): () => string {
  let session = '';
  sinon.stub(window, 'fetch').callsFake(async (input, init) => {
    const response = await realFetch(input, init);
    if (String(input).endsWith('/send') && response.ok) session = ((await response.clone().json()) as { session: string }).session;
    return response;
  });
  return () => session;
}

/** A verify made beside the element, as another tab would (or anyone holding the session). */
async function verifyBeside(session: string, otp: string): Promise<{ status: number; error?: string }> {
  const response = await realFetch('/otp/verify', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ session, otp }) });
  return { status: response.status, error: ((await response.json()) as { error?: string }).error };
}

/** To the code step, with the session of the code sent, and the code. */
async function toCodeStepWatched(el: El): Promise<{ session: string; code: string }> {
  const session = watchSession();
  const code = await toCodeStep(el);
  return { session: session(), code };
}

async function expectRefusedOnSend(el: El, number: string, code: string, sentence: string): Promise<void> {
  const failed = oneEvent(el, 'otp-error');
  await submitNumber(el, number);
  expect((await failed).detail).to.include({ code, message: sentence });
  await stepIs(el, 'number');
  expect(errorText(el)).to.equal(sentence);
}

describe('errors from the proxy, in words', () => {
  afterEach(() => sinon.restore());

  const faults: Array<[string, string, string]> = [
    ['json_503', 'upstream_unavailable', UNAVAILABLE],
    ['html_500', 'upstream_unavailable', UNAVAILABLE],
    ['invalid_credentials', 'upstream_rejected', UNAVAILABLE],
    ['hang', 'upstream_timeout', SLOW],
  ];
  for (const [fault, code, sentence] of faults) {
    it(`says "${sentence}" for ${code} on send (Offer18: ${fault}), and lets the user retry`, async () => {
      await simulator('fault', { fault });
      const el = await mount();
      await expectRefusedOnSend(el, '0501234567', code, sentence);
      expect(errorText(el)).not.to.match(/_|\bat\b|Error/);
      // The user can go on once Offer18 is well again. (After a 5xx or no answer, that number waits its
      // resend time: the send may have reached Offer18. A refused one does not: waits.test.ts.)
      await simulator('fault', { fault: 'none' });
      const sent = oneEvent(el, 'otp-sent');
      await submitNumber(el, '0521234567');
      await sent;
      expect(errorText(el)).to.equal('');
    });
  }

  it('says when the number has had all its codes (rate_limited, with the wait)', async () => {
    const el = await mount(html`<otp-flow country="AE" endpoint=${STRICT.endpoint}></otp-flow>`);
    await sendFresh(el);
    await click(buttonNamed(el, 'Change number')!);
    await stepIs(el, 'number');
    // One code per number per 15 minutes on this proxy; Retry-After says how long, rounded up.
    const failed = oneEvent(el, 'otp-error');
    await click(submitButton(el));
    expect((await failed).detail).to.include({ code: 'rate_limited', retryAfter: 900 });
    await stepIs(el, 'number');
    expect(errorText(el)).to.equal('Too many attempts. Try again in 15 minutes.');
  });

  it('says when the proxy takes no numbers from a country the page offers (country_not_allowed), and sends another', async () => {
    const el = await mount(html`<otp-flow country="AE" countries="AE,SA" endpoint=${STRICT.endpoint}></otp-flow>`);
    await expectRefusedOnSend(el, '+966 50 123 4567', 'country_not_allowed', 'Numbers from this country cannot be used here.');
    expect(phoneInput(el).getAttribute('aria-invalid')).to.equal('true');
    const sent = oneEvent(el, 'otp-sent');
    await submitNumber(el, `+971 ${freshNumber().slice(1)}`);
    await sent;
  });

  const stubbedOnSend: Array<[string, () => Response, string]> = [
    ['msisdn_invalid', () => reply(400, { ok: false, error: 'msisdn_invalid', message: 'x', field: 'msisdn' }), 'Enter a valid mobile number.'],
    ['msisdn_not_mobile', () => reply(400, { ok: false, error: 'msisdn_not_mobile', message: 'x', field: 'msisdn' }), 'This is not a mobile number. Enter a mobile number.'],
    ['rate_limited from a bare 429', () => reply(429, 'Too Many Requests', { 'retry-after': '120' }), 'Too many attempts. Try again in 2 minutes.'],
    ['misdirected_request', () => reply(421, { ok: false, error: 'misdirected_request', message: 'x' }), UNAVAILABLE],
    ['service_unavailable', () => reply(503, { ok: false, error: 'service_unavailable', message: 'x', retryAfter: 5 }), UNAVAILABLE],
    ['an HTML error page', () => reply(502, '<html><body>Bad Gateway</body></html>'), UNAVAILABLE],
    ['internal_error', () => reply(500, { ok: false, error: 'internal_error', message: 'x' }), 'Something went wrong. Try again.'],
  ];
  for (const [what, response, sentence] of stubbedOnSend) {
    it(`says "${sentence}" for ${what} on send, and lets the user retry`, async () => {
      const el = await mount();
      const stub = sinon.stub(window, 'fetch').callsFake(async () => response());
      const failed = oneEvent(el, 'otp-error');
      await submitNumber(el, '0501234567');
      const event = await failed;
      expect(event.detail.message).to.equal(sentence);
      await stepIs(el, 'number');
      expect(errorText(el)).to.equal(sentence);
      expect(errorText(el)).not.to.match(/_|\bat\b|Error/);
      stub.restore();
      // Recovery: the same button, the real proxy this time.
      const sent = oneEvent(el, 'otp-sent');
      await click(submitButton(el));
      await sent;
      expect(errorText(el)).to.equal('');
    });
  }

  it('says something plain for a code a newer proxy may send, and reports it', async () => {
    const el = await mount();
    sinon.stub(window, 'fetch').callsFake(async () => reply(400, { ok: false, error: 'brand_new_code', message: 'x' }));
    const failed = oneEvent(el, 'otp-error');
    await submitNumber(el, '0501234567');
    expect((await failed).detail).to.include({ code: 'bad_reply', message: UNAVAILABLE });
  });

  it('marks the field the proxy names', async () => {
    const el = await mount(html`<otp-flow country="AE" countries="AE,SA"></otp-flow>`);
    sinon.stub(window, 'fetch').callsFake(async () => reply(400, { ok: false, error: 'invalid_request', message: 'x', field: 'msisdn' }));
    await submitNumber(el, '0501234567');
    await waitUntil(() => errorText(el) !== '');
    expect(errorText(el)).to.equal('Enter a valid mobile number.');
    expect(phoneInput(el).getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '[part~=country-button]').getAttribute('aria-invalid')).to.equal('false');

    sinon.restore();
    sinon.stub(window, 'fetch').callsFake(async () => reply(400, { ok: false, error: 'country_invalid', message: 'x', field: 'country' }));
    await click(submitButton(el));
    await waitUntil(() => $(el, '[part~=country-button]').getAttribute('aria-invalid') === 'true', 'the country picker is marked');
    expect(phoneInput(el).getAttribute('aria-invalid')).to.equal('false');
    expect($(el, '[part~=country-button]').getAttribute('aria-describedby')).to.equal('phone-error');
  });

  /** Enters a code and waits for the refusal, which must still say where the code went. */
  async function expectRefusedOnVerify(el: El, otp: string, code: string, sentence: string): Promise<void> {
    const failed = oneEvent(el, 'otp-error');
    await enterCode(el, otp);
    expect((await failed).detail.code).to.equal(code);
    await stepIs(el, 'code');
    expect(errorText(el)).to.equal(sentence);
    expect(statusText(el)).to.contain('+971 50 123 4567');
  }

  it('says "1 try left" after three wrong codes from elsewhere and one here (otp_invalid)', async () => {
    const el = await mount();
    const { session, code } = await toCodeStepWatched(el);
    for (let i = 0; i < 3; i++) expect((await verifyBeside(session, wrong(code))).error).to.equal('otp_invalid');
    await expectRefusedOnVerify(el, wrong(code), 'otp_invalid', 'That code is not right. 1 try left.');
  });

  it('says the code is locked when its tries were spent elsewhere (session_locked)', async () => {
    const el = await mount();
    const { session, code } = await toCodeStepWatched(el);
    for (let i = 0; i < 5; i++) await verifyBeside(session, wrong(code));
    await expectRefusedOnVerify(el, code, 'session_locked', 'Too many wrong codes. Ask for a new one.');
  });

  it('says the code was used when another tab confirmed it first (session_used)', async () => {
    const el = await mount();
    const { session, code } = await toCodeStepWatched(el);
    expect((await verifyBeside(session, code)).status).to.equal(200);
    await expectRefusedOnVerify(el, code, 'session_used', 'This code has already been used.');
  });

  it('says the code is being checked when another tab is checking it (verify_in_progress)', async () => {
    const el = await mount();
    const { session, code } = await toCodeStepWatched(el);
    // Offer18 keeps the other tab's check waiting (for the proxy's 1 s); a second check meanwhile is refused.
    await simulator('fault', { fault: 'hang', endpoint: 'otp_verify' });
    // Typed first (with no otp-length, typing does not submit), so one key press sends it while the other holds.
    codeInput(el).focus();
    await type(code);
    const elsewhere = verifyBeside(session, code);
    expect((await verifyBeside(session, code)).error, 'the other check holds the session').to.equal('verify_in_progress');
    const failed = oneEvent(el, 'otp-error');
    await press('Enter');
    expect((await failed).detail.code).to.equal('verify_in_progress');
    await stepIs(el, 'code');
    expect(errorText(el)).to.equal('Your code is still being checked. Wait a moment.');
    await elsewhere;
  });

  it('says the code has expired once its session is over (session_expired)', async () => {
    const el = await mount(html`<otp-flow country="AE" endpoint=${STRICT.endpoint}></otp-flow>`);
    await sendFresh(el);
    const over = Date.now() + STRICT.sessionTtl * 1000;
    await waitUntil(() => Date.now() > over, 'the session is over', { timeout: STRICT.sessionTtl * 1000 + 2000 });
    const failed = oneEvent(el, 'otp-error');
    await enterCode(el, '123456');
    expect((await failed).detail.code).to.equal('session_expired');
    await stepIs(el, 'code');
    expect(errorText(el)).to.equal('This code has expired. Ask for a new one.');
  });

  it('says "Enter the code from the SMS" for otp_malformed on verify', async () => {
    const el = await mount();
    const code = await toCodeStep(el);
    sinon.stub(window, 'fetch').callsFake(async () => reply(400, { ok: false, error: 'otp_malformed', message: 'x', field: 'otp' }));
    await expectRefusedOnVerify(el, code, 'otp_malformed', 'Enter the code from the SMS.');
  });

  it('offers a new code once the wait is over when the session is dead', async () => {
    const el = await mount();
    const { session, code } = await toCodeStepWatched(el);
    for (let i = 0; i < 5; i++) await verifyBeside(session, wrong(code));
    await expectRefusedOnVerify(el, code, 'session_locked', 'Too many wrong codes. Ask for a new one.');
    expect(!!buttonNamed(el, 'Confirm'), 'no Confirm for a dead session').to.be.false;
    const resend = () => buttonNamed(el, 'Send a new code');
    await waitUntil(() => resend()?.getAttribute('aria-disabled') === 'false', 'a new code offered', { timeout: (RESEND_AFTER + 2) * 1000 });
    const sent = oneEvent(el, 'otp-sent');
    await click(resend()!);
    expect((await sent).detail.resend).to.be.true;
    await enterCode(el, await lastCode());
    await stepIs(el, 'done');
  });
});

describe('the wait between codes', () => {
  it('counts down, next to the number, when the number had a code from elsewhere moments ago', async () => {
    // Another tab sent this number a code (the same tab goes back to its code step instead: waits.test.ts).
    const other = await realFetch('/otp/send', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ msisdn: '0501234567', country: 'AE' }) });
    expect(other.status).to.equal(200);
    const el = await mount();
    await typeInto(phoneInput(el), '0501234567');
    const refused = oneEvent(el, 'otp-error');
    await click(submitButton(el));
    expect((await refused).detail).to.include({ code: 'resend_too_soon' });
    await stepIs(el, 'number');
    expect(errorText(el)).to.match(/^You can ask for a new code in \u20660:0[1-3]\u2069\.$/);
    // The sentence counts down with the proxy's wait and goes once it is over; then the number sends.
    await waitUntil(() => errorText(el) === '', 'the wait is over', { timeout: (RESEND_AFTER + 2) * 1000 });
    const sent = oneEvent(el, 'otp-sent');
    await click(submitButton(el));
    await sent;
  });
});

describe('whose fault it is', () => {
  afterEach(() => sinon.restore());

  it('says the service is unavailable, not that the user is offline, when the proxy is down', async () => {
    // Port 9 (discard) refuses connections: a stopped proxy, with the browser online.
    const el = await mount(html`<otp-flow country="AE" endpoint="http://127.0.0.1:9/otp"></otp-flow>`);
    expect(navigator.onLine).to.be.true;
    const failed = oneEvent(el, 'otp-error');
    await submitNumber(el, '0501234567');
    expect((await failed).detail.code).to.equal('network');
    expect(errorText(el)).to.equal(UNAVAILABLE);
  });

  it('says the user is offline when the browser is', async () => {
    // No driver can take one page offline without cutting the test runner off too: the browser's
    // own flag says offline, and the request really fails.
    sinon.stub(navigator, 'onLine').get(() => false);
    const el = await mount(html`<otp-flow country="AE" endpoint="http://127.0.0.1:9/otp"></otp-flow>`);
    const failed = oneEvent(el, 'otp-error');
    await submitNumber(el, '0501234567');
    expect((await failed).detail.code).to.equal('offline');
    expect(errorText(el)).to.equal(OFFLINE);
  });

  // The clock is the browser's, run ahead; the request and its answer are real.
  it('waits for a slow Offer18 as long as the proxy may be set to, showing "Sending…", and gets the code', async () => {
    await simulator('fault', { fault: 'slow', delayMs: 500, endpoint: 'otp_gen' });
    const el = await mount();
    await typeInto(phoneInput(el), '0501234567');
    const clock = fakeTimeouts();
    try {
      const sending = oneEvent(el, 'otp-step');
      await press('Enter');
      expect((await sending).detail.step).to.equal('sending');
      const outcome = Promise.race([oneEvent(el, 'otp-sent'), oneEvent(el, 'otp-error')]);
      // As long as the longest OFFER18_TIMEOUT_MS an operator may set, before the proxy's answer arrives.
      clock.tick(UPSTREAM_TIMEOUT_MAX_MS);
      await el.updateComplete;
      expect(submitButton(el).textContent!.trim()).to.equal('Sending…');
      expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
      expect((await outcome).type).to.equal('otp-sent');
    } finally {
      clock.restore();
    }
  });

  it('gives up on a proxy gone silent once no working proxy could still answer, and says it is slow', async () => {
    // The real proxy always answers by its deadline: only a stand-in stays silent.
    sinon.stub(window, 'fetch').callsFake(
      (_url, init) => new Promise((_resolve, reject) => init!.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    );
    const el = await mount();
    await typeInto(phoneInput(el), '0501234567');
    const clock = fakeTimeouts();
    try {
      const failed = oneEvent(el, 'otp-error');
      await press('Enter');
      clock.tick(REQUEST_TIMEOUT_MS - 1);
      await el.updateComplete;
      expect(el.step).to.equal('sending');
      clock.tick(1);
      expect((await failed).detail.code).to.equal('timeout');
      expect(el.step).to.equal('number');
      await el.updateComplete;
      expect(errorText(el)).to.equal(SLOW);
    } finally {
      clock.restore();
    }
  });
});
