import type { PageTexts, Translation } from '../localize.js';

// Chromium has no Zulu relative times (it falls back to English): `wait` is used only when it is not English or "+5 min".
const zu: Translation = {
  $code: 'zu',
  $name: 'isiZulu',
  $dir: 'ltr',

  phoneLabel: 'Inombolo yeselula',
  countryLabel: 'Izwe',
  send: 'Thumela ikhodi',
  sending: 'Iyathumela…',
  codeLabel: 'Ikhodi ku-SMS',
  codeSent: (phone) => `Sithumele ikhodi ku-${phone}.`,
  verify: 'Qinisekisa',
  verifying: 'Iyahlola…',
  changeNumber: 'Shintsha inombolo',
  resend: 'Thumela ikhodi entsha',
  resendIn: (time) => `Ungacela ikhodi entsha ngemva kuka-${time}.`,
  resent: 'Ikhodi entsha isendleleni.',
  success: 'Inombolo yakho iqinisekisiwe. Siyabonga!',

  invalidNumber: 'Faka inombolo yeselula evumelekile.',
  notMobile: 'Le akuyona inombolo yeselula. Faka inombolo yeselula.',
  countryNotAllowed: 'Izinombolo zaleli zwe azisetshenziswa lapha.',
  tooShort: 'Le nombolo ishoda izinombolo.',
  tooLong: 'Le nombolo inezinombolo eziningi kakhulu.',
  searchCountry: 'Sesha izwe noma ikhodi yokushaya',
  noCountryFound: 'Alikho izwe elitholakele.',
  close: 'Vala',
  wrongCode: (left) =>
    left === undefined
      ? 'Ikhodi ayilungile. Zama futhi.'
      : left.plural === 'one'
        ? `Ikhodi ayilungile. Usele nomzamo ongu-${left.text}.`
        : `Ikhodi ayilungile. Usele nemizamo engu-${left.text}.`,
  malformedCode: 'Faka ikhodi etholakala ku-SMS.',
  pasteUnclear: 'Bhala ikhodi etholakala ku-SMS.',
  $sms: {
    code: ['khodi', 'phasiwedi', 'qinisekis'],
    other: ['imali', 'inani', 'shayela', 'oda', 'ireferensi', 'ibhalansi'],
  },
  expired: 'Le khodi iphelelwe yisikhathi. Cela entsha.',
  locked: 'Amakhodi angalungile maningi kakhulu. Cela entsha.',
  used: 'Le khodi isivele isetshenzisiwe.',
  inProgress: 'Ikhodi yakho isahlolwa. Linda kancane.',
  tooMany: (wait) => `Imizamo miningi kakhulu. Zama futhi ${/\+|\bin\b/.test(wait) ? 'ngemva kwesikhashana' : wait}.`,
  unavailable: 'Isevisi ayitholakali manje. Zama futhi ngemva kwesikhashana.',
  timeout: 'Isevisi ithatha isikhathi eside ukuphendula. Zama futhi ngemva kwesikhashana.',
  offline: 'Kubonakala sengathi awuxhunyiwe ku-inthanethi. Hlola uxhumano lwakho bese uzama futhi.',
  generic: 'Kukhona okungahambanga kahle. Zama futhi.',
};

export default zu;

export const page: PageTexts = {
  title: 'Qinisekisa inombolo yakho yeselula',
  lead: 'Faka inombolo yakho yeselula. Sizokuthumelela ikhodi nge-SMS.',
  terms: '[Intengo] nge-[sikhathi], ivuselelwa ngokuzenzakalelayo. Khansela noma nini ngokuthumela u-STOP ku-[nombolo emfushane].',
  acceptTerms: (link) => `Ngokuqhubeka, wamukela ${link}.`,
  termsLink: 'imigomo',
  footerTerms: 'Imigomo',
  footerPrivacy: 'Ubumfihlo',
  sampleTerms: (price, shortCode) => `${price} ngosuku, ivuselelwa nsuku zonke. Thumela u-STOP ku-${shortCode} ukuze ukhansele.`,
};
