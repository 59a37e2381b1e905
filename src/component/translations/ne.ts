import type { PageTexts, Translation } from '../localize.js';

// Chromium has no Nepali relative times (it falls back to English): `wait` is used only when it has no Latin letters.
const ne: Translation = {
  $code: 'ne',
  $name: 'नेपाली',
  $dir: 'ltr',

  phoneLabel: 'मोबाइल नम्बर',
  countryLabel: 'देश',
  send: 'कोड पठाउनुहोस्',
  sending: 'पठाउँदै…',
  codeLabel: 'SMS मा आएको कोड',
  codeSent: (phone) => `हामीले ${phone} मा कोड पठाएका छौँ।`,
  verify: 'पुष्टि गर्नुहोस्',
  verifying: 'जाँच गर्दै…',
  changeNumber: 'नम्बर बदल्नुहोस्',
  resend: 'नयाँ कोड पठाउनुहोस्',
  resendIn: (time) => `${time} पछि नयाँ कोड माग्न सक्नुहुन्छ।`,
  resent: 'नयाँ कोड पठाइयो।',
  success: 'तपाईंको नम्बर पुष्टि भयो। धन्यवाद!',

  invalidNumber: 'सही मोबाइल नम्बर हाल्नुहोस्।',
  notMobile: 'यो मोबाइल नम्बर होइन। मोबाइल नम्बर हाल्नुहोस्।',
  countryNotAllowed: 'यस देशका नम्बरहरू यहाँ प्रयोग गर्न मिल्दैन।',
  tooShort: 'यो नम्बरमा अङ्क पुगेका छैनन्।',
  tooLong: 'यो नम्बरमा धेरै अङ्क छन्।',
  searchCountry: 'देश वा डायल कोड खोज्नुहोस्',
  noCountryFound: 'कुनै देश भेटिएन।',
  close: 'बन्द गर्नुहोस्',
  // "N पटक" (N times) does not change with the number: one reads like other.
  wrongCode: (left) => (left === undefined ? 'कोड मिलेन। फेरि प्रयास गर्नुहोस्।' : `कोड मिलेन। अझै ${left.text} पटक प्रयास गर्न सक्नुहुन्छ।`),
  malformedCode: 'SMS मा आएको कोड हाल्नुहोस्।',
  pasteUnclear: 'SMS मा आएको कोड टाइप गर्नुहोस्।',
  $sms: {
    code: ['कोड', 'ओटीपी', 'पासवर्ड', 'पिन', 'प्रमाणीकरण'],
    other: ['सन्दर्भ', 'अर्डर', 'रकम', 'रु', 'कल', 'ब्यालेन्स'],
  },
  expired: 'यो कोडको म्याद सकियो। नयाँ कोड माग्नुहोस्।',
  locked: 'धेरै पटक गलत कोड हालियो। नयाँ कोड माग्नुहोस्।',
  used: 'यो कोड पहिले नै प्रयोग भइसकेको छ।',
  inProgress: 'तपाईंको कोड अझै जाँच हुँदैछ। एकछिन पर्खनुहोस्।',
  tooMany: (wait) => `धेरै पटक प्रयास भयो। ${/[a-z]/i.test(wait) ? 'केही बेरपछि' : wait} फेरि प्रयास गर्नुहोस्।`,
  unavailable: 'सेवा अहिले उपलब्ध छैन। केही बेरपछि फेरि प्रयास गर्नुहोस्।',
  timeout: 'सेवाले जवाफ दिन धेरै समय लगाइरहेको छ। केही बेरपछि फेरि प्रयास गर्नुहोस्।',
  offline: 'तपाईं अफलाइन हुनुहुन्छ जस्तो छ। इन्टरनेट जाँचेर फेरि प्रयास गर्नुहोस्।',
  generic: 'केही गडबड भयो। फेरि प्रयास गर्नुहोस्।',
};

export default ne;

export const page: PageTexts = {
  title: 'आफ्नो मोबाइल नम्बर पुष्टि गर्नुहोस्',
  lead: 'आफ्नो मोबाइल नम्बर हाल्नुहोस्। हामी SMS मार्फत कोड पठाउनेछौँ।',
  terms: '[मूल्य] प्रति [अवधि], स्वतः नवीकरण हुन्छ। जुनसुकै बेला [सर्ट कोड] मा STOP पठाएर रद्द गर्नुहोस्।',
  acceptTerms: (link) => `जारी राखेर तपाईं ${link} स्वीकार गर्नुहुन्छ।`,
  termsLink: 'सर्तहरू',
  footerTerms: 'सर्तहरू',
  footerPrivacy: 'गोपनीयता',
  sampleTerms: (price, shortCode) => `प्रतिदिन ${price}, दैनिक नवीकरण हुन्छ। रद्द गर्न ${shortCode} मा STOP पठाउनुहोस्।`,
};
