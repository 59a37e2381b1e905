import type { PageTexts, Translation } from '../localize.js';

// Chromium has no Uzbek relative times (it gives "+5 min"): `wait` is used only when it is not that fallback or English.
const uz: Translation = {
  $code: 'uz',
  $name: 'Oʻzbekcha',
  $dir: 'ltr',

  phoneLabel: 'Telefon raqami',
  countryLabel: 'Mamlakat',
  send: 'Kodni yuborish',
  sending: 'Yuborilmoqda…',
  codeLabel: 'SMS orqali kelgan kod',
  codeSent: (phone) => `${phone} raqamiga kod yubordik.`,
  verify: 'Tasdiqlash',
  verifying: 'Tekshirilmoqda…',
  changeNumber: 'Raqamni oʻzgartirish',
  resend: 'Yangi kod yuborish',
  resendIn: (time) => `Yangi kod soʻrash uchun ${time} kuting.`,
  resent: 'Yangi kod yuborildi.',
  success: 'Raqamingiz tasdiqlandi. Rahmat!',

  invalidNumber: 'Toʻgʻri telefon raqamini kiriting.',
  notMobile: 'Bu mobil raqam emas. Mobil raqamni kiriting.',
  countryNotAllowed: 'Bu mamlakat raqamlaridan bu yerda foydalanib boʻlmaydi.',
  tooShort: 'Bu telefon raqamida raqamlar yetishmaydi.',
  tooLong: 'Bu telefon raqamida raqamlar ortiqcha.',
  searchCountry: 'Mamlakat yoki telefon kodini qidiring',
  noCountryFound: 'Mamlakat topilmadi.',
  close: 'Yopish',
  // Uzbek counts with "ta" and a singular noun: one reads like other.
  wrongCode: (left) => (left === undefined ? 'Kod notoʻgʻri. Qayta urinib koʻring.' : `Kod notoʻgʻri. ${left.text} ta urinish qoldi.`),
  malformedCode: 'SMS orqali kelgan kodni kiriting.',
  pasteUnclear: 'SMS orqali kelgan kodni yozing.',
  $sms: {
    code: ['kod', 'parol', 'tasdiq'],
    other: ['buyurtma', 'summa', 'so‘m', 'so\'m', 'som', 'qo‘ng‘iroq', 'balans'],
  },
  expired: 'Kodning muddati tugadi. Yangi kod soʻrang.',
  locked: 'Juda koʻp notoʻgʻri kod kiritildi. Yangi kod soʻrang.',
  used: 'Bu kod allaqachon ishlatilgan.',
  inProgress: 'Kodingiz hali tekshirilmoqda. Biroz kuting.',
  tooMany: (wait) => `Urinishlar juda koʻp. ${/\+|\bin\b/.test(wait) ? 'Birozdan soʻng' : wait} qayta urinib koʻring.`,
  unavailable: 'Xizmat hozir ishlamayapti. Birozdan soʻng qayta urinib koʻring.',
  timeout: 'Xizmat juda uzoq javob bermayapti. Birozdan soʻng qayta urinib koʻring.',
  offline: 'Internetga ulanmaganga oʻxshaysiz. Ulanishni tekshirib, qayta urinib koʻring.',
  generic: 'Xatolik yuz berdi. Qayta urinib koʻring.',
};

export default uz;

export const page: PageTexts = {
  title: 'Telefon raqamingizni tasdiqlang',
  lead: 'Telefon raqamingizni kiriting. Sizga SMS orqali kod yuboramiz.',
  terms: '[Narx] / [davr], avtomatik uzaytiriladi. Istalgan vaqtda [qisqa raqam] raqamiga STOP yuborib, obunani bekor qilishingiz mumkin.',
  acceptTerms: (link) => `Davom etish orqali siz ${link} qabul qilasiz.`,
  termsLink: 'shartlarni',
  footerTerms: 'Shartlar',
  footerPrivacy: 'Maxfiylik',
  sampleTerms: (price, shortCode) => `Kuniga ${price}, har kuni uzaytiriladi. Bekor qilish uchun ${shortCode} raqamiga STOP yuboring.`,
};
