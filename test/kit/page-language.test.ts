/**
 * A kit's page speaks its campaign's language: every word around the
 * component, in every built-in language, right to left where the language is.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { indexHtml, type KitSettings } from '../../src/kit/page.js';
import { LANGUAGES, pages, translations } from '../../src/component/translations/index.js';
import { runCli } from '../../support/cli.js';

const en = pages.en;
/** What a visitor reads: the text outside tags, comments, scripts and styles. */
const visible = (html: string) =>
  html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

function page(lang: string): string {
  const texts = pages[lang as keyof typeof pages];
  const kit: KitSettings = {
    aid: '1', mid: '2', partner: 'p', country: 'AE', countries: ['AE'], lang,
    dir: translations[lang as keyof typeof translations].$dir, texts, title: texts.title,
    successUrl: undefined, origin: undefined, userId: undefined, type: undefined, otpLength: undefined, bundle: 'otp-flow.0123456789.js', chunks: [], name: 'x',
  };
  return indexHtml(kit);
}

describe('a kit’s page in the campaign’s language', () => {
  for (const lang of LANGUAGES) {
    it(`${lang}: every word around the component is in ${translations[lang].$name}`, () => {
      const html = page(lang);
      const texts = pages[lang];
      const text = visible(html);
      assert.match(html, new RegExp(`<html lang="${lang}" dir="${translations[lang].$dir}">`));
      for (const part of [texts.title, texts.lead, texts.terms, texts.termsLink, texts.footerTerms, texts.footerPrivacy]) {
        assert.ok(text.includes(part), `${JSON.stringify(part)} is on the page`);
      }
      assert.ok(html.includes(`<title>${texts.title.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;')}</title>`));
      assert.equal((html.match(/<a href="#terms">/g) ?? []).length, 2, 'the terms link inside the sentence, and in the footer');
      if (lang !== 'en') {
        // "Privacy" is Italian and Dutch too: a word the language shares is not a leftover.
        const shared = new Set(Object.values(texts).filter((t) => typeof t === 'string'));
        for (const english of [en.title, en.lead, en.terms, 'By continuing', en.footerTerms, en.footerPrivacy].filter((e) => !shared.has(e))) {
          assert.ok(!text.includes(english), `no English left: ${english}`);
        }
      }
    });
  }

  it('writes it with init --lang, right to left for Hebrew, the title defaulting to the language’s', { timeout: 60_000 }, async () => {
    const root = await mkdtemp(join(tmpdir(), 'otp-flow-page-lang-'));
    try {
      const dir = join(root, 'he');
      const made = await runCli(['init', dir, '--aid', '1', '--mid', '2', '--partner', 'p', '--country', 'IL', '--lang', 'he'], { timeoutMs: 60_000 });
      assert.equal(made.code, 0, made.stderr);
      const html = await readFile(join(dir, 'public/index.html'), 'utf8');
      assert.match(html, /<html lang="he" dir="rtl">/);
      assert.ok(html.includes(`<title>${pages.he.title}</title>`));
      assert.ok(visible(html).includes(pages.he.lead));
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
