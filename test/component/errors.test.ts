import sinon from 'sinon';
import { codeInput, errorText, expect, html, mount, oneEvent, simulator, stepIs, submitButton, submitNumber, toCodeStep, fill } from './support.js';

function reply(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': typeof body === 'string' ? 'text/html' : 'application/json', ...headers },
  });
}

describe('errors from the proxy, in words', () => {
  afterEach(() => sinon.restore());

  // What the proxy can answer on send, and the sentence the user reads.
  const onSend: Array<[string, () => Response, string]> = [
    ['msisdn_invalid', () => reply(400, { ok: false, error: 'msisdn_invalid', message: 'x' }), 'Enter a valid mobile number.'],
    ['msisdn_not_mobile', () => reply(400, { ok: false, error: 'msisdn_not_mobile', message: 'x' }), 'This is not a mobile number. Enter a mobile number.'],
    ['country_not_allowed', () => reply(400, { ok: false, error: 'country_not_allowed', message: 'x' }), 'Numbers from this country cannot be used here.'],
    [
      'rate_limited with Retry-After',
      () => reply(429, { ok: false, error: 'rate_limited', message: 'x', retryAfter: 300 }, { 'retry-after': '300' }),
      'Too many attempts. Try again in 5 minutes.',
    ],
    ['rate_limited from a bare 429', () => reply(429, 'Too Many Requests', { 'retry-after': '120' }), 'Too many attempts. Try again in 2 minutes.'],
    ['upstream_unavailable', () => reply(502, { ok: false, error: 'upstream_unavailable', message: 'x' }), 'The service is not available right now. Try again in a moment.'],
    ['upstream_rejected', () => reply(502, { ok: false, error: 'upstream_rejected', message: 'x' }), 'The service is not available right now. Try again in a moment.'],
    ['upstream_timeout', () => reply(504, { ok: false, error: 'upstream_timeout', message: 'x' }), 'This is taking too long. Check your connection and try again.'],
    ['an HTML error page', () => reply(502, '<html><body>Bad Gateway</body></html>'), 'The service is not available right now. Try again in a moment.'],
    ['a code the component does not know', () => reply(400, { ok: false, error: 'brand_new_code', message: 'x' }), 'Something went wrong. Try again.'],
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
      submitButton(el).click();
      await sent;
      expect(errorText(el)).to.equal('');
    });
  }

  it('says the user is offline when the network is gone', async () => {
    const el = await mount();
    sinon.stub(window, 'fetch').rejects(new TypeError('Failed to fetch'));
    sinon.stub(navigator, 'onLine').get(() => false);
    const failed = oneEvent(el, 'otp-error');
    await submitNumber(el, '0501234567');
    expect((await failed).detail.code).to.equal('offline');
    expect(errorText(el)).to.equal('You seem to be offline. Check your connection and try again.');
  });

  const onVerify: Array<[string, unknown, number, string]> = [
    ['session_expired', { ok: false, error: 'session_expired', message: 'x' }, 410, 'This code has expired. Ask for a new one.'],
    ['session_locked', { ok: false, error: 'session_locked', message: 'x', attemptsLeft: 0 }, 429, 'Too many wrong codes. Ask for a new one.'],
    ['session_used', { ok: false, error: 'session_used', message: 'x' }, 409, 'This code has already been used.'],
    ['otp_invalid on the last try', { ok: false, error: 'otp_invalid', message: 'x', attemptsLeft: 1 }, 422, 'That code is not right. 1 try left.'],
  ];
  for (const [what, body, status, sentence] of onVerify) {
    it(`says "${sentence}" for ${what} on verify`, async () => {
      const el = await mount();
      const code = await toCodeStep(el);
      sinon.stub(window, 'fetch').callsFake(async () => reply(status, body));
      fill(codeInput(el), code);
      submitButton(el).click();
      await stepIs(el, 'code');
      expect(errorText(el)).to.equal(sentence);
    });
  }

  it('offers a new code at once when the session is dead', async () => {
    const el = await mount();
    const code = await toCodeStep(el);
    sinon.stub(window, 'fetch').callsFake(async () => reply(429, { ok: false, error: 'session_locked', message: 'x' }));
    fill(codeInput(el), code);
    submitButton(el).click();
    await stepIs(el, 'code');
    sinon.restore();
    const resend = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Send a new code');
    expect(resend, 'resend offered without waiting').to.exist;
    const sent = oneEvent(el, 'otp-sent');
    resend!.click();
    expect((await sent).detail.resend).to.be.true;
  });
});

describe('errors from a real upstream', () => {
  it('turns an upstream HTML 500 into a sentence', async () => {
    await simulator('fault', { fault: 'html_500' });
    const el = await mount();
    const failed = oneEvent(el, 'otp-error');
    await submitNumber(el, '0501234567');
    expect((await failed).detail.code).to.equal('upstream_unavailable');
    expect(errorText(el)).to.equal('The service is not available right now. Try again in a moment.');
  });

  it('turns an upstream that hangs into a sentence, via the proxy’s 504', async () => {
    await simulator('fault', { fault: 'hang' });
    const el = await mount(html`<otp-flow country="AE"></otp-flow>`);
    const failed = oneEvent(el, 'otp-error');
    await submitNumber(el, '0501234567');
    expect((await failed).detail.code).to.equal('upstream_timeout');
    expect(errorText(el)).to.equal('This is taking too long. Check your connection and try again.');
  });
});
