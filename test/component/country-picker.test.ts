/**
 * The country picker, used as people use it: tapped, searched by name or dial code, walked with the
 * keyboard, read by a screen reader (the ARIA combobox pattern), on a phone's narrow screen.
 */
import { drawsFlags } from '../../src/component/templates.js';
import { $, expect, hasEmojiFont, html, mark, mount, phoneInput, waitUntil, type El } from './support.js';
import { click, press, type, viewport } from './input.js';

const button = (el: El) => $(el, '[part~=country-button]');
const search = (el: El) => $<HTMLInputElement>(el, '#country-search');
const options = (el: El) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role=option]')];
const names = (el: El) => options(el).map((o) => o.querySelector('.name')!.textContent);
const focused = (el: El) => el.shadowRoot!.activeElement;


async function openByTap(el: El): Promise<void> {
  await click(button(el));
  await waitUntil(() => focused(el) === search(el), 'the search box has focus');
}

describe('country picker', () => {
  it('opens on a tap, finds a country by name or dial code, and takes the choice to the number', async () => {
    const el = await mount(html`<otp-flow country="SA" countries="AE,SA,KW"></otp-flow>`);
    expect(button(el).getAttribute('aria-expanded')).to.equal('false');
    await openByTap(el);
    expect(button(el).getAttribute('aria-expanded')).to.equal('true');
    expect(names(el)).to.deep.equal(['United Arab Emirates', 'Saudi Arabia', 'Kuwait']);
    expect(options(el).map((o) => o.getAttribute('aria-selected'))).to.deep.equal(['false', 'true', 'false']);
    await type('kuw');
    expect(names(el)).to.deep.equal(['Kuwait']);
    await search(el).select();
    await type('+97');
    expect(names(el)).to.deep.equal(['United Arab Emirates']);
    await click(options(el)[0]!);
    await waitUntil(() => focused(el) === phoneInput(el), 'on to the number');
    expect(button(el).getAttribute('aria-label')).to.equal(`${mark('AE')} +971, Country: United Arab Emirates`);
    expect(button(el).getAttribute('aria-expanded')).to.equal('false');
    await waitUntil(() => phoneInput(el).placeholder === '050 123 4567', 'the chosen country’s example');
  });

  it('is a combobox a keyboard and a screen reader can use', async () => {
    const el = await mount(html`<otp-flow country="AE" countries="AE,SA,KW"></otp-flow>`);
    button(el).focus();
    await press('ArrowDown');
    await waitUntil(() => focused(el) === search(el), 'the search box has focus');
    const box = search(el);
    expect(box.getAttribute('role')).to.equal('combobox');
    expect(box.getAttribute('aria-expanded')).to.equal('true');
    expect(box.getAttribute('aria-controls')).to.equal('country-list');
    expect($(el, '#country-list').getAttribute('role')).to.equal('listbox');
    expect(box.getAttribute('aria-activedescendant'), 'starts on the chosen country').to.equal('country-AE');
    await press('ArrowDown');
    expect(box.getAttribute('aria-activedescendant')).to.equal('country-SA');
    await press('ArrowDown');
    await press('ArrowDown');
    expect(box.getAttribute('aria-activedescendant'), 'stops at the last').to.equal('country-KW');
    await press('ArrowUp');
    await expect(el).to.be.accessible();
    await press('Escape');
    await waitUntil(() => focused(el) === button(el), 'Escape gives focus back to the button');
    expect(button(el).getAttribute('aria-label'), 'nothing chosen').to.equal(`${mark('AE')} +971, Country: United Arab Emirates`);
    await press('ArrowDown');
    await waitUntil(() => focused(el) === search(el), 'opens again');
    await type('kuwait');
    await press('Enter');
    await waitUntil(() => button(el).getAttribute('aria-label') === `${mark('KW')} +965, Country: Kuwait`, 'Enter chooses');
  });

  it('names countries in the page’s language, right to left, and finds them in it or in English', async () => {
    const el = await mount(html`<otp-flow country="AE" countries="AE,SA,EG" lang="ar"></otp-flow>`);
    await openByTap(el);
    const arabic = new Intl.DisplayNames(['ar'], { type: 'region' });
    expect(names(el)).to.deep.equal(['AE', 'SA', 'EG'].map((c) => arabic.of(c)));
    expect($(el, '[part~=country-picker]').getAttribute('dir')).to.equal('rtl');
    await type(arabic.of('EG')!.slice(0, 3));
    expect(names(el)).to.deep.equal([arabic.of('EG')]);
    await search(el).select();
    await type('saudi');
    expect(names(el)).to.deep.equal([arabic.of('SA')]);
    expect(options(el)[0]!.querySelector('.dial')!.textContent).to.equal('+966');
  });

  it('offers every country, by name, when any is allowed, and says when none matches', async () => {
    const el = await mount(html`<otp-flow></otp-flow>`);
    await openByTap(el);
    const all = names(el);
    expect(all.length).to.be.greaterThan(200);
    expect([...all].sort(new Intl.Collator('en').compare)).to.deep.equal(all);
    await type('brazil');
    expect(names(el)).to.deep.equal(['Brazil']);
    await type('x');
    expect(names(el)).to.deep.equal([]);
    expect($(el, '[part~=country-picker] [role=status]').textContent).to.equal('No country found.');
  });

  it('takes the whole screen of a narrow phone, and closes with its button', async () => {
    await viewport(360, 740);
    const el = await mount(html`<otp-flow country="AE" countries="AE,SA,KW"></otp-flow>`);
    await openByTap(el);
    const box = () => {
      const r = $(el, '[part~=country-picker]').getBoundingClientRect();
      return [r.left, r.top, r.width, r.height].join(' ');
    };
    expect(box()).to.equal('0 0 360 740');
    await click($(el, '[part~=country-picker] .close'));
    await waitUntil(() => !$(el, '[part~=country-picker]'), 'closed');
    expect(focused(el) === button(el), 'focus back on the button').to.be.true;
  });

  it('shows ISO codes where the system has no emoji font to draw flags, and flags where it has', async () => {
    const el = await mount(html`<otp-flow country="AE" countries="AE,SA"></otp-flow>`);
    // Chromium and WebKit here have no emoji font: the check draws a flag and finds no colour in it.
    expect(drawsFlags(true), 'an emoji font in this engine').to.equal(hasEmojiFont);
    expect(button(el).textContent!.replace(/\s+/g, '')).to.equal(`${mark('AE')}+971`);
    // A font without flags draws letters or boxes in the text colour: stood in for by a canvas that paints grey.
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    const paint = (colour: string) =>
      (CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D) {
        this.fillStyle = colour;
        this.fillRect(0, 0, 10, 10);
      });
    try {
      paint('#555');
      expect(drawsFlags(true), 'grey letters').to.be.false;
      const without = await mount(html`<otp-flow country="AE" countries="AE,SA"></otp-flow>`);
      expect(button(without).textContent!.replace(/\s+/g, '')).to.equal('AE+971');
      // A font that draws flags paints colour: a canvas that paints red.
      paint('#c00');
      expect(drawsFlags(true), 'a coloured flag').to.be.true;
      const withFlags = await mount(html`<otp-flow country="AE" countries="AE,SA"></otp-flow>`);
      expect(button(withFlags).textContent!.replace(/\s+/g, '')).to.equal('🇦🇪+971');
    } finally {
      CanvasRenderingContext2D.prototype.fillText = fillText;
      drawsFlags(true);
    }
  });
});
