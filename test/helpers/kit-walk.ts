/**
 * A visitor's walk through a kit made with `--country AE --lang ar`, the same
 * page and bundle whichever target serves it: number, a wrong code, the right
 * one, typed with real key presses on a phone-sized page, with no key in
 * anything the page exchanged. `challenged`: the proxy asks the send for a
 * proof of work (`OTP_CHALLENGE=always`), which the page's strict policy must
 * let the solver do. `click`: the page is opened with these tracker
 * parameters in its URL, and its events must carry them; the walk returns
 * when the verify was answered, to time the postback by.
 */
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import type { Offer18Simulator } from '../../src/simulator/index.js';
import { recordedPage } from './browser.js';

export async function walkArabicKit(
  browser: Browser,
  url: string,
  sim: Offer18Simulator,
  key: string,
  { challenged = false, click = {} }: { challenged?: boolean; click?: Record<string, string> } = {},
): Promise<{ verifiedAt: number }> {
  const { page, consoleErrors, traffic, events } = await recordedPage(browser);
  try {
    const query = new URLSearchParams(click).toString();
    await page.goto(query ? `${url}?${query}` : url);
    await assert.doesNotReject(page.waitForFunction(() => customElements.get('otp-flow')));
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');

    const phone = page.locator('otp-flow #phone');
    await phone.pressSequentially('0501234567');
    assert.equal(await phone.inputValue(), '050 123 4567');
    await phone.press('Enter');

    const code = page.locator('otp-flow #code');
    await code.waitFor();
    assert.ok(await code.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement), 'focus moved to the code');
    const sent = sim.lastCode('971501234567')!;
    assert.match(sent, /^\d{6}$/);
    const solver = traffic.filter((entry) => /^GET \S*\/otp-flow\.solver\.[\w-]+\.js /.test(entry));
    assert.equal(solver.length, challenged ? 1 : 0, 'the solver fetched when, and only when, the proxy asked for a proof of work');

    await code.pressSequentially(sent === '000000' ? '111111' : '000000');
    await code.press('Enter');
    const alert = page.locator('otp-flow #code-error');
    await page.waitForFunction(() => document.querySelector('otp-flow')?.shadowRoot?.querySelector('#code-error')?.textContent?.trim());
    assert.equal((await alert.textContent())?.trim(), 'الرمز غير صحيح. بقيت 4 محاولات.');
    assert.equal(await alert.getAttribute('role'), 'alert');

    await code.pressSequentially(sent);
    const verified = page.waitForResponse((r) => r.url().endsWith('/verify') && r.status() === 200).then(() => Date.now());
    await code.press('Enter');
    const verifiedAt = await verified;
    await page.locator('otp-flow .success').waitFor();
    assert.match((await page.locator('otp-flow .success').textContent()) ?? '', /تم تأكيد رقمك/);

    const all = await events();
    const fired = all.map((e) => e.type);
    assert.ok(fired.includes('otp-sent') && fired.includes('otp-error') && fired.includes('otp-verified'), fired.join(','));
    for (const type of ['otp-sent', 'otp-verified']) assert.deepEqual((all.find((e) => e.type === type)!.detail as { click: unknown }).click, click, `${type} carries the click`);
    assert.deepEqual(sim.calls.map((c) => c.endpoint), ['otp_gen', 'otp_verify', 'otp_verify']);

    assert.ok(traffic.length > 5);
    for (const entry of traffic) assert.ok(!entry.includes(key), `the key is not in ${entry.slice(0, 80)}`);
    // Chromium reports every 4xx fetch on the console; the wrong code's 422 and the challenge's 428 are the API doing its job.
    const expected = /^Failed to load resource: the server responded with a status of 42[28]/;
    assert.deepEqual(consoleErrors.filter((e) => !expected.test(e)), []);
    assert.equal(consoleErrors.length, challenged ? 2 : 1, 'exactly the one wrong code, and the challenge');
    return { verifiedAt };
  } finally {
    await page.context().close();
  }
}
