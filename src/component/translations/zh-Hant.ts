import type { PageTexts, Translation } from '../localize.js';

const zhHant: Translation = {
  $code: 'zh-Hant',
  $name: '繁體中文',
  $dir: 'ltr',

  phoneLabel: '手機號碼',
  countryLabel: '國家/地區',
  send: '取得驗證碼',
  sending: '傳送中…',
  codeLabel: '簡訊驗證碼',
  codeSent: (phone) => `驗證碼已傳送至 ${phone}。`,
  verify: '確認',
  verifying: '驗證中…',
  changeNumber: '變更手機號碼',
  resend: '重新取得驗證碼',
  resendIn: (time) => `${time} 後可重新取得驗證碼。`,
  resent: '已傳送新的驗證碼。',
  success: '手機號碼已驗證，謝謝！',

  invalidNumber: '請輸入有效的手機號碼。',
  notMobile: '這不是手機號碼，請輸入手機號碼。',
  countryNotAllowed: '此處不接受該國家/地區的號碼。',
  tooShort: '號碼位數不足。',
  tooLong: '號碼位數過多。',
  searchCountry: '搜尋國家/地區或國碼',
  noCountryFound: '找不到國家/地區。',
  close: '關閉',
  wrongCode: (left) => (left === undefined ? '驗證碼錯誤，請再試一次。' : `驗證碼錯誤，還可嘗試 ${left.text} 次。`),
  malformedCode: '請輸入簡訊中的驗證碼。',
  pasteUnclear: '請手動輸入簡訊中的驗證碼。',
  $sms: {
    code: ['驗證碼', '認證碼', '動態碼', '密碼', '校驗碼'],
    other: ['末四碼', '尾號', '訂單', '金額', '餘額', '元', '客服', '電話', '退訂', '編號'],
  },
  expired: '驗證碼已過期，請重新取得。',
  locked: '錯誤次數過多，請重新取得驗證碼。',
  used: '此驗證碼已使用過。',
  inProgress: '驗證碼仍在驗證中，請稍候。',
  tooMany: (wait) => `嘗試次數過多，請在 ${wait}再試一次。`,
  unavailable: '服務暫時無法使用，請稍後再試。',
  timeout: '服務回應逾時，請稍後再試。',
  offline: '網路似乎已中斷，請檢查連線後再試一次。',
  generic: '發生錯誤，請再試一次。',
};

export default zhHant;

export const page: PageTexts = {
  title: '驗證手機號碼',
  lead: '請輸入手機號碼，我們會以簡訊傳送驗證碼給您。',
  terms: '[價格]/[週期]，自動續訂。隨時傳送 STOP 至 [簡碼] 即可取消訂閱。',
  acceptTerms: (link) => `繼續即表示您同意${link}。`,
  termsLink: '服務條款',
  footerTerms: '服務條款',
  footerPrivacy: '隱私權政策',
  sampleTerms: (price, shortCode) => `每天 ${price}，每日自動續訂。傳送 STOP 至 ${shortCode} 即可取消訂閱。`,
};
