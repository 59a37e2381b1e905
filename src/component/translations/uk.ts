import type { PageTexts, Translation } from '../localize.js';

const uk: Translation = {
  $code: 'uk',
  $name: 'Українська',
  $dir: 'ltr',

  phoneLabel: 'Номер телефону',
  countryLabel: 'Країна',
  send: 'Отримати код',
  sending: 'Надсилаємо…',
  codeLabel: 'Код із SMS',
  codeSent: (phone) => `Ми надіслали код на номер ${phone}.`,
  verify: 'Підтвердити',
  verifying: 'Перевіряємо…',
  changeNumber: 'Змінити номер',
  resend: 'Отримати новий код',
  resendIn: (time) => `Новий код можна запросити через ${time}.`,
  resent: 'Новий код надіслано.',
  success: 'Номер підтверджено. Дякуємо!',

  invalidNumber: 'Введіть правильний номер мобільного телефону.',
  notMobile: 'Це не мобільний номер. Введіть номер мобільного телефону.',
  countryNotAllowed: 'Номери цієї країни тут не приймаються.',
  tooShort: 'У номері бракує цифр.',
  tooLong: 'У номері забагато цифр.',
  searchCountry: 'Пошук країни або коду',
  noCountryFound: 'Країну не знайдено.',
  close: 'Закрити',
  wrongCode: (left) => {
    if (left === undefined) return 'Неправильний код. Спробуйте ще раз.';
    switch (left.plural) {
      case 'one':
        return `Неправильний код. Залишилася ${left.text} спроба.`;
      case 'few':
        return `Неправильний код. Залишилося ${left.text} спроби.`;
      default:
        return `Неправильний код. Залишилося ${left.text} спроб.`;
    }
  },
  malformedCode: 'Введіть код із SMS.',
  pasteUnclear: 'Наберіть код із SMS.',
  $sms: {
    code: ['код', 'пароль', 'підтвердж'],
    other: ['замовлення', 'сума', 'суму', 'грн', 'телефонуйте', 'баланс'],
  },
  expired: 'Термін дії коду минув. Запросіть новий.',
  locked: 'Забагато неправильних кодів. Запросіть новий.',
  used: 'Цей код уже використано.',
  inProgress: 'Код ще перевіряється. Зачекайте трохи.',
  tooMany: (wait) => `Забагато спроб. Спробуйте знову ${wait}.`,
  unavailable: 'Сервіс зараз недоступний. Спробуйте трохи згодом.',
  timeout: 'Сервіс надто довго не відповідає. Спробуйте трохи згодом.',
  offline: 'Схоже, немає підключення до інтернету. Перевірте з’єднання та спробуйте ще раз.',
  generic: 'Щось пішло не так. Спробуйте ще раз.',
};

export default uk;

export const page: PageTexts = {
  title: 'Підтвердьте номер телефону',
  lead: 'Введіть номер мобільного телефону. Ми надішлемо код у SMS.',
  terms: '[Ціна] за [період], подовжується автоматично. Скасувати можна будь-коли, надіславши STOP на [короткий номер].',
  acceptTerms: (link) => `Продовжуючи, ви приймаєте ${link}.`,
  termsLink: 'умови',
  footerTerms: 'Умови',
  footerPrivacy: 'Конфіденційність',
  sampleTerms: (price, shortCode) => `${price} на день, подовжується щодня. Щоб скасувати, надішліть STOP на номер ${shortCode}.`,
};
