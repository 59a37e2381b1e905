import type { Translation } from '../localize.js';

const vi: Translation = {
  $code: 'vi',
  $name: 'Tiếng Việt',
  $dir: 'ltr',

  phoneLabel: 'Số điện thoại di động',
  countryLabel: 'Quốc gia',
  send: 'Gửi mã',
  sending: 'Đang gửi…',
  codeLabel: 'Mã trong tin nhắn SMS',
  codeSent: (phone) => `Chúng tôi đã gửi mã đến ${phone}.`,
  verify: 'Xác nhận',
  verifying: 'Đang kiểm tra…',
  changeNumber: 'Đổi số',
  resend: 'Gửi mã mới',
  resendIn: (time) => `Bạn có thể yêu cầu mã mới sau ${time}.`,
  resent: 'Mã mới đang được gửi.',
  success: 'Số của bạn đã được xác nhận. Cảm ơn bạn!',

  invalidNumber: 'Nhập số điện thoại di động hợp lệ.',
  notMobile: 'Đây không phải số di động. Hãy nhập số di động.',
  countryNotAllowed: 'Không thể dùng số của quốc gia này ở đây.',
  wrongCode: (left) => (left === undefined ? 'Mã không đúng. Hãy thử lại.' : `Mã không đúng. Còn ${left.text} lần thử.`),
  malformedCode: 'Nhập mã trong tin nhắn SMS.',
  expired: 'Mã này đã hết hạn. Hãy yêu cầu mã mới.',
  locked: 'Nhập sai mã quá nhiều lần. Hãy yêu cầu mã mới.',
  used: 'Mã này đã được sử dụng.',
  inProgress: 'Mã của bạn đang được kiểm tra. Vui lòng đợi một chút.',
  tooMany: (wait) => `Quá nhiều lần thử. Hãy thử lại ${wait}.`,
  unavailable: 'Dịch vụ hiện không khả dụng. Hãy thử lại sau ít phút.',
  timeout: 'Mất quá nhiều thời gian. Kiểm tra kết nối rồi thử lại.',
  offline: 'Có vẻ bạn đang ngoại tuyến. Kiểm tra kết nối rồi thử lại.',
  generic: 'Đã xảy ra lỗi. Hãy thử lại.',
};

export default vi;
