import type { PageTexts, Translation } from '../localize.js';

// Modern Marathi ends sentences with a period, not the Hindi danda.
const mr: Translation = {
  $code: 'mr',
  $name: 'मराठी',
  $dir: 'ltr',

  phoneLabel: 'मोबाइल नंबर',
  countryLabel: 'देश',
  send: 'कोड पाठवा',
  sending: 'पाठवत आहे…',
  codeLabel: 'SMS मधील कोड',
  codeSent: (phone) => `आम्ही ${phone} वर कोड पाठवला आहे.`,
  verify: 'पुष्टी करा',
  verifying: 'तपासत आहे…',
  changeNumber: 'नंबर बदला',
  resend: 'नवीन कोड पाठवा',
  resendIn: (time) => `${time} नंतर नवीन कोड मागू शकता.`,
  resent: 'नवीन कोड पाठवला आहे.',
  success: 'तुमच्या नंबरची पुष्टी झाली. धन्यवाद!',

  invalidNumber: 'योग्य मोबाइल नंबर टाका.',
  notMobile: 'हा मोबाइल नंबर नाही. मोबाइल नंबर टाका.',
  countryNotAllowed: 'या देशाचे नंबर येथे वापरता येणार नाहीत.',
  tooShort: 'या नंबरमध्ये अंक कमी आहेत.',
  tooLong: 'या नंबरमध्ये जास्त अंक आहेत.',
  searchCountry: 'देश किंवा डायल कोड शोधा',
  noCountryFound: 'कोणताही देश सापडला नाही.',
  close: 'बंद करा',
  wrongCode: (left) =>
    left === undefined
      ? 'कोड चुकीचा आहे. पुन्हा प्रयत्न करा.'
      : left.plural === 'one'
        ? `कोड चुकीचा आहे. आणखी ${left.text} प्रयत्न बाकी आहे.`
        : `कोड चुकीचा आहे. आणखी ${left.text} प्रयत्न बाकी आहेत.`,
  malformedCode: 'SMS मधील कोड टाका.',
  pasteUnclear: 'SMS मधील कोड टाइप करा.',
  $sms: {
    code: ['कोड', 'ओटीपी', 'पासवर्ड', 'पिन', 'पडताळणी'],
    other: ['संदर्भ', 'ऑर्डर', 'रक्कम', 'रु', 'कॉल', 'शिल्लक'],
  },
  expired: 'या कोडची मुदत संपली आहे. नवीन कोड मागा.',
  locked: 'खूप वेळा चुकीचा कोड टाकला गेला. नवीन कोड मागा.',
  used: 'हा कोड आधीच वापरला गेला आहे.',
  inProgress: 'तुमचा कोड अजून तपासला जात आहे. थोडा वेळ थांबा.',
  tooMany: (wait) => `खूप जास्त प्रयत्न झाले. ${wait} पुन्हा प्रयत्न करा.`,
  unavailable: 'सेवा सध्या उपलब्ध नाही. थोड्या वेळाने पुन्हा प्रयत्न करा.',
  timeout: 'सेवेला उत्तर द्यायला खूप वेळ लागत आहे. थोड्या वेळाने पुन्हा प्रयत्न करा.',
  offline: 'तुम्ही ऑफलाइन आहात असे दिसते. कनेक्शन तपासा आणि पुन्हा प्रयत्न करा.',
  generic: 'काहीतरी चुकले. पुन्हा प्रयत्न करा.',
};

export default mr;

export const page: PageTexts = {
  title: 'तुमच्या मोबाइल नंबरची पुष्टी करा',
  lead: 'तुमचा मोबाइल नंबर टाका. आम्ही तुम्हाला SMS द्वारे कोड पाठवू.',
  terms: '[किंमत] प्रति [कालावधी], आपोआप नूतनीकरण. [शॉर्ट कोड] वर STOP पाठवून कधीही रद्द करा.',
  acceptTerms: (link) => `पुढे जाऊन तुम्ही ${link} स्वीकारता.`,
  termsLink: 'अटी व शर्ती',
  footerTerms: 'अटी',
  footerPrivacy: 'गोपनीयता',
  sampleTerms: (price, shortCode) => `दररोज ${price}, दररोज आपोआप नूतनीकरण. रद्द करण्यासाठी ${shortCode} वर STOP पाठवा.`,
};
