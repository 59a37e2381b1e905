import type { PageTexts, Translation } from '../localize.js';

const fa: Translation = {
  $code: 'fa',
  $name: 'فارسی',
  $dir: 'rtl',

  phoneLabel: 'شماره موبایل',
  countryLabel: 'کشور',
  send: 'ارسال کد',
  sending: 'در حال ارسال…',
  codeLabel: 'کد پیامک',
  codeSent: (phone) => `کد به شماره ${phone} پیامک شد.`,
  verify: 'تأیید',
  verifying: 'در حال بررسی…',
  changeNumber: 'تغییر شماره',
  resend: 'ارسال کد جدید',
  resendIn: (time) => `${time} دیگر می‌توانید کد جدید بخواهید.`,
  resent: 'کد جدید ارسال شد.',
  success: 'شماره شما تأیید شد. متشکریم!',

  invalidNumber: 'یک شماره موبایل معتبر وارد کنید.',
  notMobile: 'این شماره موبایل نیست. شماره موبایل وارد کنید.',
  countryNotAllowed: 'شماره‌های این کشور اینجا پذیرفته نمی‌شوند.',
  tooShort: 'این شماره چند رقم کم دارد.',
  tooLong: 'این شماره رقم اضافه دارد.',
  searchCountry: 'جستجوی کشور یا پیش‌شماره',
  noCountryFound: 'کشوری پیدا نشد.',
  close: 'بستن',
  // Persian counts with a singular noun, so "one" (0 and 1) and "other" read the same.
  wrongCode: (left) => (left === undefined ? 'کد اشتباه است. دوباره امتحان کنید.' : `کد اشتباه است. ${left.text} فرصت دیگر دارید.`),
  malformedCode: 'کد پیامک را وارد کنید.',
  pasteUnclear: 'کد پیامک را تایپ کنید.',
  $sms: {
    code: ['کد', 'رمز', 'گذرواژه', 'تایید', 'تأیید'],
    other: ['مبلغ', 'ریال', 'تومان', 'پیگیری', 'مرجع', 'لغو', 'تماس', 'موجودی'],
  },
  expired: 'این کد منقضی شده است. کد جدید درخواست کنید.',
  locked: 'کد اشتباه بیش از حد وارد شد. کد جدید درخواست کنید.',
  used: 'این کد قبلاً استفاده شده است.',
  inProgress: 'کد شما هنوز در حال بررسی است. کمی صبر کنید.',
  tooMany: (wait) => `تعداد تلاش‌ها بیش از حد است. ${wait} دوباره امتحان کنید.`,
  unavailable: 'سرویس در حال حاضر در دسترس نیست. کمی بعد دوباره امتحان کنید.',
  timeout: 'پاسخ سرویس بیش از حد طول کشید. کمی بعد دوباره امتحان کنید.',
  offline: 'به نظر می‌رسد به اینترنت وصل نیستید. اتصال خود را بررسی کنید و دوباره امتحان کنید.',
  generic: 'مشکلی پیش آمد. دوباره امتحان کنید.',
};

export default fa;

export const page: PageTexts = {
  title: 'شماره موبایل خود را تأیید کنید',
  lead: 'شماره موبایل خود را وارد کنید تا کد تأیید برایتان پیامک شود.',
  terms: '[قیمت] برای هر [دوره]، با تمدید خودکار. هر زمان با ارسال STOP به [سرشماره] لغو کنید.',
  acceptTerms: (link) => `با ادامه، ${link} را می‌پذیرید.`,
  termsLink: 'شرایط استفاده',
  footerTerms: 'شرایط',
  footerPrivacy: 'حریم خصوصی',
  sampleTerms: (price, shortCode) => `روزانه ${price}، با تمدید خودکار روزانه. برای لغو، STOP را به ${shortCode} بفرستید.`,
};
