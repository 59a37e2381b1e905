import type { PageTexts, Translation } from '../localize.js';

// Chromium has no Azerbaijani relative times (it gives "+5 min"): `wait` is used only when it is not that fallback or English.
const az: Translation = {
  $code: 'az',
  $name: 'Azərbaycanca',
  $dir: 'ltr',

  phoneLabel: 'Mobil nömrə',
  countryLabel: 'Ölkə',
  send: 'Kodu göndər',
  sending: 'Göndərilir…',
  codeLabel: 'SMS-dəki kod',
  codeSent: (phone) => `${phone} nömrəsinə kod göndərdik.`,
  verify: 'Təsdiqlə',
  verifying: 'Yoxlanılır…',
  changeNumber: 'Nömrəni dəyiş',
  resend: 'Yeni kod göndər',
  resendIn: (time) => `Yeni kod istəmək üçün ${time} gözləyin.`,
  resent: 'Yeni kod göndərildi.',
  success: 'Nömrəniz təsdiqləndi. Təşəkkür edirik!',

  invalidNumber: 'Düzgün mobil nömrə daxil edin.',
  notMobile: 'Bu mobil nömrə deyil. Mobil nömrə daxil edin.',
  countryNotAllowed: 'Bu ölkənin nömrələri burada istifadə oluna bilməz.',
  tooShort: 'Bu nömrədə rəqəmlər çatışmır.',
  tooLong: 'Bu nömrədə rəqəm çoxdur.',
  searchCountry: 'Ölkə və ya zəng kodu axtarın',
  noCountryFound: 'Ölkə tapılmadı.',
  close: 'Bağla',
  // Azerbaijani keeps the noun singular after a number: one reads like other.
  wrongCode: (left) => (left === undefined ? 'Kod yanlışdır. Yenidən cəhd edin.' : `Kod yanlışdır. ${left.text} cəhdiniz qaldı.`),
  malformedCode: 'SMS-dəki kodu daxil edin.',
  pasteUnclear: 'SMS-dəki kodu yazın.',
  // A word with İ is listed twice: lower case keeps its dot (ŞİFRE is şi̇fre, with U+0307).
  $sms: {
    code: ['kod', 'şifrə', 'parol', 'təsdiq', 'şi̇frə', 'təsdi̇q'],
    other: ['sifariş', 'məbləğ', 'azn', 'manat', 'zəng', 'balans'],
  },
  expired: 'Kodun müddəti bitib. Yeni kod istəyin.',
  locked: 'Çox sayda yanlış kod daxil edildi. Yeni kod istəyin.',
  used: 'Bu kod artıq istifadə olunub.',
  inProgress: 'Kodunuz hələ yoxlanılır. Bir az gözləyin.',
  tooMany: (wait) => `Çox sayda cəhd edildi. ${/\+|\bin\b/.test(wait) ? 'Bir azdan' : wait} yenidən cəhd edin.`,
  unavailable: 'Xidmət hazırda əlçatan deyil. Bir azdan yenidən cəhd edin.',
  timeout: 'Xidmət çox gec cavab verir. Bir azdan yenidən cəhd edin.',
  offline: 'Deyəsən, internetə qoşulmamısınız. Bağlantını yoxlayıb yenidən cəhd edin.',
  generic: 'Xəta baş verdi. Yenidən cəhd edin.',
};

export default az;

export const page: PageTexts = {
  title: 'Mobil nömrənizi təsdiqləyin',
  lead: 'Mobil nömrənizi daxil edin. Sizə SMS ilə kod göndərəcəyik.',
  terms: '[Qiymət] / [müddət], avtomatik yenilənir. İstənilən vaxt [qısa nömrə] nömrəsinə STOP göndərərək ləğv edə bilərsiniz.',
  acceptTerms: (link) => `Davam etməklə ${link} qəbul edirsiniz.`,
  termsLink: 'şərtləri',
  footerTerms: 'Şərtlər',
  footerPrivacy: 'Məxfilik',
  sampleTerms: (price, shortCode) => `Gündəlik ${price}, hər gün yenilənir. Ləğv etmək üçün ${shortCode} nömrəsinə STOP göndərin.`,
};
