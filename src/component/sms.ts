/**
 * What reads the code out of an SMS: the reader of one pasted whole, and WebOTP, where the browser reads
 * the SMS itself. A chunk of its own, which code entry fetches as a code is sent (see `CodeEntryController`).
 */
export { codeInSms } from '../shared/sms.js';
export { WebOtpController } from './web-otp-controller.js';
