import sinon from 'sinon';
import { $, codeInput, expect, html, mount, oneEvent, stepIs, toCodeStep, waitUntil } from './support.js';
import type { El } from './support.js';

const resendButton = (el: El) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Send a new code');

describe('resend', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  afterEach(() => {
    clock?.restore();
    clock = undefined;
  });

  it('counts down visibly from the proxy’s resendAfter, then offers a new code', async () => {
    // Only the countdown's clock is faked; the requests and Lit's scheduling run for real.
    clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['setInterval', 'clearInterval', 'Date'] });
    const el = await mount();
    await toCodeStep(el);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('You can ask for a new code in \u20660:30\u2069.');
    expect(resendButton(el)).to.be.undefined;
    await clock.tickAsync(10_000);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('0:20');
    await clock.tickAsync(20_000);
    await el.updateComplete;
    expect(resendButton(el)).to.exist;

    const sent = oneEvent(el, 'otp-sent');
    resendButton(el)!.click();
    const event = await sent;
    expect(event.detail.resend).to.be.true;
    await el.updateComplete;
    expect($(el, '[role=status]').textContent).to.equal('A new code is on its way.');
    expect(resendButton(el)).to.be.undefined;
  });
});

describe('WebOTP', () => {
  afterEach(() => {
    sinon.restore();
    delete (window as { OTPCredential?: unknown }).OTPCredential;
  });

  it('fills and submits the code the browser reads from the SMS', async () => {
    (window as { OTPCredential?: unknown }).OTPCredential = class {};
    let resolveCode: (value: unknown) => void = () => {};
    const get = sinon.stub(navigator.credentials, 'get').callsFake(() => new Promise<Credential | null>((resolve) => (resolveCode = resolve as (value: unknown) => void)));
    const el = await mount();
    const code = await toCodeStep(el);
    await waitUntil(() => get.called, 'WebOTP asked for the SMS');
    expect((get.firstCall.args[0] as { otp: { transport: string[] } }).otp.transport).to.deep.equal(['sms']);
    resolveCode({ code, type: 'otp' });
    await stepIs(el, 'done');
  });

  it('is aborted when the user leaves the code step', async () => {
    (window as { OTPCredential?: unknown }).OTPCredential = class {};
    const get = sinon.stub(navigator.credentials, 'get').callsFake(() => new Promise(() => {}));
    const el = await mount();
    await toCodeStep(el);
    await waitUntil(() => get.called, 'WebOTP asked for the SMS');
    const signal = (get.firstCall.args[0] as { signal: AbortSignal }).signal;
    expect(signal.aborted).to.be.false;
    $<HTMLButtonElement>(el, '[part~=link]').click();
    await stepIs(el, 'number');
    expect(signal.aborted).to.be.true;
  });

  it('is not used where the browser lacks it', async () => {
    const get = sinon.spy(navigator.credentials, 'get');
    const el = await mount();
    await toCodeStep(el);
    expect(get.called).to.be.false;
    expect(codeInput(el)).to.exist;
  });
});

describe('success-url', () => {
  it('is announced in otp-verified, and cancelling the event keeps the page', async () => {
    const el = await mount(html`<otp-flow country="AE" success-url="/thanks?x=1"></otp-flow>`);
    const code = await toCodeStep(el);
    el.addEventListener('otp-verified', (e) => e.preventDefault());
    const verified = oneEvent(el, 'otp-verified');
    const input = codeInput(el);
    input.value = code;
    input.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste' }));
    const event = await verified;
    expect(event.cancelable).to.be.true;
    expect(event.detail.successUrl).to.equal(new URL('/thanks?x=1', location.href).href);
    await stepIs(el, 'done');
  });

  it('refuses a javascript: URL', async () => {
    const el = await mount(html`<otp-flow country="AE" success-url="javascript:alert(1)"></otp-flow>`);
    const code = await toCodeStep(el);
    const verified = oneEvent(el, 'otp-verified');
    const input = codeInput(el);
    input.value = code;
    input.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste' }));
    expect((await verified).detail.successUrl).to.be.undefined;
  });
});
