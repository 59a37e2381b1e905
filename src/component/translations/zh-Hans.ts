import type { PageTexts, Translation } from '../localize.js';

const zhHans: Translation = {
  $code: 'zh-Hans',
  $name: '简体中文',
  $dir: 'ltr',

  phoneLabel: '手机号码',
  countryLabel: '国家/地区',
  send: '获取验证码',
  sending: '正在发送…',
  codeLabel: '短信验证码',
  codeSent: (phone) => `验证码已发送至 ${phone}。`,
  verify: '确认',
  verifying: '正在验证…',
  changeNumber: '更换手机号',
  resend: '重新获取验证码',
  resendIn: (time) => `${time} 后可重新获取验证码。`,
  resent: '新验证码已发送。',
  success: '手机号已验证，谢谢！',

  invalidNumber: '请输入有效的手机号码。',
  notMobile: '这不是手机号码，请输入手机号码。',
  countryNotAllowed: '此处不支持该国家/地区的号码。',
  tooShort: '号码位数不足。',
  tooLong: '号码位数过多。',
  searchCountry: '搜索国家/地区或区号',
  noCountryFound: '未找到国家/地区。',
  close: '关闭',
  wrongCode: (left) => (left === undefined ? '验证码错误，请重试。' : `验证码错误，还可尝试 ${left.text} 次。`),
  malformedCode: '请输入短信中的验证码。',
  pasteUnclear: '请手动输入短信中的验证码。',
  $sms: {
    code: ['验证码', '校验码', '动态码', '密码', '口令'],
    other: ['尾号', '订单', '金额', '余额', '元', '客服', '电话', '退订', '编号'],
  },
  expired: '验证码已过期，请重新获取。',
  locked: '错误次数过多，请重新获取验证码。',
  used: '该验证码已被使用。',
  inProgress: '验证码正在验证中，请稍候。',
  tooMany: (wait) => `尝试次数过多，请${wait}再试。`,
  unavailable: '服务暂时不可用，请稍后再试。',
  timeout: '服务响应超时，请稍后再试。',
  offline: '网络似乎已断开，请检查网络连接后重试。',
  generic: '出错了，请重试。',
};

export default zhHans;

export const page: PageTexts = {
  title: '验证手机号码',
  lead: '请输入手机号码，我们将通过短信向您发送验证码。',
  terms: '[价格]/[周期]，自动续订。随时发送 STOP 至 [短号码] 即可退订。',
  acceptTerms: (link) => `继续即表示您同意${link}。`,
  termsLink: '服务条款',
  footerTerms: '服务条款',
  footerPrivacy: '隐私政策',
  sampleTerms: (price, shortCode) => `每天 ${price}，按天自动续订。发送 STOP 至 ${shortCode} 即可退订。`,
};
