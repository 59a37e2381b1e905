import type { Translation } from '../localize.js';

const fr: Translation = {
  $code: 'fr',
  $name: 'Français',
  $dir: 'ltr',

  phoneLabel: 'Numéro de mobile',
  countryLabel: 'Pays',
  send: 'Recevoir le code',
  sending: 'Envoi…',
  codeLabel: 'Code reçu par SMS',
  codeSent: (phone) => `Nous avons envoyé un code au ${phone}.`,
  verify: 'Confirmer',
  verifying: 'Vérification…',
  changeNumber: 'Changer de numéro',
  resend: 'Envoyer un nouveau code',
  resendIn: (time) => `Vous pourrez demander un nouveau code dans ${time}.`,
  resent: 'Un nouveau code arrive.',
  success: 'Votre numéro est confirmé. Merci !',

  invalidNumber: 'Saisissez un numéro de mobile valide.',
  notMobile: 'Ce n’est pas un numéro de mobile. Saisissez un numéro de mobile.',
  countryNotAllowed: 'Les numéros de ce pays ne sont pas acceptés ici.',
  wrongCode: (left) =>
    left === undefined
      ? 'Code incorrect. Réessayez.'
      : left.plural === 'one'
        ? `Code incorrect. Il reste ${left.text} essai.`
        : `Code incorrect. Il reste ${left.text} essais.`,
  malformedCode: 'Saisissez le code reçu par SMS.',
  expired: 'Ce code a expiré. Demandez-en un nouveau.',
  locked: 'Trop de codes incorrects. Demandez-en un nouveau.',
  used: 'Ce code a déjà été utilisé.',
  inProgress: 'Votre code est en cours de vérification. Patientez un instant.',
  tooMany: (wait) => `Trop de tentatives. Réessayez ${wait}.`,
  unavailable: 'Le service est indisponible pour le moment. Réessayez dans un instant.',
  timeout: 'Cela prend trop de temps. Vérifiez votre connexion et réessayez.',
  offline: 'Vous semblez hors ligne. Vérifiez votre connexion et réessayez.',
  generic: 'Un problème est survenu. Réessayez.',
};

export default fr;
