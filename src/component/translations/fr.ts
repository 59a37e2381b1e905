import type { PageTexts, Translation } from '../localize.js';

// French typography: a narrow no-break space (U+202F) before ! ? ; :
const fr: Translation = {
  $code: 'fr',
  $name: 'Français',
  $dir: 'ltr',

  phoneLabel: 'Numéro de mobile',
  countryLabel: 'Pays',
  send: 'Recevoir le code',
  sending: 'Envoi en cours…',
  codeLabel: 'Code reçu par SMS',
  codeSent: (phone) => `Nous avons envoyé un code au ${phone}.`,
  verify: 'Confirmer',
  verifying: 'Vérification…',
  changeNumber: 'Changer de numéro',
  resend: 'Recevoir un nouveau code',
  resendIn: (time) => `Vous pourrez demander un nouveau code dans ${time}.`,
  resent: 'Un nouveau code vous a été envoyé.',
  success: 'Votre numéro est confirmé. Merci\u202f!',

  invalidNumber: 'Saisissez un numéro de mobile valide.',
  notMobile: 'Ce n’est pas un numéro de mobile. Saisissez un numéro de mobile.',
  countryNotAllowed: 'Les numéros de ce pays ne sont pas acceptés ici.',
  tooShort: 'Il manque des chiffres à ce numéro.',
  tooLong: 'Ce numéro a trop de chiffres.',
  searchCountry: 'Rechercher un pays ou un indicatif',
  noCountryFound: 'Aucun pays trouvé.',
  close: 'Fermer',
  wrongCode: (left) =>
    left === undefined
      ? 'Code incorrect. Réessayez.'
      : left.plural === 'one'
        ? `Code incorrect. Il reste ${left.text} essai.`
        : `Code incorrect. Il reste ${left.text} essais.`,
  malformedCode: 'Saisissez le code reçu par SMS.',
  pasteUnclear: 'Saisissez le code reçu par SMS.',
  $sms: {
    code: ['code', 'mot de passe'],
    other: ['référence', 'commande', 'montant', 'appelez', 'solde'],
  },
  expired: 'Ce code a expiré. Demandez-en un nouveau.',
  locked: 'Trop de codes incorrects. Demandez-en un nouveau.',
  used: 'Ce code a déjà été utilisé.',
  inProgress: 'Votre code est en cours de vérification. Patientez un instant.',
  tooMany: (wait) => `Trop de tentatives. Réessayez ${wait}.`,
  unavailable: 'Le service est momentanément indisponible. Réessayez dans un instant.',
  timeout: 'Le service met trop de temps à répondre. Réessayez dans un instant.',
  offline: 'Vous semblez hors ligne. Vérifiez votre connexion et réessayez.',
  generic: 'Une erreur est survenue. Réessayez.',
};

export default fr;

export const page: PageTexts = {
  title: 'Confirmez votre numéro de mobile',
  lead: 'Saisissez votre numéro de mobile. Nous vous enverrons un code par SMS.',
  terms: '[Prix] par [période], renouvelé automatiquement. Résiliable à tout moment en envoyant STOP au [numéro court].',
  acceptTerms: (link) => `En continuant, vous acceptez les ${link}.`,
  termsLink: 'conditions générales',
  footerTerms: 'Conditions',
  footerPrivacy: 'Confidentialité',
  sampleTerms: (price, shortCode) => `${price} par jour, renouvelé chaque jour. Envoyez STOP au ${shortCode} pour résilier.`,
};
