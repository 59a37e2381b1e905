import type { PageTexts, Translation } from '../localize.js';

// Dutch writes "sms" in lower case.
const nl: Translation = {
  $code: 'nl',
  $name: 'Nederlands',
  $dir: 'ltr',

  phoneLabel: 'Mobiel nummer',
  countryLabel: 'Land',
  send: 'Code versturen',
  sending: 'Versturen…',
  codeLabel: 'Code uit de sms',
  codeSent: (phone) => `We hebben een code gestuurd naar ${phone}.`,
  verify: 'Bevestigen',
  verifying: 'Controleren…',
  changeNumber: 'Nummer wijzigen',
  resend: 'Nieuwe code versturen',
  resendIn: (time) => `Je kunt over ${time} een nieuwe code aanvragen.`,
  resent: 'Er is een nieuwe code onderweg.',
  success: 'Je nummer is bevestigd. Bedankt!',

  invalidNumber: 'Vul een geldig mobiel nummer in.',
  notMobile: 'Dit is geen mobiel nummer. Vul een mobiel nummer in.',
  countryNotAllowed: 'Nummers uit dit land kunnen hier niet worden gebruikt.',
  tooShort: 'Dit nummer mist cijfers.',
  tooLong: 'Dit nummer heeft te veel cijfers.',
  searchCountry: 'Zoek land of landcode',
  noCountryFound: 'Geen land gevonden.',
  close: 'Sluiten',
  wrongCode: (left) =>
    left === undefined
      ? 'Deze code klopt niet. Probeer het opnieuw.'
      : left.plural === 'one'
        ? `Deze code klopt niet. Nog ${left.text} poging over.`
        : `Deze code klopt niet. Nog ${left.text} pogingen over.`,
  malformedCode: 'Vul de code uit de sms in.',
  pasteUnclear: 'Typ de code uit de sms.',
  $sms: {
    code: ['code', 'wachtwoord'],
    other: ['referentie', 'bestelling', 'bedrag', 'bel', 'saldo', 'euro'],
  },
  expired: 'Deze code is verlopen. Vraag een nieuwe aan.',
  locked: 'Te vaak een verkeerde code. Vraag een nieuwe aan.',
  used: 'Deze code is al gebruikt.',
  inProgress: 'Je code wordt nog gecontroleerd. Wacht even.',
  tooMany: (wait) => `Te veel pogingen. Probeer het ${wait} opnieuw.`,
  unavailable: 'De dienst is nu niet beschikbaar. Probeer het zo opnieuw.',
  timeout: 'De dienst doet er te lang over om te antwoorden. Probeer het zo opnieuw.',
  offline: 'Je lijkt offline te zijn. Controleer je verbinding en probeer het opnieuw.',
  generic: 'Er ging iets mis. Probeer het opnieuw.',
};

export default nl;

export const page: PageTexts = {
  title: 'Bevestig je mobiele nummer',
  lead: 'Vul je mobiele nummer in. We sturen je een code per sms.',
  terms: '[Prijs] per [periode], wordt automatisch verlengd. Altijd opzegbaar door STOP te sturen naar [shortcode].',
  acceptTerms: (link) => `Door verder te gaan, ga je akkoord met de ${link}.`,
  termsLink: 'voorwaarden',
  footerTerms: 'Voorwaarden',
  footerPrivacy: 'Privacy',
  sampleTerms: (price, shortCode) => `${price} per dag, wordt dagelijks verlengd. Stuur STOP naar ${shortCode} om op te zeggen.`,
};
