import type { PageTexts, Translation } from '../localize.js';

const en: Translation = {
  $code: 'en',
  $name: 'English',
  $dir: 'ltr',

  phoneLabel: 'Mobile number',
  countryLabel: 'Country',
  send: 'Send code',
  sending: 'Sending…',
  codeLabel: 'Code from the SMS',
  codeSent: (phone) => `We sent a code to ${phone}.`,
  verify: 'Confirm',
  verifying: 'Checking…',
  changeNumber: 'Change number',
  resend: 'Send a new code',
  resendIn: (time) => `You can ask for a new code in ${time}.`,
  resent: 'A new code is on its way.',
  success: 'Your number is confirmed. Thank you!',

  invalidNumber: 'Enter a valid mobile number.',
  notMobile: 'This is not a mobile number. Enter a mobile number.',
  countryNotAllowed: 'Numbers from this country cannot be used here.',
  tooShort: 'This number is missing digits.',
  tooLong: 'This number has too many digits.',
  searchCountry: 'Search country or dial code',
  noCountryFound: 'No country found.',
  close: 'Close',
  wrongCode: (left) =>
    left === undefined
      ? 'That code is not right. Try again.'
      : left.plural === 'one'
        ? `That code is not right. ${left.text} try left.`
        : `That code is not right. ${left.text} tries left.`,
  malformedCode: 'Enter the code from the SMS.',
  pasteUnclear: 'Type the code from the SMS.',
  $sms: {
    code: ['code', 'otp', 'pin', 'password'],
    other: ['ref', 'order', 'ending', 'stop', 'call', 'amount'],
  },
  expired: 'This code has expired. Ask for a new one.',
  locked: 'Too many wrong codes. Ask for a new one.',
  used: 'This code has already been used.',
  inProgress: 'Your code is still being checked. Wait a moment.',
  tooMany: (wait) => `Too many attempts. Try again ${wait}.`,
  unavailable: 'The service is not available right now. Try again in a moment.',
  timeout: 'The service is taking too long to answer. Try again in a moment.',
  offline: 'You seem to be offline. Check your connection and try again.',
  generic: 'Something went wrong. Try again.',
};

export default en;

export const page: PageTexts = {
  title: 'Confirm your mobile number',
  lead: 'Enter your mobile number. We will send you a code by SMS.',
  terms: '[Price] per [period], renews automatically. Cancel anytime by sending STOP to [short code].',
  acceptTerms: (link) => `By continuing you accept the ${link}.`,
  termsLink: 'terms',
  footerTerms: 'Terms',
  footerPrivacy: 'Privacy',
  sampleTerms: (price, shortCode) => `${price} a day, renews daily. Send STOP to ${shortCode} to cancel.`,
};
