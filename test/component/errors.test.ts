import sinon from 'sinon';
import { UPSTREAM_TIMEOUT_MAX_MS } from '../../src/contract/timing.js';
import { REQUEST_TIMEOUT_MS } from '../../src/component/api.js';
import { $, buttonNamed, enterCode, errorText, expect, html, mount, oneEvent, phoneInput, simulator, statusText, stepIs, submitButton, submitNumber, toCodeStep, typeInto, waitUntil } from './support.js';
import { RESEND_AFTER } from './proxy-settings.js';
import { click, press } from './input.js';

function reply(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': typeof body === 'string' ? 'text/html' : 'application/json', ...headers },
  });
}

const UNAVAILABLE = 'The service is not available right now. Try again in a moment.';
const SLOW = 'The service is taking too long to answer. Try again in a moment.';
const OFFLINE = 'You seem to be offline. Check your connection and try again.';

// Replies the real proxy gives only in situations a browser test cannot stage (its limits, a misrouted
// host, a newer proxy) come from a stubbed fetch; everything else below runs against the real proxy.
describe('errors from the proxy, in words', () => {
  afterEach(() => sinon.restore());

  const onSend: Array<[string, () => Response, string]> = [
    ['msisdn_invalid', () => reply(400, { ok: false, error: 'msisdn_invalid', message: 'x', field: 'msisdn' }), 'Enter a valid mobile number.'],
    ['msisdn_not_mobile', () => reply(400, { ok: false, error: 'msisdn_not_mobile', message: 'x', field: 'msisdn' }), 'This is not a mobile number. Enter a mobile number.'],
    ['country_not_allowed', () => reply(400, { ok: false, error: 'country_not_allowed', message: 'x', field: 'msisdn' }), 'Numbers from this country cannot be used here.'],
    [
      'rate_limited with Retry-After',
      () => reply(429, { ok: false, error: 'rate_limited', message: 'x', retryAfter: 300 }, { 'retry-after': '300' }),
      'Too many attempts. Try again in 5 minutes.',
    ],
    ['rate_limited from a bare 429', () => reply(429, 'Too Many Requests', { 'retry-after': '120' }), 'Too many attempts. Try again in 2 minutes.'],
    ['misdirected_request', () => reply(421, { ok: false, error: 'misdirected_request', message: 'x' }), UNAVAILABLE],
    ['upstream_unavailable', () => reply(502, { ok: false, error: 'upstream_unavailable', message: 'x' }), UNAVAILABLE],
    ['upstream_rejected', () => reply(502, { ok: false, error: 'upstream_rejected', message: 'x' }), UNAVAILABLE],
    ['service_unavailable', () => reply(503, { ok: false, error: 'service_unavailable', message: 'x', retryAfter: 5 }), UNAVAILABLE],
    ['upstream_timeout', () => reply(504, { ok: false, error: 'upstream_timeout', message: 'x' }), SLOW],
    ['an HTML error page', () => reply(502, '<html><body>Bad Gateway</body></html>'), UNAVAILABLE],
    ['internal_error', () => reply(500, { ok: false, error: 'internal_error', message: 'x' }), 'Something went wrong. Try again.'],
  ];
  for (const [what, response, sentence] of onSend) {
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
    expect($(el, 'select').getAttribute('aria-invalid')).to.equal('false');

    sinon.restore();
    sinon.stub(window, 'fetch').callsFake(async () => reply(400, { ok: false, error: 'country_invalid', message: 'x', field: 'country' }));
    await click(submitButton(el));
    await waitUntil(() => $(el, 'select').getAttribute('aria-invalid') === 'true', 'the country selector is marked');
    expect(phoneInput(el).getAttribute('aria-invalid')).to.equal('false');
    expect($(el, 'select').getAttribute('aria-describedby')).to.equal('phone-error');
  });

  const onVerify: Array<[string, unknown, number, string]> = [
    ['session_expired', { ok: false, error: 'session_expired', message: 'x', field: 'session' }, 410, 'This code has expired. Ask for a new one.'],
    ['session_locked', { ok: false, error: 'session_locked', message: 'x', attemptsLeft: 0 }, 429, 'Too many wrong codes. Ask for a new one.'],
    ['session_used', { ok: false, error: 'session_used', message: 'x' }, 409, 'This code has already been used.'],
    ['verify_in_progress', { ok: false, error: 'verify_in_progress', message: 'x' }, 409, 'Your code is still being checked. Wait a moment.'],
    ['otp_invalid on the last but one try', { ok: false, error: 'otp_invalid', message: 'x', attemptsLeft: 1 }, 422, 'That code is not right. 1 try left.'],
    ['otp_malformed', { ok: false, error: 'otp_malformed', message: 'x', field: 'otp' }, 400, 'Enter the code from the SMS.'],
  ];
  for (const [what, body, status, sentence] of onVerify) {
    it(`says "${sentence}" for ${what} on verify, and still says where the code went`, async () => {
      const el = await mount();
      const code = await toCodeStep(el);
      sinon.stub(window, 'fetch').callsFake(async () => reply(status, body));
      await enterCode(el, code);
      await stepIs(el, 'code');
      expect(errorText(el)).to.equal(sentence);
      expect(statusText(el)).to.contain('+971 50 123 4567');
    });
  }

  it('offers a new code once the wait is over when the session is dead', async () => {
    const el = await mount();
    const code = await toCodeStep(el);
    sinon.stub(window, 'fetch').callsFake(async () => reply(410, { ok: false, error: 'session_expired', message: 'x', field: 'session' }));
    await enterCode(el, code);
    await stepIs(el, 'code');
    sinon.restore();
    expect(!!buttonNamed(el, 'Confirm'), 'no Confirm for a dead session').to.be.false;
    const resend = () => buttonNamed(el, 'Send a new code');
    await waitUntil(() => resend()?.getAttribute('aria-disabled') === 'false', 'a new code offered', { timeout: (RESEND_AFTER + 2) * 1000 });
    const sent = oneEvent(el, 'otp-sent');
    await click(resend()!);
    expect((await sent).detail.resend).to.be.true;
  });
});

describe('the wait between codes', () => {
  it('counts down, next to the number, when the same number is sent again too soon', async () => {
    const el = await mount();
    await toCodeStep(el);
    await click(buttonNamed(el, 'Change number')!);
    await stepIs(el, 'number');
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

  it('says the service is slow when Offer18 hangs (the proxy’s 504)', async () => {
    await simulator('fault', { fault: 'hang' });
    const el = await mount();
    const failed = oneEvent(el, 'otp-error');
    await submitNumber(el, '0501234567');
    expect((await failed).detail.code).to.equal('upstream_timeout');
    expect(errorText(el)).to.equal(SLOW);
  });

  // The clock is the browser's, run ahead; the request and its answer are real.
  it('waits for a slow Offer18 as long as the proxy may be set to, showing "Sending…", and gets the code', async () => {
    await simulator('fault', { fault: 'slow', delayMs: 500, endpoint: 'otp_gen' });
    const el = await mount();
    await typeInto(phoneInput(el), '0501234567');
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
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
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const failed = oneEvent(el, 'otp-error');
      await press('Enter');
      clock.tick(REQUEST_TIMEOUT_MS - 1);
      await el.updateComplete;
      expect(el.step).to.equal('sending');
      clock.tick(1);
      expect((await failed).detail.code).to.equal('timeout');
      await stepIs(el, 'number');
      expect(errorText(el)).to.equal(SLOW);
    } finally {
      clock.restore();
    }
  });

  it('says the service is unavailable when Offer18 answers with an HTML 500', async () => {
    await simulator('fault', { fault: 'html_500' });
    const el = await mount();
    const failed = oneEvent(el, 'otp-error');
    await submitNumber(el, '0501234567');
    expect((await failed).detail.code).to.equal('upstream_unavailable');
    expect(errorText(el)).to.equal(UNAVAILABLE);
  });
});
