/** Languages fetched when a page asks for them, and which language a `lang` value means. */
import metadata from 'libphonenumber-js/mobile/metadata';
import examples from 'libphonenumber-js/mobile/examples';
import { inlinePlans } from '../../src/component/phone-plans.js';
import { $, expect, fixture, html, waitUntil } from './support.js';
import type { El } from './support.js';
import { defineOtpFlow } from '../../src/component/define.js';
import { matchLanguage } from '../../src/component/languages.js';
import { LANGUAGES, translations } from '../../src/component/translations/index.js';
import en from '../../src/component/translations/en.js';
import fr from '../../src/component/translations/fr.js';
import type { Translation } from '../../src/component/localize.js';

let tags = 0;

/** Registers a tag that carries English and French and fetches Arabic, through a gate the test opens. */
function onDemand(load: () => Promise<Translation> = () => import('../../src/component/translations/ar.js').then((m) => m.default)) {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const calls: string[] = [];
  const tag = `otp-flow-on-demand-${++tags}`;
  defineOtpFlow({
    tag,
    phone: inlinePlans(metadata, examples),
    translations: { en, fr },
    languages: {
      ar: async () => {
        calls.push('ar');
        await gate;
        return load();
      },
    },
  });
  return { tag, open, calls };
}

const label = (el: El) => $(el, 'label')?.textContent;
const painted = (el: El) => getComputedStyle($(el, '.root')).visibility === 'visible';

async function mountTag(tag: string, lang: string): Promise<El> {
  const box = await fixture<HTMLDivElement>(html`<div></div>`);
  box.innerHTML = `<${tag} country="AE" lang="${lang}"><p slot="disclosure">AED 1.50/day</p></${tag}>`;
  const el = box.firstElementChild as El;
  await el.updateComplete;
  return el;
}

describe('languages fetched on first use', () => {
  it('paints nothing in English while the language is on its way, with its box already taken', async () => {
    const { tag, open, calls } = onDemand();
    const el = await mountTag(tag, 'ar');
    expect(calls).to.deep.equal(['ar']);
    expect(painted(el), 'nothing painted yet').to.be.false;
    expect(getComputedStyle(el.querySelector('p')!).visibility, 'the price waits too').to.equal('hidden');
    const reserved = el.getBoundingClientRect().height;
    expect(reserved, 'the box is laid out').to.be.greaterThan(100);
    open();
    await waitUntil(() => label(el) === 'رقم الجوال' && painted(el), 'Arabic, painted');
    expect($(el, '.root').getAttribute('dir')).to.equal('rtl');
    expect(Math.abs(el.getBoundingClientRect().height - reserved), 'nothing below moves much').to.be.lessThan(reserved * 0.25);
  });

  it('fetches nothing for a language it carries', async () => {
    const { tag, calls } = onDemand();
    const el = await mountTag(tag, 'fr-CA');
    expect(painted(el)).to.be.true;
    expect(label(el)).to.equal('Numéro de mobile');
    expect(calls).to.deep.equal([]);
  });

  it('keeps the language on screen while the next one loads, then switches', async () => {
    const { tag, open } = onDemand();
    const el = await mountTag(tag, 'fr');
    el.setAttribute('lang', 'ar');
    await el.updateComplete;
    expect(painted(el)).to.be.true;
    expect(label(el), 'still French, never English').to.equal('Numéro de mobile');
    open();
    await waitUntil(() => label(el) === 'رقم الجوال', 'Arabic once it arrived');
  });

  it('shows English when the language cannot be fetched', async () => {
    const { tag, open } = onDemand(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    const el = await mountTag(tag, 'ar');
    open();
    await waitUntil(() => painted(el), 'painted after all');
    expect(label(el)).to.equal('Mobile number');
  });

  it('fetches a language once for every element that speaks it', async () => {
    const { tag, open, calls } = onDemand();
    const [a, b] = [await mountTag(tag, 'ar'), await mountTag(tag, 'ar-EG')];
    open();
    await waitUntil(() => label(a) === 'رقم الجوال' && label(b) === 'رقم الجوال');
    expect(calls).to.deep.equal(['ar']);
  });
});

describe('lang values', () => {
  const cases: Array<[string, string | undefined]> = [
    ['ar-AE', 'ar'],
    ['ar', 'ar'],
    ['en-US', 'en'],
    ['pt-BR', 'pt'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-Hant-TW', 'zh-Hant'],
    ['ZH-hans', 'zh-Hans'],
    ['tl', 'fil'],
    ['fil-PH', 'fil'],
    ['iw', 'he'],
    ['he-IL', 'he'],
    ['in', 'id'],
    ['ckb-IQ', 'ckb'],
    ['ps-AF', 'ps'],
    ['xx', undefined],
    ['not a tag', undefined],
    ['', undefined],
  ];
  for (const [lang, code] of cases) {
    it(`reads "${lang}" as ${code ?? 'none of them'}`, () => {
      expect(matchLanguage(lang, LANGUAGES)).to.equal(code);
    });
  }

  for (const [lang, code] of [
    ['zh-TW', 'zh-Hant'],
    ['zh-CN', 'zh-Hans'],
    ['iw', 'he'],
    ['tl', 'fil'],
  ] as const) {
    it(`speaks ${code} on a page in ${lang}`, async () => {
      const el = await fixture<El>(html`<otp-flow country="AE" lang=${lang}></otp-flow>`);
      expect(label(el)).to.equal(translations[code].phoneLabel);
      expect($(el, '.root').getAttribute('lang')).to.equal(code);
    });
  }
});
