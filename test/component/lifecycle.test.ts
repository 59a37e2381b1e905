import sinon from 'sinon';
import metadata from 'libphonenumber-js/mobile/metadata';
import examples from 'libphonenumber-js/mobile/examples';
import { inlinePlans } from '../../src/component/phone-plans.js';
import { $, expect, fixture, html, mount, oneEvent, phoneInput, statusText, stepIs, toCodeStep, visibleText, waitUntil } from './support.js';
import { defineOtpFlow } from '../../src/component/define.js';
import en from '../../src/component/translations/en.js';
import fr from '../../src/component/translations/fr.js';
import type { OtpSentEvent } from '../../src/component/events.js';
import type { El } from './support.js';
import { RESEND_AFTER } from './proxy-settings.js';

describe('lifecycle', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  afterEach(() => {
    clock?.restore();
    clock = undefined;
  });

  it('stops its resend countdown when removed, and resumes it when put back', async () => {
    clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['setInterval', 'clearInterval', 'Date'] });
    const el = await mount();
    await toCodeStep(el);
    expect(clock.countTimers(), 'the countdown ticks').to.equal(1);
    const parent = el.parentElement!;
    el.remove();
    expect(clock.countTimers(), 'nothing ticks for a removed element').to.equal(0);
    parent.append(el);
    await el.updateComplete;
    expect(clock.countTimers(), 'the countdown ticks again').to.equal(1);
    await clock.tickAsync(1_000);
    await el.updateComplete;
    expect(visibleText(el)).to.contain(`0:0${RESEND_AFTER - 1}`);
  });

  it('registers a second tag with its own countries and languages beside <otp-flow>', async () => {
    const Second = defineOtpFlow({ tag: 'otp-flow-second', phone: inlinePlans(metadata, examples), translations: { en, fr } });
    expect(customElements.get('otp-flow-second') === Second, 'registered').to.be.true;
    expect(customElements.get('otp-flow') === Second, 'a class of its own').to.be.false;
    expect(defineOtpFlow({ tag: 'otp-flow-second', phone: inlinePlans(metadata, examples), translations: { en } }) === Second, 'the same tag again is the element already there').to.be.true;

    const second = await fixture<El>(html`<otp-flow-second country="SA" lang="fr"></otp-flow-second>`);
    expect($(second, 'label').textContent).to.equal('Numéro de mobile');
    const sent = oneEvent(second, 'otp-sent');
    await toCodeStep(second, '051 234 5678');
    expect(((await sent) as OtpSentEvent).detail.msisdn).to.equal('+966512345678');
    await stepIs(second, 'code');
    expect(statusText(second)).to.contain('+966');

    // The first tag is untouched.
    const first = await mount();
    expect($(first, 'label').textContent).to.equal('Mobile number');
    expect(phoneInput(first)).to.exist;
  });

  it('types an element created by name', async () => {
    const el = document.createElement('otp-flow');
    el.country = 'AE';
    document.body.append(el);
    try {
      await waitUntil(() => el.shadowRoot?.querySelector('#phone'));
      expect(el.step).to.equal('number');
    } finally {
      el.remove();
    }
  });
});
