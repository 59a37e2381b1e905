import type { Translation } from '../localize.js';

const es: Translation = {
  $code: 'es',
  $name: 'Español',
  $dir: 'ltr',

  phoneLabel: 'Número de móvil',
  countryLabel: 'País',
  send: 'Enviar código',
  sending: 'Enviando…',
  codeLabel: 'Código del SMS',
  codeSent: (phone) => `Enviamos un código al ${phone}.`,
  verify: 'Confirmar',
  verifying: 'Comprobando…',
  changeNumber: 'Cambiar número',
  resend: 'Enviar un código nuevo',
  resendIn: (time) => `Podrás pedir un código nuevo en ${time}.`,
  resent: 'Un código nuevo está en camino.',
  success: 'Tu número está confirmado. ¡Gracias!',

  invalidNumber: 'Introduce un número de móvil válido.',
  notMobile: 'Este no es un número de móvil. Introduce un número de móvil.',
  countryNotAllowed: 'Aquí no se aceptan números de este país.',
  wrongCode: (left) =>
    left === undefined
      ? 'El código no es correcto. Inténtalo de nuevo.'
      : left.plural === 'one'
        ? `El código no es correcto. Te queda ${left.text} intento.`
        : `El código no es correcto. Te quedan ${left.text} intentos.`,
  malformedCode: 'Introduce el código del SMS.',
  expired: 'Este código ha caducado. Pide uno nuevo.',
  locked: 'Demasiados códigos incorrectos. Pide uno nuevo.',
  used: 'Este código ya se ha usado.',
  inProgress: 'Todavía estamos comprobando tu código. Espera un momento.',
  tooMany: (wait) => `Demasiados intentos. Vuelve a intentarlo ${wait}.`,
  unavailable: 'El servicio no está disponible ahora. Inténtalo en un momento.',
  timeout: 'Está tardando demasiado. Comprueba tu conexión e inténtalo de nuevo.',
  offline: 'Parece que no tienes conexión. Compruébala e inténtalo de nuevo.',
  generic: 'Algo salió mal. Inténtalo de nuevo.',
};

export default es;
