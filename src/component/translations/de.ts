import type { PageTexts, Translation } from '../localize.js';

// "du", as German phone and messenger apps address their users.
const de: Translation = {
  $code: 'de',
  $name: 'Deutsch',
  $dir: 'ltr',

  phoneLabel: 'Handynummer',
  countryLabel: 'Land',
  send: 'Code senden',
  sending: 'Wird gesendet…',
  codeLabel: 'Code aus der SMS',
  codeSent: (phone) => `Wir haben einen Code an ${phone} gesendet.`,
  verify: 'Bestätigen',
  verifying: 'Wird geprüft…',
  changeNumber: 'Nummer ändern',
  resend: 'Neuen Code senden',
  resendIn: (time) => `Du kannst in ${time} einen neuen Code anfordern.`,
  resent: 'Ein neuer Code ist unterwegs.',
  success: 'Deine Nummer ist bestätigt. Danke!',

  invalidNumber: 'Gib eine gültige Handynummer ein.',
  notMobile: 'Das ist keine Handynummer. Gib eine Handynummer ein.',
  countryNotAllowed: 'Nummern aus diesem Land können hier nicht verwendet werden.',
  tooShort: 'Bei dieser Nummer fehlen Ziffern.',
  tooLong: 'Diese Nummer hat zu viele Ziffern.',
  searchCountry: 'Land oder Vorwahl suchen',
  noCountryFound: 'Kein Land gefunden.',
  close: 'Schließen',
  wrongCode: (left) =>
    left === undefined
      ? 'Der Code ist falsch. Versuch es noch einmal.'
      : left.plural === 'one'
        ? `Der Code ist falsch. Noch ${left.text} Versuch.`
        : `Der Code ist falsch. Noch ${left.text} Versuche.`,
  malformedCode: 'Gib den Code aus der SMS ein.',
  pasteUnclear: 'Tippe den Code aus der SMS ein.',
  $sms: {
    code: ['code', 'tan', 'mtan', 'passwort', 'kennwort'],
    other: ['referenz', 'bestellung', 'betrag', 'anrufen', 'ruf', 'kontostand', 'euro', 'iban'],
  },
  expired: 'Dieser Code ist abgelaufen. Fordere einen neuen an.',
  locked: 'Zu viele falsche Codes. Fordere einen neuen an.',
  used: 'Dieser Code wurde schon verwendet.',
  inProgress: 'Dein Code wird noch geprüft. Warte einen Moment.',
  tooMany: (wait) => `Zu viele Versuche. Versuch es ${wait} noch einmal.`,
  unavailable: 'Der Dienst ist gerade nicht verfügbar. Versuch es gleich noch einmal.',
  timeout: 'Der Dienst braucht zu lange für eine Antwort. Versuch es gleich noch einmal.',
  offline: 'Du bist anscheinend offline. Prüfe deine Verbindung und versuch es noch einmal.',
  generic: 'Etwas ist schiefgelaufen. Versuch es noch einmal.',
};

export default de;

export const page: PageTexts = {
  title: 'Bestätige deine Handynummer',
  lead: 'Gib deine Handynummer ein. Wir schicken dir einen Code per SMS.',
  terms: '[Preis] pro [Zeitraum], verlängert sich automatisch. Jederzeit kündbar per SMS mit STOP an [Kurzwahl].',
  acceptTerms: (link) => `Wenn du fortfährst, akzeptierst du die ${link}.`,
  termsLink: 'AGB',
  footerTerms: 'AGB',
  footerPrivacy: 'Datenschutz',
  sampleTerms: (price, shortCode) => `${price} pro Tag, verlängert sich täglich. Zum Kündigen STOP an ${shortCode} senden.`,
};
