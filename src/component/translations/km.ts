import type { PageTexts, Translation } from '../localize.js';

// Chromium has no Khmer relative times (it falls back to English): `wait` is used only when it has no Latin letters.
const km: Translation = {
  $code: 'km',
  $name: 'ខ្មែរ',
  $dir: 'ltr',

  phoneLabel: 'លេខទូរសព្ទ',
  countryLabel: 'ប្រទេស',
  send: 'ផ្ញើលេខកូដ',
  sending: 'កំពុងផ្ញើ…',
  codeLabel: 'លេខកូដក្នុង SMS',
  codeSent: (phone) => `យើងបានផ្ញើលេខកូដទៅ ${phone} ហើយ។`,
  verify: 'បញ្ជាក់',
  verifying: 'កំពុងពិនិត្យ…',
  changeNumber: 'ប្ដូរលេខ',
  resend: 'ផ្ញើលេខកូដថ្មី',
  resendIn: (time) => `អ្នកអាចស្នើលេខកូដថ្មីបានក្នុងរយៈពេល ${time} ទៀត។`,
  resent: 'បានផ្ញើលេខកូដថ្មីហើយ។',
  success: 'លេខរបស់អ្នកត្រូវបានបញ្ជាក់ហើយ។ សូមអរគុណ!',

  invalidNumber: 'សូមបញ្ចូលលេខទូរសព្ទឱ្យបានត្រឹមត្រូវ។',
  notMobile: 'នេះមិនមែនជាលេខទូរសព្ទចល័តទេ។ សូមបញ្ចូលលេខទូរសព្ទចល័ត។',
  countryNotAllowed: 'មិនអាចប្រើលេខពីប្រទេសនេះនៅទីនេះបានទេ។',
  tooShort: 'លេខនេះខ្វះខ្ទង់។',
  tooLong: 'លេខនេះមានខ្ទង់ច្រើនពេក។',
  searchCountry: 'ស្វែងរកប្រទេស ឬលេខកូដហៅ',
  noCountryFound: 'រកមិនឃើញប្រទេសទេ។',
  close: 'បិទ',
  wrongCode: (left) => (left === undefined ? 'លេខកូដមិនត្រឹមត្រូវ។ សូមព្យាយាមម្ដងទៀត។' : `លេខកូដមិនត្រឹមត្រូវ។ នៅសល់ ${left.text} ដងទៀត។`),
  malformedCode: 'សូមបញ្ចូលលេខកូដក្នុង SMS។',
  pasteUnclear: 'សូមវាយលេខកូដក្នុង SMS។',
  $sms: {
    code: ['កូដ', 'ពាក្យសម្ងាត់'],
    other: ['ទឹកប្រាក់', 'រៀល', 'ហៅ', 'ការបញ្ជាទិញ', 'យោង'],
  },
  expired: 'លេខកូដនេះផុតកំណត់ហើយ។ សូមស្នើលេខកូដថ្មី។',
  locked: 'បញ្ចូលលេខកូដខុសច្រើនដងពេក។ សូមស្នើលេខកូដថ្មី។',
  used: 'លេខកូដនេះត្រូវបានប្រើរួចហើយ។',
  inProgress: 'កំពុងពិនិត្យលេខកូដរបស់អ្នក។ សូមរង់ចាំបន្តិច។',
  tooMany: (wait) => `ព្យាយាមច្រើនដងពេក។ សូមព្យាយាមម្ដងទៀត ${/[a-z]/i.test(wait) ? 'នៅពេលក្រោយ' : wait}។`,
  unavailable: 'សេវាកម្មមិនអាចប្រើបានទេឥឡូវនេះ។ សូមព្យាយាមម្ដងទៀតបន្តិចទៀត។',
  timeout: 'សេវាកម្មឆ្លើយតបយឺតពេក។ សូមព្យាយាមម្ដងទៀតបន្តិចទៀត។',
  offline: 'ហាក់ដូចជាអ្នកមិនបានភ្ជាប់អ៊ីនធឺណិតទេ។ សូមពិនិត្យការតភ្ជាប់ ហើយព្យាយាមម្ដងទៀត។',
  generic: 'មានបញ្ហាកើតឡើង។ សូមព្យាយាមម្ដងទៀត។',
};

export default km;

export const page: PageTexts = {
  title: 'បញ្ជាក់លេខទូរសព្ទរបស់អ្នក',
  lead: 'សូមបញ្ចូលលេខទូរសព្ទរបស់អ្នក។ យើងនឹងផ្ញើលេខកូដតាម SMS។',
  terms: '[តម្លៃ] ក្នុងមួយ [រយៈពេល] បន្តដោយស្វ័យប្រវត្តិ។ អាចបោះបង់បានគ្រប់ពេល ដោយផ្ញើ STOP ទៅ [លេខខ្លី]។',
  acceptTerms: (link) => `ការបន្តមានន័យថាអ្នកយល់ព្រមលើ ${link}។`,
  termsLink: 'លក្ខខណ្ឌ',
  footerTerms: 'លក្ខខណ្ឌ',
  footerPrivacy: 'ឯកជនភាព',
  sampleTerms: (price, shortCode) => `${price} ក្នុងមួយថ្ងៃ បន្តជារៀងរាល់ថ្ងៃ។ ផ្ញើ STOP ទៅ ${shortCode} ដើម្បីបោះបង់។`,
};
