import type { PageTexts, Translation } from '../localize.js';

const ja: Translation = {
  $code: 'ja',
  $name: '日本語',
  $dir: 'ltr',

  phoneLabel: '携帯電話番号',
  countryLabel: '国/地域',
  send: '認証コードを送信',
  sending: '送信中…',
  codeLabel: 'SMSの認証コード',
  codeSent: (phone) => `${phone} に認証コードを送信しました。`,
  verify: '確認',
  verifying: '確認中…',
  changeNumber: '電話番号を変更',
  resend: '認証コードを再送信',
  resendIn: (time) => `${time} 後に再送信できます。`,
  resent: '新しい認証コードを送信しました。',
  success: '電話番号を確認しました。ありがとうございます。',

  invalidNumber: '有効な携帯電話番号を入力してください。',
  notMobile: '携帯電話番号ではありません。携帯電話番号を入力してください。',
  countryNotAllowed: 'この国の電話番号はご利用いただけません。',
  tooShort: 'この番号は桁数が足りません。',
  tooLong: 'この番号は桁数が多すぎます。',
  searchCountry: '国名または国番号で検索',
  noCountryFound: '該当する国がありません。',
  close: '閉じる',
  wrongCode: (left) =>
    left === undefined ? '認証コードが正しくありません。もう一度お試しください。' : `認証コードが正しくありません。あと ${left.text} 回入力できます。`,
  malformedCode: 'SMSに記載された認証コードを入力してください。',
  pasteUnclear: 'SMSに記載された認証コードを手入力してください。',
  $sms: {
    code: ['コード', '認証番号', '暗証番号', 'パスワード', 'ワンタイム'],
    other: ['注文', 'お問い合わせ', '金額', '円', '電話', '残高', '受付番号'],
  },
  expired: '認証コードの有効期限が切れました。新しいコードを取得してください。',
  locked: '誤ったコードの入力が多すぎます。新しいコードを取得してください。',
  used: 'この認証コードはすでに使用されています。',
  inProgress: '認証コードを確認しています。しばらくお待ちください。',
  tooMany: (wait) => `試行回数が多すぎます。${wait}にもう一度お試しください。`,
  unavailable: '現在サービスをご利用いただけません。しばらくしてからもう一度お試しください。',
  timeout: 'サービスの応答に時間がかかっています。しばらくしてからもう一度お試しください。',
  offline: 'オフラインのようです。接続を確認して、もう一度お試しください。',
  generic: '問題が発生しました。もう一度お試しください。',
};

export default ja;

export const page: PageTexts = {
  title: '携帯電話番号の確認',
  lead: '携帯電話番号を入力してください。SMSで認証コードをお送りします。',
  terms: '[料金]/[期間]、自動更新。[ショートコード]にSTOPを送信すると、いつでも解約できます。',
  acceptTerms: (link) => `続行すると、${link}に同意したものとみなされます。`,
  termsLink: '利用規約',
  footerTerms: '利用規約',
  footerPrivacy: 'プライバシー',
  sampleTerms: (price, shortCode) => `1日 ${price}、毎日自動更新。解約するには ${shortCode} にSTOPを送信してください。`,
};
