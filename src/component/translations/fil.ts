import type { PageTexts, Translation } from '../localize.js';

const fil: Translation = {
  $code: 'fil',
  $name: 'Filipino',
  $dir: 'ltr',

  phoneLabel: 'Numero ng mobile',
  countryLabel: 'Bansa',
  send: 'Ipadala ang code',
  sending: 'Ipinapadala…',
  codeLabel: 'Code mula sa SMS',
  codeSent: (phone) => `Nagpadala kami ng code sa ${phone}.`,
  verify: 'Kumpirmahin',
  verifying: 'Sinusuri…',
  changeNumber: 'Palitan ang numero',
  resend: 'Magpadala ng bagong code',
  resendIn: (time) => `Puwede kang humingi ng bagong code pagkalipas ng ${time}.`,
  resent: 'Papunta na ang bagong code.',
  success: 'Nakumpirma na ang numero mo. Salamat!',

  invalidNumber: 'Maglagay ng tamang mobile number.',
  notMobile: 'Hindi ito mobile number. Maglagay ng mobile number.',
  countryNotAllowed: 'Hindi puwedeng gamitin dito ang mga numero mula sa bansang ito.',
  tooShort: 'Kulang ang mga digit ng numerong ito.',
  tooLong: 'Sobra ang mga digit ng numerong ito.',
  searchCountry: 'Maghanap ng bansa o dial code',
  noCountryFound: 'Walang nahanap na bansa.',
  close: 'Isara',
  // Filipino's one/other split is about the linker after a spelled-out number (apat na / limang); with digits it reads the same.
  wrongCode: (left) => (left === undefined ? 'Mali ang code. Subukan ulit.' : `Mali ang code. May ${left.text} subok ka pa.`),
  malformedCode: 'Ilagay ang code mula sa SMS.',
  pasteUnclear: 'I-type ang code mula sa SMS.',
  $sms: {
    code: ['code', 'kodigo'],
    other: ['reference', 'order', 'halaga', 'tumawag', 'balanse', 'php'],
  },
  expired: 'Expired na ang code na ito. Humingi ng bago.',
  locked: 'Masyadong maraming maling code. Humingi ng bago.',
  used: 'Nagamit na ang code na ito.',
  inProgress: 'Sinusuri pa ang code mo. Sandali lang.',
  tooMany: (wait) => `Masyadong maraming subok. Subukan ulit ${wait}.`,
  unavailable: 'Hindi available ang serbisyo ngayon. Subukan ulit maya-maya.',
  timeout: 'Masyadong matagal sumagot ang serbisyo. Subukan ulit maya-maya.',
  offline: 'Mukhang offline ka. Tingnan ang koneksyon mo at subukan ulit.',
  generic: 'May nangyaring mali. Subukan ulit.',
};

export default fil;

export const page: PageTexts = {
  title: 'Kumpirmahin ang iyong mobile number',
  lead: 'Ilagay ang iyong mobile number. Padadalhan ka namin ng code sa SMS.',
  terms: '[Presyo] kada [panahon], awtomatikong nire-renew. Puwedeng ihinto anumang oras sa pag-text ng STOP sa [maikling numero].',
  acceptTerms: (link) => `Sa pagpapatuloy, tinatanggap mo ang ${link}.`,
  termsLink: 'mga tuntunin',
  footerTerms: 'Mga Tuntunin',
  footerPrivacy: 'Privacy',
  sampleTerms: (price, shortCode) => `${price} kada araw, nire-renew araw-araw. I-text ang STOP sa ${shortCode} para ihinto.`,
};
