import type { Translation } from '../localize.js';

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
  resent: 'Yeni kod yolda.',
  success: 'Numaranız onaylandı. Teşekkürler!',

  invalidNumber: 'Geçerli bir cep telefonu numarası girin.',
  notMobile: 'Bu bir cep telefonu numarası değil. Cep telefonu numarası girin.',
  countryNotAllowed: 'Bu ülkenin numaraları burada kullanılamaz.',
  wrongCode: (left) => (left === undefined ? 'Kod yanlış. Tekrar deneyin.' : `Kod yanlış. ${left.text} deneme hakkınız kaldı.`),
  malformedCode: 'SMS ile gelen kodu girin.',
  expired: 'Bu kodun süresi doldu. Yeni kod isteyin.',
  locked: 'Çok fazla yanlış kod. Yeni kod isteyin.',
  used: 'Bu kod zaten kullanıldı.',
  inProgress: 'Kodunuz hâlâ kontrol ediliyor. Biraz bekleyin.',
  tooMany: (wait) => `Çok fazla deneme. ${wait} tekrar deneyin.`,
  unavailable: 'Hizmet şu anda kullanılamıyor. Biraz sonra tekrar deneyin.',
  timeout: 'Çok uzun sürüyor. Bağlantınızı kontrol edip tekrar deneyin.',
  offline: 'Çevrimdışı görünüyorsunuz. Bağlantınızı kontrol edip tekrar deneyin.',
  generic: 'Bir şeyler ters gitti. Tekrar deneyin.',
};

export default tr;
