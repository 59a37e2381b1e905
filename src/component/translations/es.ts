import type { PageTexts, Translation } from '../localize.js';

const es: Translation = {
  $code: 'es',
  $name: 'Español',
  $dir: 'ltr',

  phoneLabel: 'Número de móvil',
  countryLabel: 'País',
  send: 'Enviar código',
  sending: 'Enviando…',
  codeLabel: 'Código del SMS',
  codeSent: (phone) => `Te enviamos un código al ${phone}.`,
  verify: 'Confirmar',
  verifying: 'Comprobando…',
  changeNumber: 'Cambiar número',
  resend: 'Enviar un código nuevo',
  resendIn: (time) => `Podrás pedir un código nuevo en ${time}.`,
  resent: 'Te enviamos un código nuevo.',
  success: 'Tu número está confirmado. ¡Gracias!',

  invalidNumber: 'Introduce un número de móvil válido.',
  notMobile: 'Este no es un número de móvil. Introduce un número de móvil.',
  countryNotAllowed: 'Aquí no se aceptan números de este país.',
  tooShort: 'A este número le faltan dígitos.',
  tooLong: 'Este número tiene demasiados dígitos.',
  searchCountry: 'Buscar país o prefijo',
  noCountryFound: 'No se encontró ningún país.',
  close: 'Cerrar',
  wrongCode: (left) =>
    left === undefined
      ? 'Código incorrecto. Inténtalo de nuevo.'
      : left.plural === 'one'
        ? `Código incorrecto. Te queda ${left.text} intento.`
        : `Código incorrecto. Te quedan ${left.text} intentos.`,
  malformedCode: 'Introduce el código del SMS.',
  pasteUnclear: 'Escribe el código del SMS.',
  $sms: {
    code: ['código', 'codigo', 'clave', 'contraseña'],
    other: ['referencia', 'pedido', 'importe', 'monto', 'llama', 'saldo', 'baja'],
  },
  expired: 'Este código ha caducado. Pide uno nuevo.',
  locked: 'Demasiados códigos incorrectos. Pide uno nuevo.',
  used: 'Este código ya se ha usado.',
  inProgress: 'Todavía estamos comprobando tu código. Espera un momento.',
  tooMany: (wait) => `Demasiados intentos. Vuelve a intentarlo ${wait}.`,
  unavailable: 'El servicio no está disponible ahora. Vuelve a intentarlo en un momento.',
  timeout: 'El servicio está tardando demasiado en responder. Vuelve a intentarlo en un momento.',
  offline: 'Parece que no tienes conexión. Compruébala e inténtalo de nuevo.',
  generic: 'Algo salió mal. Inténtalo de nuevo.',
};

export default es;

export const page: PageTexts = {
  title: 'Confirma tu número de móvil',
  lead: 'Introduce tu número de móvil. Te enviaremos un código por SMS.',
  terms: '[Precio] por [periodo], se renueva automáticamente. Cancela cuando quieras enviando STOP al [número corto].',
  acceptTerms: (link) => `Al continuar, aceptas los ${link}.`,
  termsLink: 'términos y condiciones',
  footerTerms: 'Términos',
  footerPrivacy: 'Privacidad',
  sampleTerms: (price, shortCode) => `${price} al día, se renueva cada día. Envía STOP al ${shortCode} para cancelar.`,
};
