import type { PageTexts, Translation } from '../localize.js';

// Thai ends sentences with a space, not a period.
const th: Translation = {
  $code: 'th',
  $name: 'ไทย',
  $dir: 'ltr',

  phoneLabel: 'เบอร์มือถือ',
  countryLabel: 'ประเทศ',
  send: 'ส่งรหัส',
  sending: 'กำลังส่ง…',
  codeLabel: 'รหัสจาก SMS',
  codeSent: (phone) => `เราส่งรหัสไปที่ ${phone} แล้ว`,
  verify: 'ยืนยัน',
  verifying: 'กำลังตรวจสอบ…',
  changeNumber: 'เปลี่ยนเบอร์',
  resend: 'ขอรหัสใหม่',
  resendIn: (time) => `ขอรหัสใหม่ได้ในอีก ${time}`,
  resent: 'ส่งรหัสใหม่แล้ว',
  success: 'ยืนยันเบอร์ของคุณเรียบร้อยแล้ว ขอบคุณ',

  invalidNumber: 'กรุณากรอกเบอร์มือถือให้ถูกต้อง',
  notMobile: 'เบอร์นี้ไม่ใช่เบอร์มือถือ กรุณากรอกเบอร์มือถือ',
  countryNotAllowed: 'ไม่สามารถใช้เบอร์จากประเทศนี้ได้',
  tooShort: 'หมายเลขนี้มีตัวเลขไม่ครบ',
  tooLong: 'หมายเลขนี้มีตัวเลขเกิน',
  searchCountry: 'ค้นหาประเทศหรือรหัสโทร',
  noCountryFound: 'ไม่พบประเทศ',
  close: 'ปิด',
  wrongCode: (left) => (left === undefined ? 'รหัสไม่ถูกต้อง กรุณาลองอีกครั้ง' : `รหัสไม่ถูกต้อง เหลืออีก ${left.text} ครั้ง`),
  malformedCode: 'กรุณากรอกรหัสจาก SMS',
  pasteUnclear: 'กรุณาพิมพ์รหัสจาก SMS',
  $sms: {
    code: ['รหัส', 'โอทีพี'],
    other: ['อ้างอิง', 'จำนวนเงิน', 'ยอด', 'บาท', 'โทร', 'ติดต่อ'],
  },
  expired: 'รหัสนี้หมดอายุแล้ว กรุณาขอรหัสใหม่',
  locked: 'กรอกรหัสผิดหลายครั้งเกินไป กรุณาขอรหัสใหม่',
  used: 'รหัสนี้ถูกใช้ไปแล้ว',
  inProgress: 'กำลังตรวจสอบรหัสของคุณ กรุณารอสักครู่',
  tooMany: (wait) => `ลองหลายครั้งเกินไป กรุณาลองอีกครั้ง${wait}`,
  unavailable: 'บริการไม่พร้อมใช้งานในขณะนี้ กรุณาลองใหม่อีกสักครู่',
  timeout: 'บริการตอบกลับช้าเกินไป กรุณาลองใหม่อีกสักครู่',
  offline: 'ดูเหมือนคุณไม่ได้เชื่อมต่ออินเทอร์เน็ต กรุณาตรวจสอบการเชื่อมต่อแล้วลองอีกครั้ง',
  generic: 'เกิดข้อผิดพลาด กรุณาลองอีกครั้ง',
};

export default th;

export const page: PageTexts = {
  title: 'ยืนยันเบอร์มือถือของคุณ',
  lead: 'กรอกเบอร์มือถือของคุณ แล้วเราจะส่งรหัสให้ทาง SMS',
  terms: '[ราคา] ต่อ [รอบบริการ] ต่ออายุอัตโนมัติ ยกเลิกได้ทุกเมื่อโดยส่ง STOP ไปที่ [เลขหมายสั้น]',
  acceptTerms: (link) => `เมื่อดำเนินการต่อ แสดงว่าคุณยอมรับ ${link}`,
  termsLink: 'ข้อกำหนดและเงื่อนไข',
  footerTerms: 'ข้อกำหนด',
  footerPrivacy: 'ความเป็นส่วนตัว',
  sampleTerms: (price, shortCode) => `${price} ต่อวัน ต่ออายุทุกวัน ส่ง STOP ไปที่ ${shortCode} เพื่อยกเลิก`,
};
