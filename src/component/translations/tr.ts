import type { PageTexts, Translation } from '../localize.js';

const tr: Translation = {
  $code: 'tr',
  $name: 'Türkçe',
  $dir: 'ltr',

  phoneLabel: 'Cep telefonu numarası',
  countryLabel: 'Ülke',
  send: 'Kod gönder',
  sending: 'Gönderiliyor…',
  codeLabel: 'SMS ile gelen kod',
  codeSent: (phone) => `${phone} numarasına bir kod gönderdik.`,
  verify: 'Onayla',
  verifying: 'Kontrol ediliyor…',
  changeNumber: 'Numarayı değiştir',
  resend: 'Yeni kod gönder',
  resendIn: (time) => `${time} sonra yeni kod isteyebilirsiniz.`,
  resent: 'Yeni kod gönderildi.',
  success: 'Numaranız onaylandı. Teşekkürler!',

  invalidNumber: 'Geçerli bir cep telefonu numarası girin.',
  notMobile: 'Bu bir cep telefonu numarası değil. Cep telefonu numarası girin.',
  countryNotAllowed: 'Bu ülkenin numaraları burada kullanılamaz.',
  tooShort: 'Bu numarada eksik rakam var.',
  tooLong: 'Bu numarada fazla rakam var.',
  searchCountry: 'Ülke veya alan kodu ara',
  noCountryFound: 'Ülke bulunamadı.',
  close: 'Kapat',
  // Turkish keeps the noun singular after a number: one reads like other.
  wrongCode: (left) => (left === undefined ? 'Kod hatalı. Tekrar deneyin.' : `Kod hatalı. ${left.text} deneme hakkınız kaldı.`),
  malformedCode: 'SMS ile gelen kodu girin.',
  pasteUnclear: 'SMS ile gelen kodu yazın.',
  // A word with İ is listed twice: lower case keeps its dot (ŞİFRE is şi̇fre, with U+0307).
  $sms: {
    code: ['kod', 'şifre', 'sifre', 'parola', 'doğrulama', 'dogrulama', 'şi̇fre'],
    other: ['referans', 'sipariş', 'siparis', 'tutar', 'iptal', 'tl', 'bakiye', 'i̇ptal'],
  },
  expired: 'Bu kodun süresi doldu. Yeni kod isteyin.',
  locked: 'Çok fazla hatalı kod girildi. Yeni kod isteyin.',
  used: 'Bu kod zaten kullanıldı.',
  inProgress: 'Kodunuz hâlâ kontrol ediliyor. Biraz bekleyin.',
  tooMany: (wait) => `Çok fazla deneme yapıldı. ${wait} tekrar deneyin.`,
  unavailable: 'Hizmet şu anda kullanılamıyor. Biraz sonra tekrar deneyin.',
  timeout: 'Hizmetin yanıt vermesi çok uzun sürüyor. Biraz sonra tekrar deneyin.',
  offline: 'İnternet bağlantınız yok gibi görünüyor. Bağlantınızı kontrol edip tekrar deneyin.',
  generic: 'Bir hata oluştu. Tekrar deneyin.',
};

export default tr;

export const page: PageTexts = {
  title: 'Cep telefonu numaranızı onaylayın',
  lead: 'Cep telefonu numaranızı girin. Size SMS ile bir kod göndereceğiz.',
  terms: '[Fiyat] / [dönem], otomatik yenilenir. İstediğiniz zaman [kısa numara] numarasına STOP göndererek iptal edebilirsiniz.',
  acceptTerms: (link) => `Devam ederek ${link} kabul etmiş olursunuz.`,
  termsLink: 'kullanım koşullarını',
  footerTerms: 'Koşullar',
  footerPrivacy: 'Gizlilik',
  sampleTerms: (price, shortCode) => `Günlük ${price}, her gün yenilenir. İptal için ${shortCode} numarasına STOP gönderin.`,
};
