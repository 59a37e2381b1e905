/** Shared set-up for the component tests: the element, the simulator's inbox, console hygiene. */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/component/otp-flow.js';
import type { OtpFlow } from '../../src/component/define.js';

export type El = InstanceType<typeof OtpFlow>;

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

/** What assistive tech and a sighted user both see: text of the shadow root, whitespace folded. */
export const visibleText = (el: El) => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ').trim();

export async function mount(template = html`<otp-flow country="AE"></otp-flow>`): Promise<El> {
  return fixture<El>(template);
}

/** Sets the value as a paste or an autofill would, and fires the input event the browser fires. */
export function fill(input: HTMLInputElement, value: string, inputType: string | undefined = 'insertFromPaste'): void {
  input.focus();
  input.value = value;
  input.dispatchEvent(inputType ? new InputEvent('input', { bubbles: true, composed: true, inputType }) : new Event('input', { bubbles: true }));
}

export async function submitNumber(el: El, number: string): Promise<void> {
  fill(phoneInput(el), number);
  await el.updateComplete;
  submitButton(el).click();
}

/** Number → code step against the real proxy; returns the code the simulator "sent". */
export async function toCodeStep(el: El, number = '0501234567'): Promise<string> {
  const sent = oneEvent(el, 'otp-sent');
  await submitNumber(el, number);
  await sent;
  await el.updateComplete;
  return lastCode();
}

export async function stepIs(el: El, step: string): Promise<void> {
  await waitUntil(() => el.step === step, `expected step ${step}, still ${el.step}`, { timeout: 5_000 });
  await el.updateComplete;
}

export { expect, fixture, html, oneEvent, waitUntil };
