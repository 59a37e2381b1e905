import type { PageTexts, Translation } from '../localize.js';

// Chromium has no Pashto relative times (it falls back to English): `wait` is used only when it has no Latin letters.
const ps: Translation = {
  $code: 'ps',
  $name: 'پښتو',
  $dir: 'rtl',

  phoneLabel: 'د موبایل شمېره',
  countryLabel: 'هېواد',
  send: 'کوډ ولېږئ',
  sending: 'لېږل کېږي…',
  codeLabel: 'د SMS کوډ',
  codeSent: (phone) => `موږ ${phone} ته کوډ ولېږه.`,
  verify: 'تایید',
  verifying: 'کتل کېږي…',
  changeNumber: 'شمېره بدله کړئ',
  resend: 'نوی کوډ ولېږئ',
  resendIn: (time) => `${time} وروسته نوی کوډ غوښتلای شئ.`,
  resent: 'نوی کوډ درته ولېږل شو.',
  success: 'ستاسو شمېره تایید شوه. مننه!',

  invalidNumber: 'سمه د موبایل شمېره ولیکئ.',
  notMobile: 'دا د موبایل شمېره نه ده. د موبایل شمېره ولیکئ.',
  countryNotAllowed: 'د دې هېواد شمېرې دلته نه شي کارېدای.',
  tooShort: 'په دې شمېره کې عددونه کم دي.',
  tooLong: 'په دې شمېره کې ډېر عددونه دي.',
  searchCountry: 'هېواد یا د زنګ کوډ ولټوئ',
  noCountryFound: 'هېڅ هېواد ونه موندل شو.',
  close: 'بندول',
  wrongCode: (left) =>
    left === undefined
      ? 'کوډ سم نه دی. بیا هڅه وکړئ.'
      : left.plural === 'one'
        ? `کوډ سم نه دی. ${left.text} هڅه پاتې ده.`
        : `کوډ سم نه دی. ${left.text} هڅې پاتې دي.`,
  malformedCode: 'د SMS کوډ ولیکئ.',
  pasteUnclear: 'د SMS کوډ پخپله ولیکئ.',
  $sms: {
    code: ['کوډ', 'کود', 'پټنوم', 'تایید'],
    other: ['افغانۍ', 'اندازه', 'لغوه', 'اړیکه'],
  },
  expired: 'د دې کوډ موده پوره شوې. نوی کوډ وغواړئ.',
  locked: 'ډېر ځله ناسم کوډ ولیکل شو. نوی کوډ وغواړئ.',
  used: 'دا کوډ مخکې کارول شوی دی.',
  inProgress: 'ستاسو کوډ لا کتل کېږي. لږ صبر وکړئ.',
  tooMany: (wait) => `ډېرې هڅې وشوې. ${/[a-z]/i.test(wait) ? 'لږ وروسته' : wait} بیا هڅه وکړئ.`,
  unavailable: 'خدمت اوس شتون نه لري. لږ وروسته بیا هڅه وکړئ.',
  timeout: 'خدمت ځواب ته ډېر وخت نیسي. لږ وروسته بیا هڅه وکړئ.',
  offline: 'داسې ښکاري چې انټرنېټ نه لرئ. خپل اتصال وګورئ او بیا هڅه وکړئ.',
  generic: 'یوه ستونزه پېښه شوه. بیا هڅه وکړئ.',
};

export default ps;

export const page: PageTexts = {
  title: 'خپله د موبایل شمېره تایید کړئ',
  lead: 'خپله د موبایل شمېره ولیکئ. موږ به تاسو ته د SMS له لارې کوډ درولېږو.',
  terms: '[بیه] د هر [موده] لپاره، په خپله نوې کېږي. هر وخت [لنډه شمېره] ته STOP ولېږئ او لغوه یې کړئ.',
  acceptTerms: (link) => `په دوام سره تاسو ${link} منئ.`,
  termsLink: 'شرطونه',
  footerTerms: 'شرطونه',
  footerPrivacy: 'محرمیت',
  sampleTerms: (price, shortCode) => `هره ورځ ${price}، هره ورځ نوې کېږي. د لغوه کولو لپاره ${shortCode} ته STOP ولېږئ.`,
};
