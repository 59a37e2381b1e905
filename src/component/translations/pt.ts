import type { PageTexts, Translation } from '../localize.js';

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
  tooShort: 'Faltam dígitos neste número.',
  tooLong: 'Este número tem dígitos a mais.',
  searchCountry: 'Pesquisar país ou código de discagem',
  noCountryFound: 'Nenhum país encontrado.',
  close: 'Fechar',
  wrongCode: (left) =>
    left === undefined
      ? 'Código incorreto. Tente de novo.'
      : left.plural === 'one'
        ? `Código incorreto. Resta ${left.text} tentativa.`
        : `Código incorreto. Restam ${left.text} tentativas.`,
  malformedCode: 'Digite o código do SMS.',
  pasteUnclear: 'Digite o código do SMS.',
  $sms: {
    code: ['código', 'codigo', 'senha', 'token'],
    other: ['referência', 'referencia', 'pedido', 'valor', 'ligue', 'saldo', 'sair'],
  },
  expired: 'Este código expirou. Peça um novo.',
  locked: 'Muitos códigos incorretos. Peça um novo.',
  used: 'Este código já foi usado.',
  inProgress: 'Seu código ainda está sendo verificado. Aguarde um momento.',
  tooMany: (wait) => `Muitas tentativas. Tente de novo ${wait}.`,
  unavailable: 'O serviço não está disponível agora. Tente de novo daqui a pouco.',
  timeout: 'O serviço está demorando para responder. Tente de novo daqui a pouco.',
  offline: 'Parece que você está sem internet. Verifique sua conexão e tente de novo.',
  generic: 'Algo deu errado. Tente de novo.',
};

export default pt;

export const page: PageTexts = {
  title: 'Confirme seu número de celular',
  lead: 'Digite seu número de celular. Vamos enviar um código por SMS.',
  terms: '[Preço] por [período], com renovação automática. Cancele quando quiser enviando STOP para [número curto].',
  acceptTerms: (link) => `Ao continuar, você aceita os ${link}.`,
  termsLink: 'termos de uso',
  footerTerms: 'Termos',
  footerPrivacy: 'Privacidade',
  sampleTerms: (price, shortCode) => `${price} por dia, com renovação diária. Envie STOP para ${shortCode} para cancelar.`,
};
