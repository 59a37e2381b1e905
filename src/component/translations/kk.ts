import type { PageTexts, Translation } from '../localize.js';

// Chromium has no Kazakh relative times (it gives "+5 min"): `wait` is used only when it has no Latin letters.
const kk: Translation = {
  $code: 'kk',
  $name: 'Қазақ тілі',
  $dir: 'ltr',

  phoneLabel: 'Ұялы телефон нөмірі',
  countryLabel: 'Ел',
  send: 'Код жіберу',
  sending: 'Жіберілуде…',
  codeLabel: 'SMS-тегі код',
  codeSent: (phone) => `${phone} нөміріне код жібердік.`,
  verify: 'Растау',
  verifying: 'Тексерілуде…',
  changeNumber: 'Нөмірді өзгерту',
  resend: 'Жаңа код жіберу',
  resendIn: (time) => `Жаңа кодты ${time} өткен соң сұрай аласыз.`,
  resent: 'Жаңа код жіберілді.',
  success: 'Нөміріңіз расталды. Рақмет!',

  invalidNumber: 'Дұрыс ұялы телефон нөмірін енгізіңіз.',
  notMobile: 'Бұл ұялы телефон нөмірі емес. Ұялы телефон нөмірін енгізіңіз.',
  countryNotAllowed: 'Бұл елдің нөмірлерін мұнда пайдалануға болмайды.',
  tooShort: 'Бұл нөмірде цифрлар жетіспейді.',
  tooLong: 'Бұл нөмірде цифрлар тым көп.',
  searchCountry: 'Елді немесе телефон кодын іздеңіз',
  noCountryFound: 'Ел табылмады.',
  close: 'Жабу',
  // Kazakh keeps the noun singular after a number: one reads like other.
  wrongCode: (left) => (left === undefined ? 'Код қате. Қайталап көріңіз.' : `Код қате. ${left.text} әрекет қалды.`),
  malformedCode: 'SMS-тегі кодты енгізіңіз.',
  pasteUnclear: 'SMS-тегі кодты теріңіз.',
  $sms: {
    code: ['код', 'құпия сөз', 'құпиясөз', 'растау'],
    other: ['тапсырыс', 'сома', 'теңге', 'тг', 'қоңырау', 'баланс'],
  },
  expired: 'Кодтың мерзімі өтті. Жаңа код сұраңыз.',
  locked: 'Қате код тым көп енгізілді. Жаңа код сұраңыз.',
  used: 'Бұл код бұрын пайдаланылған.',
  inProgress: 'Кодыңыз әлі тексерілуде. Сәл күте тұрыңыз.',
  tooMany: (wait) => `Әрекет тым көп. ${/[a-z]/i.test(wait) ? 'Сәлден соң' : wait} қайталап көріңіз.`,
  unavailable: 'Қызмет қазір қолжетімсіз. Сәлден соң қайталап көріңіз.',
  timeout: 'Қызмет тым ұзақ жауап бермей тұр. Сәлден соң қайталап көріңіз.',
  offline: 'Интернетке қосылмаған сияқтысыз. Байланысты тексеріп, қайталап көріңіз.',
  generic: 'Қате шықты. Қайталап көріңіз.',
};

export default kk;

export const page: PageTexts = {
  title: 'Ұялы телефон нөміріңізді растаңыз',
  lead: 'Ұялы телефон нөміріңізді енгізіңіз. Біз SMS арқылы код жібереміз.',
  terms: '[Баға] / [кезең], автоматты түрде ұзартылады. [Қысқа нөмір] нөміріне STOP жіберіп, кез келген уақытта бас тартуға болады.',
  acceptTerms: (link) => `Жалғастыру арқылы сіз ${link} қабылдайсыз.`,
  termsLink: 'шарттарды',
  footerTerms: 'Шарттар',
  footerPrivacy: 'Құпиялылық',
  sampleTerms: (price, shortCode) => `Күніне ${price}, күн сайын ұзартылады. Бас тарту үшін ${shortCode} нөміріне STOP жіберіңіз.`,
};
