import type { PageTexts, Translation } from '../localize.js';

const it: Translation = {
  $code: 'it',
  $name: 'Italiano',
  $dir: 'ltr',

  phoneLabel: 'Numero di cellulare',
  countryLabel: 'Paese',
  send: 'Invia codice',
  sending: 'Invio in corso…',
  codeLabel: 'Codice ricevuto via SMS',
  codeSent: (phone) => `Abbiamo inviato un codice al numero ${phone}.`,
  verify: 'Conferma',
  verifying: 'Verifica in corso…',
  changeNumber: 'Cambia numero',
  resend: 'Invia un nuovo codice',
  resendIn: (time) => `Potrai chiedere un nuovo codice tra ${time}.`,
  resent: 'Ti abbiamo inviato un nuovo codice.',
  success: 'Numero confermato. Grazie!',

  invalidNumber: 'Inserisci un numero di cellulare valido.',
  notMobile: 'Questo non è un numero di cellulare. Inserisci un numero di cellulare.',
  countryNotAllowed: 'I numeri di questo Paese non sono accettati qui.',
  tooShort: 'A questo numero mancano delle cifre.',
  tooLong: 'Questo numero ha troppe cifre.',
  searchCountry: 'Cerca paese o prefisso',
  noCountryFound: 'Nessun paese trovato.',
  close: 'Chiudi',
  wrongCode: (left) =>
    left === undefined
      ? 'Codice errato. Riprova.'
      : left.plural === 'one'
        ? `Codice errato. Ti resta ${left.text} tentativo.`
        : `Codice errato. Ti restano ${left.text} tentativi.`,
  malformedCode: 'Inserisci il codice ricevuto via SMS.',
  pasteUnclear: 'Digita il codice ricevuto via SMS.',
  $sms: {
    code: ['codice', 'password'],
    other: ['riferimento', 'ordine', 'importo', 'chiama', 'saldo', 'euro'],
  },
  expired: 'Questo codice è scaduto. Chiedine uno nuovo.',
  locked: 'Troppi codici errati. Chiedine uno nuovo.',
  used: 'Questo codice è già stato usato.',
  inProgress: 'Stiamo ancora verificando il codice. Attendi un momento.',
  tooMany: (wait) => `Troppi tentativi. Riprova ${wait}.`,
  unavailable: 'Il servizio non è disponibile al momento. Riprova tra poco.',
  timeout: 'Il servizio sta impiegando troppo tempo a rispondere. Riprova tra poco.',
  offline: 'Sembra che tu sia offline. Controlla la connessione e riprova.',
  generic: 'Si è verificato un errore. Riprova.',
};

export default it;

export const page: PageTexts = {
  title: 'Conferma il tuo numero di cellulare',
  lead: 'Inserisci il tuo numero di cellulare. Ti invieremo un codice via SMS.',
  terms: '[Prezzo] ogni [periodo], con rinnovo automatico. Puoi disattivarlo quando vuoi inviando STOP al [numero breve].',
  acceptTerms: (link) => `Continuando accetti i ${link}.`,
  termsLink: 'termini e condizioni',
  footerTerms: 'Termini',
  footerPrivacy: 'Privacy',
  sampleTerms: (price, shortCode) => `${price} al giorno, con rinnovo giornaliero. Invia STOP al ${shortCode} per disattivare.`,
};
