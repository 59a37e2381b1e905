/** Shared set-up for the component tests: the element, the simulator's inbox, console hygiene. */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/component/otp-flow.js';
import type { OtpFlow } from '../../src/component/otp-flow.js';
import { click, press, selectAll, type } from './input.js';

export type El = OtpFlow;

// Any console error or warning during a test fails it: the page must stay clean for affiliates'
// monitoring, and Lit's dev-mode warnings (wasted updates, shadowed properties) are bugs too.
const consoleErrors: unknown[][] = [];
for (const level of ['error', 'warn'] as const) {
  const original = console[level];
  console[level] = (...args: unknown[]) => {
    if (level === 'warn' && String(args[0]).startsWith('Lit is in dev mode')) return;
    consoleErrors.push([level, ...args]);
    original(...args);
  };
}
afterEach(() => {
  const errors = consoleErrors.splice(0);
  expect(errors, `console errors: ${JSON.stringify(errors)}`).to.be.empty;
});
beforeEach(async () => {
  await simulator('reset');
});

export async function simulator(command: 'reset' | 'fault' | 'variant', body: unknown = {}): Promise<void> {
  const response = await fetch(`/__simulator/${command}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`simulator ${command} failed: ${await response.text()}`);
}

export async function inbox(): Promise<Array<{ to: string; code: string }>> {
  const response = await fetch('/__simulator/inbox');
  return ((await response.json()) as { messages: Array<{ to: string; code: string }> }).messages;
}

export async function lastCode(): Promise<string> {
  await waitUntil(async () => (await inbox()).length > 0, 'no SMS was sent', { timeout: 5_000 });
  return (await inbox()).at(-1)!.code;
}

export const $ = <T extends Element = HTMLElement>(el: El, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
export const phoneInput = (el: El) => $<HTMLInputElement>(el, '#phone');
export const codeInput = (el: El) => $<HTMLInputElement>(el, '#code');
export const submitButton = (el: El) => $<HTMLButtonElement>(el, 'button[type=submit]');
export const errorText = (el: El) => $(el, '[role=alert]')?.textContent?.trim() ?? '';
export const statusText = (el: El) => $(el, '[role=status]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
export const buttonNamed = (el: El, name: string) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.replace(/\s+/g, ' ').trim() === name);

/** What assistive tech and a sighted user both see: text of the shadow root, whitespace folded. */
export const visibleText = (el: El) => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ').trim();

export async function mount(template = html`<otp-flow country="AE"></otp-flow>`): Promise<El> {
  return fixture<El>(template);
}

/** Types into a field as a person does: focus, select whatever is there, type over it. */
export async function typeInto(input: HTMLInputElement, text: string): Promise<void> {
  input.focus();
  if (input.value) await selectAll();
  await type(text);
}

/** Types the number and taps the button. */
export async function submitNumber(el: El, number: string): Promise<void> {
  await typeInto(phoneInput(el), number);
  await el.updateComplete;
  await click(submitButton(el));
}

/** Number → code step against the real proxy, typed and sent with Enter; returns the code the simulator "sent". */
export async function toCodeStep(el: El, number = '0501234567'): Promise<string> {
  const sent = oneEvent(el, 'otp-sent');
  await typeInto(phoneInput(el), number);
  await press('Enter');
  await sent;
  await el.updateComplete;
  return lastCode();
}

/** A code that is not `code`. */
export const wrong = (code: string) => (code === '000000' ? '111111' : '000000');

/** Types a code into the code field and confirms it with Enter. */
export async function enterCode(el: El, code: string): Promise<void> {
  await typeInto(codeInput(el), code);
  await press('Enter');
}

export async function stepIs(el: El, step: string): Promise<void> {
  await waitUntil(() => el.step === step, `expected step ${step}, still ${el.step}`, { timeout: 5_000 });
  await el.updateComplete;
}

/** Walks a real flow, checking at each step a person can be at. */
export async function atEveryStep(el: El, check: (el: El, step: string) => Promise<void>) {
  await check(el, 'number');
  await submitNumber(el, '12');
  await el.updateComplete;
  await check(el, 'number with an error');
  const code = await toCodeStep(el, '0501234567');
  await check(el, 'code');
  await enterCode(el, wrong(code));
  await stepIs(el, 'code');
  await check(el, 'code with an error');
  await enterCode(el, code);
  await stepIs(el, 'done');
  await check(el, 'done');
}

/** Firefox brings its own emoji font (Twemoji Mozilla); Chromium and WebKit here have none. */
export const hasEmojiFont = navigator.userAgent.includes('Firefox');
const flag = (c: string) => String.fromCodePoint(...[...c].map((l) => 0x1f1e6 + l.charCodeAt(0) - 65));
/** What the country picker shows before a dial code: the flag, or the ISO code where no font draws flags. */
export const mark = (country: string) => (hasEmojiFont ? flag(country) : country);

/** A campaign's markup: a header, the price and terms, two countries. */
export const campaign = (lang: string, style = '') => html`<otp-flow country="AE" countries="AE,SA" lang=${lang} style=${style}>
  <h2 slot="header">Daily quiz</h2>
  <p slot="disclosure">AED 1.5/day, cancel anytime.</p>
</otp-flow>`;

export { expect, fixture, html, oneEvent, waitUntil };
