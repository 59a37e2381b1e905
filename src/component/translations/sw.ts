import type { Translation } from '../localize.js';

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
  resent: 'Msimbo mpya unakuja.',
  success: 'Namba yako imethibitishwa. Asante!',

  invalidNumber: 'Weka namba sahihi ya simu ya mkononi.',
  notMobile: 'Hii si namba ya simu ya mkononi. Weka namba ya simu ya mkononi.',
  countryNotAllowed: 'Namba za nchi hii haziwezi kutumika hapa.',
  wrongCode: (left) =>
    left === undefined
      ? 'Msimbo si sahihi. Jaribu tena.'
      : left.plural === 'one'
        ? `Msimbo si sahihi. Imebaki jaribio ${left.text}.`
        : `Msimbo si sahihi. Yamebaki majaribio ${left.text}.`,
  malformedCode: 'Weka msimbo kutoka SMS.',
  expired: 'Msimbo huu umeisha muda wake. Omba msimbo mpya.',
  locked: 'Misimbo mingi si sahihi. Omba msimbo mpya.',
  used: 'Msimbo huu umeshatumika.',
  inProgress: 'Msimbo wako bado unakaguliwa. Subiri kidogo.',
  tooMany: (wait) => `Majaribio mengi mno. Jaribu tena ${wait}.`,
  unavailable: 'Huduma haipatikani kwa sasa. Jaribu tena baada ya muda mfupi.',
  timeout: 'Inachukua muda mrefu mno. Angalia muunganisho wako kisha ujaribu tena.',
  offline: 'Inaonekana huna mtandao. Angalia muunganisho wako kisha ujaribu tena.',
  generic: 'Hitilafu imetokea. Jaribu tena.',
};

export default sw;
