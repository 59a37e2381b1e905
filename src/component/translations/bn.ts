import type { PageTexts, Translation } from '../localize.js';

const bn: Translation = {
  $code: 'bn',
  $name: 'বাংলা',
  $dir: 'ltr',

  phoneLabel: 'মোবাইল নম্বর',
  countryLabel: 'দেশ',
  send: 'কোড পাঠান',
  sending: 'পাঠানো হচ্ছে…',
  codeLabel: 'SMS-এ পাওয়া কোড',
  codeSent: (phone) => `আমরা ${phone} নম্বরে একটি কোড পাঠিয়েছি।`,
  verify: 'নিশ্চিত করুন',
  verifying: 'যাচাই করা হচ্ছে…',
  changeNumber: 'নম্বর বদলান',
  resend: 'নতুন কোড পাঠান',
  resendIn: (time) => `${time} পরে নতুন কোড চাইতে পারবেন।`,
  resent: 'নতুন কোড পাঠানো হয়েছে।',
  success: 'আপনার নম্বর নিশ্চিত হয়েছে। ধন্যবাদ!',

  invalidNumber: 'একটি সঠিক মোবাইল নম্বর দিন।',
  notMobile: 'এটি মোবাইল নম্বর নয়। একটি মোবাইল নম্বর দিন।',
  countryNotAllowed: 'এই দেশের নম্বর এখানে ব্যবহার করা যাবে না।',
  tooShort: 'এই নম্বরে কিছু অঙ্ক কম আছে।',
  tooLong: 'এই নম্বরে অঙ্ক বেশি আছে।',
  searchCountry: 'দেশ বা ডায়াল কোড খুঁজুন',
  noCountryFound: 'কোনো দেশ পাওয়া যায়নি।',
  close: 'বন্ধ করুন',
  // Bengali does not inflect the noun after a number: one and other read the same.
  wrongCode: (left) => (left === undefined ? 'কোডটি ভুল। আবার চেষ্টা করুন।' : `কোডটি ভুল। আর ${left.text} বার চেষ্টা করতে পারবেন।`),
  malformedCode: 'SMS-এ পাওয়া কোডটি দিন।',
  pasteUnclear: 'SMS-এ পাওয়া কোডটি টাইপ করুন।',
  $sms: {
    code: ['কোড', 'ওটিপি', 'পাসওয়ার্ড', 'পিন', 'যাচাই'],
    other: ['রেফারেন্স', 'অর্ডার', 'পরিমাণ', 'টাকা', 'কল', 'ব্যালেন্স'],
  },
  expired: 'এই কোডের মেয়াদ শেষ। নতুন কোড চান।',
  locked: 'অনেকবার ভুল কোড দেওয়া হয়েছে। নতুন কোড চান।',
  used: 'এই কোডটি আগেই ব্যবহার করা হয়েছে।',
  inProgress: 'আপনার কোড এখনও যাচাই করা হচ্ছে। একটু অপেক্ষা করুন।',
  tooMany: (wait) => `অনেকবার চেষ্টা করা হয়েছে। ${wait} আবার চেষ্টা করুন।`,
  unavailable: 'সেবাটি এখন পাওয়া যাচ্ছে না। একটু পরে আবার চেষ্টা করুন।',
  timeout: 'সেবাটি উত্তর দিতে অনেক সময় নিচ্ছে। একটু পরে আবার চেষ্টা করুন।',
  offline: 'মনে হচ্ছে আপনি অফলাইনে আছেন। সংযোগ দেখে আবার চেষ্টা করুন।',
  generic: 'কিছু একটা ভুল হয়েছে। আবার চেষ্টা করুন।',
};

export default bn;

export const page: PageTexts = {
  title: 'আপনার মোবাইল নম্বর নিশ্চিত করুন',
  lead: 'আপনার মোবাইল নম্বর দিন। আমরা SMS-এ একটি কোড পাঠাব।',
  terms: '[মূল্য] প্রতি [মেয়াদ], স্বয়ংক্রিয়ভাবে নবায়ন হয়। যেকোনো সময় [শর্ট কোড] নম্বরে STOP পাঠিয়ে বাতিল করুন।',
  acceptTerms: (link) => `চালিয়ে গেলে আপনি ${link} মেনে নিচ্ছেন।`,
  termsLink: 'শর্তাবলি',
  footerTerms: 'শর্তাবলি',
  footerPrivacy: 'গোপনীয়তা',
  sampleTerms: (price, shortCode) => `প্রতিদিন ${price}, প্রতিদিন নবায়ন হয়। বাতিল করতে ${shortCode} নম্বরে STOP পাঠান।`,
};
