import type { PageTexts, Translation } from '../localize.js';

// Chromium has no Georgian relative times (it falls back to English): `wait` is used only when it has no Latin letters.
const ka: Translation = {
  $code: 'ka',
  $name: 'ქართული',
  $dir: 'ltr',

  phoneLabel: 'მობილურის ნომერი',
  countryLabel: 'ქვეყანა',
  send: 'კოდის გაგზავნა',
  sending: 'იგზავნება…',
  codeLabel: 'კოდი SMS-იდან',
  codeSent: (phone) => `კოდი გაიგზავნა ნომერზე ${phone}.`,
  verify: 'დადასტურება',
  verifying: 'მოწმდება…',
  changeNumber: 'ნომრის შეცვლა',
  resend: 'ახალი კოდის გაგზავნა',
  resendIn: (time) => `ახალი კოდის მოთხოვნას შეძლებთ ${time}-ში.`,
  resent: 'ახალი კოდი გაიგზავნა.',
  success: 'ნომერი დადასტურდა. გმადლობთ!',

  invalidNumber: 'შეიყვანეთ სწორი მობილურის ნომერი.',
  notMobile: 'ეს მობილურის ნომერი არ არის. შეიყვანეთ მობილურის ნომერი.',
  countryNotAllowed: 'ამ ქვეყნის ნომრები აქ ვერ გამოიყენება.',
  tooShort: 'ამ ნომერს ციფრები აკლია.',
  tooLong: 'ამ ნომერში ზედმეტი ციფრებია.',
  searchCountry: 'მოძებნეთ ქვეყანა ან კოდი',
  noCountryFound: 'ქვეყანა ვერ მოიძებნა.',
  close: 'დახურვა',
  // Georgian keeps the noun singular after a number: one reads like other.
  wrongCode: (left) => (left === undefined ? 'კოდი არასწორია. სცადეთ ხელახლა.' : `კოდი არასწორია. დარჩა ${left.text} მცდელობა.`),
  malformedCode: 'შეიყვანეთ კოდი SMS-იდან.',
  pasteUnclear: 'აკრიფეთ კოდი SMS-იდან.',
  $sms: {
    code: ['კოდ', 'პაროლ', 'დადასტურ'],
    other: ['შეკვეთ', 'თანხ', 'ლარ', 'დარეკ', 'ბალანს'],
  },
  expired: 'კოდს ვადა გაუვიდა. მოითხოვეთ ახალი.',
  locked: 'ძალიან ბევრი არასწორი კოდი. მოითხოვეთ ახალი.',
  used: 'ეს კოდი უკვე გამოყენებულია.',
  inProgress: 'კოდი ჯერ კიდევ მოწმდება. ცოტა მოიცადეთ.',
  tooMany: (wait) => `ძალიან ბევრი მცდელობა. სცადეთ ხელახლა ${/[a-z]/i.test(wait) ? 'ცოტა ხანში' : wait}.`,
  unavailable: 'სერვისი ახლა მიუწვდომელია. სცადეთ ცოტა ხანში.',
  timeout: 'სერვისი პასუხს ძალიან აგვიანებს. სცადეთ ცოტა ხანში.',
  offline: 'როგორც ჩანს, ინტერნეტთან კავშირი არ გაქვთ. შეამოწმეთ კავშირი და სცადეთ ხელახლა.',
  generic: 'რაღაც შეცდომა მოხდა. სცადეთ ხელახლა.',
};

export default ka;

export const page: PageTexts = {
  title: 'დაადასტურეთ მობილურის ნომერი',
  lead: 'შეიყვანეთ მობილურის ნომერი. SMS-ით გამოგიგზავნით კოდს.',
  terms: '[ფასი] ყოველ [პერიოდში], ავტომატურად განახლდება. გასაუქმებლად ნებისმიერ დროს გაგზავნეთ STOP ნომერზე [მოკლე ნომერი].',
  acceptTerms: (link) => `გაგრძელებით ეთანხმებით ${link}.`,
  termsLink: 'წესებსა და პირობებს',
  footerTerms: 'პირობები',
  footerPrivacy: 'კონფიდენციალურობა',
  sampleTerms: (price, shortCode) => `${price} დღეში, განახლდება ყოველდღე. გასაუქმებლად გაგზავნეთ STOP ნომერზე ${shortCode}.`,
};
