import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { $, codeInput, expect, fill, html, mount, stepIs, submitButton, submitNumber, toCodeStep, fixture } from './support.js';
import type { El } from './support.js';

async function atEveryStep(lang: string, check: (el: El, step: string) => Promise<void>) {
  const el = await mount(html`<otp-flow country="AE" countries="AE,SA" lang=${lang}>
    <h2 slot="header">Daily quiz</h2>
    <p slot="disclosure">AED 1.5/day, cancel anytime.</p>
  </otp-flow>`);
  await check(el, 'number');
  await submitNumber(el, '12');
  await el.updateComplete;
  await check(el, 'number with an error');
  const code = await toCodeStep(el, '0501234567');
  await check(el, 'code');
  fill(codeInput(el), '000000' === code ? '111111' : '000000');
  submitButton(el).click();
  await stepIs(el, 'code');
  await check(el, 'code with an error');
  fill(codeInput(el), code);
  submitButton(el).click();
  await stepIs(el, 'done');
  await check(el, 'done');
}

describe('accessibility', () => {
  for (const lang of ['en', 'ar']) {
    it(`has no axe violations at any step (${lang})`, async () => {
      await atEveryStep(lang, async (el) => {
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
    await setViewport({ width: 360, height: 740 });
    await atEveryStep('en', async (el, step) => {
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
    await setViewport({ width: 320, height: 640 });
    document.body.style.margin = '0';
    for (const lang of ['en', 'ar', 'ta', 'vi']) {
      const el = await fixture<El>(html`<div style="width: 320px; margin: 0; padding: 0">
        <otp-flow country="AE" countries="AE,SA,KW" lang=${lang}></otp-flow>
      </div>`).then((div) => div.querySelector('otp-flow') as El);
      for (const preview of ['number', 'code', 'error', 'done'] as const) {
        el.preview = preview;
        await el.updateComplete;
        expect(document.documentElement.scrollWidth, `${lang} ${preview}`).to.be.at.most(320);
        expect(el.getBoundingClientRect().width, `${lang} ${preview}`).to.be.at.most(320);
      }
    }
  });

  it('is usable with the keyboard alone', async () => {
    const { sendKeys } = await import('@web/test-runner-commands');
    const el = await mount(html`<otp-flow country="AE" otp-length="6"></otp-flow>`);
    phoneInput(el).focus();
    await sendKeys({ type: '0501234567' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(submitButton(el));
    await sendKeys({ press: 'Enter' });
    await stepIs(el, 'code');
    const { lastCode } = await import('./support.js');
    const code = await lastCode();
    await sendKeys({ type: code });
    await stepIs(el, 'done');
  });

  it('stops the spinner for people who ask for less motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const el = await mount(html`<otp-flow country="AE" preview="sending"></otp-flow>`);
      expect(getComputedStyle($(el, '.spinner')).animationName).to.equal('none');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
    const el = await mount(html`<otp-flow country="AE" preview="sending"></otp-flow>`);
    expect(getComputedStyle($(el, '.spinner')).animationName).to.equal('spin');
  });
});

function phoneInput(el: El) {
  return $<HTMLInputElement>(el, '#phone');
}
