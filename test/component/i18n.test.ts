import { $, codeInput, errorText, expect, html, mount, phoneInput, simulator, statusText, submitNumber, toCodeStep, visibleText, waitUntil } from './support.js';
import { RESEND_AFTER } from './proxy-settings.js';
import { LANGUAGES, translations } from '../../src/component/translations/index.js';
import { count, isolate, type Translation } from '../../src/component/localize.js';

describe('languages', () => {
  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('has every built-in language complete, in every plural form', () => {
    expect(LANGUAGES).to.include.members(['ar', 'fr', 'es', 'pt', 'id', 'th', 'vi', 'tr', 'ur', 'hi', 'bn', 'ms', 'sw', 'en', 'fa']);
    const keys = Object.keys(translations.en).sort();
    const phone = isolate('+971 50 123 4567');
    for (const [code, t] of Object.entries(translations) as Array<[string, Translation]>) {
      expect(Object.keys(t).sort(), code).to.deep.equal(keys);
      expect(t.$code).to.equal(code);
      const sentences: Array<[string, string]> = [
        ['codeSent', t.codeSent(phone)],
        ['resendIn', t.resendIn(isolate('0:30'))],
        ['tooMany', t.tooMany(new Intl.RelativeTimeFormat(code).format(5, 'minute'))],
        ['wrongCode()', t.wrongCode(undefined)],
        ...[0, 1, 2, 3, 5, 11, 100].map((n): [string, string] => [`wrongCode(${n})`, t.wrongCode(count(n, code))]),
      ];
      for (const [key, value] of Object.entries(t)) if (typeof value === 'string') sentences.push([key, value]);
      for (const [key, text] of sentences) expect(text, `${code}.${key}`).to.be.a('string').and.not.match(/undefined|NaN|^\s*$/);
      expect(t.codeSent(phone), `${code}.codeSent keeps the number`).to.include(phone);
    }
  });

  it('speaks each built-in language when the page names it by its code', async () => {
    for (const code of LANGUAGES) {
      const el = await mount(html`<otp-flow country="AE" lang=${code}></otp-flow>`);
      expect($(el, '.root').getAttribute('lang'), code).to.equal(code);
      expect($(el, 'label').textContent, code).to.equal(translations[code].phoneLabel);
      expect(visibleText(el), code).to.contain(translations[code].send);
    }
  });

  it('speaks the language of the element', async () => {
    const el = await mount(html`<otp-flow country="AE" lang="fr"></otp-flow>`);
    expect($(el, 'label').textContent).to.equal('Numéro de mobile');
    expect(visibleText(el)).to.contain('Recevoir le code');
  });

  it('speaks the language of the page, and follows it when it changes', async () => {
    document.documentElement.lang = 'es';
    const el = await mount();
    expect($(el, 'label').textContent).to.equal('Número de móvil');
    document.documentElement.lang = 'tr';
    await waitUntil(() => $(el, 'label').textContent === 'Cep telefonu numarası', 'Turkish after the page switched');
  });

  it('matches a regional tag to its language and falls back to English', async () => {
    const pt = await mount(html`<otp-flow country="BR" lang="pt-BR"></otp-flow>`);
    expect($(pt, 'label').textContent).to.equal('Número de celular');
    const ar = await mount(html`<otp-flow country="AE" lang="ar-AE"></otp-flow>`);
    expect($(ar, 'label').textContent).to.equal('رقم الجوال');
    const unknown = await mount(html`<otp-flow country="AE" lang="xx"></otp-flow>`);
    expect($(unknown, 'label').textContent).to.equal('Mobile number');
  });

  it('lays Arabic out right to left while the number stays left to right', async () => {
    const el = await mount(html`<otp-flow country="AE" lang="ar"></otp-flow>`);
    expect($(el, '.root').getAttribute('dir')).to.equal('rtl');
    expect($(el, 'label').textContent).to.equal('رقم الجوال');
    expect(getComputedStyle($(el, 'form')).direction).to.equal('rtl');
    expect(phoneInput(el).getAttribute('dir')).to.equal('ltr');
    expect(getComputedStyle(phoneInput(el)).direction).to.equal('ltr');
    await toCodeStep(el);
    expect(codeInput(el).getAttribute('dir')).to.equal('ltr');
    // The number inside the Arabic sentence is isolated, so it reads +971… not …971+.
    expect($(el, '[role=status]').textContent).to.match(/\u2066\+971[\s\u00a0]50[\s\u00a0]123[\s\u00a0]4567\u2069/);
  });

  it('counts down in the language’s own digits', async () => {
    const digits = { bn: '০১২৩৪৫৬৭৮৯', fa: '۰۱۲۳۴۵۶۷۸۹', en: '0123456789' };
    for (const [lang, d] of Object.entries(digits)) {
      await simulator('reset');
      const el = await mount(html`<otp-flow country="AE" lang=${lang}></otp-flow>`);
      await toCodeStep(el);
      expect(visibleText(el), lang).to.contain(`\u2066${d[0]}:${d[0]}${d[RESEND_AFTER]}\u2069`);
    }
  });

  it('says refusals in the user’s language', async () => {
    const el = await mount(html`<otp-flow country="AE" lang="ar"></otp-flow>`);
    await submitNumber(el, '123');
    await el.updateComplete;
    expect(errorText(el)).to.equal('أدخل رقم جوال صحيحًا.');
    await submitNumber(el, '050 12');
    await el.updateComplete;
    expect(errorText(el)).to.equal('ينقص هذا الرقمَ بعضُ الأرقام.');
  });

  it('re-says what is on screen when the language changes', async () => {
    const el = await mount();
    await toCodeStep(el);
    el.lang = 'fr';
    await waitUntil(() => statusText(el).startsWith('Nous avons envoyé un code'), `French status, got "${statusText(el)}"`);
  });

  it('lets the page override any text, by property or by attribute', async () => {
    const el = await mount(html`<otp-flow country="AE" messages='{"send":"Get my code","phoneLabel":"Your number"}'></otp-flow>`);
    expect($(el, 'label').textContent).to.equal('Your number');
    expect(visibleText(el)).to.contain('Get my code');
    el.messages = { send: 'Subscribe' };
    await el.updateComplete;
    expect(visibleText(el)).to.contain('Subscribe');
    expect($(el, 'label').textContent).to.equal('Mobile number');
  });

  it('ignores a messages attribute that is not JSON', async () => {
    const el = await mount(html`<otp-flow country="AE" messages="{oops"></otp-flow>`);
    expect($(el, 'label').textContent).to.equal('Mobile number');
  });
});
