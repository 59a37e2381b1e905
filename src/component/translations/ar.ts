import type { Translation } from '../localize.js';

const ar: Translation = {
  $code: 'ar',
  $name: 'العربية',
  $dir: 'rtl',

  phoneLabel: 'رقم الجوال',
  countryLabel: 'الدولة',
  send: 'أرسل الرمز',
  sending: 'جارٍ الإرسال…',
  codeLabel: 'الرمز من الرسالة',
  codeSent: (phone) => `أرسلنا رمزًا إلى ${phone}.`,
  verify: 'تأكيد',
  verifying: 'جارٍ التحقق…',
  changeNumber: 'تغيير الرقم',
  resend: 'أرسل رمزًا جديدًا',
  resendIn: (time) => `يمكنك طلب رمز جديد بعد ${time}.`,
  resent: 'رمز جديد في الطريق إليك.',
  success: 'تم تأكيد رقمك. شكرًا لك!',

  invalidNumber: 'أدخل رقم جوال صحيحًا.',
  notMobile: 'هذا ليس رقم جوال. أدخل رقم جوال.',
  countryNotAllowed: 'لا يمكن استخدام أرقام هذه الدولة هنا.',
  wrongCode: (left) => {
    if (left === undefined) return 'الرمز غير صحيح. حاول مرة أخرى.';
    switch (left.plural) {
      case 'zero':
        return 'الرمز غير صحيح. لم تبقَ محاولات.';
      case 'one':
        return 'الرمز غير صحيح. بقيت محاولة واحدة.';
      case 'two':
        return 'الرمز غير صحيح. بقيت محاولتان.';
      case 'few':
        return `الرمز غير صحيح. بقيت ${left.text} محاولات.`;
      default:
        return `الرمز غير صحيح. بقيت ${left.text} محاولة.`;
    }
  },
  malformedCode: 'أدخل الرمز الوارد في الرسالة.',
  expired: 'انتهت صلاحية هذا الرمز. اطلب رمزًا جديدًا.',
  locked: 'رموز خاطئة كثيرة. اطلب رمزًا جديدًا.',
  used: 'تم استخدام هذا الرمز من قبل.',
  inProgress: 'لا يزال رمزك قيد التحقق. انتظر قليلًا.',
  tooMany: (wait) => `محاولات كثيرة جدًا. حاول مرة أخرى ${wait}.`,
  unavailable: 'الخدمة غير متاحة حاليًا. حاول بعد قليل.',
  timeout: 'الأمر يستغرق وقتًا طويلًا. تحقق من اتصالك وحاول مرة أخرى.',
  offline: 'يبدو أنك غير متصل بالإنترنت. تحقق من اتصالك وحاول مرة أخرى.',
  generic: 'حدث خطأ ما. حاول مرة أخرى.',
};

export default ar;
