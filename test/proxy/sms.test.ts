/**
 * Reading the code out of a pasted SMS, as a person would: the corpus in
 * test/data/sms-corpus.json (real-world-shaped texts in many languages and
 * scripts, each with the code a person would pick, or '' where none is
 * clearly the code), read with the words the component reads it with:
 * English's and the language's own.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { digitsOf, foldDigits } from '../../src/shared/digits.js';
import { codeInSms as readFolded, type SmsWords } from '../../src/shared/sms.js';
import { translations } from '../../src/component/translations/index.js';

interface Sms {
  lang: keyof typeof translations;
  sms: string;
  length?: number;
  code: string;
  why?: string;
}

const corpus = JSON.parse(readFileSync(new URL('../data/sms-corpus.json', import.meta.url), 'utf8')) as Sms[];
const english = translations.en.$sms;
/** The SMS as the component reads it: digits folded, then read. */
const codeInSms = (sms: string, words: SmsWords[], length?: number) => readFolded(foldDigits(sms), words, length);

describe('the code in a pasted SMS', () => {
  it('has a corpus of 60+ texts in 12+ languages, Arabic, Persian, Hindi, Thai, Russian and Chinese among them', () => {
    const languages = new Set(corpus.map((c) => c.lang));
    assert.ok(corpus.length >= 60, `${corpus.length} texts`);
    assert.ok(languages.size >= 12, `${languages.size} languages`);
    for (const lang of ['ar', 'fa', 'hi', 'th', 'ru', 'zh-Hans'] as const) assert.ok(languages.has(lang), lang);
    assert.ok(corpus.some((c) => /[\u0660-\u0669]/.test(c.sms)), 'Arabic-Indic digits');
    assert.ok(corpus.some((c) => c.sms.includes('\u200f')), 'right-to-left marks');
    for (const c of corpus) assert.ok(c.lang in translations, `${c.lang} is a language the component speaks`);
  });

  for (const c of corpus) {
    const label = JSON.stringify(c.sms).slice(0, 70);
    it(`${c.lang}${c.length ? ` (length ${c.length})` : ''}: ${label} → ${c.code || 'nothing'}`, () => {
      assert.equal(codeInSms(c.sms, [english, translations[c.lang].$sms], c.length), c.code, c.why);
    });
  }

  it('never picks a wrong code when the SMS is in a language the page does not speak (English words only)', () => {
    for (const c of corpus) {
      const got = codeInSms(c.sms, [english], c.length);
      assert.ok(got === c.code || got === '', `${JSON.stringify(c.sms)} gave ${got}, not ${c.code || 'nothing'}`);
    }
  });

  it('gives nothing, or 4 to 8 of the digits the text holds, whatever it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789 -.:/+#\n٤۵aAcodePIN€', 'code', 'OTP', 'ref', 'رمز') }), fc.option(fc.integer({ min: 4, max: 8 }), { nil: undefined }), (text, length) => {
        const got = codeInSms(text, [english], length);
        if (got === '') return;
        assert.match(got, length ? new RegExp(`^\\d{${length}}$`) : /^\d{4,8}$/);
        assert.ok(digitsOf(text, 1000).includes(got.slice(0, 2)), `${got} comes from ${JSON.stringify(text)}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a paste of any length quickly: a long SMS in a few milliseconds, anything longer to its first 1,000 characters', () => {
    const long = `Your code is 482913. ${'Ref 1234 on 04-12-2026, call +971 50 123 4567. '.repeat(2000)}`;
    const crowded = 'code 1234 code 5678, '.repeat(50);
    const started = performance.now();
    assert.equal(codeInSms(long, [english]), '482913');
    assert.equal(codeInSms(crowded, [english]), '');
    assert.ok(performance.now() - started < 100, `${performance.now() - started} ms`);
  });
});

describe('digits', () => {
  it('folds Arabic-Indic, Persian, Devanagari, Bengali, Thai, Lao, Myanmar, Khmer and full-width digits', () => {
    assert.equal(foldDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ ०१२ ০১২ ๐๑๒ ໐໑໒ ၀၁၂ ០១២ ０１２'), '0123456789 0123456789 012 012 012 012 012 012 012');
  });

  it('keeps the digits of what was typed, at most 8', () => {
    assert.equal(digitsOf(' 12 34-5 '), '12345');
    assert.equal(digitsOf('١٢٣٤٥٦٧٨٩'), '12345678');
  });
});
