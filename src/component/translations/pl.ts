import type { PageTexts, Translation } from '../localize.js';

const pl: Translation = {
  $code: 'pl',
  $name: 'Polski',
  $dir: 'ltr',

  phoneLabel: 'Numer telefonu',
  countryLabel: 'Kraj',
  send: 'Wyślij kod',
  sending: 'Wysyłanie…',
  codeLabel: 'Kod z SMS-a',
  codeSent: (phone) => `Wysłaliśmy kod na numer ${phone}.`,
  verify: 'Potwierdź',
  verifying: 'Sprawdzanie…',
  changeNumber: 'Zmień numer',
  resend: 'Wyślij nowy kod',
  resendIn: (time) => `O nowy kod możesz poprosić za ${time}.`,
  resent: 'Wysłaliśmy nowy kod.',
  success: 'Numer potwierdzony. Dziękujemy!',

  invalidNumber: 'Wpisz poprawny numer telefonu komórkowego.',
  notMobile: 'To nie jest numer komórkowy. Wpisz numer telefonu komórkowego.',
  countryNotAllowed: 'Numery z tego kraju nie są tu akceptowane.',
  tooShort: 'W tym numerze brakuje cyfr.',
  tooLong: 'Ten numer ma za dużo cyfr.',
  searchCountry: 'Szukaj kraju lub numeru kierunkowego',
  noCountryFound: 'Nie znaleziono kraju.',
  close: 'Zamknij',
  wrongCode: (left) => {
    if (left === undefined) return 'Nieprawidłowy kod. Spróbuj ponownie.';
    switch (left.plural) {
      case 'one':
        return `Nieprawidłowy kod. Została ${left.text} próba.`;
      case 'few':
        return `Nieprawidłowy kod. Zostały ${left.text} próby.`;
      default:
        return `Nieprawidłowy kod. Zostało ${left.text} prób.`;
    }
  },
  malformedCode: 'Wpisz kod z SMS-a.',
  pasteUnclear: 'Wpisz kod z SMS-a.',
  $sms: {
    code: ['kod', 'hasło', 'haslo'],
    other: ['zamówieni', 'zamowieni', 'kwota', 'kwotę', 'zadzwoń', 'saldo', 'zł', 'pln'],
  },
  expired: 'Ten kod wygasł. Poproś o nowy.',
  locked: 'Za dużo błędnych kodów. Poproś o nowy.',
  used: 'Ten kod został już użyty.',
  inProgress: 'Kod jest jeszcze sprawdzany. Poczekaj chwilę.',
  tooMany: (wait) => `Zbyt wiele prób. Spróbuj ponownie ${wait}.`,
  unavailable: 'Usługa jest teraz niedostępna. Spróbuj ponownie za chwilę.',
  timeout: 'Usługa zbyt długo nie odpowiada. Spróbuj ponownie za chwilę.',
  offline: 'Wygląda na to, że nie masz internetu. Sprawdź połączenie i spróbuj ponownie.',
  generic: 'Coś poszło nie tak. Spróbuj ponownie.',
};

export default pl;

export const page: PageTexts = {
  title: 'Potwierdź numer telefonu',
  lead: 'Wpisz numer telefonu komórkowego. Wyślemy Ci kod SMS-em.',
  terms: '[Cena] za [okres], odnawiane automatycznie. Możesz zrezygnować w każdej chwili, wysyłając STOP na [numer skrócony].',
  acceptTerms: (link) => `Kontynuując, akceptujesz ${link}.`,
  termsLink: 'regulamin',
  footerTerms: 'Regulamin',
  footerPrivacy: 'Prywatność',
  sampleTerms: (price, shortCode) => `${price} dziennie, odnawiane codziennie. Aby zrezygnować, wyślij STOP na numer ${shortCode}.`,
};
