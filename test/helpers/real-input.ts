/**
 * Server side of the browser tests' input: real key presses, real taps, real
 * clipboard shortcuts, window sizes and motion preferences, in each engine the way its
 * driver allows. Tests call these through `test/component/input.ts`.
 *
 * - Chromium (CDP) and Firefox (WebDriver BiDi) through puppeteer's keyboard.
 * - WebKit through classic WebDriver actions, one key per call: WebKitWebDriver
 *   drops a key that repeats the previous one within a single actions call
 *   (`112233` would arrive as `123`).
 */
import type { TestRunnerPlugin } from '@web/test-runner-core';
import type { Page } from 'puppeteer-core';
import type { Browser as Driver } from 'webdriverio';

/** WebDriver's code points for the named keys the tests press. */
const WEBDRIVER_KEYS: Record<string, string> = {
  Enter: '\uE007',
  Tab: '\uE004',
  Backspace: '\uE003',
  ArrowDown: '\uE015',
  ArrowUp: '\uE013',
  ArrowLeft: '\uE012',
  Delete: '\uE017',
  Escape: '\uE00C',
  Control: '\uE009',
};

type Session = { id: string; browser: { type: string; name: string; getPage?(id: string): Page } };

function page(session: Session): Page {
  return session.browser.getPage!(session.id);
}

function driver(session: Session): Driver {
  // The launcher keeps its webdriverio session to itself; window sizes and single-key actions need it.
  return (session.browser as unknown as { driver: Driver }).driver;
}

async function keyActions(d: Driver, keys: Array<{ type: 'keyDown' | 'keyUp'; value: string }>): Promise<void> {
  await d.performActions([{ type: 'key', id: 'keyboard', actions: keys }]);
  await d.releaseActions();
}

const down = (value: string) => ({ type: 'keyDown' as const, value });
const up = (value: string) => ({ type: 'keyUp' as const, value });

async function typeText(session: Session, text: string): Promise<void> {
  if (session.browser.type === 'puppeteer') return page(session).keyboard.type(text);
  for (const ch of text) await keyActions(driver(session), [down(ch), up(ch)]);
}

async function press(session: Session, key: string): Promise<void> {
  if (session.browser.type === 'puppeteer') return page(session).keyboard.press(key as never);
  const value = WEBDRIVER_KEYS[key] ?? key;
  await keyActions(driver(session), [down(value), up(value)]);
}

/** Ctrl plus a letter: copy, paste, select all, as a person presses them. */
async function shortcut(session: Session, letter: string): Promise<void> {
  if (session.browser.type === 'puppeteer') {
    const keyboard = page(session).keyboard;
    await keyboard.down('Control');
    await keyboard.press(letter as never);
    await keyboard.up('Control');
    return;
  }
  const ctrl = WEBDRIVER_KEYS.Control!;
  await keyActions(driver(session), [down(ctrl), down(letter), up(letter), up(ctrl)]);
}

/** A tap where the page shows something: the mouse moved there, pressed and released. */
async function click(session: Session, x: number, y: number): Promise<void> {
  if (session.browser.type === 'puppeteer') return page(session).mouse.click(x, y);
  const d = driver(session);
  await d.performActions([
    {
      type: 'pointer',
      id: 'mouse',
      parameters: { pointerType: 'mouse' },
      actions: [
        { type: 'pointerMove', duration: 0, x, y, origin: 'viewport' },
        { type: 'pointerDown', button: 0 },
        { type: 'pointerUp', button: 0 },
      ],
    },
  ]);
  await d.releaseActions();
}

/**
 * An IME composing text and committing it, as Android keyboards do (Chromium only: CDP's
 * Input.imeSetComposition sends the composition events and their beforeinput/input).
 */
async function compose(session: Session, steps: string[]): Promise<boolean> {
  if (session.browser.name !== 'Chromium') return false;
  const cdp = await page(session).createCDPSession();
  for (const text of steps) await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  await cdp.send('Input.insertText', { text: steps.at(-1)! });
  await cdp.detach();
  return true;
}

async function viewport(session: Session, width: number, height: number): Promise<void> {
  if (session.browser.type === 'puppeteer') return page(session).setViewport({ width, height });
  // WebDriver sizes the window, not the page: grow the window by whatever the toolbar takes.
  const d = driver(session);
  let size = { width, height };
  for (let attempt = 0; attempt < 5; attempt++) {
    await d.setWindowSize(size.width, size.height);
    const [innerWidth, innerHeight] = (await d.execute(() => [window.innerWidth, window.innerHeight])) as [number, number];
    if (innerWidth === width && innerHeight === height) return;
    size = { width: size.width + width - innerWidth, height: size.height + height - innerHeight };
  }
  throw new Error(`${session.browser.name} cannot show a ${width}×${height} viewport`);
}

/**
 * Which `prefers-reduced-motion` values this engine can show, setting the
 * first one. Chromium emulates either; Firefox and WebKit are launched asking
 * for less motion (their drivers cannot emulate media), so they show `reduce`.
 */
async function motion(session: Session, wanted: 'reduce' | 'no-preference'): Promise<Array<'reduce' | 'no-preference'>> {
  if (session.browser.name === 'Chromium') {
    await page(session).emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: wanted }]);
    return ['reduce', 'no-preference'];
  }
  return ['reduce'];
}

export function realInputPlugin(): TestRunnerPlugin {
  return {
    name: 'otp-flow-real-input',
    async executeCommand({ command, payload, session }) {
      const s = session as unknown as Session;
      const p = payload as Record<string, unknown>;
      switch (command) {
        case 'type':
          await typeText(s, p.text as string);
          return true;
        case 'press':
          await press(s, p.key as string);
          return true;
        case 'shortcut':
          await shortcut(s, p.letter as string);
          return true;
        case 'click':
          await click(s, p.x as number, p.y as number);
          return true;
        case 'compose':
          return compose(s, p.steps as string[]);
        case 'viewport':
          await viewport(s, p.width as number, p.height as number);
          return true;
        case 'motion':
          return motion(s, p.wanted as 'reduce' | 'no-preference');
        default:
          return undefined;
      }
    },
  };
}
