/**
 * The waits between codes, as the user meets them (issue 16):
 * - a send Offer18 refused leaves no wait behind (item 7);
 * - the same number again inside its wait goes back to the code already sent (item 8);
 * - "Send a new code" looks and is announced unavailable until it works (item 9).
 */
import sinon from 'sinon';
import {
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
  waitUntil,
  type El,
} from './support.js';
import { click, paste, press } from './input.js';
import { RESEND_AFTER, WAIT } from './proxy-settings.js';

const UNAVAILABLE = 'The service is not available right now. Try again in a moment.';
const resendButton = (el: El) => buttonNamed(el, 'Send a new code');

describe('a send Offer18 refused', () => {
  // Offer18 said no (a wrong key): no SMS left. An answer that may hide a sent SMS (a 5xx, none in time) keeps
  // the wait: test/proxy/resend.test.ts.
  it('leaves no wait behind: "Try again" sends the code', async () => {
    await simulator('fault', { fault: 'invalid_credentials', endpoint: 'otp_gen' });
    const el = await mount();
    const refused = oneEvent(el, 'otp-error');
    await submitNumber(el, '0501234567');
    await refused;
    await stepIs(el, 'number');
    expect(errorText(el)).to.equal(UNAVAILABLE);
    await simulator('fault', { fault: 'none' });
    const outcome = Promise.race([oneEvent(el, 'otp-sent'), oneEvent(el, 'otp-error')]);
    await click(submitButton(el));
    expect((await outcome).type, errorText(el)).to.equal('otp-sent');
    expect(errorText(el)).to.equal('');
  });

  it('leaves no wait behind when it was a new code: "Send a new code" works again at once', async () => {
    const el = await mount();
    await toCodeStep(el);
    await waitUntil(() => resendButton(el), 'a new code offered', { timeout: (RESEND_AFTER + 3) * 1000 });
    await simulator('fault', { fault: 'invalid_credentials', endpoint: 'otp_gen' });
    const refused = oneEvent(el, 'otp-error');
    await click(resendButton(el)!);
    await refused;
    await el.updateComplete;
    expect(errorText(el)).to.equal(UNAVAILABLE);
    await simulator('fault', { fault: 'none' });
    const outcome = Promise.race([oneEvent(el, 'otp-sent'), oneEvent(el, 'otp-error')]);
    await click(resendButton(el)!);
    const event = await outcome;
    expect(event.type, errorText(el)).to.equal('otp-sent');
    expect((event as CustomEvent<{ resend: boolean }>).detail.resend).to.be.true;
    await enterCode(el, await lastCode());
    await stepIs(el, 'done');
  });
});

describe('the same number again inside its wait', () => {
  it('goes back to the code already sent, which then confirms: no second SMS, no red wait', async () => {
    const el = await mount();
    const code = await toCodeStep(el);
    await click(buttonNamed(el, 'Change number')!);
    await stepIs(el, 'number');
    // Typed again, in another spelling.
    await submitNumber(el, '+971 50 123 4567');
    await stepIs(el, 'code');
    expect(errorText(el)).to.equal('');
    expect(statusText(el)).to.contain('+971 50 123 4567');
    await waitUntil(() => el.shadowRoot!.activeElement === codeInput(el), 'focus on the code');
    expect(await inbox()).to.have.length(1);
    await enterCode(el, code);
    await stepIs(el, 'done');
  });

  it('sends another number as ever', async () => {
    const el = await mount();
    await toCodeStep(el);
    await click(buttonNamed(el, 'Change number')!);
    const sent = oneEvent(el, 'otp-sent');
    await submitNumber(el, '0521234567');
    expect((await sent).detail.msisdn).to.equal('+971521234567');
  });
});

describe('"Send a new code" after the last wrong code', () => {
  afterEach(() => sinon.restore());

  it('is dimmed and announced unavailable, with the countdown as its description, until it works', async () => {
    // A proxy with a long wait: the form is looked at while it runs, however slow the machine.
    const el = await mount(html`<otp-flow country="AE" endpoint=${WAIT.endpoint}></otp-flow>`);
    const realFetch = window.fetch.bind(window);
    let session = '';
    sinon.stub(window, 'fetch').callsFake(async (input, init) => {
      const response = await realFetch(input, init);
      if (String(input).endsWith('/send') && response.ok) session = ((await response.clone().json()) as { session: string }).session;
      return response;
    });
    const sent = oneEvent(el, 'otp-sent');
    await typeInto(phoneInput(el), '0501234567');
    await press('Enter');
    await sent;
    await el.updateComplete;
    // Four tries spent beside the element, the last one here.
    const guess = (n: number) => String(n).repeat(6);
    for (let n = 1; n <= 4; n++) {
      await realFetch(`${WAIT.endpoint}/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ session, otp: guess(n) }) });
    }
    const locked = oneEvent(el, 'otp-error');
    await paste(codeInput(el), guess(5));
    expect((await locked).detail).to.include({ code: 'otp_invalid', attemptsLeft: 0 });
    await el.updateComplete;

    const button = resendButton(el)!;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    const description = el.shadowRoot!.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
    expect(description).to.match(/^You can ask for a new code in \u20660:0[1-6]\u2069\.$/);
    const waiting = getComputedStyle(button).opacity;
    // A tap does nothing while it waits, and the form says nothing new.
    await click(button);
    expect(errorText(el)).to.equal('Too many wrong codes. Ask for a new one.');

    await waitUntil(() => button.getAttribute('aria-disabled') === 'false', 'it works', { timeout: (WAIT.resendAfter + 3) * 1000 });
    await el.updateComplete;
    expect(button.hasAttribute('aria-describedby')).to.be.false;
    expect(Number(waiting), `dimmed while waiting (${waiting})`).to.be.below(Number(getComputedStyle(button).opacity));
    const again = oneEvent(el, 'otp-sent');
    await click(button);
    expect((await again).detail.resend).to.be.true;
  });
});
