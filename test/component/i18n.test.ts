import { $, codeInput, errorText, expect, html, mount, phoneInput, submitNumber, toCodeStep, visibleText } from './support.js';
import { LANGUAGES, translations } from '../../src/component/translations/index.js';

describe('languages', () => {
  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('has at least 14 built-in languages, each complete', () => {
    const codes = Object.keys(translations);
    expect(codes.length).to.be.at.least(14);
    expect(codes).to.include.members(['ar', 'fr', 'es', 'pt', 'id', 'th', 'vi', 'tr', 'ur', 'hi', 'bn', 'ms', 'sw', 'en']);
    expect(codes).to.have.members([...LANGUAGES]);
    const keys = Object.keys(translations.en).sort();
    for (const [code, t] of Object.entries(translations)) {
      expect(Object.keys(t).sort(), code).to.deep.equal(keys);
      expect(t.$code).to.equal(code);
      for (const [key, value] of Object.entries(t)) {
        if (typeof value === 'function') {
          for (const n of [undefined, 0, 1, 2, 3, 5, 11]) {
            const text = (value as (n: unknown) => string)(n ?? '0:30');
            expect(text, `${code}.${key}(${n})`).to.be.a('string').and.not.include('undefined');
          }
        } else {
          expect(value, `${code}.${key}`).to.be.a('string').and.not.be.empty;
        }
      }
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
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect($(el, 'label').textContent).to.equal('Cep telefonu numarası');
  });

  it('matches a regional tag to its language and falls back to English', async () => {
    const pt = await mount(html`<otp-flow country="BR" lang="pt-BR"></otp-flow>`);
    expect($(pt, 'label').textContent).to.equal('Número de celular');
    const unknown = await mount(html`<otp-flow country="AE" lang="xx"></otp-flow>`);
    expect($(unknown, 'label').textContent).to.equal('Mobile number');
  });

  it('lays Arabic out right to left while the number stays left to right', async () => {
    const el = await mount(html`<otp-flow country="AE" lang="ar"></otp-flow>`);
    expect($(el, '.root').getAttribute('dir')).to.equal('rtl');
    expect($(el, 'label').textContent).to.equal('رقم الجوال');
    expect(getComputedStyle($(el, 'form')).direction).to.equal('rtl');
    expect(phoneInput(el).dir).to.equal('ltr');
    expect(getComputedStyle(phoneInput(el)).direction).to.equal('ltr');
    await toCodeStep(el);
    expect(codeInput(el).dir).to.equal('ltr');
    // The number inside the Arabic sentence is isolated, so it reads +971… not …971+.
    expect($(el, '[role=status]').textContent).to.contain('\u2066+971 50 123 4567\u2069');
  });

  it('says refusals in the user’s language', async () => {
    const el = await mount(html`<otp-flow country="AE" lang="ar"></otp-flow>`);
    await submitNumber(el, '123');
    await el.updateComplete;
    expect(errorText(el)).to.equal('أدخل رقم جوال صحيحًا.');
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
