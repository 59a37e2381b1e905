import type { PageTexts, Translation } from '../localize.js';

const hi: Translation = {
  $code: 'hi',
  $name: 'हिन्दी',
  $dir: 'ltr',

  phoneLabel: 'मोबाइल नंबर',
  countryLabel: 'देश',
  send: 'कोड भेजें',
  sending: 'भेजा जा रहा है…',
  codeLabel: 'SMS में आया कोड',
  codeSent: (phone) => `हमने ${phone} पर कोड भेजा है।`,
  verify: 'पुष्टि करें',
  verifying: 'जाँच हो रही है…',
  changeNumber: 'नंबर बदलें',
  resend: 'नया कोड भेजें',
  resendIn: (time) => `आप ${time} बाद नया कोड माँग सकते हैं।`,
  resent: 'नया कोड भेज दिया गया है।',
  success: 'आपके नंबर की पुष्टि हो गई। धन्यवाद!',

  invalidNumber: 'सही मोबाइल नंबर डालें।',
  notMobile: 'यह मोबाइल नंबर नहीं है। मोबाइल नंबर डालें।',
  countryNotAllowed: 'इस देश के नंबर यहाँ इस्तेमाल नहीं हो सकते।',
  tooShort: 'इस नंबर में अंक कम हैं।',
  tooLong: 'इस नंबर में बहुत ज़्यादा अंक हैं।',
  searchCountry: 'देश या डायल कोड खोजें',
  noCountryFound: 'कोई देश नहीं मिला।',
  close: 'बंद करें',
  wrongCode: (left) =>
    left === undefined
      ? 'कोड गलत है। फिर से कोशिश करें।'
      : left.plural === 'one'
        ? `कोड गलत है। ${left.text} कोशिश बाकी है।`
        : `कोड गलत है। ${left.text} कोशिशें बाकी हैं।`,
  malformedCode: 'SMS में आया कोड डालें।',
  pasteUnclear: 'SMS में आया कोड टाइप करें।',
  $sms: {
    code: ['कोड', 'ओटीपी', 'पासवर्ड', 'पिन', 'सत्यापन'],
    other: ['संदर्भ', 'ऑर्डर', 'राशि', 'रु', 'रुपये', 'कॉल', 'बैलेंस', 'शेष'],
  },
  expired: 'इस कोड की समय-सीमा खत्म हो गई है। नया कोड माँगें।',
  locked: 'बहुत बार गलत कोड डाला गया। नया कोड माँगें।',
  used: 'यह कोड पहले ही इस्तेमाल हो चुका है।',
  inProgress: 'आपका कोड अभी जाँचा जा रहा है। थोड़ा इंतज़ार करें।',
  tooMany: (wait) => `बहुत ज़्यादा कोशिशें हो गईं। ${wait} फिर से कोशिश करें।`,
  unavailable: 'सेवा अभी उपलब्ध नहीं है। थोड़ी देर में फिर कोशिश करें।',
  timeout: 'सेवा जवाब देने में बहुत समय ले रही है। थोड़ी देर में फिर कोशिश करें।',
  offline: 'लगता है आप ऑफ़लाइन हैं। अपना कनेक्शन जाँचें और फिर कोशिश करें।',
  generic: 'कुछ गलत हो गया। फिर से कोशिश करें।',
};

export default hi;

export const page: PageTexts = {
  title: 'अपने मोबाइल नंबर की पुष्टि करें',
  lead: 'अपना मोबाइल नंबर डालें। हम आपको SMS से एक कोड भेजेंगे।',
  terms: '[कीमत] प्रति [अवधि], अपने-आप रिन्यू होता है। कभी भी [शॉर्ट कोड] पर STOP भेजकर रद्द करें।',
  acceptTerms: (link) => `आगे बढ़कर आप ${link} स्वीकार करते हैं।`,
  termsLink: 'नियम और शर्तें',
  footerTerms: 'नियम',
  footerPrivacy: 'गोपनीयता',
  sampleTerms: (price, shortCode) => `${price} प्रतिदिन, हर दिन रिन्यू होता है। रद्द करने के लिए ${shortCode} पर STOP भेजें।`,
};
