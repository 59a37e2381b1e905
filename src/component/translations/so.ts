import type { PageTexts, Translation } from '../localize.js';

// Chromium has no Somali relative times (it falls back to English): `wait` is used only when it is not English or "+5 min".
const so: Translation = {
  $code: 'so',
  $name: 'Soomaali',
  $dir: 'ltr',

  phoneLabel: 'Lambarka mobilka',
  countryLabel: 'Dalka',
  send: 'Dir koodhka',
  sending: 'Waa la dirayaa…',
  codeLabel: 'Koodhka SMS-ka',
  codeSent: (phone) => `Koodh ayaan u dirnay ${phone}.`,
  verify: 'Xaqiiji',
  verifying: 'Waa la hubinayaa…',
  changeNumber: 'Beddel lambarka',
  resend: 'Dir koodh cusub',
  resendIn: (time) => `Koodh cusub waxaad codsan kartaa ${time} kadib.`,
  resent: 'Koodh cusub ayaa laguu soo diray.',
  success: 'Lambarkaaga waa la xaqiijiyay. Mahadsanid!',

  invalidNumber: 'Geli lambar mobil oo sax ah.',
  notMobile: 'Kani ma aha lambar mobil. Geli lambar mobil.',
  countryNotAllowed: 'Lambarrada dalkan halkan laguma isticmaali karo.',
  tooShort: 'Lambarkan waxaa ka maqan tirooyin.',
  tooLong: 'Lambarkan tirooyin badan ayuu leeyahay.',
  searchCountry: 'Raadi waddan ama koodka wicitaanka',
  noCountryFound: 'Waddan lama helin.',
  close: 'Xir',
  // Somali keeps the noun singular after a number: one reads like other.
  wrongCode: (left) => (left === undefined ? 'Koodhku waa khalad. Isku day mar kale.' : `Koodhku waa khalad. Waxaa kuu hadhay ${left.text} isku day.`),
  malformedCode: 'Geli koodhka SMS-ka.',
  pasteUnclear: 'Qor koodhka SMS-ka.',
  $sms: {
    code: ['kood', 'erayga sirta', 'xaqiij'],
    other: ['lacag', 'wac', 'tixraac', 'dalab', 'haraag'],
  },
  expired: 'Koodhkan wakhtigiisii wuu dhacay. Codso mid cusub.',
  locked: 'Koodh khalad ah ayaa marar badan la geliyay. Codso mid cusub.',
  used: 'Koodhkan horay ayaa loo isticmaalay.',
  inProgress: 'Koodhkaaga weli waa la hubinayaa. Sug in yar.',
  tooMany: (wait) => `Isku dayo badan. Isku day mar kale ${/\+|\bin\b/.test(wait) ? 'wax yar' : wait} kadib.`,
  unavailable: 'Adeeggu hadda ma shaqaynayo. Isku day mar kale wax yar kadib.',
  timeout: 'Adeeggu wuu ku daahayaa jawaabta. Isku day mar kale wax yar kadib.',
  offline: 'Waxay u egtahay inaadan internet haysan. Hubi xiriirkaaga oo isku day mar kale.',
  generic: 'Wax baa khaldamay. Isku day mar kale.',
};

export default so;

export const page: PageTexts = {
  title: 'Xaqiiji lambarkaaga mobilka',
  lead: 'Geli lambarkaaga mobilka. Waxaan kuugu soo diraynaa koodh SMS ahaan.',
  terms: '[Qiimaha] [muddada] kasta, si toos ah ayuu isu cusboonaysiiyaa. Ka bax wakhti kasta adigoo STOP u diraya [lambarka gaaban].',
  acceptTerms: (link) => `Markaad sii wadato, waxaad aqbashay ${link}.`,
  termsLink: 'shuruudaha',
  footerTerms: 'Shuruudaha',
  footerPrivacy: 'Asturnaanta',
  sampleTerms: (price, shortCode) => `${price} maalintii, maalin kasta waa la cusboonaysiiyaa. Si aad uga baxdo, STOP u dir ${shortCode}.`,
};
