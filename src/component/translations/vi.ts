import type { PageTexts, Translation } from '../localize.js';

const vi: Translation = {
  $code: 'vi',
  $name: 'Tiếng Việt',
  $dir: 'ltr',

  phoneLabel: 'Số điện thoại',
  countryLabel: 'Quốc gia',
  send: 'Gửi mã',
  sending: 'Đang gửi…',
  codeLabel: 'Mã trong tin nhắn SMS',
  codeSent: (phone) => `Mã đã được gửi đến ${phone}.`,
  verify: 'Xác nhận',
  verifying: 'Đang kiểm tra…',
  changeNumber: 'Đổi số',
  resend: 'Gửi mã mới',
  resendIn: (time) => `Bạn có thể yêu cầu mã mới sau ${time}.`,
  resent: 'Mã mới đang được gửi.',
  success: 'Số điện thoại của bạn đã được xác nhận. Cảm ơn bạn!',

  invalidNumber: 'Vui lòng nhập số điện thoại hợp lệ.',
  notMobile: 'Đây không phải số di động. Vui lòng nhập số di động.',
  countryNotAllowed: 'Không thể dùng số của quốc gia này tại đây.',
  tooShort: 'Số này còn thiếu chữ số.',
  tooLong: 'Số này có quá nhiều chữ số.',
  searchCountry: 'Tìm quốc gia hoặc mã vùng',
  noCountryFound: 'Không tìm thấy quốc gia.',
  close: 'Đóng',
  wrongCode: (left) => (left === undefined ? 'Mã không đúng. Vui lòng thử lại.' : `Mã không đúng. Bạn còn ${left.text} lần thử.`),
  malformedCode: 'Vui lòng nhập mã trong tin nhắn SMS.',
  pasteUnclear: 'Vui lòng gõ mã trong tin nhắn SMS.',
  $sms: {
    code: ['mã', 'ma', 'mật khẩu'],
    other: ['tham chiếu', 'đơn hàng', 'don hang', 'số tiền', 'so tien', 'vnd', 'gọi', 'goi', 'số dư', 'so du'],
  },
  expired: 'Mã đã hết hạn. Vui lòng yêu cầu mã mới.',
  locked: 'Bạn đã nhập sai mã quá nhiều lần. Vui lòng yêu cầu mã mới.',
  used: 'Mã này đã được sử dụng.',
  inProgress: 'Mã của bạn đang được kiểm tra. Vui lòng đợi một chút.',
  tooMany: (wait) => `Bạn đã thử quá nhiều lần. Vui lòng thử lại ${wait}.`,
  unavailable: 'Dịch vụ hiện không khả dụng. Vui lòng thử lại sau giây lát.',
  timeout: 'Dịch vụ phản hồi quá lâu. Vui lòng thử lại sau giây lát.',
  offline: 'Có vẻ bạn đã mất kết nối mạng. Vui lòng kiểm tra kết nối rồi thử lại.',
  generic: 'Đã xảy ra lỗi. Vui lòng thử lại.',
};

export default vi;

export const page: PageTexts = {
  title: 'Xác nhận số điện thoại của bạn',
  lead: 'Nhập số điện thoại của bạn. Chúng tôi sẽ gửi mã qua SMS.',
  terms: '[Giá] mỗi [chu kỳ], tự động gia hạn. Hủy bất cứ lúc nào bằng cách soạn STOP gửi [đầu số].',
  acceptTerms: (link) => `Khi tiếp tục, bạn đồng ý với ${link}.`,
  termsLink: 'điều khoản sử dụng',
  footerTerms: 'Điều khoản',
  footerPrivacy: 'Quyền riêng tư',
  sampleTerms: (price, shortCode) => `${price}/ngày, tự động gia hạn hằng ngày. Soạn STOP gửi ${shortCode} để hủy.`,
};
