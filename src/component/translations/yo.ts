import type { PageTexts, Translation } from '../localize.js';

// No browser or Node has Yoruba relative times (they give "+5 min" or English): `wait` is used only when it is neither.
const yo: Translation = {
  $code: 'yo',
  $name: 'Yorùbá',
  $dir: 'ltr',

  phoneLabel: 'Nọ́mbà fóònù',
  countryLabel: 'Orílẹ̀-èdè',
  send: 'Fi kóòdù ránṣẹ́',
  sending: 'Ó ń fi ránṣẹ́…',
  codeLabel: 'Kóòdù inú SMS',
  codeSent: (phone) => `A ti fi kóòdù ránṣẹ́ sí ${phone}.`,
  verify: 'Jẹ́rìísí',
  verifying: 'A ń ṣàyẹ̀wò…',
  changeNumber: 'Yí nọ́mbà padà',
  resend: 'Fi kóòdù tuntun ránṣẹ́',
  resendIn: (time) => `O lè béèrè kóòdù tuntun lẹ́yìn ${time}.`,
  resent: 'A ti fi kóòdù tuntun ránṣẹ́.',
  success: 'A ti jẹ́rìísí nọ́mbà rẹ. O ṣé!',

  invalidNumber: 'Tẹ nọ́mbà fóònù tó tọ̀nà.',
  notMobile: 'Èyí kì í ṣe nọ́mbà fóònù alágbèéká. Tẹ nọ́mbà fóònù alágbèéká.',
  countryNotAllowed: 'A kò lè lo nọ́mbà láti orílẹ̀-èdè yìí níbí.',
  tooShort: 'Nọ́mbà yìí kò pé.',
  tooLong: 'Nọ́mbà yìí ti pọ̀ jù.',
  searchCountry: 'Wá orílẹ̀-èdè tàbí kóòdù ìpè',
  noCountryFound: 'A kò rí orílẹ̀-èdè kankan.',
  close: 'Pa á dé',
  wrongCode: (left) => (left === undefined ? 'Kóòdù náà kò tọ̀nà. Gbìyànjú lẹ́ẹ̀kan sí i.' : `Kóòdù náà kò tọ̀nà. Ìgbìyànjú ${left.text} ló kù.`),
  malformedCode: 'Tẹ kóòdù inú SMS.',
  pasteUnclear: 'Tẹ kóòdù inú SMS fúnra rẹ.',
  $sms: {
    code: ['kóòdù', 'koodu', 'ọ̀rọ̀ aṣínà', 'oro asina'],
    other: ['náírà', 'naira', 'owó', 'pè'],
  },
  expired: 'Kóòdù yìí ti parí. Béèrè fún tuntun.',
  locked: 'Kóòdù tí kò tọ̀nà ti pọ̀ jù. Béèrè fún tuntun.',
  used: 'A ti lo kóòdù yìí tẹ́lẹ̀.',
  inProgress: 'À ń ṣàyẹ̀wò kóòdù rẹ lọ́wọ́. Dúró díẹ̀.',
  tooMany: (wait) => `Ìgbìyànjú ti pọ̀ jù. Gbìyànjú lẹ́ẹ̀kan sí i ${/\+|\bin\b/.test(wait) ? 'tó bá yá' : wait}.`,
  unavailable: 'Iṣẹ́ náà kò sí lárọ̀ọ́wọ́tó báyìí. Gbìyànjú lẹ́ẹ̀kan sí i láìpẹ́.',
  timeout: 'Iṣẹ́ náà ń pẹ́ jù láti dáhùn. Gbìyànjú lẹ́ẹ̀kan sí i láìpẹ́.',
  offline: 'Ó dà bí pé o kò ní ìntánẹ́ẹ̀tì. Ṣàyẹ̀wò ìsopọ̀ rẹ kí o sì gbìyànjú lẹ́ẹ̀kan sí i.',
  generic: 'Àṣìṣe kan ṣẹlẹ̀. Gbìyànjú lẹ́ẹ̀kan sí i.',
};

export default yo;

export const page: PageTexts = {
  title: 'Jẹ́rìísí nọ́mbà fóònù rẹ',
  lead: 'Tẹ nọ́mbà fóònù rẹ. A ó fi kóòdù ránṣẹ́ sí ọ nípasẹ̀ SMS.',
  terms: '[Iye owó] fún [àkókò] kọ̀ọ̀kan, ó ń tún ara rẹ̀ ṣe fúnra rẹ̀. Fagilé nígbàkúgbà nípa fífi STOP ránṣẹ́ sí [nọ́mbà kúkúrú].',
  acceptTerms: (link) => `Tí o bá tẹ̀síwájú, o gba ${link}.`,
  termsLink: 'àwọn òfin àti àdéhùn',
  footerTerms: 'Àwọn òfin',
  footerPrivacy: 'Àṣírí',
  sampleTerms: (price, shortCode) => `${price} lójúmọ́, ó ń tún ara rẹ̀ ṣe lójoojúmọ́. Fi STOP ránṣẹ́ sí ${shortCode} láti fagilé.`,
};
