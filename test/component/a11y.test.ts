import { $, atEveryStep, campaign, codeInput, expect, fixture, html, lastCode, mount, phoneInput, stepIs, submitButton, toCodeStep, typeInto, waitUntil } from './support.js';
import type { El } from './support.js';
import { motion, press, type, viewport } from './input.js';

describe('accessibility', () => {
  for (const lang of ['en', 'ar']) {
    it(`has no axe violations at any step (${lang})`, async () => {
      await atEveryStep(await mount(campaign(lang)), async (el) => {
        await expect(el).to.be.accessible();
      });
    });
  }

  it('puts errors and status in live regions', async () => {
    const el = await mount();
    expect($(el, '#phone-error').getAttribute('role')).to.equal('alert');
    await toCodeStep(el);
    expect($(el, '#code-status').getAttribute('role')).to.equal('status');
    expect($(el, '#code-error').getAttribute('role')).to.equal('alert');
  });

  it('has touch targets of at least 44×44 px and 16 px inputs', async () => {
    await viewport(360, 740);
    await atEveryStep(await mount(campaign('en')), async (el, step) => {
      const controls = [...el.shadowRoot!.querySelectorAll<HTMLElement>('button, input, select')];
      if (step !== 'done') expect(controls.length, step).to.be.greaterThan(0);
      for (const control of controls) {
        const box = control.getBoundingClientRect();
        expect(box.height, `${step}: ${control.outerHTML.slice(0, 60)} height`).to.be.at.least(44);
        expect(box.width, `${step}: ${control.outerHTML.slice(0, 60)} width`).to.be.at.least(44);
        if (control.tagName !== 'BUTTON') expect(parseFloat(getComputedStyle(control).fontSize), step).to.be.at.least(16);
      }
    });
  });

  it('never scrolls sideways at 320 px', async () => {
    await viewport(320, 640);
    document.body.style.margin = '0';
    for (const lang of ['en', 'ar', 'ta', 'vi']) {
      const el = await fixture<El>(html`<div style="width: 320px; margin: 0; padding: 0">
        <otp-flow country="AE" countries="AE,SA,KW" lang=${lang}></otp-flow>
      </div>`).then((div) => div.querySelector('otp-flow') as El);
      for (const [preview, step] of [['number', 'number'], ['code', 'code'], ['error', 'number'], ['done', 'done']] as const) {
        el.preview = preview;
        await waitUntil(() => el.step === step && !$(el, '.root[data-waiting]'), `the ${preview} preview is shown`);
        expect(document.documentElement.scrollWidth, `${lang} ${preview}`).to.be.at.most(320);
        expect(el.getBoundingClientRect().width, `${lang} ${preview}`).to.be.at.most(320);
      }
    }
  });

  it('is usable with the keyboard alone', async () => {
    const el = await mount(html`<otp-flow country="AE" otp-length="6"></otp-flow>`);
    await typeInto(phoneInput(el), '0501234567');
    await press('Tab');
    expect(el.shadowRoot!.activeElement === submitButton(el), 'focus on the button').to.be.true;
    await press('Enter');
    await stepIs(el, 'code');
    expect(el.shadowRoot!.activeElement === codeInput(el), 'focus on the code').to.be.true;
    await type(await lastCode());
    await stepIs(el, 'done');
  });

  it('stops the spinner for people who ask for less motion', async () => {
    // Chromium emulates both preferences; Firefox and WebKit are launched asking for less motion.
    for (const preference of await motion('reduce')) {
      await motion(preference);
      expect(matchMedia(`(prefers-reduced-motion: ${preference})`).matches, preference).to.be.true;
      const el = await mount(html`<otp-flow country="AE" preview="sending"></otp-flow>`);
      await waitUntil(() => $(el, '.spinner'), 'the sending preview is shown');
      expect(getComputedStyle($(el, '.spinner')).animationName, preference).to.equal(preference === 'reduce' ? 'none' : 'spin');
    }
  });
});
