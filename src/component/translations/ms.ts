import type { Translation } from '../localize.js';

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
  wrongCode: (left) => (left === undefined ? 'Kod salah. Cuba lagi.' : `Kod salah. Tinggal ${left.text} percubaan.`),
  malformedCode: 'Masukkan kod daripada SMS.',
  expired: 'Kod ini telah tamat tempoh. Minta kod baharu.',
  locked: 'Terlalu banyak kod salah. Minta kod baharu.',
  used: 'Kod ini sudah digunakan.',
  inProgress: 'Kod anda sedang disemak. Tunggu sebentar.',
  tooMany: (wait) => `Terlalu banyak percubaan. Cuba lagi ${wait}.`,
  unavailable: 'Perkhidmatan tidak tersedia sekarang. Cuba sebentar lagi.',
  timeout: 'Terlalu lama. Semak sambungan anda dan cuba lagi.',
  offline: 'Anda kelihatan di luar talian. Semak sambungan anda dan cuba lagi.',
  generic: 'Berlaku ralat. Cuba lagi.',
};

export default ms;
