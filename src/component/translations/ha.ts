import type { PageTexts, Translation } from '../localize.js';

// Chromium has no Hausa relative times (it falls back to English): `wait` is used only when it is not English or "+5 min".
const ha: Translation = {
  $code: 'ha',
  $name: 'Hausa',
  $dir: 'ltr',

  phoneLabel: 'Lambar waya',
  countryLabel: 'Ƙasa',
  send: 'Aika lambar sirri',
  sending: 'Ana aikawa…',
  codeLabel: 'Lambar sirri daga SMS',
  codeSent: (phone) => `Mun aika lambar sirri zuwa ${phone}.`,
  verify: 'Tabbatar',
  verifying: 'Ana dubawa…',
  changeNumber: 'Canja lamba',
  resend: 'Aika sabuwar lambar sirri',
  resendIn: (time) => `Za ku iya neman sabuwar lambar sirri bayan ${time}.`,
  resent: 'An aika sabuwar lambar sirri.',
  success: 'An tabbatar da lambarku. Na gode!',

  invalidNumber: 'Shigar da lambar waya mai inganci.',
  notMobile: 'Wannan ba lambar wayar hannu ba ce. Shigar da lambar wayar hannu.',
  countryNotAllowed: 'Ba za a iya amfani da lambobin wannan ƙasa a nan ba.',
  tooShort: 'Wannan lambar ta rasa wasu lambobi.',
  tooLong: 'Wannan lambar tana da lambobi da yawa.',
  searchCountry: 'Nemi ƙasa ko lambar kira',
  noCountryFound: 'Ba a sami ƙasa ba.',
  close: 'Rufe',
  // "sau N" (N times) does not change with the number: one reads like other.
  wrongCode: (left) =>
    left === undefined ? 'Lambar sirri ba daidai ba ce. Sake gwadawa.' : `Lambar sirri ba daidai ba ce. Za ku iya sake gwadawa sau ${left.text}.`,
  malformedCode: 'Shigar da lambar sirri daga SMS.',
  pasteUnclear: 'Rubuta lambar sirri daga SMS.',
  $sms: {
    code: ['lambar sirri', 'kalmar sirri', 'tabbatarwa'],
    other: ['naira', 'kira', 'adadin', 'oda', 'lambar waya'],
  },
  expired: 'Wannan lambar sirri ta ƙare. Nemi sabuwa.',
  locked: 'An shigar da lambar sirri ba daidai ba sau da yawa. Nemi sabuwa.',
  used: 'An riga an yi amfani da wannan lambar sirri.',
  inProgress: 'Ana kan duba lambar sirrinku. Jira kaɗan.',
  tooMany: (wait) => `An gwada sau da yawa. Sake gwadawa ${/\+|\bin\b/.test(wait) ? 'an jima' : wait}.`,
  unavailable: 'Sabis ɗin ba ya samuwa yanzu. Sake gwadawa an jima kaɗan.',
  timeout: 'Sabis ɗin yana jinkirin amsawa. Sake gwadawa an jima kaɗan.',
  offline: 'Da alama ba ku da intanet. Duba haɗinku, sannan ku sake gwadawa.',
  generic: 'An sami matsala. Sake gwadawa.',
};

export default ha;

export const page: PageTexts = {
  title: 'Tabbatar da lambar wayarku',
  lead: 'Shigar da lambar wayarku. Za mu aiko muku da lambar sirri ta SMS.',
  terms: '[Farashi] a kowace [lokaci], ana sabuntawa kai tsaye. Ku daina a kowane lokaci ta hanyar aika STOP zuwa [gajeriyar lamba].',
  acceptTerms: (link) => `Idan kuka ci gaba, kun amince da ${link}.`,
  termsLink: 'sharuɗɗa',
  footerTerms: 'Sharuɗɗa',
  footerPrivacy: 'Sirri',
  sampleTerms: (price, shortCode) => `${price} a kowace rana, ana sabuntawa kullum. Aika STOP zuwa ${shortCode} don dainawa.`,
};
