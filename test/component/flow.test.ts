import { sendKeys } from '@web/test-runner-commands';
import {
  $,
  codeInput,
  errorText,
  expect,
  fill,
  html,
  inbox,
  lastCode,
  mount,
  oneEvent,
  phoneInput,
  simulator,
  stepIs,
  submitButton,
  submitNumber,
  toCodeStep,
  visibleText,
  waitUntil,
} from './support.js';
import type { OtpSentEvent, OtpStepEvent, OtpVerifiedEvent } from '../../src/component/events.js';

describe('number step', () => {
  it('is a real form with a labelled tel input', async () => {
    const el = await mount();
    const input = phoneInput(el);
    expect(input.type).to.equal('tel');
    expect(input.autocomplete).to.equal('tel');
    expect(input.inputMode).to.equal('tel');
    expect(input.closest('form')).to.exist;
    const label = $<HTMLLabelElement>(el, 'label[for=phone]');
    expect(label.textContent).to.equal('Mobile number');
    expect(input.labels?.[0]).to.equal(label);
    // One country: its dial code is shown, no selector.
    expect($(el, 'select')).to.be.null;
    expect($(el, '[part~=prefix]').textContent).to.contain('+971');
  });

  it('formats as the user types', async () => {
    const el = await mount();
    phoneInput(el).focus();
    await sendKeys({ type: '0501234567' });
    expect(phoneInput(el).value).to.equal('050 123 4567');
  });

  const spellings = ['+971 50 123 4567', '00971501234567', '0501234567', '971501234567', '٠٥٠١٢٣٤٥٦٧', '۰۵۰۱۲۳۴۵۶۷'];
  for (const spelling of spellings) {
    it(`sends ${spelling} as +971501234567`, async () => {
      const el = await mount();
      const sent = oneEvent(el, 'otp-sent');
      await submitNumber(el, spelling);
      const event = (await sent) as OtpSentEvent;
      expect(event.detail.msisdn).to.equal('+971501234567');
      expect((await inbox()).map((m) => m.to)).to.deep.equal(['+971501234567']);
    });
  }

  it('says why a number is refused, next to the field, without a request', async () => {
    const el = await mount();
    await submitNumber(el, '12345');
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
    phoneInput(el).focus();
    await sendKeys({ type: '0501234567' });
    const sent = oneEvent(el, 'otp-sent');
    await sendKeys({ press: 'Enter' });
    await sent;
  });

  it('cannot be submitted twice', async () => {
    await simulator('fault', { fault: 'slow', delayMs: 400 });
    const el = await mount();
    fill(phoneInput(el), '0501234567');
    await el.updateComplete;
    submitButton(el).click();
    submitButton(el).click();
    await el.updateComplete;
    submitButton(el).click();
    await stepIs(el, 'code');
    expect(await inbox()).to.have.length(1);
  });

  it('shows a compact country selector when several countries are allowed', async () => {
    const el = await mount(html`<otp-flow country="SA" countries="AE,SA,KW"></otp-flow>`);
    const select = $<HTMLSelectElement>(el, 'select');
    expect([...select.options].map((o) => o.value)).to.deep.equal(['AE', 'SA', 'KW']);
    expect(select.value).to.equal('SA');
    expect(select.getAttribute('aria-label')).to.equal('Country');
    expect(select.options[0]!.textContent).to.contain('+971');
    // A pasted number with another allowed dial code moves the selector.
    fill(phoneInput(el), '+971 50 123 4567');
    await el.updateComplete;
    expect(select.value).to.equal('AE');
    const sent = oneEvent(el, 'otp-sent');
    submitButton(el).click();
    expect(((await sent) as OtpSentEvent).detail).to.include({ msisdn: '+971501234567', country: 'AE' });
  });

  it('reads a national number in the selected country', async () => {
    const el = await mount(html`<otp-flow countries="AE,SA"></otp-flow>`);
    const select = $<HTMLSelectElement>(el, 'select');
    select.value = 'SA';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
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
    expect(input.autocomplete).to.equal('one-time-code');
    expect(input.inputMode).to.equal('numeric');
    expect(el.shadowRoot!.activeElement).to.equal(input);
    expect(el.shadowRoot!.querySelectorAll('input')).to.have.length(1);
    expect(visibleText(el)).to.contain('We sent a code to');
    expect($(el, '[role=status]').textContent).to.contain('+971 50 123 4567');
  });

  it('walks to done, focuses the result and fires every event with its detail', async () => {
    const events: Event[] = [];
    const record = (e: Event) => events.push(e);
    for (const type of ['otp-step', 'otp-sent', 'otp-verified', 'otp-error']) document.addEventListener(type, record);
    try {
      const el = await mount(html`<otp-flow country="AE" otp-length="6"></otp-flow>`);
      const code = await toCodeStep(el);
      codeInput(el).focus();
      await sendKeys({ type: code });
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
      expect(sent.detail).to.deep.equal({ msisdn: '+971501234567', country: 'AE', resendAfter: 30, resend: false });
      const verified = events.find((e) => e.type === 'otp-verified') as OtpVerifiedEvent;
      expect(verified.detail).to.deep.equal({ msisdn: '+971501234567', country: 'AE', successUrl: undefined });
      for (const e of events) {
        expect(e.bubbles, e.type).to.be.true;
        expect(e.composed, e.type).to.be.true;
      }
      expect(events.some((e) => e.type === 'otp-error')).to.be.false;
    } finally {
      for (const type of ['otp-step', 'otp-sent', 'otp-verified', 'otp-error']) document.removeEventListener(type, record);
    }
  });

  it('announces a wrong code with the tries left, then accepts the right one', async () => {
    const el = await mount();
    const code = await toCodeStep(el);
    const failed = oneEvent(el, 'otp-error');
    fill(codeInput(el), code === '000000' ? '111111' : '000000');
    submitButton(el).click();
    const event = await failed;
    expect(event.detail).to.deep.include({ code: 'otp_invalid', step: 'verifying', attemptsLeft: 4 });
    await stepIs(el, 'code');
    expect(errorText(el)).to.equal('That code is not right. 4 tries left.');
    expect(codeInput(el).value).to.equal('');
    expect(el.shadowRoot!.activeElement).to.equal(codeInput(el));
    fill(codeInput(el), code);
    submitButton(el).click();
    await stepIs(el, 'done');
  });

  it('takes a pasted code with text around it and submits it', async () => {
    const el = await mount();
    const code = await toCodeStep(el);
    const verified = oneEvent(el, 'otp-verified');
    fill(codeInput(el), `Your code is ${code.slice(0, 3)} ${code.slice(3)}. Do not share it.`);
    await verified;
    await stepIs(el, 'done');
  });

  it('takes an autofilled code (an input event without inputType) and submits it', async () => {
    const el = await mount();
    const code = await toCodeStep(el);
    fill(codeInput(el), code, undefined);
    await stepIs(el, 'done');
  });

  it('does not auto-submit typed digits when the code length is unknown', async () => {
    const el = await mount();
    await toCodeStep(el);
    codeInput(el).focus();
    await sendKeys({ type: '1234' });
    await el.updateComplete;
    expect(el.step).to.equal('code');
    expect(codeInput(el).value).to.equal('1234');
  });

  it('goes back to the number step with "Change number"', async () => {
    const el = await mount();
    await toCodeStep(el, '0501234567');
    $<HTMLButtonElement>(el, '[part~=link]').click();
    await stepIs(el, 'number');
    expect(phoneInput(el).value).to.equal('050 123 4567');
    await waitUntil(() => el.shadowRoot!.activeElement === phoneInput(el), 'focus back on the number');
  });

  it('ignores a verify reply that arrives after the user moved on', async () => {
    const el = await mount();
    const code = await toCodeStep(el);
    await simulator('fault', { fault: 'slow', delayMs: 600, endpoint: 'otp_verify' });
    let verified = false;
    el.addEventListener('otp-verified', () => (verified = true));
    fill(codeInput(el), code);
    submitButton(el).click();
    await stepIs(el, 'verifying');
    $<HTMLButtonElement>(el, '[part~=link]').click();
    await stepIs(el, 'number');
    await new Promise((r) => setTimeout(r, 900));
    expect(el.step).to.equal('number');
    expect(verified).to.be.false;
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
      expect(visibleText(el)).to.contain(text);
      submitButton(el)?.click();
      await el.updateComplete;
      expect(await inbox()).to.be.empty;
    });
  }
});

describe('lastCode helper', () => {
  it('reads what the simulator sent', async () => {
    const el = await mount();
    await toCodeStep(el);
    expect(await lastCode()).to.match(/^\d{6}$/);
  });
});
