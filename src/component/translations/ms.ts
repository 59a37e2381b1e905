import type { PageTexts, Translation } from '../localize.js';

const ms: Translation = {
  $code: 'ms',
  $name: 'Bahasa Melayu',
  $dir: 'ltr',

  phoneLabel: 'Nombor telefon bimbit',
  countryLabel: 'Negara',
  send: 'Hantar kod',
  sending: 'Menghantar…',
  codeLabel: 'Kod daripada SMS',
  codeSent: (phone) => `Kami telah menghantar kod ke ${phone}.`,
  verify: 'Sahkan',
  verifying: 'Menyemak…',
  changeNumber: 'Tukar nombor',
  resend: 'Hantar kod baharu',
  resendIn: (time) => `Anda boleh meminta kod baharu dalam ${time}.`,
  resent: 'Kod baharu sedang dihantar.',
  success: 'Nombor anda telah disahkan. Terima kasih!',

  invalidNumber: 'Masukkan nombor telefon bimbit yang sah.',
  notMobile: 'Ini bukan nombor telefon bimbit. Masukkan nombor telefon bimbit.',
  countryNotAllowed: 'Nombor dari negara ini tidak boleh digunakan di sini.',
  tooShort: 'Nombor ini kurang digit.',
  tooLong: 'Nombor ini mempunyai terlalu banyak digit.',
  searchCountry: 'Cari negara atau kod dail',
  noCountryFound: 'Tiada negara ditemui.',
  close: 'Tutup',
  wrongCode: (left) => (left === undefined ? 'Kod salah. Cuba lagi.' : `Kod salah. Tinggal ${left.text} cubaan lagi.`),
  malformedCode: 'Masukkan kod daripada SMS.',
  pasteUnclear: 'Taip kod daripada SMS.',
  $sms: {
    code: ['kod', 'tac', 'kata laluan'],
    other: ['rujukan', 'pesanan', 'jumlah', 'rm', 'hubungi', 'baki'],
  },
  expired: 'Kod ini telah tamat tempoh. Minta kod baharu.',
  locked: 'Terlalu banyak kod salah. Minta kod baharu.',
  used: 'Kod ini sudah digunakan.',
  inProgress: 'Kod anda masih disemak. Tunggu sebentar.',
  tooMany: (wait) => `Terlalu banyak cubaan. Cuba lagi ${wait}.`,
  unavailable: 'Perkhidmatan tidak tersedia sekarang. Cuba lagi sebentar nanti.',
  timeout: 'Perkhidmatan mengambil masa terlalu lama untuk menjawab. Cuba lagi sebentar nanti.',
  offline: 'Anda nampaknya di luar talian. Semak sambungan anda dan cuba lagi.',
  generic: 'Berlaku ralat. Cuba lagi.',
};

export default ms;

export const page: PageTexts = {
  title: 'Sahkan nombor telefon bimbit anda',
  lead: 'Masukkan nombor telefon bimbit anda. Kami akan menghantar kod melalui SMS.',
  terms: '[Harga] setiap [tempoh], diperbaharui secara automatik. Batalkan bila-bila masa dengan menghantar STOP ke [kod pendek].',
  acceptTerms: (link) => `Dengan meneruskan, anda menerima ${link}.`,
  termsLink: 'terma dan syarat',
  footerTerms: 'Terma',
  footerPrivacy: 'Privasi',
  sampleTerms: (price, shortCode) => `${price} sehari, diperbaharui setiap hari. Hantar STOP ke ${shortCode} untuk membatalkan.`,
};
