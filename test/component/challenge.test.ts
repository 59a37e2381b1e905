/**
 * The proof of work, through the real component and the real proxy: the
 * shielded proxy of proxy-settings.ts asks every send for one (its cost kept
 * low, so a solve takes milliseconds; bench/challenge.ts measures the default).
 */
import sinon from 'sinon';
import { SHIELDED } from './proxy-settings.js';
import { buttonNamed, errorText, expect, html, mount, oneEvent, phoneInput, statusText, stepIs, submitButton, toCodeStep, typeInto, waitUntil, type El } from './support.js';
import { click, press } from './input.js';

const UNAVAILABLE = 'The service is not available right now. Try again in a moment.';
const realFetch = window.fetch.bind(window);

const shielded = () => mount(html`<otp-flow country="AE" endpoint=${SHIELDED.endpoint}></otp-flow>`);
/** A number no other test sends to. */
const freshNumber = () => `050${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

/** The code the shielded proxy's simulator "sent" last, to `e164`. */
async function codeSentTo(e164: string): Promise<string> {
  const inbox = async () => ((await (await realFetch(`${SHIELDED.endpoint}/__simulator/inbox`)).json()) as { messages: Array<{ to: string; code: string }> }).messages;
  await waitUntil(async () => (await inbox()).some((m) => m.to === e164), `no SMS to ${e164}`, { timeout: 5_000 });
  return (await inbox()).filter((m) => m.to === e164).at(-1)!.code;
}

/** Every text the element's live status region and submit button showed, as they changed. */
function watchShown(el: El): { statuses: string[]; buttons: string[]; stop(): void } {
  const statuses: string[] = [];
  const buttons: string[] = [];
  const record = () => {
    const status = statusText(el);
    const button = submitButton(el)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    if (status !== statuses.at(-1)) statuses.push(status);
    if (button !== buttons.at(-1)) buttons.push(button);
  };
  const observer = new MutationObserver(record);
  observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
  record();
  return { statuses, buttons, stop: () => observer.disconnect() };
}

/** What this page fetched that holds the solver (the chunk and altcha-lib), in Resource Timing. */
const solverFetches = () => performance.getEntriesByType('resource').filter((e) => /solver|altcha/.test(e.name)) as PerformanceResourceTiming[];

/** The sends the element makes, observed on their way: whether each carried a solution, and the proxy's status for it. */
function watchSends(beforeSolved?: (body: { msisdn: string; altcha: unknown }) => Promise<void>): Array<{ altcha: boolean; status: number; end: number }> {
  const sends: Array<{ altcha: boolean; status: number; end: number }> = [];
  sinon.stub(window, 'fetch').callsFake(async (input, init) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as { msisdn: string; altcha?: unknown };
    if (body.altcha && beforeSolved) await beforeSolved(body as { msisdn: string; altcha: unknown });
    const response = await realFetch(input, init);
    sends.push({ altcha: !!body.altcha, status: response.status, end: performance.now() });
    return response;
  });
  return sends;
}

/**
 * Sends the same solution beside the element first, to another number, as a
 * second tab or a replaying bot would: the element's own send then meets a
 * solution already used.
 */
const useFirst = async (body: { altcha: unknown }) => {
  const response = await realFetch(`${SHIELDED.endpoint}/send`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ msisdn: freshNumber(), country: 'AE', altcha: body.altcha }),
  });
  expect(response.status, 'the replayed solution is accepted once').to.equal(200);
};

describe('the proof-of-work challenge', () => {
  afterEach(() => sinon.restore());

  // First in this file: the page has loaded no solver yet.
  it('loads no solver for a send that is not challenged', async () => {
    const el = await mount();
    await toCodeStep(el);
    expect(solverFetches().map((e) => e.name)).to.deep.equal([]);
  });

  it('says "Checking…" while it proves the work after a 428, fetching the solver only then, and the code arrives', async () => {
    const el = await shielded();
    const sends = watchSends();
    const shown = watchShown(el);
    const number = freshNumber();
    const sent = oneEvent(el, 'otp-sent');
    await typeInto(phoneInput(el), number);
    expect(solverFetches(), 'no solver before the proxy asks').to.deep.equal([]);
    await press('Enter');
    const { detail } = await sent;
    shown.stop();
    await stepIs(el, 'code');

    // Asked (428), solved, sent again with the solution (200).
    expect(sends.map(({ altcha, status }) => [altcha, status])).to.deep.equal([
      [false, 428],
      [true, 200],
    ]);
    const solver = solverFetches();
    expect(solver.length, 'the solver was fetched').to.be.greaterThan(0);
    for (const fetched of solver) expect(fetched.startTime, `${fetched.name} after the 428`).to.be.at.least(sends[0]!.end - 1);
    // Announced by the live region, and shown on the button, in that order.
    const live = el.shadowRoot!.querySelector('[role=status]');
    expect(shown.statuses).to.include('Checking…');
    expect(shown.buttons).to.include.ordered.members(['Send code', 'Sending…', 'Checking…', 'Sending…']);
    expect(live, 'the region that said it').to.exist;
    expect(errorText(el)).to.equal('');
    expect(await codeSentTo(detail.msisdn)).to.match(/^\d{6}$/);
  });

  it('says "Checking…" in the page’s language', async () => {
    const el = await mount(html`<otp-flow country="AE" lang="de" endpoint=${SHIELDED.endpoint}></otp-flow>`);
    await waitUntil(() => submitButton(el)?.textContent?.includes('Code senden'), 'German');
    const shown = watchShown(el);
    const sent = oneEvent(el, 'otp-sent');
    await typeInto(phoneInput(el), freshNumber());
    await press('Enter');
    await sent;
    shown.stop();
    expect(shown.statuses).to.include('Wird geprüft…');
  });

  it('solves a fresh challenge when its solution was already used, and the code arrives', async () => {
    const el = await shielded();
    let replayed = 0;
    const sends = watchSends(async (body) => {
      if (replayed++ === 0) await useFirst(body);
    });
    const sent = oneEvent(el, 'otp-sent');
    await typeInto(phoneInput(el), freshNumber());
    await press('Enter');
    const { detail } = await sent;
    expect(sends.map(({ altcha, status }) => [altcha, status])).to.deep.equal([
      [false, 428],
      [true, 428],
      [true, 200],
    ]);
    expect(await codeSentTo(detail.msisdn)).to.match(/^\d{6}$/);
  });

  it('says the service is unavailable when its second solution is refused too, and lets the user try again', async () => {
    const el = await shielded();
    const sends = watchSends(useFirst);
    const failed = oneEvent(el, 'otp-error');
    await typeInto(phoneInput(el), freshNumber());
    await press('Enter');
    expect((await failed).detail).to.include({ code: 'challenge_required', message: UNAVAILABLE, step: 'sending' });
    await stepIs(el, 'number');
    expect(errorText(el)).to.equal(UNAVAILABLE);
    expect(statusText(el), 'no "Checking…" left behind').to.equal('');
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('false');
    expect(sends.map(({ status }) => status)).to.deep.equal([428, 428, 428]);

    // Solved and sent on the next try, once nothing uses its solutions first.
    sinon.restore();
    const sent = oneEvent(el, 'otp-sent');
    await click(submitButton(el));
    await sent;
  });

  it('proves the work for a new code too, saying so where it says the code was sent', async () => {
    const el = await shielded();
    const sent = oneEvent(el, 'otp-sent');
    await typeInto(phoneInput(el), freshNumber());
    await press('Enter');
    await sent;
    await stepIs(el, 'code');
    const shown = watchShown(el);
    const resent = oneEvent(el, 'otp-sent');
    await click(buttonNamed(el, 'Send a new code')!);
    expect((await resent).detail.resend).to.be.true;
    shown.stop();
    expect(shown.statuses.some((s) => s.endsWith('Checking…')), shown.statuses.join(' | ')).to.be.true;
    await el.updateComplete;
    expect(statusText(el)).to.contain('A new code is on its way.');
  });
});
