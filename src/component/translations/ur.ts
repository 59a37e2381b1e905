import type { Translation } from '../localize.js';

const ur: Translation = {
  $code: 'ur',
  $name: 'اردو',
  $dir: 'rtl',

  phoneLabel: 'موبائل نمبر',
  countryLabel: 'ملک',
  send: 'کوڈ بھیجیں',
  sending: 'بھیجا جا رہا ہے…',
  codeLabel: 'SMS والا کوڈ',
  codeSent: (phone) => `ہم نے ${phone} پر کوڈ بھیجا ہے۔`,
  verify: 'تصدیق کریں',
  verifying: 'جانچ ہو رہی ہے…',
  changeNumber: 'نمبر تبدیل کریں',
  resend: 'نیا کوڈ بھیجیں',
  resendIn: (time) => `آپ ${time} بعد نیا کوڈ مانگ سکتے ہیں۔`,
  resent: 'نیا کوڈ آ رہا ہے۔',
  success: 'آپ کے نمبر کی تصدیق ہو گئی۔ شکریہ!',

  invalidNumber: 'درست موبائل نمبر درج کریں۔',
  notMobile: 'یہ موبائل نمبر نہیں ہے۔ موبائل نمبر درج کریں۔',
  countryNotAllowed: 'اس ملک کے نمبر یہاں استعمال نہیں ہو سکتے۔',
  wrongCode: (left) =>
    left === undefined
      ? 'کوڈ درست نہیں۔ دوبارہ کوشش کریں۔'
      : left.plural === 'one'
        ? 'کوڈ درست نہیں۔ ایک کوشش باقی ہے۔'
        : `کوڈ درست نہیں۔ ${left.text} کوششیں باقی ہیں۔`,
  malformedCode: 'SMS والا کوڈ درج کریں۔',
  expired: 'اس کوڈ کی میعاد ختم ہو گئی۔ نیا کوڈ مانگیں۔',
  locked: 'بہت زیادہ غلط کوڈ۔ نیا کوڈ مانگیں۔',
  used: 'یہ کوڈ پہلے ہی استعمال ہو چکا ہے۔',
  inProgress: 'آپ کا کوڈ ابھی جانچا جا رہا ہے۔ تھوڑا انتظار کریں۔',
  tooMany: (wait) => `بہت زیادہ کوششیں۔ ${wait} دوبارہ کوشش کریں۔`,
  unavailable: 'سروس اس وقت دستیاب نہیں۔ تھوڑی دیر بعد کوشش کریں۔',
  timeout: 'بہت دیر لگ رہی ہے۔ اپنا کنکشن چیک کریں اور دوبارہ کوشش کریں۔',
  offline: 'لگتا ہے آپ آف لائن ہیں۔ اپنا کنکشن چیک کریں اور دوبارہ کوشش کریں۔',
  generic: 'کچھ غلط ہو گیا۔ دوبارہ کوشش کریں۔',
};

export default ur;
