import type { PageTexts, Translation } from '../localize.js';

// Lao, like Thai, ends sentences with a space, not a period.
// Chromium has no Lao relative times (it falls back to English): `wait` is used only when it has no Latin letters.
const lo: Translation = {
  $code: 'lo',
  $name: 'ລາວ',
  $dir: 'ltr',

  phoneLabel: 'ເບີໂທລະສັບ',
  countryLabel: 'ປະເທດ',
  send: 'ສົ່ງລະຫັດ',
  sending: 'ກຳລັງສົ່ງ…',
  codeLabel: 'ລະຫັດຈາກ SMS',
  codeSent: (phone) => `ພວກເຮົາໄດ້ສົ່ງລະຫັດໄປທີ່ ${phone} ແລ້ວ`,
  verify: 'ຢືນຢັນ',
  verifying: 'ກຳລັງກວດສອບ…',
  changeNumber: 'ປ່ຽນເບີ',
  resend: 'ຂໍລະຫັດໃໝ່',
  resendIn: (time) => `ຂໍລະຫັດໃໝ່ໄດ້ໃນອີກ ${time}`,
  resent: 'ສົ່ງລະຫັດໃໝ່ແລ້ວ',
  success: 'ຢືນຢັນເບີຂອງທ່ານແລ້ວ ຂອບໃຈ',

  invalidNumber: 'ກະລຸນາໃສ່ເບີໂທລະສັບມືຖືໃຫ້ຖືກຕ້ອງ',
  notMobile: 'ນີ້ບໍ່ແມ່ນເບີມືຖື ກະລຸນາໃສ່ເບີມືຖື',
  countryNotAllowed: 'ບໍ່ສາມາດໃຊ້ເບີຈາກປະເທດນີ້ໄດ້',
  tooShort: 'ເບີນີ້ຂາດຕົວເລກ.',
  tooLong: 'ເບີນີ້ມີຕົວເລກຫຼາຍເກີນໄປ.',
  searchCountry: 'ຊອກຫາປະເທດ ຫຼື ລະຫັດໂທ',
  noCountryFound: 'ບໍ່ພົບປະເທດ.',
  close: 'ປິດ',
  wrongCode: (left) => (left === undefined ? 'ລະຫັດບໍ່ຖືກຕ້ອງ ກະລຸນາລອງໃໝ່' : `ລະຫັດບໍ່ຖືກຕ້ອງ ເຫຼືອອີກ ${left.text} ເທື່ອ`),
  malformedCode: 'ກະລຸນາໃສ່ລະຫັດຈາກ SMS',
  pasteUnclear: 'ກະລຸນາພິມລະຫັດຈາກ SMS',
  $sms: {
    code: ['ລະຫັດ'],
    other: ['ອ້າງອີງ', 'ຈຳນວນເງິນ', 'ກີບ', 'ໂທ', 'ຍອດ'],
  },
  expired: 'ລະຫັດນີ້ໝົດອາຍຸແລ້ວ ກະລຸນາຂໍລະຫັດໃໝ່',
  locked: 'ໃສ່ລະຫັດຜິດຫຼາຍເທື່ອເກີນໄປ ກະລຸນາຂໍລະຫັດໃໝ່',
  used: 'ລະຫັດນີ້ຖືກໃຊ້ໄປແລ້ວ',
  inProgress: 'ກຳລັງກວດສອບລະຫັດຂອງທ່ານ ກະລຸນາລໍຖ້າຈັກໜ້ອຍ',
  tooMany: (wait) => `ລອງຫຼາຍເທື່ອເກີນໄປ ກະລຸນາລອງໃໝ່${/[a-z]/i.test(wait) ? 'ພາຍຫຼັງ' : wait}`,
  unavailable: 'ບໍລິການບໍ່ພ້ອມໃຊ້ງານໃນຕອນນີ້ ກະລຸນາລອງໃໝ່ອີກຈັກໜ້ອຍ',
  timeout: 'ບໍລິການຕອບກັບຊ້າເກີນໄປ ກະລຸນາລອງໃໝ່ອີກຈັກໜ້ອຍ',
  offline: 'ເບິ່ງຄືວ່າທ່ານບໍ່ໄດ້ເຊື່ອມຕໍ່ອິນເຕີເນັດ ກະລຸນາກວດສອບການເຊື່ອມຕໍ່ແລ້ວລອງໃໝ່',
  generic: 'ເກີດຂໍ້ຜິດພາດ ກະລຸນາລອງໃໝ່',
};

export default lo;

export const page: PageTexts = {
  title: 'ຢືນຢັນເບີໂທລະສັບຂອງທ່ານ',
  lead: 'ໃສ່ເບີໂທລະສັບຂອງທ່ານ ແລ້ວພວກເຮົາຈະສົ່ງລະຫັດໃຫ້ທາງ SMS',
  terms: '[ລາຄາ] ຕໍ່ [ໄລຍະເວລາ] ຕໍ່ອາຍຸອັດຕະໂນມັດ ຍົກເລີກໄດ້ທຸກເວລາໂດຍສົ່ງ STOP ໄປທີ່ [ເບີສັ້ນ]',
  acceptTerms: (link) => `ເມື່ອດຳເນີນການຕໍ່ ຖືວ່າທ່ານຍອມຮັບ ${link}`,
  termsLink: 'ເງື່ອນໄຂການນຳໃຊ້',
  footerTerms: 'ເງື່ອນໄຂ',
  footerPrivacy: 'ຄວາມເປັນສ່ວນຕົວ',
  sampleTerms: (price, shortCode) => `${price} ຕໍ່ມື້ ຕໍ່ອາຍຸທຸກມື້ ສົ່ງ STOP ໄປທີ່ ${shortCode} ເພື່ອຍົກເລີກ`,
};
