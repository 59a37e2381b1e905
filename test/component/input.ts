/**
 * Input as people make it, in every engine: real key presses and real
 * clipboard pastes (see test/helpers/real-input.ts), never assigned values or
 * synthetic events, which skip what the browser does in between (maxlength,
 * beforeinput, paste) and so hide the bugs users meet.
 */
import { executeServerCommand } from '@web/test-runner-commands';

/** Types text key by key into the focused element. */
export async function type(text: string): Promise<void> {
  await executeServerCommand('type', { text });
}

/** Presses a named key: `Enter`, `Tab`, `Backspace`, `ArrowDown`. */
export async function press(key: 'Enter' | 'Tab' | 'Backspace' | 'Delete' | 'ArrowDown' | 'ArrowUp' | 'ArrowLeft' | 'Escape'): Promise<void> {
  await executeServerCommand('press', { key });
}

/**
 * An IME composes `steps` one after another, then commits the last, where the caret is: what Android
 * keyboards send. False in engines whose driver cannot (Chromium only).
 */
export function compose(...steps: string[]): Promise<boolean> {
  return executeServerCommand('compose', { steps });
}

/** Ctrl+A: selects the whole text of the focused field. */
export async function selectAll(): Promise<void> {
  await executeServerCommand('shortcut', { letter: 'a' });
}

/**
 * Copies `text` with Ctrl+C from a stand-in for the SMS app, then pastes it
 * into `target` with Ctrl+V: the browser's own clipboard and paste path.
 */
export async function paste(target: HTMLElement, text: string): Promise<void> {
  const sms = document.createElement('textarea');
  sms.value = text;
  document.body.append(sms);
  sms.focus();
  sms.select();
  await executeServerCommand('shortcut', { letter: 'c' });
  sms.remove();
  target.focus();
  await executeServerCommand('shortcut', { letter: 'v' });
}

/**
 * Taps `target` where it is on screen, with the pointer: unlike `el.click()`,
 * a button that is hidden, covered or off screen cannot be pressed this way.
 */
export async function click(target: Element): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  const box = target.getBoundingClientRect();
  await executeServerCommand('click', { x: Math.round(box.left + box.width / 2), y: Math.round(box.top + box.height / 2) });
}

/** Sizes the page's viewport (the window, where the driver only sizes windows). */
export async function viewport(width: number, height: number): Promise<void> {
  await executeServerCommand('viewport', { width, height });
}

/** Sets prefers-reduced-motion where the engine can; returns every value this engine can show. */
export function motion(wanted: 'reduce' | 'no-preference'): Promise<Array<'reduce' | 'no-preference'>> {
  return executeServerCommand('motion', { wanted });
}
