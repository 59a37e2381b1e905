import type { PageTexts, Translation } from '../localize.js';

const id: Translation = {
  $code: 'id',
  $name: 'Bahasa Indonesia',
  $dir: 'ltr',

  phoneLabel: 'Nomor HP',
  countryLabel: 'Negara',
  send: 'Kirim kode',
  sending: 'Mengirim…',
  codeLabel: 'Kode dari SMS',
  codeSent: (phone) => `Kode telah dikirim ke ${phone}.`,
  verify: 'Konfirmasi',
  verifying: 'Memeriksa…',
  changeNumber: 'Ganti nomor',
  resend: 'Kirim kode baru',
  resendIn: (time) => `Anda dapat meminta kode baru dalam ${time}.`,
  resent: 'Kode baru sedang dikirim.',
  success: 'Nomor Anda sudah dikonfirmasi. Terima kasih!',

  invalidNumber: 'Masukkan nomor HP yang valid.',
  notMobile: 'Ini bukan nomor HP. Masukkan nomor HP.',
  countryNotAllowed: 'Nomor dari negara ini tidak dapat digunakan di sini.',
  tooShort: 'Nomor ini kurang digit.',
  tooLong: 'Nomor ini kelebihan digit.',
  searchCountry: 'Cari negara atau kode telepon',
  noCountryFound: 'Negara tidak ditemukan.',
  close: 'Tutup',
  wrongCode: (left) => (left === undefined ? 'Kode salah. Coba lagi.' : `Kode salah. Sisa ${left.text} kali percobaan.`),
  malformedCode: 'Masukkan kode dari SMS.',
  pasteUnclear: 'Ketik kode dari SMS.',
  $sms: {
    code: ['kode', 'sandi', 'token'],
    other: ['referensi', 'pesanan', 'jumlah', 'rp', 'hubungi', 'saldo', 'tagihan'],
  },
  expired: 'Kode ini sudah kedaluwarsa. Minta kode baru.',
  locked: 'Terlalu banyak kode salah. Minta kode baru.',
  used: 'Kode ini sudah digunakan.',
  inProgress: 'Kode Anda masih diperiksa. Tunggu sebentar.',
  tooMany: (wait) => `Terlalu banyak percobaan. Coba lagi ${wait}.`,
  unavailable: 'Layanan sedang tidak tersedia. Coba lagi sebentar lagi.',
  timeout: 'Layanan terlalu lama merespons. Coba lagi sebentar lagi.',
  offline: 'Sepertinya Anda sedang offline. Periksa koneksi Anda lalu coba lagi.',
  generic: 'Terjadi kesalahan. Coba lagi.',
};

export default id;

export const page: PageTexts = {
  title: 'Konfirmasi nomor HP Anda',
  lead: 'Masukkan nomor HP Anda. Kami akan mengirim kode lewat SMS.',
  terms: '[Harga] per [periode], diperpanjang otomatis. Berhenti kapan saja dengan mengirim STOP ke [nomor pendek].',
  acceptTerms: (link) => `Dengan melanjutkan, Anda menyetujui ${link}.`,
  termsLink: 'syarat dan ketentuan',
  footerTerms: 'Ketentuan',
  footerPrivacy: 'Privasi',
  sampleTerms: (price, shortCode) => `${price} per hari, diperpanjang setiap hari. Kirim STOP ke ${shortCode} untuk berhenti.`,
};
