import type { PageTexts, Translation } from '../localize.js';

// Chromium has no Burmese relative times (it falls back to English): `wait` is used only when it has no Latin letters.
const my: Translation = {
  $code: 'my',
  $name: 'မြန်မာ',
  $dir: 'ltr',

  phoneLabel: 'ဖုန်းနံပါတ်',
  countryLabel: 'နိုင်ငံ',
  send: 'ကုဒ်ပို့ရန်',
  sending: 'ပို့နေသည်…',
  codeLabel: 'SMS ထဲမှ ကုဒ်',
  codeSent: (phone) => `${phone} သို့ ကုဒ် ပို့ပြီးပါပြီ။`,
  verify: 'အတည်ပြုရန်',
  verifying: 'စစ်ဆေးနေသည်…',
  changeNumber: 'နံပါတ်ပြောင်းရန်',
  resend: 'ကုဒ်အသစ် ပို့ရန်',
  resendIn: (time) => `${time} အကြာတွင် ကုဒ်အသစ် တောင်းနိုင်ပါမည်။`,
  resent: 'ကုဒ်အသစ် ပို့ပြီးပါပြီ။',
  success: 'သင့်နံပါတ်ကို အတည်ပြုပြီးပါပြီ။ ကျေးဇူးတင်ပါသည်။',

  invalidNumber: 'မှန်ကန်သော ဖုန်းနံပါတ် ထည့်ပါ။',
  notMobile: 'ဤနံပါတ်သည် မိုဘိုင်းဖုန်းနံပါတ် မဟုတ်ပါ။ မိုဘိုင်းဖုန်းနံပါတ် ထည့်ပါ။',
  countryNotAllowed: 'ဤနိုင်ငံမှ နံပါတ်များကို ဤနေရာတွင် သုံး၍မရပါ။',
  wrongCode: (left) =>
    left === undefined ? 'ကုဒ် မှားနေပါသည်။ ထပ်ကြိုးစားပါ။' : `ကုဒ် မှားနေပါသည်။ ${left.text} ကြိမ် ထပ်ကြိုးစားနိုင်ပါသေးသည်။`,
  malformedCode: 'SMS ထဲမှ ကုဒ်ကို ထည့်ပါ။',
  expired: 'ဤကုဒ် သက်တမ်းကုန်သွားပါပြီ။ ကုဒ်အသစ် တောင်းပါ။',
  locked: 'ကုဒ်အမှား အကြိမ်များစွာ ထည့်ထားပါသည်။ ကုဒ်အသစ် တောင်းပါ။',
  used: 'ဤကုဒ်ကို အသုံးပြုပြီးပါပြီ။',
  inProgress: 'သင့်ကုဒ်ကို စစ်ဆေးနေဆဲ ဖြစ်ပါသည်။ ခဏစောင့်ပါ။',
  tooMany: (wait) => `ကြိုးစားမှု များလွန်းပါသည်။ ${/[a-z]/i.test(wait) ? 'ခဏနေမှ' : wait} ထပ်ကြိုးစားပါ။`,
  unavailable: 'ဝန်ဆောင်မှုကို ယခု အသုံးပြု၍ မရပါ။ ခဏနေမှ ထပ်ကြိုးစားပါ။',
  timeout: 'ဝန်ဆောင်မှု တုံ့ပြန်ရန် ကြာလွန်းနေပါသည်။ ခဏနေမှ ထပ်ကြိုးစားပါ။',
  offline: 'အင်တာနက် ချိတ်ဆက်မှု မရှိပုံရသည်။ ချိတ်ဆက်မှုကို စစ်ဆေးပြီး ထပ်ကြိုးစားပါ။',
  generic: 'တစ်ခုခု မှားယွင်းသွားပါသည်။ ထပ်ကြိုးစားပါ။',
};

export default my;

export const page: PageTexts = {
  title: 'သင့်ဖုန်းနံပါတ်ကို အတည်ပြုပါ',
  lead: 'သင့်ဖုန်းနံပါတ် ထည့်ပါ။ SMS ဖြင့် ကုဒ် ပို့ပေးပါမည်။',
  terms: '[ဈေးနှုန်း] / [ကာလ]၊ အလိုအလျောက် သက်တမ်းတိုးပါသည်။ [ဝန်ဆောင်မှုနံပါတ်] သို့ STOP ပို့၍ အချိန်မရွေး ရပ်ဆိုင်းနိုင်ပါသည်။',
  acceptTerms: (link) => `ဆက်လုပ်ခြင်းဖြင့် ${link} ကို သဘောတူပါသည်။`,
  termsLink: 'စည်းမျဉ်းများ',
  footerTerms: 'စည်းမျဉ်းများ',
  footerPrivacy: 'ကိုယ်ရေးအချက်အလက်',
  sampleTerms: (price, shortCode) => `တစ်ရက်လျှင် ${price}၊ နေ့စဉ် သက်တမ်းတိုးပါသည်။ ရပ်ဆိုင်းရန် STOP ကို ${shortCode} သို့ ပို့ပါ။`,
};
