import type { PageTexts, Translation } from '../localize.js';

// Polite form (እርስዎ), as Ethiopian banks and telecom apps address users.
const am: Translation = {
  $code: 'am',
  $name: 'አማርኛ',
  $dir: 'ltr',

  phoneLabel: 'የሞባይል ቁጥር',
  countryLabel: 'አገር',
  send: 'ኮድ ይላኩ',
  sending: 'በመላክ ላይ…',
  codeLabel: 'በSMS የደረሰ ኮድ',
  codeSent: (phone) => `ወደ ${phone} ኮድ ልከናል።`,
  verify: 'ያረጋግጡ',
  verifying: 'በማረጋገጥ ላይ…',
  changeNumber: 'ቁጥር ይቀይሩ',
  resend: 'አዲስ ኮድ ይላኩ',
  resendIn: (time) => `ከ${time} በኋላ አዲስ ኮድ መጠየቅ ይችላሉ።`,
  resent: 'አዲስ ኮድ ተልኳል።',
  success: 'ቁጥርዎ ተረጋግጧል። እናመሰግናለን!',

  invalidNumber: 'ትክክለኛ የሞባይል ቁጥር ያስገቡ።',
  notMobile: 'ይህ የሞባይል ቁጥር አይደለም። የሞባይል ቁጥር ያስገቡ።',
  countryNotAllowed: 'የዚህ አገር ቁጥሮችን እዚህ መጠቀም አይቻልም።',
  tooShort: 'ይህ ቁጥር አሃዞች ይጎድሉታል።',
  tooLong: 'ይህ ቁጥር በጣም ብዙ አሃዞች አሉት።',
  searchCountry: 'አገር ወይም የመደወያ ኮድ ይፈልጉ',
  noCountryFound: 'ምንም አገር አልተገኘም።',
  close: 'ዝጋ',
  wrongCode: (left) =>
    left === undefined
      ? 'ኮዱ ትክክል አይደለም። እንደገና ይሞክሩ።'
      : left.plural === 'one'
        ? `ኮዱ ትክክል አይደለም። ${left.text} ሙከራ ይቀራል።`
        : `ኮዱ ትክክል አይደለም። ${left.text} ሙከራዎች ይቀራሉ።`,
  malformedCode: 'በSMS የደረሰዎትን ኮድ ያስገቡ።',
  pasteUnclear: 'በSMS የደረሰዎትን ኮድ ይተይቡ።',
  $sms: {
    code: ['ኮድ', 'ኮዱ', 'የይለፍ ቃል', 'ማረጋገጫ'],
    other: ['ብር', 'መጠን', 'ይደውሉ', 'ቀሪ ሂሳብ', 'ማጣቀሻ'],
  },
  expired: 'የዚህ ኮድ ጊዜ አልፏል። አዲስ ኮድ ይጠይቁ።',
  locked: 'የተሳሳተ ኮድ ብዙ ጊዜ ገብቷል። አዲስ ኮድ ይጠይቁ።',
  used: 'ይህ ኮድ ቀድሞ ጥቅም ላይ ውሏል።',
  inProgress: 'ኮድዎ ገና እየተረጋገጠ ነው። ትንሽ ይጠብቁ።',
  tooMany: (wait) => `በጣም ብዙ ሙከራዎች ተደርገዋል። ${wait} እንደገና ይሞክሩ።`,
  unavailable: 'አገልግሎቱ አሁን አይገኝም። ትንሽ ቆይተው እንደገና ይሞክሩ።',
  timeout: 'አገልግሎቱ ምላሽ ለመስጠት በጣም እየዘገየ ነው። ትንሽ ቆይተው እንደገና ይሞክሩ።',
  offline: 'ከኢንተርኔት ጋር ያልተገናኙ ይመስላል። ግንኙነትዎን አረጋግጠው እንደገና ይሞክሩ።',
  generic: 'የሆነ ችግር ተፈጥሯል። እንደገና ይሞክሩ።',
};

export default am;

export const page: PageTexts = {
  title: 'የሞባይል ቁጥርዎን ያረጋግጡ',
  lead: 'የሞባይል ቁጥርዎን ያስገቡ። ኮድ በSMS እንልክልዎታለን።',
  terms: '[ዋጋ] በየ[ጊዜ]፣ በራስ-ሰር ይታደሳል። በማንኛውም ጊዜ STOP ወደ [አጭር ቁጥር] በመላክ ማቋረጥ ይችላሉ።',
  acceptTerms: (link) => `በመቀጠልዎ ${link} ተቀብለዋል።`,
  termsLink: 'ውሎቹን',
  footerTerms: 'ውሎች',
  footerPrivacy: 'ግላዊነት',
  sampleTerms: (price, shortCode) => `በቀን ${price}፣ በየቀኑ ይታደሳል። ለማቋረጥ STOP ወደ ${shortCode} ይላኩ።`,
};
