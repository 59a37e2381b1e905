import sinon from 'sinon';
import { RESEND_AFTER } from './proxy-settings.js';
import { buttonNamed, codeInput, enterCode, errorText, expect, html, lastCode, mount, oneEvent, statusText, stepIs, toCodeStep, waitUntil } from './support.js';
import { click, paste } from './input.js';

describe('resend', () => {
  const resendButton = (el: Parameters<typeof buttonNamed>[0]) => buttonNamed(el, 'Send a new code');

  it('counts down visibly from the proxy’s resendAfter, then offers a new code', async () => {
    const el = await mount();
    await toCodeStep(el);
    expect(el.shadowRoot!.textContent).to.contain(`You can ask for a new code in \u20660:0${RESEND_AFTER}\u2069.`);
    expect(!!resendButton(el), 'no resend yet').to.be.false;
    // Every countdown the screen shows on the way, however busy the machine keeps the page.
    const shown = new Set<string>();
    const watch = new MutationObserver(() => shown.add(el.shadowRoot!.querySelector('#countdown')?.textContent ?? ''));
    watch.observe(el.shadowRoot!, { subtree: true, characterData: true, childList: true });
    await waitUntil(() => resendButton(el), 'a new code offered', { timeout: (RESEND_AFTER + 3) * 1000 });
    watch.disconnect();
    expect([...shown].some((text) => /\u20660:0[1-9]\u2069/.test(text) && !text.includes(`0:0${RESEND_AFTER}`)), `it counted down: ${[...shown].join(' | ')}`).to.be.true;

    const sent = oneEvent(el, 'otp-sent');
    await click(resendButton(el)!);
    const event = await sent;
    expect(event.detail.resend).to.be.true;
    await el.updateComplete;
    expect(statusText(el)).to.contain('A new code is on its way.');
    expect(statusText(el)).to.contain('+971 50 123 4567');
    expect(!!resendButton(el), 'no resend until the next wait is over').to.be.false;
  });

  it('verifies the new code after a resend, not the old one', async () => {
    const el = await mount();
    const first = await toCodeStep(el);
    await waitUntil(() => resendButton(el), 'a new code offered', { timeout: (RESEND_AFTER + 2) * 1000 });
    const sent = oneEvent(el, 'otp-sent');
    await click(resendButton(el)!);
    await sent;
    await el.updateComplete;
    const second = await lastCode();
    await enterCode(el, first);
    await waitUntil(() => errorText(el).startsWith('That code is not right'), 'the first code no longer counts');
    await enterCode(el, second);
    await stepIs(el, 'done');
  });
});

describe('WebOTP', () => {
  // WebOTP reads a real SMS on Android only, so the browser's side of it is stood in for, the same way
  // in every engine (WebKitGTK has no navigator.credentials at all; desktop Chromium never gets an SMS).
  let restore: Array<() => void> = [];
  function standIn(get: (options: CredentialRequestOptions) => Promise<unknown>, withOtpCredential: boolean) {
    const credentials = Object.getOwnPropertyDescriptor(navigator, 'credentials');
    Object.defineProperty(navigator, 'credentials', { configurable: true, value: { get } });
    const otp = Object.getOwnPropertyDescriptor(window, 'OTPCredential');
    if (withOtpCredential) Object.defineProperty(window, 'OTPCredential', { configurable: true, writable: true, value: class {} });
    else delete (window as { OTPCredential?: unknown }).OTPCredential;
    restore.push(() => {
      if (credentials) Object.defineProperty(navigator, 'credentials', credentials);
      else delete (navigator as { credentials?: unknown }).credentials;
      if (otp) Object.defineProperty(window, 'OTPCredential', otp);
      else delete (window as { OTPCredential?: unknown }).OTPCredential;
    });
  }
  afterEach(() => {
    restore.forEach((r) => r());
    restore = [];
  });

  it('fills and submits the code the browser reads from the SMS', async () => {
    let resolveCode: (value: unknown) => void = () => {};
    const get = sinon.spy((_options: CredentialRequestOptions) => new Promise((resolve) => (resolveCode = resolve)));
    standIn(get, true);
    const el = await mount();
    const code = await toCodeStep(el);
    await waitUntil(() => get.called, 'WebOTP asked for the SMS');
    expect((get.firstCall.args[0] as { otp: { transport: string[] } }).otp.transport).to.deep.equal(['sms']);
    resolveCode({ code, type: 'otp' });
    await stepIs(el, 'done');
  });

  it('is aborted when the user leaves the code step', async () => {
    const get = sinon.spy((_options: CredentialRequestOptions) => new Promise(() => {}));
    standIn(get, true);
    const el = await mount();
    await toCodeStep(el);
    await waitUntil(() => get.called, 'WebOTP asked for the SMS');
    const signal = get.firstCall.args[0].signal!;
    expect(signal.aborted).to.be.false;
    await click(buttonNamed(el, 'Change number')!);
    await stepIs(el, 'number');
    expect(signal.aborted).to.be.true;
  });

  it('is not asked for where the browser lacks it, and typing the code works', async () => {
    const get = sinon.spy((_options: CredentialRequestOptions) => new Promise(() => {}));
    standIn(get, false);
    const el = await mount();
    const code = await toCodeStep(el);
    expect(get.called).to.be.false;
    await enterCode(el, code);
    await stepIs(el, 'done');
  });
});

describe('success-url', () => {
  it('is announced in otp-verified, and cancelling the event keeps the page', async () => {
    const el = await mount(html`<otp-flow country="AE" success-url="/thanks?x=1"></otp-flow>`);
    const code = await toCodeStep(el);
    el.addEventListener('otp-verified', (e) => e.preventDefault());
    const verified = oneEvent(el, 'otp-verified');
    await paste(codeInput(el), code);
    const event = await verified;
    expect(event.cancelable).to.be.true;
    expect(event.detail.successUrl).to.equal(new URL('/thanks?x=1', location.href).href);
    await stepIs(el, 'done');
  });

  it('refuses a javascript: URL', async () => {
    const el = await mount(html`<otp-flow country="AE" success-url="javascript:alert(1)"></otp-flow>`);
    const code = await toCodeStep(el);
    const verified = oneEvent(el, 'otp-verified');
    await paste(codeInput(el), code);
    expect((await verified).detail.successUrl).to.be.undefined;
  });
});
