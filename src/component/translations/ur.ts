import type { PageTexts, Translation } from '../localize.js';

const ur: Translation = {
  $code: 'ur',
  $name: 'اردو',
  $dir: 'rtl',

  phoneLabel: 'موبائل نمبر',
  countryLabel: 'ملک',
  send: 'کوڈ بھیجیں',
  sending: 'بھیجا جا رہا ہے…',
  codeLabel: 'آپ کو SMS میں ملا کوڈ',
  codeSent: (phone) => `ہم نے ${phone} پر کوڈ بھیجا ہے۔`,
  verify: 'تصدیق کریں',
  verifying: 'تصدیق ہو رہی ہے…',
  changeNumber: 'نمبر تبدیل کریں',
  resend: 'نیا کوڈ بھیجیں',
  resendIn: (time) => `آپ ${time} بعد نیا کوڈ مانگ سکتے ہیں۔`,
  resent: 'نیا کوڈ بھیج دیا گیا ہے۔',
  success: 'آپ کے نمبر کی تصدیق ہو گئی۔ شکریہ!',

  invalidNumber: 'درست موبائل نمبر درج کریں۔',
  notMobile: 'یہ موبائل نمبر نہیں ہے۔ موبائل نمبر درج کریں۔',
  countryNotAllowed: 'اس ملک کے نمبر یہاں استعمال نہیں ہو سکتے۔',
  tooShort: 'اس نمبر میں ہندسے کم ہیں۔',
  tooLong: 'اس نمبر میں ہندسے زیادہ ہیں۔',
  searchCountry: 'ملک یا ڈائل کوڈ تلاش کریں',
  noCountryFound: 'کوئی ملک نہیں ملا۔',
  close: 'بند کریں',
  wrongCode: (left) =>
    left === undefined
      ? 'کوڈ غلط ہے۔ دوبارہ کوشش کریں۔'
      : left.plural === 'one'
        ? 'کوڈ غلط ہے۔ ایک کوشش باقی ہے۔'
        : `کوڈ غلط ہے۔ ${left.text} کوششیں باقی ہیں۔`,
  malformedCode: 'آپ کو SMS میں ملا کوڈ درج کریں۔',
  pasteUnclear: 'آپ کو SMS میں ملا کوڈ ٹائپ کریں۔',
  $sms: {
    code: ['کوڈ', 'کود', 'پاس ورڈ', 'تصدیق', 'او ٹی پی'],
    other: ['رقم', 'روپے', 'ریفرنس', 'حوالہ', 'کال', 'بیلنس'],
  },
  expired: 'اس کوڈ کی میعاد ختم ہو گئی ہے۔ نیا کوڈ مانگیں۔',
  locked: 'بہت بار غلط کوڈ درج کیا گیا۔ نیا کوڈ مانگیں۔',
  used: 'یہ کوڈ پہلے ہی استعمال ہو چکا ہے۔',
  inProgress: 'آپ کا کوڈ ابھی جانچا جا رہا ہے۔ تھوڑا انتظار کریں۔',
  tooMany: (wait) => `بہت زیادہ کوششیں ہو گئیں۔ ${wait} دوبارہ کوشش کریں۔`,
  unavailable: 'سروس اس وقت دستیاب نہیں۔ تھوڑی دیر بعد دوبارہ کوشش کریں۔',
  timeout: 'سروس جواب دینے میں بہت دیر لگا رہی ہے۔ تھوڑی دیر بعد دوبارہ کوشش کریں۔',
  offline: 'لگتا ہے آپ آف لائن ہیں۔ اپنا کنکشن چیک کریں اور دوبارہ کوشش کریں۔',
  generic: 'کچھ غلط ہو گیا۔ دوبارہ کوشش کریں۔',
};

export default ur;

export const page: PageTexts = {
  title: 'اپنے موبائل نمبر کی تصدیق کریں',
  lead: 'اپنا موبائل نمبر درج کریں۔ ہم آپ کو SMS کے ذریعے کوڈ بھیجیں گے۔',
  terms: '[قیمت] فی [مدت]، خودکار تجدید۔ کسی بھی وقت [شارٹ کوڈ] پر STOP بھیج کر منسوخ کریں۔',
  acceptTerms: (link) => `جاری رکھ کر آپ ${link} قبول کرتے ہیں۔`,
  termsLink: 'شرائط و ضوابط',
  footerTerms: 'شرائط',
  footerPrivacy: 'رازداری',
  sampleTerms: (price, shortCode) => `روزانہ ${price}، ہر روز خودکار تجدید۔ منسوخ کرنے کے لیے ${shortCode} پر STOP بھیجیں۔`,
};
