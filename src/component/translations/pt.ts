import type { Translation } from '../localize.js';

const pt: Translation = {
  $code: 'pt',
  $name: 'Português',
  $dir: 'ltr',

  phoneLabel: 'Número de celular',
  countryLabel: 'País',
  send: 'Enviar código',
  sending: 'Enviando…',
  codeLabel: 'Código do SMS',
  codeSent: (phone) => `Enviamos um código para ${phone}.`,
  verify: 'Confirmar',
  verifying: 'Verificando…',
  changeNumber: 'Trocar número',
  resend: 'Enviar novo código',
  resendIn: (time) => `Você pode pedir um novo código em ${time}.`,
  resent: 'Um novo código está a caminho.',
  success: 'Seu número foi confirmado. Obrigado!',

  invalidNumber: 'Digite um número de celular válido.',
  notMobile: 'Este não é um número de celular. Digite um número de celular.',
  countryNotAllowed: 'Números deste país não são aceitos aqui.',
  wrongCode: (left) =>
    left === undefined
      ? 'Código incorreto. Tente de novo.'
      : left.plural === 'one'
        ? `Código incorreto. Resta ${left.text} tentativa.`
        : `Código incorreto. Restam ${left.text} tentativas.`,
  malformedCode: 'Digite o código do SMS.',
  expired: 'Este código expirou. Peça um novo.',
  locked: 'Muitos códigos incorretos. Peça um novo.',
  used: 'Este código já foi usado.',
  inProgress: 'Seu código ainda está sendo verificado. Aguarde um momento.',
  tooMany: (wait) => `Muitas tentativas. Tente de novo ${wait}.`,
  unavailable: 'O serviço não está disponível agora. Tente daqui a pouco.',
  timeout: 'Está demorando demais. Verifique sua conexão e tente de novo.',
  offline: 'Parece que você está sem conexão. Verifique e tente de novo.',
  generic: 'Algo deu errado. Tente de novo.',
};

export default pt;
