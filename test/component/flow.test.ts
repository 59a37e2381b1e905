import sinon from 'sinon';
import {
  $,
  buttonNamed,
  codeInput,
  enterCode,
  errorText,
  expect,
  html,
  inbox,
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
  visibleText,
  waitUntil,
  wrong,
  mark,
} from './support.js';
import { click, paste, press, type } from './input.js';
import { RESEND_AFTER } from './proxy-settings.js';
import type { OtpSentEvent, OtpStepEvent, OtpVerifiedEvent } from '../../src/component/events.js';

describe('number step', () => {
  it('is a real form with a labelled tel input', async () => {
    const el = await mount();
    const input = phoneInput(el);
    expect(input.getAttribute('type')).to.equal('tel');
    expect(input.getAttribute('autocomplete')).to.equal('tel');
    expect(input.getAttribute('inputmode')).to.equal('tel');
    expect(!!input.closest('form'), 'in a form').to.be.true;
    const label = $<HTMLLabelElement>(el, 'label[for=phone]');
    expect(label.textContent).to.equal('Mobile number');
    expect(input.labels?.[0] === label, 'labelled').to.be.true;
    // One country: its dial code is shown, no selector.
    expect(!!$(el, '[part~=country-button]'), 'no picker').to.be.false;
    expect($(el, '[part~=prefix]').textContent).to.contain('+971');
  });

  it('formats as the user types', async () => {
    const el = await mount();
    await typeInto(phoneInput(el), '0501234567');
    expect(phoneInput(el).value).to.equal('050 123 4567');
  });

  const typed = ['+971 50 123 4567', '00971501234567', '0501234567', '971501234567'];
  for (const spelling of typed) {
    it(`sends ${spelling}, typed, as +971501234567`, async () => {
      const el = await mount();
      const sent = oneEvent(el, 'otp-sent');
      await submitNumber(el, spelling);
      const event = (await sent) as OtpSentEvent;
      expect(event.detail.msisdn).to.equal('+971501234567');
      expect((await inbox()).map((m) => m.to)).to.deep.equal(['+971501234567']);
    });
  }

  // Arabic-Indic and Persian digits arrive from those keyboards and from contacts pasted in.
  for (const spelling of ['٠٥٠١٢٣٤٥٦٧', '۰۵۰۱۲۳۴۵۶۷', '+971 50 123 4567']) {
    it(`sends ${spelling}, pasted, as +971501234567`, async () => {
      const el = await mount();
      await paste(phoneInput(el), spelling);
      const sent = oneEvent(el, 'otp-sent');
      await press('Enter');
      expect(((await sent) as OtpSentEvent).detail.msisdn).to.equal('+971501234567');
    });
  }

  it('says why a number is refused, next to the field, without a request', async () => {
    const el = await mount();
    await submitNumber(el, '059 123 4567');
    await el.updateComplete;
    expect(errorText(el)).to.equal('Enter a valid mobile number.');
    expect(phoneInput(el).getAttribute('aria-invalid')).to.equal('true');
    expect(phoneInput(el).getAttribute('aria-describedby')).to.equal('phone-error');
    expect(el.step).to.equal('number');
    expect(await inbox()).to.be.empty;
  });

  it('refuses a landline and a number from another country', async () => {
    const el = await mount(html`<otp-flow country="AE" countries="AE"></otp-flow>`);
    await submitNumber(el, '04 234 5678');
    await el.updateComplete;
    expect(errorText(el)).to.equal('Enter a valid mobile number.');
    await submitNumber(el, '+966 50 123 4567');
    await el.updateComplete;
    expect(errorText(el)).to.equal('Numbers from this country cannot be used here.');
    expect(await inbox()).to.be.empty;
  });

  it('submits on Enter', async () => {
    const el = await mount();
    await typeInto(phoneInput(el), '0501234567');
    const sent = oneEvent(el, 'otp-sent');
    await press('Enter');
    await sent;
  });

  it('cannot be submitted twice', async () => {
    await simulator('fault', { fault: 'slow', delayMs: 400 });
    const el = await mount();
    await typeInto(phoneInput(el), '0501234567');
    await press('Enter');
    await press('Enter');
    await click(submitButton(el));
    await el.updateComplete;
    await click(submitButton(el));
    await stepIs(el, 'code');
    expect(await inbox()).to.have.length(1);
  });

  it('shows a country picker when several countries are allowed, moved by a pasted dial code', async () => {
    const el = await mount(html`<otp-flow country="SA" countries="AE,SA,KW"></otp-flow>`);
    const button = $(el, '[part~=country-button]');
    expect(button.getAttribute('aria-label')).to.equal(`${mark('SA')} +966, Country: Saudi Arabia`);
    // A pasted number with another allowed dial code moves the picker.
    await paste(phoneInput(el), '+971 50 123 4567');
    await el.updateComplete;
    expect(button.getAttribute('aria-label')).to.equal(`${mark('AE')} +971, Country: United Arab Emirates`);
    const sent = oneEvent(el, 'otp-sent');
    await click(submitButton(el));
    expect(((await sent) as OtpSentEvent).detail).to.include({ msisdn: '+971501234567', country: 'AE' });
  });

  it('reads a national number in the country chosen with the keyboard', async () => {
    const el = await mount(html`<otp-flow countries="AE,SA"></otp-flow>`);
    $(el, '[part~=country-button]').focus();
    await press('ArrowDown');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'country-search', 'the search box has focus');
    await press('ArrowDown');
    await press('Enter');
    await waitUntil(() => el.shadowRoot!.activeElement === phoneInput(el), 'on to the number');
    const sent = oneEvent(el, 'otp-sent');
    await submitNumber(el, '050 123 4567');
    expect(((await sent) as OtpSentEvent).detail.msisdn).to.equal('+966501234567');
  });
});

describe('code step', () => {
  it('moves focus to one code input that autofill understands', async () => {
    const el = await mount();
    await toCodeStep(el);
    const input = codeInput(el);
    // Attributes, not properties: Firefox reports '' from input.autocomplete for one-time-code.
    expect(input.getAttribute('autocomplete')).to.equal('one-time-code');
    expect(input.getAttribute('inputmode')).to.equal('numeric');
    expect(el.shadowRoot!.activeElement === input, 'focus on the code').to.be.true;
    expect(el.shadowRoot!.querySelectorAll('input')).to.have.length(1);
    expect(statusText(el)).to.contain('We sent a code to');
    expect(statusText(el)).to.contain('+971 50 123 4567');
  });

  it('walks to done, focuses the result and fires every event with its detail', async () => {
    const events: Event[] = [];
    const record = (e: Event) => events.push(e);
    for (const t of ['otp-step', 'otp-sent', 'otp-verified', 'otp-error']) document.addEventListener(t, record);
    try {
      const el = await mount(html`<otp-flow country="AE" otp-length="6"></otp-flow>`);
      const code = await toCodeStep(el);
      codeInput(el).focus();
      await type(code);
      await stepIs(el, 'done');
      await waitUntil(() => el.shadowRoot!.activeElement === $(el, '.success'), 'focus on the result');
      expect(visibleText(el)).to.contain('Your number is confirmed');

      const steps = events.filter((e) => e.type === 'otp-step').map((e) => (e as OtpStepEvent).detail);
      expect(steps).to.deep.equal([
        { step: 'sending', previous: 'number' },
        { step: 'code', previous: 'sending' },
        { step: 'verifying', previous: 'code' },
        { step: 'done', previous: 'verifying' },
      ]);
      const sent = events.find((e) => e.type === 'otp-sent') as OtpSentEvent;
      expect(sent.detail).to.deep.equal({ msisdn: '+971501234567', country: 'AE', resendAfter: RESEND_AFTER, resend: false, click: {} });
      const verified = events.find((e) => e.type === 'otp-verified') as OtpVerifiedEvent;
      expect(verified.detail).to.deep.equal({ msisdn: '+971501234567', country: 'AE', successUrl: undefined, click: {} });
      for (const e of events) {
        expect(e.bubbles, e.type).to.be.true;
        expect(e.composed, e.type).to.be.true;
      }
      expect(events.some((e) => e.type === 'otp-error')).to.be.false;
    } finally {
      for (const t of ['otp-step', 'otp-sent', 'otp-verified', 'otp-error']) document.removeEventListener(t, record);
    }
  });

  it('announces a wrong code with the tries left, keeps saying where the code went, then accepts the right one', async () => {
    const el = await mount();
    const code = await toCodeStep(el);
    const failed = oneEvent(el, 'otp-error');
    await enterCode(el, wrong(code));
    const event = await failed;
    expect(event.detail).to.deep.include({ code: 'otp_invalid', step: 'verifying', attemptsLeft: 4 });
    await stepIs(el, 'code');
    expect(errorText(el)).to.equal('That code is not right. 4 tries left.');
    expect(statusText(el)).to.contain('+971 50 123 4567');
    expect(codeInput(el).value).to.equal('');
    expect(el.shadowRoot!.activeElement === codeInput(el), 'focus on the code').to.be.true;
    await enterCode(el, code);
    await stepIs(el, 'done');
  });

  // Whole SMS texts, pasted with Ctrl+V: longer than the field, so the browser's maxlength would cut them.
  for (const sms of ['Your code is {code}', 'Your code is {3} {3}. Do not share it.', 'Daily Quiz: your verification code is {code}. It expires in 10 minutes. Never share it with anyone.']) {
    for (const length of [undefined, '6']) {
      it(`takes "${sms}" pasted whole${length ? ` (otp-length ${length})` : ''} and submits the code`, async () => {
        const el = await mount(length ? html`<otp-flow country="AE" otp-length=${length}></otp-flow>` : html`<otp-flow country="AE"></otp-flow>`);
        const code = await toCodeStep(el);
        const verified = oneEvent(el, 'otp-verified');
        await paste(codeInput(el), sms.replace('{code}', code).replace('{3} {3}', `${code.slice(0, 3)} ${code.slice(3)}`));
        await verified;
        await stepIs(el, 'done');
      });
    }
  }

  it('takes a code pasted into a field that already has digits in it', async () => {
    const el = await mount();
    const code = await toCodeStep(el);
    codeInput(el).focus();
    await type('12');
    const verified = oneEvent(el, 'otp-verified');
    await paste(codeInput(el), `Your code is ${code}`);
    await verified;
  });

  // No driver can trigger a platform's SMS autofill; this is the event iOS and Android send when it fills the field.
  it('takes an autofilled code (an input event without inputType) and submits it', async () => {
    const el = await mount();
    const code = await toCodeStep(el);
    const input = codeInput(el);
    input.value = code;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await stepIs(el, 'done');
  });

  it('does not auto-submit typed digits when the code length is unknown', async () => {
    const el = await mount();
    await toCodeStep(el);
    codeInput(el).focus();
    await type('1234');
    await el.updateComplete;
    expect(el.step).to.equal('code');
    expect(codeInput(el).value).to.equal('1234');
  });

  // The proxy takes 4 to 8 digits: a length outside that would auto-submit codes it always refuses.
  for (const length of ['3', '9', '12']) {
    it(`ignores otp-length="${length}" and never auto-submits a code the proxy refuses`, async () => {
      const el = await mount(html`<otp-flow country="AE" otp-length=${length}></otp-flow>`);
      await toCodeStep(el);
      const steps: string[] = [];
      el.addEventListener('otp-step', (e) => steps.push(e.detail.step));
      const verify = sinon.spy(window, 'fetch');
      try {
        codeInput(el).focus();
        const typed = '123456789012'.slice(0, Number(length));
        await type(typed);
        // The field shows the last key's digit: every key has been handled, and a submit starts in the
        // handler of the key that completes a code, so it would have begun by now.
        expect(codeInput(el).value).to.equal(typed.slice(0, 8));
        expect(steps, 'no verify began').to.deep.equal([]);
        expect(verify.called, 'no verify request').to.be.false;
        await el.updateComplete;
        expect(errorText(el)).to.equal('');
      } finally {
        verify.restore();
      }
    });
  }

  it('keeps at most 8 digits as they are typed', async () => {
    const el = await mount();
    await toCodeStep(el);
    codeInput(el).focus();
    await type('1234567890');
    expect(codeInput(el).value).to.equal('12345678');
  });

  it('locks after the last wrong code and offers a new code, without a pointless try', async () => {
    const el = await mount();
    const code = await toCodeStep(el);
    for (let left = 4; left >= 1; left--) {
      await enterCode(el, wrong(code));
      await waitUntil(() => errorText(el).includes(`${left} tr`), `"${left} tries left", got "${errorText(el)}"`);
    }
    const last = oneEvent(el, 'otp-error');
    await enterCode(el, wrong(code));
    expect((await last).detail).to.deep.include({ code: 'otp_invalid', attemptsLeft: 0 });
    await stepIs(el, 'code');
    expect(errorText(el)).to.equal('Too many wrong codes. Ask for a new one.');
    expect(statusText(el)).to.contain('+971 50 123 4567');
    expect(!!codeInput(el), 'no field for a code that cannot work').to.be.false;
    expect(!!buttonNamed(el, 'Confirm'), 'no Confirm').to.be.false;
    // A new code instead, once the proxy's wait between codes is over.
    const resend = () => buttonNamed(el, 'Send a new code');
    await waitUntil(() => resend()?.getAttribute('aria-disabled') === 'false', 'a new code offered', { timeout: (RESEND_AFTER + 2) * 1000 });
    expect(el.shadowRoot!.activeElement === resend(), 'focus on it').to.be.true;
    const sent = oneEvent(el, 'otp-sent');
    await click(resend()!);
    expect(((await sent) as OtpSentEvent).detail.resend).to.be.true;
    await el.updateComplete;
    expect(!!codeInput(el), 'a field for the new code').to.be.true;
    expect(errorText(el)).to.equal('');
    await enterCode(el, await lastCode());
    await stepIs(el, 'done');
  });

  it('goes back to the number step with "Change number"', async () => {
    const el = await mount();
    await toCodeStep(el, '0501234567');
    await click(buttonNamed(el, 'Change number')!);
    await stepIs(el, 'number');
    expect(phoneInput(el).value).to.equal('050 123 4567');
    await waitUntil(() => el.shadowRoot!.activeElement === phoneInput(el), 'focus back on the number');
  });

  it('ignores a verify reply that arrives after the user moved on', async () => {
    const el = await mount();
    const code = await toCodeStep(el);
    // Under the proxy's 1 s deadline: the answer would be a conversion.
    await simulator('fault', { fault: 'slow', delayMs: 900, endpoint: 'otp_verify' });
    const requests = sinon.spy(window, 'fetch');
    try {
      let verified = false;
      el.addEventListener('otp-verified', () => (verified = true));
      await enterCode(el, code);
      await stepIs(el, 'verifying');
      await click(buttonNamed(el, 'Change number')!);
      await stepIs(el, 'number');
      // The request is called off, and once its fate is settled, the page has not moved.
      const call = requests.getCalls().find((c) => String(c.args[0]).endsWith('/verify'))!;
      expect(call.args[1]!.signal!.aborted, 'the verify request is aborted').to.be.true;
      await call.returnValue.then(
        () => {},
        () => {},
      );
      await el.updateComplete;
      expect(el.step).to.equal('number');
      expect(verified).to.be.false;
    } finally {
      requests.restore();
    }
  });
});

describe('preview', () => {
  for (const [preview, text] of [
    ['number', 'Mobile number'],
    ['code', 'We sent a code to'],
    ['error', 'not available right now'],
    ['done', 'Your number is confirmed'],
  ] as const) {
    it(`shows the ${preview} state without a request`, async () => {
      const el = await mount(html`<otp-flow country="AE" preview=${preview}></otp-flow>`);
      await waitUntil(() => visibleText(el).includes(text), `"${text}" shown`);
      const button = submitButton(el);
      if (button) await click(button);
      await el.updateComplete;
      expect(await inbox()).to.be.empty;
    });
  }

  for (const [country, international, national] of [
    ['TH', '+66 81 234 5678', '081 234 5678'],
    ['BR', '+55 11 96123 4567', '(11) 96123-4567'],
    ['AE', '+971 50 123 4567', '050 123 4567'],
  ] as const) {
    it(`shows an example number of ${country}`, async () => {
      const el = await mount(html`<otp-flow country=${country} preview="number"></otp-flow>`);
      await waitUntil(() => phoneInput(el)?.value === national, `${national} in the field, got ${phoneInput(el)?.value}`);
      el.preview = 'code';
      await waitUntil(() => statusText(el).includes(international), `${international} in "${statusText(el)}"`);
    });
  }

  it('follows its country when the page changes it, as the demo’s country selector does', async () => {
    const el = await mount(html`<otp-flow country="AE" countries="AE,SA" preview="code"></otp-flow>`);
    await waitUntil(() => statusText(el).includes('+971 50 123 4567'));
    el.country = 'SA';
    await waitUntil(() => statusText(el).includes('+966 51 234 5678'), `SA's example in "${statusText(el)}"`);
  });
});

describe('lastCode helper', () => {
  it('reads what the simulator sent', async () => {
    const el = await mount();
    await toCodeStep(el);
    expect(await lastCode()).to.match(/^\d{6}$/);
    expect(errorText(el)).to.equal('');
  });
});

describe('older engines', () => {
  // Safari before 17.4 (iOS 17.3 and older) has neither AbortSignal.any nor, before 16, AbortSignal.timeout;
  // Safari before 15.4 lacks Object.hasOwn. Removed here as those browsers lack them.
  const missing = [
    [AbortSignal, 'any'],
    [AbortSignal, 'timeout'],
    [Object, 'hasOwn'],
  ] as const;
  let saved: PropertyDescriptor[] = [];
  beforeEach(() => {
    saved = missing.map(([owner, name]) => Object.getOwnPropertyDescriptor(owner, name)!);
    for (const [owner, name] of missing) delete (owner as unknown as Record<string, unknown>)[name];
  });
  afterEach(() => missing.forEach(([owner, name], i) => Object.defineProperty(owner, name, saved[i]!)));

  it('sends, refuses a wrong code and confirms the right one without AbortSignal.any, AbortSignal.timeout or Object.hasOwn', async () => {
    const el = await mount();
    const code = await toCodeStep(el);
    await enterCode(el, wrong(code));
    await waitUntil(() => errorText(el) === 'That code is not right. 4 tries left.', `the wrong code refused, got "${errorText(el)}"`);
    await enterCode(el, code);
    await stepIs(el, 'done');
  });
});
