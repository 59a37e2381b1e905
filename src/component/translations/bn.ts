import type { Translation } from '../localize.js';

const bn: Translation = {
  $code: 'bn',
  $name: 'বাংলা',
  $dir: 'ltr',

  phoneLabel: 'মোবাইল নম্বর',
  countryLabel: 'দেশ',
  send: 'কোড পাঠান',
  sending: 'পাঠানো হচ্ছে…',
  codeLabel: 'SMS-এর কোড',
  codeSent: (phone) => `আমরা ${phone} নম্বরে একটি কোড পাঠিয়েছি।`,
  verify: 'নিশ্চিত করুন',
  verifying: 'যাচাই করা হচ্ছে…',
  changeNumber: 'নম্বর বদলান',
  resend: 'নতুন কোড পাঠান',
  resendIn: (time) => `${time} পরে নতুন কোড চাইতে পারবেন।`,
  resent: 'নতুন কোড আসছে।',
  success: 'আপনার নম্বর নিশ্চিত হয়েছে। ধন্যবাদ!',

  invalidNumber: 'একটি সঠিক মোবাইল নম্বর দিন।',
  notMobile: 'এটি মোবাইল নম্বর নয়। একটি মোবাইল নম্বর দিন।',
  countryNotAllowed: 'এই দেশের নম্বর এখানে ব্যবহার করা যাবে না।',
  wrongCode: (left) => (left === undefined ? 'কোডটি সঠিক নয়। আবার চেষ্টা করুন।' : `কোডটি সঠিক নয়। আর ${left.text} বার চেষ্টা করতে পারবেন।`),
  malformedCode: 'SMS-এর কোডটি দিন।',
  expired: 'এই কোডের মেয়াদ শেষ। নতুন কোড চান।',
  locked: 'অনেকবার ভুল কোড দেওয়া হয়েছে। নতুন কোড চান।',
  used: 'এই কোডটি আগেই ব্যবহার করা হয়েছে।',
  inProgress: 'আপনার কোড এখনও যাচাই করা হচ্ছে। একটু অপেক্ষা করুন।',
  tooMany: (wait) => `অনেক বেশি চেষ্টা। ${wait} আবার চেষ্টা করুন।`,
  unavailable: 'সেবাটি এখন পাওয়া যাচ্ছে না। একটু পরে আবার চেষ্টা করুন।',
  timeout: 'অনেক সময় লাগছে। সংযোগ দেখে আবার চেষ্টা করুন।',
  offline: 'মনে হচ্ছে আপনি অফলাইনে আছেন। সংযোগ দেখে আবার চেষ্টা করুন।',
  generic: 'কিছু একটা ভুল হয়েছে। আবার চেষ্টা করুন।',
};

export default bn;
