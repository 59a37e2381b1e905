/**
 * Whole SMS texts pasted with Ctrl+V into the code field, in every engine: a
 * sample of test/data/sms-corpus.json (the five texts issue 16 found read
 * wrong, each script's digits, right-to-left marks) as they are, and walks to
 * done with the code the simulator sent written into the issue's texts.
 */
import sinon from 'sinon';
import { codeInput, errorText, expect, html, mount, oneEvent, stepIs, toCodeStep, waitUntil, type El } from './support.js';
import { paste, press, type } from './input.js';

interface Sms {
  lang: string;
  sms: string;
  length?: number;
  code: string;
  why?: string;
}

const UNCLEAR = 'Type the code from the SMS.';
const corpus = (await (await fetch('/test/data/sms-corpus.json')).json()) as Sms[];
const sample = [
  ...corpus.filter((c) => c.why?.startsWith('issue 16')),
  ...['ar', 'fa', 'hi', 'th', 'ru', 'zh-Hans', 'ko'].map((lang) => corpus.find((c) => c.lang === lang && /[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u0e50-\u0e59\u200f]/.test(c.sms)) ?? corpus.find((c) => c.lang === lang)!),
  corpus.find((c) => c.code === '482913' && c.length === 6)!,
  corpus.find((c) => c.code === '' && c.sms.startsWith('Reply STOP'))!,
  corpus.find((c) => c.code === '' && c.sms.includes('previous code'))!,
];

/** The code field's verifies, as the proxy got them. */
function watchVerifies(): () => string[] {
  const spy = sinon.spy(window, 'fetch');
  return () => spy.getCalls().filter((c) => String(c.args[0]).endsWith('/verify')).map((c) => (JSON.parse(String(c.args[1]!.body)) as { otp: string }).otp);
}

async function codeStepIn(lang: string, length?: number): Promise<{ el: El; code: string }> {
  const el = await mount(length ? html`<otp-flow country="AE" lang=${lang} otp-length=${length}></otp-flow>` : html`<otp-flow country="AE" lang=${lang}></otp-flow>`);
  return { el, code: await toCodeStep(el) };
}

describe('an SMS pasted whole', () => {
  afterEach(() => sinon.restore());

  for (const c of sample) {
    it(`${c.lang}: ${JSON.stringify(c.sms).slice(0, 60)} gives ${c.code || 'nothing, and says so'}`, async () => {
      const { el } = await codeStepIn(c.lang, c.length);
      const steps: string[] = [];
      el.addEventListener('otp-step', (e) => steps.push(e.detail.step));
      const verifies = watchVerifies();
      if (c.code) {
        // Not the code the simulator sent: the proxy refuses it, which shows what was submitted.
        const refused = oneEvent(el, 'otp-error');
        await paste(codeInput(el), c.sms);
        expect((await refused).detail.code).to.equal('otp_invalid');
        expect(verifies()).to.deep.equal([c.code]);
        return;
      }
      await paste(codeInput(el), c.sms);
      // The paste has been read (its sentence is on screen), and a verify would have begun in the same step.
      await waitUntil(() => errorText(el) === UNCLEAR, 'the paste is read');
      expect(codeInput(el).value).to.equal('');
      expect(steps, 'nothing submitted').to.deep.equal([]);
      expect(verifies()).to.deep.equal([]);
    });
  }

  // The issue's texts with the code the simulator sent, to the end.
  const issue = [
    (c: string) => `Your Daily Quiz code is ${c.slice(0, 3)} ${c.slice(3)}. Reply STOP to 1234. Ref 20261204`,
    (c: string) => `PIN is ${c}. Customer care: 800 123 456`,
    (c: string) => `Code ${c}\n2026-12-04`,
    (c: string) => `\u200fرمز التحقق: ${[...c].map((d) => String.fromCharCode(0x0660 + Number(d))).join('')}\u200f\nصالح حتى 10:45`,
  ];
  for (const [i, sms] of issue.entries()) {
    it(`confirms the code in ${JSON.stringify(sms('482913')).slice(0, 50)}`, async () => {
      const { el, code } = await codeStepIn(i === 3 ? 'ar' : 'en');
      const verified = oneEvent(el, 'otp-verified');
      await paste(codeInput(el), sms(code));
      await verified;
      await stepIs(el, 'done');
    });
  }

  it('says so in the page’s language when nothing is clearly the code, and the code typed then confirms', async () => {
    const { el, code } = await codeStepIn('ar');
    const said = oneEvent(el, 'otp-error');
    await paste(codeInput(el), 'اشتراكك فعال. لإلغاء الاشتراك أرسل STOP إلى 1234');
    expect((await said).detail).to.include({ code: 'paste_unclear', message: 'اكتب الرمز الوارد في الرسالة.' });
    await el.updateComplete;
    expect(errorText(el)).to.equal('اكتب الرمز الوارد في الرسالة.');
    codeInput(el).focus();
    await type(code);
    expect(errorText(el)).to.equal('');
    const verified = oneEvent(el, 'otp-verified');
    await press('Enter');
    await verified;
  });
});
