import type { PageTexts, Translation } from '../localize.js';

const ru: Translation = {
  $code: 'ru',
  $name: 'Русский',
  $dir: 'ltr',

  phoneLabel: 'Номер телефона',
  countryLabel: 'Страна',
  send: 'Получить код',
  sending: 'Отправляем…',
  codeLabel: 'Код из SMS',
  codeSent: (phone) => `Мы отправили код на номер ${phone}.`,
  verify: 'Подтвердить',
  verifying: 'Проверяем…',
  changeNumber: 'Изменить номер',
  resend: 'Получить новый код',
  resendIn: (time) => `Новый код можно запросить через ${time}.`,
  resent: 'Новый код отправлен.',
  success: 'Номер подтверждён. Спасибо!',

  invalidNumber: 'Введите правильный номер мобильного телефона.',
  notMobile: 'Это не мобильный номер. Введите номер мобильного телефона.',
  countryNotAllowed: 'Номера этой страны здесь не принимаются.',
  tooShort: 'В номере не хватает цифр.',
  tooLong: 'В номере слишком много цифр.',
  searchCountry: 'Поиск страны или кода',
  noCountryFound: 'Страна не найдена.',
  close: 'Закрыть',
  wrongCode: (left) => {
    if (left === undefined) return 'Неверный код. Попробуйте ещё раз.';
    switch (left.plural) {
      case 'one':
        return `Неверный код. Осталась ${left.text} попытка.`;
      case 'few':
        return `Неверный код. Осталось ${left.text} попытки.`;
      default:
        return `Неверный код. Осталось ${left.text} попыток.`;
    }
  },
  malformedCode: 'Введите код из SMS.',
  expired: 'Срок действия кода истёк. Запросите новый.',
  locked: 'Слишком много неверных кодов. Запросите новый.',
  used: 'Этот код уже использован.',
  inProgress: 'Код ещё проверяется. Подождите немного.',
  tooMany: (wait) => `Слишком много попыток. Попробуйте снова ${wait}.`,
  unavailable: 'Сервис сейчас недоступен. Попробуйте чуть позже.',
  timeout: 'Сервис слишком долго не отвечает. Попробуйте чуть позже.',
  offline: 'Похоже, нет подключения к интернету. Проверьте соединение и попробуйте снова.',
  generic: 'Что-то пошло не так. Попробуйте ещё раз.',
};

export default ru;

export const page: PageTexts = {
  title: 'Подтвердите номер телефона',
  lead: 'Введите номер мобильного телефона. Мы пришлём код в SMS.',
  terms: '[Цена] за [период], продлевается автоматически. Отключить можно в любой момент, отправив STOP на [короткий номер].',
  acceptTerms: (link) => `Продолжая, вы принимаете ${link}.`,
  termsLink: 'условия',
  footerTerms: 'Условия',
  footerPrivacy: 'Конфиденциальность',
  sampleTerms: (price, shortCode) => `${price} в день, продлевается ежедневно. Чтобы отключить, отправьте STOP на номер ${shortCode}.`,
};
