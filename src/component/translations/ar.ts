import type { PageTexts, Translation } from '../localize.js';

const ar: Translation = {
  $code: 'ar',
  $name: 'العربية',
  $dir: 'rtl',

  phoneLabel: 'رقم الجوال',
  countryLabel: 'الدولة',
  send: 'إرسال الرمز',
  sending: 'جارٍ الإرسال…',
  codeLabel: 'الرمز الوارد في الرسالة',
  codeSent: (phone) => `أرسلنا رمزًا إلى ${phone}.`,
  verify: 'تأكيد',
  verifying: 'جارٍ التحقق…',
  changeNumber: 'تغيير الرقم',
  resend: 'إرسال رمز جديد',
  resendIn: (time) => `يمكنك طلب رمز جديد بعد ${time}.`,
  resent: 'تم إرسال رمز جديد.',
  success: 'تم تأكيد رقمك. شكرًا لك!',

  invalidNumber: 'أدخل رقم جوال صحيحًا.',
  notMobile: 'هذا ليس رقم جوال. أدخل رقم جوال.',
  countryNotAllowed: 'لا يمكن استخدام أرقام هذه الدولة هنا.',
  tooShort: 'ينقص هذا الرقمَ بعضُ الأرقام.',
  tooLong: 'في هذا الرقم أرقام أكثر من اللازم.',
  searchCountry: 'ابحث عن دولة أو رمز اتصال',
  noCountryFound: 'لم يتم العثور على أي دولة.',
  close: 'إغلاق',
  wrongCode: (left) => {
    if (left === undefined) return 'الرمز غير صحيح. حاول مرة أخرى.';
    switch (left.plural) {
      case 'zero':
        return 'الرمز غير صحيح. لم تبقَ أي محاولة.';
      case 'one':
        return 'الرمز غير صحيح. بقيت محاولة واحدة.';
      case 'two':
        return 'الرمز غير صحيح. بقيت محاولتان.';
      case 'few':
        return `الرمز غير صحيح. بقيت ${left.text} محاولات.`;
      default:
        // many (11–99) and other (100, 101…): the counted noun stays singular.
        return `الرمز غير صحيح. بقيت ${left.text} محاولة.`;
    }
  },
  malformedCode: 'أدخل الرمز الوارد في الرسالة.',
  pasteUnclear: 'اكتب الرمز الوارد في الرسالة.',
  $sms: {
    code: ['رمز', 'كود', 'مرور', 'تحقق', 'تفعيل'],
    other: ['مرجع', 'مبلغ', 'رصيد', 'اتصل', 'إلغاء', 'الغاء', 'ريال', 'درهم', 'جنيه', 'دينار', 'ليرة'],
  },
  expired: 'انتهت صلاحية هذا الرمز. اطلب رمزًا جديدًا.',
  locked: 'محاولات خاطئة كثيرة جدًا. اطلب رمزًا جديدًا.',
  used: 'تم استخدام هذا الرمز من قبل.',
  inProgress: 'لا يزال رمزك قيد التحقق. انتظر قليلًا.',
  tooMany: (wait) => `محاولات كثيرة جدًا. حاول مرة أخرى ${wait}.`,
  unavailable: 'الخدمة غير متاحة حاليًا. حاول مرة أخرى بعد قليل.',
  timeout: 'تستغرق الخدمة وقتًا طويلًا في الرد. حاول مرة أخرى بعد قليل.',
  offline: 'يبدو أنك غير متصل بالإنترنت. تحقق من اتصالك وحاول مرة أخرى.',
  generic: 'حدث خطأ ما. حاول مرة أخرى.',
};

export default ar;

export const page: PageTexts = {
  title: 'أكّد رقم جوالك',
  lead: 'أدخل رقم جوالك، وسنرسل إليك رمزًا في رسالة نصية.',
  terms: '[السعر] لكل [المدة]، يتجدد تلقائيًا. يمكنك الإلغاء في أي وقت بإرسال STOP إلى [الرقم المختصر].',
  acceptTerms: (link) => `بالمتابعة، أنت توافق على ${link}.`,
  termsLink: 'الشروط والأحكام',
  footerTerms: 'الشروط',
  footerPrivacy: 'الخصوصية',
  sampleTerms: (price, shortCode) => `السعر ${price} يوميًا، ويتجدد كل يوم. للإلغاء أرسل STOP إلى ${shortCode}.`,
};
