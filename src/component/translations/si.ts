import type { PageTexts, Translation } from '../localize.js';

// Chromium has no Sinhala relative times (it falls back to English): `wait` is used only when it has no Latin letters.
const si: Translation = {
  $code: 'si',
  $name: 'සිංහල',
  $dir: 'ltr',

  phoneLabel: 'ජංගම දුරකථන අංකය',
  countryLabel: 'රට',
  send: 'කේතය යවන්න',
  sending: 'යවමින්…',
  codeLabel: 'SMS එකේ කේතය',
  codeSent: (phone) => `${phone} අංකයට කේතයක් යවන ලදී.`,
  verify: 'තහවුරු කරන්න',
  verifying: 'පරීක්ෂා කරමින්…',
  changeNumber: 'අංකය වෙනස් කරන්න',
  resend: 'නව කේතයක් යවන්න',
  resendIn: (time) => `${time} කට පසු නව කේතයක් ඉල්ලිය හැක.`,
  resent: 'නව කේතයක් යවන ලදී.',
  success: 'ඔබේ අංකය තහවුරු කරන ලදී. ස්තූතියි!',

  invalidNumber: 'නිවැරදි ජංගම දුරකථන අංකයක් ඇතුළත් කරන්න.',
  notMobile: 'මෙය ජංගම දුරකථන අංකයක් නොවේ. ජංගම දුරකථන අංකයක් ඇතුළත් කරන්න.',
  countryNotAllowed: 'මෙම රටේ අංක මෙහි භාවිත කළ නොහැක.',
  tooShort: 'මෙම අංකයේ ඉලක්කම් අඩුයි.',
  tooLong: 'මෙම අංකයේ ඉලක්කම් වැඩියි.',
  searchCountry: 'රට හෝ ඇමතුම් කේතය සොයන්න',
  noCountryFound: 'රටක් හමු නොවීය.',
  close: 'වසන්න',
  // Sinhala counts as "noun N-ක්", the same for every number: one reads like other.
  wrongCode: (left) => (left === undefined ? 'කේතය වැරදිය. නැවත උත්සාහ කරන්න.' : `කේතය වැරදිය. තව උත්සාහ ${left.text}ක් ඉතිරිව ඇත.`),
  malformedCode: 'SMS එකේ කේතය ඇතුළත් කරන්න.',
  pasteUnclear: 'SMS එකේ කේතය ටයිප් කරන්න.',
  $sms: {
    code: ['කේත', 'මුරපද', 'සත්‍යාපන'],
    other: ['යොමු', 'ඇණවුම', 'මුදල', 'රු', 'අමතන්න', 'ශේෂ'],
  },
  expired: 'මෙම කේතය කල් ඉකුත් වී ඇත. නව කේතයක් ඉල්ලන්න.',
  locked: 'වැරදි කේත බොහෝ වාර ගණනක් ඇතුළත් කර ඇත. නව කේතයක් ඉල්ලන්න.',
  used: 'මෙම කේතය දැනටමත් භාවිත කර ඇත.',
  inProgress: 'ඔබේ කේතය තවමත් පරීක්ෂා කරමින් පවතී. මොහොතක් රැඳී සිටින්න.',
  tooMany: (wait) => `උත්සාහයන් වැඩිය. ${/[a-z]/i.test(wait) ? 'ටික වේලාවකින්' : wait} නැවත උත්සාහ කරන්න.`,
  unavailable: 'සේවාව දැන් ලබා ගත නොහැක. මොහොතකින් නැවත උත්සාහ කරන්න.',
  timeout: 'සේවාව පිළිතුරු දීමට වැඩි වේලාවක් ගනී. මොහොතකින් නැවත උත්සාහ කරන්න.',
  offline: 'ඔබ අන්තර්ජාලයට සම්බන්ධ නැති බව පෙනේ. සම්බන්ධතාව පරීක්ෂා කර නැවත උත්සාහ කරන්න.',
  generic: 'යම් දෝෂයක් ඇති විය. නැවත උත්සාහ කරන්න.',
};

export default si;

export const page: PageTexts = {
  title: 'ඔබේ ජංගම දුරකථන අංකය තහවුරු කරන්න',
  lead: 'ඔබේ ජංගම දුරකථන අංකය ඇතුළත් කරන්න. අපි SMS මගින් කේතයක් එවන්නෙමු.',
  terms: '[මිල] / [කාල සීමාව], ස්වයංක්\u200dරීයව අලුත් වේ. ඕනෑම වේලාවක [කෙටි අංකය] වෙත STOP යවා අවලංගු කරන්න.',
  acceptTerms: (link) => `ඉදිරියට යාමෙන් ඔබ ${link} පිළිගනී.`,
  termsLink: 'නියම සහ කොන්දේසි',
  footerTerms: 'නියම',
  footerPrivacy: 'රහස්\u200dයතාව',
  sampleTerms: (price, shortCode) => `දිනකට ${price}, දිනපතා අලුත් වේ. අවලංගු කිරීමට ${shortCode} වෙත STOP යවන්න.`,
};
