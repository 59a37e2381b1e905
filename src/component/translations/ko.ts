import type { PageTexts, Translation } from '../localize.js';

// Korean particles change with the sound before them, so numbers are followed by a fixed noun ("번호로").
const ko: Translation = {
  $code: 'ko',
  $name: '한국어',
  $dir: 'ltr',

  phoneLabel: '휴대폰 번호',
  countryLabel: '국가',
  send: '인증번호 받기',
  sending: '전송 중…',
  codeLabel: '문자로 받은 인증번호',
  codeSent: (phone) => `${phone} 번호로 인증번호를 보냈습니다.`,
  verify: '확인',
  verifying: '확인 중…',
  changeNumber: '번호 변경',
  resend: '인증번호 다시 받기',
  resendIn: (time) => `${time} 후에 인증번호를 다시 받을 수 있습니다.`,
  resent: '새 인증번호를 보냈습니다.',
  success: '번호가 인증되었습니다. 감사합니다!',

  invalidNumber: '올바른 휴대폰 번호를 입력하세요.',
  notMobile: '휴대폰 번호가 아닙니다. 휴대폰 번호를 입력하세요.',
  countryNotAllowed: '이 국가의 번호는 사용할 수 없습니다.',
  tooShort: '이 번호는 자릿수가 모자랍니다.',
  tooLong: '이 번호는 자릿수가 너무 많습니다.',
  searchCountry: '국가 또는 국가 번호 검색',
  noCountryFound: '국가를 찾을 수 없습니다.',
  close: '닫기',
  wrongCode: (left) => (left === undefined ? '인증번호가 올바르지 않습니다. 다시 시도하세요.' : `인증번호가 올바르지 않습니다. ${left.text}회 남았습니다.`),
  malformedCode: '문자로 받은 인증번호를 입력하세요.',
  pasteUnclear: '문자로 받은 인증번호를 직접 입력하세요.',
  $sms: {
    code: ['인증번호', '인증 번호', '인증코드', '비밀번호', '코드'],
    other: ['주문', '금액', '원', '잔액', '문의', '고객센터', '수신거부', '승인번호'],
  },
  expired: '인증번호가 만료되었습니다. 새 인증번호를 받으세요.',
  locked: '잘못된 인증번호를 너무 많이 입력했습니다. 새 인증번호를 받으세요.',
  used: '이미 사용된 인증번호입니다.',
  inProgress: '인증번호를 확인하고 있습니다. 잠시 기다려 주세요.',
  tooMany: (wait) => `시도 횟수가 너무 많습니다. ${wait}에 다시 시도하세요.`,
  unavailable: '지금은 서비스를 이용할 수 없습니다. 잠시 후 다시 시도하세요.',
  timeout: '서비스 응답이 너무 늦습니다. 잠시 후 다시 시도하세요.',
  offline: '오프라인 상태인 것 같습니다. 연결을 확인하고 다시 시도하세요.',
  generic: '문제가 발생했습니다. 다시 시도하세요.',
};

export default ko;

export const page: PageTexts = {
  title: '휴대폰 번호 인증',
  lead: '휴대폰 번호를 입력하세요. 문자로 인증번호를 보내 드립니다.',
  terms: '[요금]/[기간], 자동 갱신. 해지하려면 언제든지 [단축번호](으)로 STOP을 보내세요.',
  acceptTerms: (link) => `계속하면 ${link}에 동의하는 것으로 간주됩니다.`,
  termsLink: '이용약관',
  footerTerms: '이용약관',
  footerPrivacy: '개인정보처리방침',
  sampleTerms: (price, shortCode) => `1일 ${price}, 매일 자동 갱신. 해지하려면 ${shortCode} 번호로 STOP을 보내세요.`,
};
