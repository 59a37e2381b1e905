import type { PageTexts, Translation } from '../localize.js';

// Gender-neutral Hebrew as Israeli apps write it: noun forms on buttons, "יש ל…" / "אפשר ל…" in messages.
const he: Translation = {
  $code: 'he',
  $name: 'עברית',
  $dir: 'rtl',

  phoneLabel: 'מספר נייד',
  countryLabel: 'מדינה',
  send: 'שליחת קוד',
  sending: 'שולחים…',
  codeLabel: 'הקוד מה-SMS',
  codeSent: (phone) => `שלחנו קוד למספר ${phone}.`,
  verify: 'אישור',
  verifying: 'בודקים…',
  changeNumber: 'שינוי המספר',
  resend: 'שליחת קוד חדש',
  resendIn: (time) => `אפשר לבקש קוד חדש בעוד ${time}.`,
  resent: 'שלחנו קוד חדש.',
  success: 'המספר אומת. תודה!',

  invalidNumber: 'יש להזין מספר נייד תקין.',
  notMobile: 'זה לא מספר נייד. יש להזין מספר נייד.',
  countryNotAllowed: 'אי אפשר להשתמש כאן במספרים מהמדינה הזו.',
  tooShort: 'חסרות ספרות במספר הזה.',
  tooLong: 'יש במספר הזה יותר מדי ספרות.',
  searchCountry: 'חיפוש מדינה או קידומת',
  noCountryFound: 'לא נמצאה מדינה.',
  close: 'סגירה',
  wrongCode: (left) => {
    if (left === undefined) return 'הקוד שגוי. אפשר לנסות שוב.';
    switch (left.plural) {
      case 'one':
        return 'הקוד שגוי. נשאר ניסיון אחד.';
      case 'two':
        return 'הקוד שגוי. נשארו שני ניסיונות.';
      default:
        return `הקוד שגוי. נשארו ${left.text} ניסיונות.`;
    }
  },
  malformedCode: 'יש להזין את הקוד מה-SMS.',
  pasteUnclear: 'יש להקליד את הקוד מה-SMS.',
  $sms: {
    code: ['קוד', 'סיסמ', 'אימות'],
    other: ['אסמכתא', 'הזמנה', 'סכום', 'ש"ח', 'טלפון', 'הסרה'],
  },
  expired: 'תוקף הקוד פג. יש לבקש קוד חדש.',
  locked: 'הוזנו יותר מדי קודים שגויים. יש לבקש קוד חדש.',
  used: 'כבר נעשה שימוש בקוד הזה.',
  inProgress: 'הקוד עדיין בבדיקה. נא להמתין רגע.',
  tooMany: (wait) => `יותר מדי ניסיונות. אפשר לנסות שוב ${wait}.`,
  unavailable: 'השירות לא זמין כרגע. אפשר לנסות שוב בעוד רגע.',
  timeout: 'השירות מתעכב בתשובה. אפשר לנסות שוב בעוד רגע.',
  offline: 'נראה שאין חיבור לאינטרנט. יש לבדוק את החיבור ולנסות שוב.',
  generic: 'משהו השתבש. אפשר לנסות שוב.',
};

export default he;

export const page: PageTexts = {
  title: 'אימות מספר הנייד',
  lead: 'יש להזין את מספר הנייד, ונשלח אליך קוד ב-SMS.',
  terms: '[מחיר] לכל [תקופה], מתחדש אוטומטית. אפשר לבטל בכל עת בשליחת STOP אל [מספר מקוצר].',
  acceptTerms: (link) => `ההמשך מהווה הסכמה ל${link}.`,
  termsLink: 'תנאי השימוש',
  footerTerms: 'תנאים',
  footerPrivacy: 'פרטיות',
  sampleTerms: (price, shortCode) => `המחיר ${price} ליום, מתחדש מדי יום. לביטול יש לשלוח STOP אל ${shortCode}.`,
};
