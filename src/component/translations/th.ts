import type { Translation } from '../localize.js';

const th: Translation = {
  $code: 'th',
  $name: 'ไทย',
  $dir: 'ltr',

  phoneLabel: 'หมายเลขโทรศัพท์มือถือ',
  countryLabel: 'ประเทศ',
  send: 'ส่งรหัส',
  sending: 'กำลังส่ง…',
  codeLabel: 'รหัสจาก SMS',
  codeSent: (phone) => `เราส่งรหัสไปที่ ${phone} แล้ว`,
  verify: 'ยืนยัน',
  verifying: 'กำลังตรวจสอบ…',
  changeNumber: 'เปลี่ยนหมายเลข',
  resend: 'ส่งรหัสใหม่',
  resendIn: (time) => `ขอรหัสใหม่ได้ในอีก ${time}`,
  resent: 'กำลังส่งรหัสใหม่ให้คุณ',
  success: 'ยืนยันหมายเลขของคุณแล้ว ขอบคุณ!',

  invalidNumber: 'กรอกหมายเลขโทรศัพท์มือถือที่ถูกต้อง',
  notMobile: 'นี่ไม่ใช่หมายเลขโทรศัพท์มือถือ กรุณากรอกหมายเลขมือถือ',
  countryNotAllowed: 'ไม่สามารถใช้หมายเลขจากประเทศนี้ได้',
  wrongCode: (left) => (left === undefined ? 'รหัสไม่ถูกต้อง ลองอีกครั้ง' : `รหัสไม่ถูกต้อง เหลืออีก ${left} ครั้ง`),
  malformedCode: 'กรอกรหัสจาก SMS',
  expired: 'รหัสนี้หมดอายุแล้ว ขอรหัสใหม่',
  locked: 'กรอกรหัสผิดหลายครั้งเกินไป ขอรหัสใหม่',
  used: 'รหัสนี้ถูกใช้ไปแล้ว',
  tooMany: (wait) => `ลองหลายครั้งเกินไป ลองอีกครั้ง${wait}`,
  unavailable: 'บริการไม่พร้อมใช้งานในขณะนี้ ลองใหม่อีกสักครู่',
  timeout: 'ใช้เวลานานเกินไป ตรวจสอบการเชื่อมต่อแล้วลองอีกครั้ง',
  offline: 'ดูเหมือนคุณออฟไลน์อยู่ ตรวจสอบการเชื่อมต่อแล้วลองอีกครั้ง',
  generic: 'เกิดข้อผิดพลาด ลองอีกครั้ง',
};

export default th;
