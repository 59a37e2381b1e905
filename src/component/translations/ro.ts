import type { PageTexts, Translation } from '../localize.js';

const ro: Translation = {
  $code: 'ro',
  $name: 'Română',
  $dir: 'ltr',

  phoneLabel: 'Număr de mobil',
  countryLabel: 'Țara',
  send: 'Trimite codul',
  sending: 'Se trimite…',
  codeLabel: 'Codul din SMS',
  codeSent: (phone) => `Am trimis un cod la ${phone}.`,
  verify: 'Confirmă',
  verifying: 'Se verifică…',
  changeNumber: 'Schimbă numărul',
  resend: 'Trimite un cod nou',
  resendIn: (time) => `Poți cere un cod nou peste ${time}.`,
  resent: 'Ți-am trimis un cod nou.',
  success: 'Numărul tău a fost confirmat. Mulțumim!',

  invalidNumber: 'Introdu un număr de mobil valid.',
  notMobile: 'Acesta nu este un număr de mobil. Introdu un număr de mobil.',
  countryNotAllowed: 'Numerele din această țară nu pot fi folosite aici.',
  tooShort: 'Acestui număr îi lipsesc cifre.',
  tooLong: 'Acest număr are prea multe cifre.',
  searchCountry: 'Caută țara sau prefixul',
  noCountryFound: 'Nu s-a găsit nicio țară.',
  close: 'Închide',
  wrongCode: (left) => {
    if (left === undefined) return 'Cod greșit. Încearcă din nou.';
    switch (left.plural) {
      case 'one':
        return `Cod greșit. Mai ai ${left.text} încercare.`;
      case 'few':
        return `Cod greșit. Mai ai ${left.text} încercări.`;
      default:
        // 20 and up: "de" before the noun.
        return `Cod greșit. Mai ai ${left.text} de încercări.`;
    }
  },
  malformedCode: 'Introdu codul din SMS.',
  pasteUnclear: 'Scrie codul din SMS.',
  $sms: {
    code: ['cod', 'parol'],
    other: ['referință', 'referinta', 'comandă', 'comanda', 'suma', 'sumă', 'sunați', 'lei', 'ron'],
  },
  expired: 'Codul a expirat. Cere unul nou.',
  locked: 'Prea multe coduri greșite. Cere unul nou.',
  used: 'Acest cod a fost deja folosit.',
  inProgress: 'Codul tău încă se verifică. Așteaptă puțin.',
  tooMany: (wait) => `Prea multe încercări. Încearcă din nou ${wait}.`,
  unavailable: 'Serviciul nu este disponibil acum. Încearcă din nou în câteva momente.',
  timeout: 'Serviciul răspunde prea greu. Încearcă din nou în câteva momente.',
  offline: 'Se pare că nu ai conexiune la internet. Verifică conexiunea și încearcă din nou.',
  generic: 'A apărut o eroare. Încearcă din nou.',
};

export default ro;

export const page: PageTexts = {
  title: 'Confirmă numărul de mobil',
  lead: 'Introdu numărul de mobil. Îți trimitem un cod prin SMS.',
  terms: '[Preț] pe [perioadă], se reînnoiește automat. Poți anula oricând trimițând STOP la [număr scurt].',
  acceptTerms: (link) => `Dacă continui, accepți ${link}.`,
  termsLink: 'termenii și condițiile',
  footerTerms: 'Termeni',
  footerPrivacy: 'Confidențialitate',
  sampleTerms: (price, shortCode) => `${price} pe zi, se reînnoiește zilnic. Trimite STOP la ${shortCode} pentru a anula.`,
};
