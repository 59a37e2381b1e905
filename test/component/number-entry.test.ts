/**
 * The number as it is typed: formatted as it goes with the caret where the user is typing, the
 * country's example as placeholder, and each country's plan fetched only when it is needed.
 */
import metadata from 'libphonenumber-js/mobile/metadata';
import examples from 'libphonenumber-js/mobile/examples';
import { defineOtpFlow } from '../../src/component/define.js';
import { planSlice } from '../../src/component/phone-plans.js';
import { tailoredPlans } from '../../src/build/metadata.js';
import en from '../../src/component/translations/en.js';
import { $, errorText, expect, fixture, html, inbox, mount, oneEvent, phoneInput, typeInto, waitUntil, type El } from './support.js';
import { compose, press, type } from './input.js';
import type { OtpSentEvent } from '../../src/component/events.js';

const caret = (el: El) => phoneInput(el).selectionStart;

async function left(times: number): Promise<void> {
  for (let i = 0; i < times; i++) await press('ArrowLeft');
}

describe('formatting as the user types', () => {
  it('groups the digits the way the country writes them, Brazil’s 11 digits included', async () => {
    const el = await mount(html`<otp-flow country="BR"></otp-flow>`);
    await waitUntil(() => phoneInput(el).placeholder, 'the example arrives with the plan');
    await typeInto(phoneInput(el), '11961');
    expect(phoneInput(el).value).to.equal('(11) 961');
    await type('234567');
    expect(phoneInput(el).value).to.equal('(11) 96123-4567');
    expect(caret(el)).to.equal(15);
  });

  it('keeps the caret after the digit typed or deleted in the middle', async () => {
    const el = await mount();
    await typeInto(phoneInput(el), '0501234567');
    expect(phoneInput(el).value).to.equal('050 123 4567');
    // After the 3 of 123: "050 123| 4567".
    await left(5);
    expect(caret(el)).to.equal(7);
    await press('Backspace');
    expect(phoneInput(el).value).to.equal('050 124 567');
    expect(caret(el), 'after the 2').to.equal(6);
    await type('9');
    expect(phoneInput(el).value).to.equal('050 129 4567');
    expect(caret(el), 'after the 9').to.equal(7);
    // Backspace just after a space takes the digit before it, not the space the formatting puts back.
    await left(3);
    expect(caret(el)).to.equal(4);
    await press('Backspace');
    expect(phoneInput(el).value.replace(/\D/g, '')).to.equal('051294567');
    expect(caret(el), 'after 05').to.equal(2);
    await press('Delete');
    expect(phoneInput(el).value.replace(/\D/g, '')).to.equal('05294567');
    expect(caret(el), 'still after 05').to.equal(2);
  });

  it('folds digits of other scripts as they are typed', async () => {
    const el = await mount();
    await typeInto(phoneInput(el), '٠٥٠١٢٣٤٥٦٧');
    expect(phoneInput(el).value).to.equal('050 123 4567');
  });

  it('formats what an Android keyboard composes, without breaking the composition', async function () {
    const el = await mount();
    await typeInto(phoneInput(el), '050123');
    await left(2);
    if (!(await compose('4', '45'))) this.skip();
    expect(phoneInput(el).value).to.equal('050 145 23');
    expect(caret(el), 'after the 5 composed').to.equal(7);
    await press('ArrowDown');
    if (!(await compose('6', '67'))) this.skip();
    expect(phoneInput(el).value).to.equal('050 145 2367');
    expect(caret(el)).to.equal(12);
  });

  it('shows the country’s example mobile number, formatted, and changes it with the country', async () => {
    const el = await mount(html`<otp-flow country="AE" countries="AE,SA"></otp-flow>`);
    await waitUntil(() => phoneInput(el).placeholder === '050 123 4567', `AE's example, is "${phoneInput(el).placeholder}"`);
    $(el, '[part~=country-button]').focus();
    await press('ArrowDown');
    // The list opens when its chunk is here, the search box focused.
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'country-search', 'the list is open');
    await type('saudi');
    await press('Enter');
    await waitUntil(() => phoneInput(el).placeholder === '051 234 5678', `SA's example, is "${phoneInput(el).placeholder}"`);
  });
});

describe('numbering plans on demand', () => {
  let tags = 0;
  /** A tag whose plans arrive when the test says, counting what it asks for. */
  function gated() {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const asked: string[] = [];
    const tag = `otp-flow-plans-${++tags}`;
    defineOtpFlow({
      tag,
      phone: {
        callingCodes: metadata.country_calling_codes as unknown as Record<string, string[]>,
        load: async (code) => {
          asked.push(code);
          await gate;
          return planSlice(metadata, examples as Record<string, string>, code);
        },
      },
      translations: { en },
    });
    return { tag, open, asked };
  }

  async function mountTag(tag: string, attributes: string): Promise<El> {
    const box = await fixture<HTMLDivElement>(html`<div></div>`);
    box.innerHTML = `<${tag} ${attributes}></${tag}>`;
    const el = box.firstElementChild as El;
    await el.updateComplete;
    return el;
  }

  it('takes digits before the plan is here, formats them once it is, and fetches it once', async () => {
    const { tag, open, asked } = gated();
    const el = await mountTag(tag, 'country="AE"');
    expect(asked, 'the chosen country’s plan, at once').to.deep.equal(['971']);
    await typeInto(phoneInput(el), '0501234');
    expect(phoneInput(el).value, 'usable before the plan arrives').to.equal('0501234');
    open();
    await waitUntil(() => phoneInput(el).value === '050 123 4', `formatted once the plan is here, is "${phoneInput(el).value}"`);
    await type('567');
    expect(phoneInput(el).value).to.equal('050 123 4567');
    const sent = oneEvent(el, 'otp-sent');
    await press('Enter');
    expect(((await sent) as OtpSentEvent).detail.msisdn).to.equal('+971501234567');
    expect(asked).to.deep.equal(['971']);
  });

  it('reads digits typed without their + in the other country’s plan, fetched at Send', async () => {
    const { tag, open, asked } = gated();
    open();
    const el = await mountTag(tag, 'country="SA" countries="SA,AE"');
    await typeInto(phoneInput(el), '971501234567');
    const sent = oneEvent(el, 'otp-sent');
    await press('Enter');
    expect(((await sent) as OtpSentEvent).detail.msisdn).to.equal('+971501234567');
    expect(asked).to.include('971');
  });

  it('fetches the plan of a dial code as it is typed, when the page serves its country', async () => {
    const { tag, open, asked } = gated();
    open();
    const el = await mountTag(tag, 'countries="AE,SA"');
    await typeInto(phoneInput(el), '+966');
    await waitUntil(() => asked.includes('966'), `asked for ${asked.join(', ')}`);
    await type('512345678');
    await waitUntil(() => phoneInput(el).value === '+966 51 234 5678', `is "${phoneInput(el).value}"`);
    expect(asked.filter((c) => c === '966')).to.have.length(1);
  });
});

describe('what is wrong with a number, as soon as it is known', () => {
  const invalid = (el: El) => phoneInput(el).getAttribute('aria-invalid') === 'true';

  it('says a number has too many digits as the digit is typed, and too few at Send', async () => {
    const el = await mount();
    await waitUntil(() => phoneInput(el).placeholder, 'the plan is here');
    await typeInto(phoneInput(el), '050123456');
    await el.updateComplete;
    expect(errorText(el), 'nothing wrong yet').to.equal('');
    await type('78');
    await el.updateComplete;
    expect(errorText(el)).to.equal('This number has too many digits.');
    expect(invalid(el)).to.be.true;
    await press('Backspace');
    await el.updateComplete;
    expect(errorText(el), 'gone with the digit').to.equal('');
    await press('Backspace');
    await press('Backspace');
    await press('Enter');
    await el.updateComplete;
    expect(errorText(el)).to.equal('This number is missing digits.');
    expect(invalid(el)).to.be.true;
    expect(el.step).to.equal('number');
    expect(await inbox()).to.be.empty;
  });

  it('says a Saudi-only kit cannot use a number from the Emirates once its dial code is typed', async () => {
    const tag = 'otp-flow-saudi-kit';
    defineOtpFlow({ tag, phone: tailoredPlans(metadata, examples as Record<string, string>, ['SA']), translations: { en } });
    const box = await fixture<HTMLDivElement>(html`<div></div>`);
    box.innerHTML = `<${tag} country="SA"></${tag}>`;
    const el = box.firstElementChild as El;
    await el.updateComplete;
    await typeInto(phoneInput(el), '+97');
    await el.updateComplete;
    expect(errorText(el), 'not yet a whole dial code').to.equal('');
    await type('1 50 123 4567');
    await el.updateComplete;
    expect(errorText(el)).to.equal('Numbers from this country cannot be used here.');
    await press('Enter');
    await el.updateComplete;
    expect(errorText(el)).to.equal('Numbers from this country cannot be used here.');
    expect(await inbox()).to.be.empty;
    // Its own numbers go through.
    const sent = oneEvent(el, 'otp-sent');
    await typeInto(phoneInput(el), '+966 51 234 5678');
    await el.updateComplete;
    expect(errorText(el)).to.equal('');
    await press('Enter');
    expect(((await sent) as OtpSentEvent).detail.msisdn).to.equal('+966512345678');
  });

  it('refuses letters as they are typed, the caret staying put', async () => {
    const el = await mount();
    await typeInto(phoneInput(el), '05a0b12');
    expect(phoneInput(el).value).to.equal('050 12');
    await left(2);
    await type('x');
    expect(phoneInput(el).value).to.equal('050 12');
    expect(caret(el)).to.equal(4);
    await type('3');
    expect(phoneInput(el).value).to.equal('050 312');
  });
});

describe('the country the field starts on', () => {
  const chosen = (el: El) => $(el, '[part~=country-button]')?.getAttribute('aria-label') ?? $(el, '[part~=prefix]')?.textContent?.trim();
  /** The region of the browser's first language (`en-US` → `US`), when it names one. */
  const browserRegion = navigator.languages
    .map((tag) => {
      try {
        return new Intl.Locale(tag).region;
      } catch {
        // WebKitGTK under a POSIX locale reports tags Intl does not take.
        return undefined;
      }
    })
    .find(Boolean);

  it('is the visitor’s country from the edge, when the page serves it', async () => {
    const el = await mount(html`<otp-flow country="AE" countries="AE,SA,KW" visitor-country="SA"></otp-flow>`);
    expect(chosen(el)).to.contain('Saudi Arabia');
    await waitUntil(() => phoneInput(el).placeholder === '051 234 5678', `Saudi example, is "${phoneInput(el).placeholder}"`);
    const sent = oneEvent(el, 'otp-sent');
    await typeInto(phoneInput(el), '0512345678');
    await press('Enter');
    expect(((await sent) as OtpSentEvent).detail.msisdn).to.equal('+966512345678');
  });

  it('is else the region of the browser’s languages, else the page’s default', async function () {
    const name = browserRegion && new Intl.DisplayNames(['en'], { type: 'region' }).of(browserRegion)!;
    const withDefault = await mount(html`<otp-flow country="KW" countries="AE,SA,KW" visitor-country="EG"></otp-flow>`);
    expect(chosen(withDefault)).to.contain('Kuwait');
    // Where the browser names no region (WebKitGTK here), only the default is left to check.
    if (!browserRegion || !name || ['AE', 'SA', 'KW'].includes(browserRegion)) this.skip();
    const withLanguage = await mount(html`<otp-flow country="KW" countries=${`AE,KW,${browserRegion}`} visitor-country="EG"></otp-flow>`);
    expect(chosen(withLanguage), `the browser says ${navigator.languages.join(', ')}`).to.contain(name);
  });

  it('is never a country the page does not serve, and a one-country page keeps its own', async () => {
    const el = await mount(html`<otp-flow country="AE" visitor-country="SA"></otp-flow>`);
    expect(chosen(el)).to.contain('+971');
  });

  it('may be any country when any is allowed', async () => {
    const el = await mount(html`<otp-flow visitor-country="BR"></otp-flow>`);
    expect(chosen(el)).to.contain('Brazil');
    await waitUntil(() => phoneInput(el).placeholder, 'Brazil’s example');
    await typeInto(phoneInput(el), '11961234567');
    expect(phoneInput(el).value).to.equal('(11) 96123-4567');
  });
});
