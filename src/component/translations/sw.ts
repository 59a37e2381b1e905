import type { PageTexts, Translation } from '../localize.js';

const sw: Translation = {
  $code: 'sw',
  $name: 'Kiswahili',
  $dir: 'ltr',

  phoneLabel: 'Namba ya simu',
  countryLabel: 'Nchi',
  send: 'Tuma msimbo',
  sending: 'Inatuma…',
  codeLabel: 'Msimbo kutoka SMS',
  codeSent: (phone) => `Tumetuma msimbo kwa ${phone}.`,
  verify: 'Thibitisha',
  verifying: 'Inakagua…',
  changeNumber: 'Badilisha namba',
  resend: 'Tuma msimbo mpya',
  resendIn: (time) => `Unaweza kuomba msimbo mpya baada ya ${time}.`,
  resent: 'Msimbo mpya umetumwa.',
  success: 'Namba yako imethibitishwa. Asante!',

  invalidNumber: 'Weka namba sahihi ya simu ya mkononi.',
  notMobile: 'Hii si namba ya simu ya mkononi. Weka namba ya simu ya mkononi.',
  countryNotAllowed: 'Namba za nchi hii haziwezi kutumika hapa.',
  tooShort: 'Nambari hii inakosa tarakimu.',
  tooLong: 'Nambari hii ina tarakimu nyingi mno.',
  searchCountry: 'Tafuta nchi au msimbo wa simu',
  noCountryFound: 'Hakuna nchi iliyopatikana.',
  close: 'Funga',
  wrongCode: (left) =>
    left === undefined
      ? 'Msimbo si sahihi. Jaribu tena.'
      : left.plural === 'one'
        ? `Msimbo si sahihi. Limebaki jaribio ${left.text}.`
        : `Msimbo si sahihi. Yamebaki majaribio ${left.text}.`,
  malformedCode: 'Weka msimbo kutoka SMS.',
  pasteUnclear: 'Andika msimbo kutoka SMS.',
  $sms: {
    code: ['msimbo', 'nambari ya siri', 'neno la siri', 'nenosiri', 'uthibitish'],
    other: ['kumbukumbu', 'oda', 'kiasi', 'ksh', 'tsh', 'tzs', 'piga', 'salio'],
  },
  expired: 'Muda wa msimbo huu umeisha. Omba msimbo mpya.',
  locked: 'Umekosea msimbo mara nyingi mno. Omba msimbo mpya.',
  used: 'Msimbo huu umeshatumika.',
  inProgress: 'Msimbo wako bado unakaguliwa. Subiri kidogo.',
  tooMany: (wait) => `Majaribio mengi mno. Jaribu tena ${wait}.`,
  unavailable: 'Huduma haipatikani kwa sasa. Jaribu tena baada ya muda mfupi.',
  timeout: 'Huduma inachukua muda mrefu mno kujibu. Jaribu tena baada ya muda mfupi.',
  offline: 'Inaonekana huna mtandao. Angalia muunganisho wako kisha ujaribu tena.',
  generic: 'Hitilafu imetokea. Jaribu tena.',
};

export default sw;

export const page: PageTexts = {
  title: 'Thibitisha namba yako ya simu',
  lead: 'Weka namba yako ya simu. Tutakutumia msimbo kwa SMS.',
  terms: '[Bei] kwa [kipindi], hujisasisha yenyewe. Sitisha wakati wowote kwa kutuma STOP kwenda [namba fupi].',
  acceptTerms: (link) => `Kwa kuendelea, unakubali ${link}.`,
  termsLink: 'vigezo na masharti',
  footerTerms: 'Masharti',
  footerPrivacy: 'Faragha',
  sampleTerms: (price, shortCode) => `${price} kwa siku, hujisasisha kila siku. Tuma STOP kwenda ${shortCode} ili kusitisha.`,
};
