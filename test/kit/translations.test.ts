/**
 * What a reviewer of the built-in translations would otherwise check by hand,
 * for every language: the same codes everywhere, directions, plural forms
 * chosen by `Intl.PluralRules` category, numbers in the language's digits,
 * isolated phone numbers and times kept whole, page texts with their
 * placeholders, sentences in the language's own script and punctuation, and
 * each language's on-demand chunk, built, holding the language within its
 * budget.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { count, relativeWait, type Count, type PageTexts, type Translation } from '../../src/component/localize.js';
import { LANGUAGES, pages, translations } from '../../src/component/translations/index.js';
import { buildComponentBundle, type BundleResult } from '../../src/build/component-bundle.js';

const root = new URL('../../', import.meta.url);
/** The language files in the folder, by name: what a translator adds. */
const FILES = (await readdir(new URL('src/component/translations/', root))).filter((f) => f !== 'index.ts').map((f) => f.replace(/\.ts$/, ''));
/** The one budget of a language chunk, in package.json. */
const CHUNK_BUDGET = (JSON.parse(await readFile(new URL('package.json', root), 'utf8')) as { sizeBudgets: Array<{ languageChunksOf?: string; gzipKB: number }> }).sizeBudgets.find(
  (b) => b.languageChunksOf,
)!.gzipKB;
const RTL = ['ar', 'fa', 'ur', 'he', 'ckb', 'ps'];

const all = Object.entries(translations) as Array<[string, Translation]>;

/** Texts a language may share with English on purpose: words borrowed as they are. */
const SAME_AS_ENGLISH = new Set(['OK', 'Privacy' /* it, nl, fil footers */]);

/**
 * Plural categories that read the same on purpose, because the language does
 * not change its words with the number (Persian, Turkish, Georgian… keep the
 * noun singular; Arabic writes 11–99 and 100 with the same singular noun).
 * Every other category must get its own wording.
 */
const SHARED_PLURALS: Record<string, string[][]> = {
  ar: [['many', 'other']],
  fa: [['one', 'other']],
  tr: [['one', 'other']],
  ckb: [['one', 'other']],
  kk: [['one', 'other']],
  uz: [['one', 'other']],
  az: [['one', 'other']],
  ka: [['one', 'other']],
  bn: [['one', 'other']],
  ne: [['one', 'other']],
  si: [['one', 'other']],
  fil: [['one', 'other']],
  ha: [['one', 'other']],
  so: [['one', 'other']],
};

/** Exact wordings where grammar is easy to get wrong. */
const GRAMMAR: Record<string, Record<number, string>> = {
  en: { 1: '1 try left', 2: '2 tries left' },
  ru: { 1: '1 попытка', 2: '2 попытки', 5: '5 попыток', 21: '21 попытка', 22: '22 попытки', 11: '11 попыток' },
  uk: { 1: '1 спроба', 2: '2 спроби', 5: '5 спроб', 21: '21 спроба' },
  pl: { 1: '1 próba', 2: '2 próby', 5: '5 prób', 21: '21 prób', 22: '22 próby' },
  ro: { 1: '1 încercare', 2: '2 încercări', 19: '19 încercări', 20: '20 de încercări' },
  ar: { 0: 'لم تبقَ أي محاولة', 1: 'محاولة واحدة', 2: 'محاولتان', 3: '3 محاولات', 11: '11 محاولة', 100: '100 محاولة' },
  he: { 1: 'ניסיון אחד', 2: 'שני ניסיונות', 5: '5 ניסיונות' },
  fr: { 0: '0 essai.', 1: '1 essai.', 2: '2 essais' },
  de: { 1: '1 Versuch.', 2: '2 Versuche' },
  sw: { 1: 'Limebaki jaribio 1', 3: 'Yamebaki majaribio 3' },
  fa: { 3: '۳ فرصت' },
  bn: { 3: '৩ বার' },
  mr: { 1: '१ प्रयत्न बाकी आहे.', 3: '३ प्रयत्न बाकी आहेत.' },
};

/**
 * Languages whose relative times Chromium lacks (it hands over English or
 * "+5 min"): their `tooMany` must not print such a phrase.
 */
const WAIT_GUARDED = ['ckb', 'ps', 'kk', 'uz', 'az', 'ka', 'ne', 'si', 'my', 'km', 'lo', 'ha', 'yo', 'so', 'zu'];

const SCRIPTS: Record<string, RegExp> = {
  ar: /\p{Script=Arabic}/u,
  fa: /\p{Script=Arabic}/u,
  ur: /\p{Script=Arabic}/u,
  ckb: /\p{Script=Arabic}/u,
  ps: /\p{Script=Arabic}/u,
  he: /\p{Script=Hebrew}/u,
  ru: /\p{Script=Cyrillic}/u,
  uk: /\p{Script=Cyrillic}/u,
  kk: /\p{Script=Cyrillic}/u,
  el: /\p{Script=Greek}/u,
  ka: /\p{Script=Georgian}/u,
  'zh-Hans': /\p{Script=Han}/u,
  'zh-Hant': /\p{Script=Han}/u,
  ja: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u,
  ko: /\p{Script=Hangul}/u,
  ta: /\p{Script=Tamil}/u,
  te: /\p{Script=Telugu}/u,
  hi: /\p{Script=Devanagari}/u,
  mr: /\p{Script=Devanagari}/u,
  ne: /\p{Script=Devanagari}/u,
  bn: /\p{Script=Bengali}/u,
  si: /\p{Script=Sinhala}/u,
  my: /\p{Script=Myanmar}/u,
  km: /\p{Script=Khmer}/u,
  lo: /\p{Script=Lao}/u,
  th: /\p{Script=Thai}/u,
  am: /\p{Script=Ethiopic}/u,
};
const LATIN = /\p{Script=Latin}/u;
const scriptOf = (code: string) => SCRIPTS[code] ?? LATIN;

/** How each language ends a sentence ("!" allowed where it thanks the user). */
const SENTENCE_END: Record<string, RegExp> = {
  hi: /[।!]$/u,
  ne: /[।!]$/u,
  bn: /[।!]$/u,
  ur: /[۔!]$/u,
  'zh-Hans': /[。！]$/u,
  'zh-Hant': /[。！]$/u,
  ja: /。$/u,
  am: /[።!]$/u,
  my: /။$/u,
  km: /[។!]$/u,
  // Thai and Lao end a sentence with no mark at all.
  th: /[^\s.!]$/u,
  lo: /[^\s.!]$/u,
};
const DEFAULT_END = /[.!]$/u;

const PHONE = '\u2066+1 555\u2069';
const TIME = '\u20660:30\u2069';
const LINK = '<a>x</a>';

/** Placeholder-free arguments, so a text's letters are only the language's own. */
const neutral = (code: string) => ({ phone: PHONE, time: TIME, wait: relativeWait(300, code), link: '§', price: '¤ 1.50', shortCode: '1234' });

/** Every sentence a language shows, by key: component texts, then page texts. */
function texts(code: string, args = neutral(code)): Array<[string, string]> {
  const t = translations[code as keyof typeof translations];
  const p = pages[code as keyof typeof pages];
  const out: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(t)) {
    if (key.startsWith('$')) continue;
    if (key === 'codeSent') out.push([key, t.codeSent(args.phone)]);
    else if (key === 'resendIn') out.push([key, t.resendIn(args.time)]);
    else if (key === 'tooMany') out.push([key, t.tooMany(args.wait)]);
    else if (key === 'wrongCode') {
      out.push(['wrongCode()', t.wrongCode(undefined)]);
      for (const n of [1, 2, 5]) out.push([`wrongCode(${n})`, t.wrongCode(count(n, code))]);
    } else out.push([key, value as string]);
  }
  for (const [key, value] of Object.entries(p)) {
    if (key === 'acceptTerms') out.push([`page.${key}`, p.acceptTerms(args.link)]);
    else if (key === 'sampleTerms') out.push([`page.${key}`, p.sampleTerms(args.price, args.shortCode)]);
    else out.push([`page.${key}`, value as string]);
  }
  return out;
}

const SENTENCES = new Set([
  'codeSent', 'resendIn', 'resent', 'success', 'invalidNumber', 'notMobile', 'countryNotAllowed', 'wrongCode()', 'wrongCode(1)', 'wrongCode(2)',
  'wrongCode(5)', 'malformedCode', 'pasteUnclear', 'expired', 'locked', 'used', 'inProgress', 'tooMany', 'unavailable', 'timeout', 'offline', 'generic',
  'page.lead', 'page.terms', 'page.acceptTerms', 'page.sampleTerms',
]);

/** An integer in the category, if one exists (Russian "other" is only for fractions). */
function example(code: string, category: string): number | undefined {
  const rules = new Intl.PluralRules(code);
  for (let n = 0; n <= 1000; n++) if (rules.select(n) === category) return n;
  return undefined;
}

/** The sentence with its number replaced, to compare wordings across categories. */
const template = (t: Translation, left: Count) => t.wrongCode(left).replaceAll(left.text, '#');

/** English or the "+5 min" root fallback instead of the language's own relative time, as the guarded languages detect it. */
const isFallback = (code: string, wait: string) => (scriptOf(code) === LATIN ? /\+|\bin\b/.test(wait) : /[a-z]/i.test(wait));

/** Every text of a language, functions called with sample values, to compare two copies of it. */
function said(t: Translation, code: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(t).map(([key, value]) => [key, typeof value === 'function' ? (value as (arg: unknown) => string)(key === 'wrongCode' ? count(2, code) : '\u2066x\u2069') : value]),
  );
}

describe('translations', () => {
  let built: BundleResult;
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'otp-flow-chunks-'));
    // One country keeps the build short; the language chunks are the same for any.
    built = await buildComponentBundle({ countries: ['AE'], outFile: join(dir, 'otp-flow.js') });
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('has the 48 languages of the folder in translations, pages and LANGUAGES, English first', () => {
    assert.equal(FILES.length, 48);
    assert.deepEqual([...LANGUAGES].sort(), [...FILES].sort());
    assert.deepEqual(Object.keys(translations), LANGUAGES);
    assert.deepEqual(Object.keys(pages), LANGUAGES);
    assert.equal(LANGUAGES[0], 'en');
  });

  it('names each language by its code, in itself, with the right direction', () => {
    const names = new Set<string>();
    for (const [code, t] of all) {
      assert.equal(t.$code, code);
      assert.equal(t.$dir, RTL.includes(code) ? 'rtl' : 'ltr', `${code}.$dir`);
      assert.ok(t.$name && !names.has(t.$name), `${code}.$name is set and unique`);
      names.add(t.$name);
      if (code !== 'en') assert.match(t.$name, scriptOf(code), `${code}.$name is in its own script`);
    }
  });

  for (const [code, t] of all) {
    describe(code, () => {
      it('says wrong codes with any count, in its own digits', () => {
        const unknown = t.wrongCode(undefined);
        assert.ok(unknown && !/\p{Nd}/u.test(unknown), `${code}: an unknown count prints no number: ${unknown}`);
        for (const n of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 21, 100]) {
          const left = count(n, code);
          const text = t.wrongCode(left);
          assert.ok(text.trim().length > 0, `${code}.wrongCode(${n}) is not empty`);
          assert.doesNotMatch(text, /undefined|NaN|\[object/, `${code}.wrongCode(${n}): ${text}`);
          assert.notEqual(text, unknown, `${code}.wrongCode(${n}) differs from the unknown count`);
          if (n >= 3) assert.ok(text.includes(left.text), `${code}.wrongCode(${n}) contains ${left.text}: ${text}`);
          if (left.text !== String(n)) assert.ok(!text.includes(String(n)), `${code}.wrongCode(${n}) prints no raw ${n}: ${text}`);
        }
      });

      it('gives each plural category its own wording, unless shared on purpose', () => {
        const byTemplate = new Map<string, string[]>();
        for (const category of new Intl.PluralRules(code).resolvedOptions().pluralCategories) {
          const n = example(code, category);
          if (n === undefined) continue;
          const key = template(t, count(n, code));
          byTemplate.set(key, [...(byTemplate.get(key) ?? []), category]);
        }
        const shared = [...byTemplate.values()].filter((group) => group.length > 1).map((group) => [...group].sort());
        assert.deepEqual(shared, (SHARED_PLURALS[code] ?? []).map((group) => [...group].sort()), `${code}: ${JSON.stringify([...byTemplate])}`);
        for (const [n, words] of Object.entries(GRAMMAR[code] ?? {})) {
          const text = t.wrongCode(count(Number(n), code));
          assert.ok(text.includes(words), `${code}.wrongCode(${n}) says "${words}": ${text}`);
        }
      });

      it('keeps the isolated phone number, time and wait whole', () => {
        assert.ok(t.codeSent(PHONE).includes(PHONE), `${code}.codeSent: ${t.codeSent(PHONE)}`);
        assert.ok(t.resendIn(TIME).includes(TIME), `${code}.resendIn: ${t.resendIn(TIME)}`);
        for (const seconds of [30, 300, 7200]) {
          const wait = relativeWait(seconds, code);
          const text = t.tooMany(wait);
          if (!WAIT_GUARDED.includes(code)) {
            assert.ok(!wait.startsWith('+') && (scriptOf(code) === LATIN || !/[a-z]/i.test(wait)), `${code}: Node has relative times (${wait})`);
            assert.ok(text.includes(wait), `${code}.tooMany(${wait}): ${text}`);
          } else if (isFallback(code, wait)) assert.ok(!text.includes(wait), `${code}.tooMany leaves out the fallback ${wait}: ${text}`);
          else assert.ok(text.includes(wait), `${code}.tooMany(${wait}): ${text}`);
        }
        if (WAIT_GUARDED.includes(code)) {
          for (const foreign of ['in 5 minutes', '+5 min', 'in 1 hour']) {
            const text = t.tooMany(foreign);
            assert.ok(!text.includes(foreign) && !/\bmin\b|minute|hour/.test(text), `${code}.tooMany(${foreign}): ${text}`);
          }
        }
      });

      it('has page texts: placeholders in brackets, the link once, the sample price and STOP', () => {
        const p = pages[code as keyof typeof pages] as PageTexts;
        for (const key of ['title', 'lead', 'terms', 'termsLink', 'footerTerms', 'footerPrivacy'] as const) assert.ok(p[key].trim(), `${code}.page.${key}`);
        const placeholders = p.terms.match(/\[[^\][]+\]/g) ?? [];
        assert.ok(placeholders.length >= 2, `${code}.page.terms has [placeholders]: ${p.terms}`);
        assert.equal(p.terms.replace(/\[[^\][]+\]/g, '').search(/[[\]]/), -1, `${code}.page.terms has balanced brackets`);
        assert.match(p.terms, /\bSTOP\b/, `${code}.page.terms keeps STOP as the keyword`);
        if (code !== 'en') {
          for (const placeholder of placeholders) {
            assert.ok(!['[Price]', '[period]', '[short code]'].includes(placeholder), `${code}.page.terms translates ${placeholder}`);
          }
        }
        const accept = p.acceptTerms(LINK);
        assert.equal(accept.split(LINK).length - 1, 1, `${code}.page.acceptTerms has the link once: ${accept}`);
        const sample = p.sampleTerms('AED 1.50', '1234');
        for (const part of ['AED 1.50', '1234']) assert.ok(sample.includes(part), `${code}.page.sampleTerms has ${part}: ${sample}`);
        assert.match(sample, /\bSTOP\b/, `${code}.page.sampleTerms keeps STOP as the keyword: ${sample}`);
        assert.doesNotMatch(accept + sample + t.codeSent(PHONE), /undefined|NaN|\[object/);
      });

      it(`writes in its own script (${scriptOf(code).source}) with its own punctuation`, () => {
        const script = scriptOf(code);
        for (const [key, text] of texts(code)) {
          assert.equal(text, text.trim(), `${code}.${key} has no outer spaces`);
          assert.ok(!/ {2}/.test(text), `${code}.${key} has no double spaces`);
          const own = text.replace(/\b(SMS|STOP)\b/g, '');
          for (const letter of own.match(/\p{L}/gu) ?? []) {
            assert.ok(script.test(letter) || /[\p{Script=Common}\p{Script=Inherited}]/u.test(letter), `${code}.${key}: "${letter}" is not in its script: ${text}`);
          }
          assert.match(own, script, `${code}.${key} is written in its script: ${text}`);
          if (SENTENCES.has(key)) assert.match(text, SENTENCE_END[code] ?? DEFAULT_END, `${code}.${key} ends like a sentence in ${code}: ${text}`);
          if (['ar', 'fa', 'ur', 'ckb', 'ps'].includes(code)) assert.doesNotMatch(text, /[,;?]/, `${code}.${key} uses Arabic-script ، ؛ ؟: ${text}`);
          if (['zh-Hans', 'zh-Hant', 'ja', 'am', 'my'].includes(code)) assert.doesNotMatch(text, /[,]|\.$/, `${code}.${key} uses its own comma and full stop: ${text}`);
          if (code === 'zh-Hant') assert.doesNotMatch(text, /[验证码发务请号错误过这该续订条隐网络连]/u, `zh-Hant.${key} is in traditional characters: ${text}`);
          if (code === 'zh-Hans') assert.doesNotMatch(text, /[驗證碼發務請號錯誤過這該續訂條隱網絡連]/u, `zh-Hans.${key} is in simplified characters: ${text}`);
        }
      });

      if (RTL.includes(code)) {
        it('starts every sentence right to left, whatever LTR number, price or link is inside', () => {
          for (const [key, text] of texts(code, { ...neutral(code), link: LINK, price: 'AED 1.50' })) {
            const first = text.replace(/\u2066[^\u2069]*\u2069/g, '').match(/\p{L}/u)?.[0] ?? '';
            assert.match(first, /[\p{Script=Arabic}\p{Script=Hebrew}]/u, `${code}.${key} starts with an RTL letter: ${text}`);
          }
        });
      }

      if (code !== 'en') {
        it('says every text in its own words, not English', () => {
          const mine = new Map(texts(code));
          for (const [key, english] of texts('en', neutral(code))) {
            if (!SAME_AS_ENGLISH.has(english)) assert.notEqual(mine.get(key), english, `${code}.${key} is still English`);
          }
        });
      }

      if (code !== 'en') {
        it(`is a chunk of its own that holds it, within the budget (${CHUNK_BUDGET} KB gzip)`, async () => {
          const chunk = built.languageChunks[code];
          assert.ok(chunk, `${code} has a chunk`);
          // The chunk as a page loads it: the language whole, not a stand-in measured instead.
          const loaded = ((await import(pathToFileURL(chunk.file).href)) as { default: Translation }).default;
          assert.deepEqual(said(loaded, code), said(t, code));
          assert.ok(chunk.gzip <= CHUNK_BUDGET * 1024, `${code}: ${chunk.gzip} bytes gzip`);
        });
      }
    });
  }
});
