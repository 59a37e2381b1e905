/** The marketers' demo page, walked as a person would, on a phone and on a desktop. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startCli, type Started } from '../../support/cli.js';
import { axeViolations, launch, PHONE, recordedPage } from '../helpers/browser.js';

/** Moves a closed <select> to `value` with the arrow keys, as a keyboard user does (it changes in place on Linux). */
async function chooseWithKeys(page: Page, selector: string, value: string): Promise<void> {
  const select = page.locator(selector);
  await select.focus();
  const [from, to] = await select.evaluate((el: HTMLSelectElement, wanted) => [el.selectedIndex, [...el.options].findIndex((o) => o.value === wanted)], value);
  assert.ok(to >= 0, `${selector} offers ${value}`);
  for (let i = 0; i < Math.abs(to - from); i++) await page.keyboard.press(to > from ? 'ArrowDown' : 'ArrowUp');
  assert.equal(await select.inputValue(), value);
}

describe('the demo page', () => {
  let demo: Started;
  let browser: Browser;
  before(async () => {
    demo = await startCli(['serve', 'dist/demo', '--simulate', '--port', '0']);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
  });

  it('walks the live component using the simulated SMS inbox', async () => {
    const { page, consoleErrors } = await recordedPage(browser, PHONE);
    await page.goto(`${demo.url}/`);
    const phone = page.locator('#live #phone');
    await phone.pressSequentially('0501234567');
    await phone.press('Enter');
    const code = page.locator('#inbox li .code').first();
    await code.waitFor();
    const sent = (await code.textContent())!.trim();
    assert.match(sent, /^\d{6}$/);
    await page.locator('#live #code').pressSequentially(sent);
    await page.locator('#live #code').press('Enter');
    await page.locator('#live .success').waitFor();
    await page.locator('#events li', { hasText: 'otp-verified' }).waitFor();
    assert.deepEqual(consoleErrors, []);
  });

  it('switches language live, right to left for Arabic, and updates the snippet', async () => {
    const { page, consoleErrors } = await recordedPage(browser, PHONE);
    await page.goto(`${demo.url}/`);
    await chooseWithKeys(page, '#lang', 'ar');
    await page.waitForFunction(() => document.querySelector('#live')?.shadowRoot?.querySelector('.root')?.getAttribute('dir') === 'rtl');
    assert.equal(await page.locator('#live label').first().textContent(), 'رقم الجوال');
    assert.match((await page.locator('#snippet').textContent()) ?? '', /lang="ar"/);
    assert.match((await page.locator('#snippet').textContent()) ?? '', /otp-flow init .* --lang ar/);
    assert.match(page.url(), /lang=ar/);
    // The sample price and terms follow the language too.
    const terms = (await page.locator('#live [slot=disclosure]').textContent()) ?? '';
    assert.match(terms, /[\u0600-\u06ff]/);
    assert.match(terms, /1234/);
    await page.locator('#countries').click();
    await page.keyboard.press('Control+A');
    await page.locator('#countries').pressSequentially('SA,KW');
    await page.locator('#live [part~=country-button]').click();
    await page.locator('#live [role=option]').first().waitFor();
    assert.deepEqual(await page.locator('#live [role=option]').evaluateAll((o) => o.map((x) => x.id)), ['country-AE', 'country-SA', 'country-KW']);
    await page.keyboard.press('Escape');
    // The colour picker is the system's own dialog, which no driver reaches; fill() is Playwright's stand-in for it.
    await page.locator('#primary').fill('#a4133c');
    const background = await page.locator('#live button[type=submit]').evaluate((b) => getComputedStyle(b).backgroundColor);
    assert.equal(background, 'rgb(164, 19, 60)');
    assert.match((await page.locator('#snippet').textContent()) ?? '', /--otp-flow-color-primary: #a4133c/);
    assert.deepEqual(consoleErrors, []);
  });

  it('switches OTP_CHALLENGE in the simulator: the live component then proves the work, saying "Checking…", fetching the solver only then', async () => {
    const { page, consoleErrors, traffic } = await recordedPage(browser, PHONE);
    await page.goto(`${demo.url}/`);
    // The control shows what the proxy runs with: the default.
    await page.waitForFunction(() => (document.querySelector('#challenge') as HTMLSelectElement).value === 'adaptive');
    await chooseWithKeys(page, '#challenge', 'always');
    await page.waitForFunction(async () => ((await (await fetch('/__simulator/challenge')).json()) as { challenge: string }).challenge === 'always');
    assert.match((await page.locator('#snippet').textContent()) ?? '', /OTP_CHALLENGE=always/);
    assert.match(page.url(), /challenge=always/);
    const solverFetched = () => traffic.some((line) => /^GET \S*solver[^/\s]*\.js /.test(line));
    assert.ok(!solverFetched(), 'no solver before the proxy asks for one');
    // Every line the live region says, as it changes.
    await page.evaluate(() => {
      const live = document.querySelector('#live')!.shadowRoot!;
      const said: string[] = ((window as unknown as { said: string[] }).said = []);
      new MutationObserver(() => said.push(live.querySelector('[role=status]')?.textContent ?? '')).observe(live, { subtree: true, childList: true, characterData: true });
    });
    const phone = page.locator('#live #phone');
    await phone.pressSequentially('0521234567');
    await phone.press('Enter');
    const code = page.locator('#inbox li', { hasText: '+971521234567' }).locator('.code');
    await code.waitFor();
    assert.ok((await page.evaluate(() => (window as unknown as { said: string[] }).said)).includes('Checking…'), '"Checking…" was announced');
    assert.ok(solverFetched(), 'the solver was fetched');
    await page.locator('#live #code').pressSequentially((await code.textContent())!.trim());
    await page.locator('#live #code').press('Enter');
    await page.locator('#live .success').waitFor();
    await chooseWithKeys(page, '#challenge', 'adaptive');
    await page.waitForFunction(async () => ((await (await fetch('/__simulator/challenge')).json()) as { challenge: string }).challenge === 'adaptive');
    assert.deepEqual(consoleErrors.filter((e) => !/status of 428/.test(e)), []);
  });

  it('shows every state side by side without walking there', async () => {
    const { page } = await recordedPage(browser, PHONE);
    await page.goto(`${demo.url}/`);
    for (const [state, text] of [
      ['number', 'Mobile number'],
      ['checking', 'Checking…'],
      ['code', 'We sent a code'],
      ['error', 'not available right now'],
      ['done', 'Your number is confirmed'],
    ] as const) {
      const shown = await page.locator(`otp-flow[preview=${state}]`).evaluate((el) => el.shadowRoot!.textContent ?? '');
      assert.match(shown, new RegExp(text));
    }
  });

  it('previews with an example number of the chosen country', async () => {
    const { page, consoleErrors } = await recordedPage(browser, PHONE);
    await page.goto(`${demo.url}/`);
    await chooseWithKeys(page, '#country', 'TH');
    await page.waitForFunction(() => document.querySelector('otp-flow[preview=code]')?.shadowRoot?.textContent?.replace(/\s+/g, ' ').includes('+66 81 234 5678'));
    assert.equal(await page.locator('otp-flow[preview=number] #phone').inputValue(), '081 234 5678');
    assert.deepEqual(consoleErrors, []);
  });

  for (const [name, options] of [
    ['a 360 px phone', PHONE],
    ['a desktop', { viewport: { width: 1280, height: 900 } }],
  ] as const) {
    it(`fits and is accessible on ${name}`, async () => {
      const { page } = await recordedPage(browser, options);
      await page.goto(`${demo.url}/`);
      await page.locator('#live #phone').waitFor();
      const width = options.viewport!.width;
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= width, 'no sideways scrolling');
      assert.deepEqual(await axeViolations(page), []);
    });
  }
});
