import type { PageTexts, Translation } from '../localize.js';

// Browsers and Node have no Sorani relative times: `wait` may come as "+5 min" or in English, so it is used only when it has no Latin letters.
const ckb: Translation = {
  $code: 'ckb',
  $name: 'کوردی (سۆرانی)',
  $dir: 'rtl',

  phoneLabel: 'ژمارەی مۆبایل',
  countryLabel: 'وڵات',
  send: 'ناردنی کۆد',
  sending: 'دەنێردرێت…',
  codeLabel: 'کۆدی نامەکە',
  codeSent: (phone) => `کۆدێکمان بۆ ${phone} نارد.`,
  verify: 'پشتڕاستکردنەوە',
  verifying: 'پشکنین دەکرێت…',
  changeNumber: 'گۆڕینی ژمارە',
  resend: 'ناردنی کۆدی نوێ',
  resendIn: (time) => `دوای ${time} دەتوانیت داوای کۆدی نوێ بکەیت.`,
  resent: 'کۆدێکی نوێ نێردرا.',
  success: 'ژمارەکەت پشتڕاست کرایەوە. سوپاس!',

  invalidNumber: 'ژمارەیەکی مۆبایلی دروست بنووسە.',
  notMobile: 'ئەمە ژمارەی مۆبایل نییە. ژمارەی مۆبایل بنووسە.',
  countryNotAllowed: 'ژمارەی ئەم وڵاتە لێرە بەکارنایەت.',
  tooShort: 'ئەم ژمارەیە هەندێک ژمارەی کەمە.',
  tooLong: 'ئەم ژمارەیە ژمارەی زیادی تێدایە.',
  searchCountry: 'گەڕان بۆ وڵات یان کۆدی پەیوەندی',
  noCountryFound: 'هیچ وڵاتێک نەدۆزرایەوە.',
  close: 'داخستن',
  // Sorani keeps the noun singular after a number: one reads like other.
  wrongCode: (left) => (left === undefined ? 'کۆدەکە هەڵەیە. دووبارە هەوڵ بدەرەوە.' : `کۆدەکە هەڵەیە. ${left.text} هەوڵت ماوە.`),
  malformedCode: 'کۆدی نامەکە بنووسە.',
  pasteUnclear: 'کۆدی نامەکە خۆت بنووسە.',
  $sms: {
    code: ['کۆد', 'کود', 'وشەی نهێنی', 'پشتڕاست'],
    other: ['دینار', 'بڕی', 'پەیوەندی', 'هەڵوەشاندن'],
  },
  expired: 'ماوەی ئەم کۆدە بەسەرچووە. داوای کۆدی نوێ بکە.',
  locked: 'کۆدی هەڵە زۆر جار نووسرا. داوای کۆدی نوێ بکە.',
  used: 'ئەم کۆدە پێشتر بەکارهاتووە.',
  inProgress: 'کۆدەکەت هێشتا دەپشکنرێت. کەمێک چاوەڕێ بکە.',
  tooMany: (wait) => `هەوڵی زۆر درا. ${/[a-z]/i.test(wait) ? 'کەمێکی تر' : wait} دووبارە هەوڵ بدەرەوە.`,
  unavailable: 'خزمەتگوزارییەکە ئێستا بەردەست نییە. کەمێکی تر دووبارە هەوڵ بدەرەوە.',
  timeout: 'وەڵامی خزمەتگوزارییەکە زۆر دوا دەکەوێت. کەمێکی تر دووبارە هەوڵ بدەرەوە.',
  offline: 'وا دیارە ئینتەرنێتت نییە. پەیوەندییەکەت بپشکنە و دووبارە هەوڵ بدەرەوە.',
  generic: 'هەڵەیەک ڕوویدا. دووبارە هەوڵ بدەرەوە.',
};

export default ckb;

export const page: PageTexts = {
  title: 'ژمارەی مۆبایلەکەت پشتڕاست بکەرەوە',
  lead: 'ژمارەی مۆبایلەکەت بنووسە، کۆدێکت بە SMS بۆ دەنێرین.',
  terms: '[نرخ] بۆ هەر [ماوە]، خۆکارانە نوێ دەبێتەوە. هەر کاتێک بە ناردنی STOP بۆ [کورتەژمارە] هەڵیبوەشێنەوە.',
  acceptTerms: (link) => `بە بەردەوامبوون، ${link} قبووڵ دەکەیت.`,
  termsLink: 'مەرجەکان',
  footerTerms: 'مەرجەکان',
  footerPrivacy: 'تایبەتمەندی',
  sampleTerms: (price, shortCode) => `ڕۆژانە ${price}، هەموو ڕۆژێک نوێ دەبێتەوە. بۆ هەڵوەشاندنەوە STOP بنێرە بۆ ${shortCode}.`,
};
