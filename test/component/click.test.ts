/**
 * The tracker's click parameters, from the page's own URL to the send, the
 * events and `success-url`, against the real proxy (which refuses a value
 * that does not fit, so a send that goes through sent none of them).
 */
import { codeInput, expect, html, mount, oneEvent, stepIs, toCodeStep } from './support.js';
import { paste } from './input.js';

const original = location.href;
/** The page as a tracker links to it: its own query, with these parameters after. */
function landOn(query: string): void {
  history.replaceState(null, '', `${location.search ? `${location.search}&` : '?'}${query}`);
}
afterEach(() => history.replaceState(null, '', original));

/** Through the code step to the verified code, staying on the page; the two events' details. */
async function convert(markup = html`<otp-flow country="AE"></otp-flow>`) {
  const el = await mount(markup);
  const sent = oneEvent(el, 'otp-sent');
  const code = await toCodeStep(el);
  el.addEventListener('otp-verified', (e) => e.preventDefault());
  const verified = oneEvent(el, 'otp-verified');
  await paste(codeInput(el), code);
  const result = { sent: (await sent).detail, verified: (await verified).detail };
  await stepIs(el, 'done');
  return result;
}

describe('click parameters', () => {
  it('are read from the page’s URL, sent with the code, and handed to otp-sent and otp-verified', async () => {
    landOn(`clickid=abc123&sub1=banner7&clickid=second&sub2=${'x'.repeat(129)}&sub3=a%26sub1%3Dx&sub4=caf%C3%A9&sub5=&other=1`);
    const { sent, verified } = await convert();
    // The values that do not fit were dropped: the proxy would have refused the send with them.
    expect(sent.click).to.deep.equal({ clickid: 'abc123', sub1: 'banner7' });
    expect(verified.click).to.deep.equal({ clickid: 'abc123', sub1: 'banner7' });
  });

  it('fill success-url’s placeholders, and those the URL lacks with nothing', async () => {
    landOn('clickid=abc-123.x~y_z&sub1=banner7');
    const { verified } = await convert(html`<otp-flow country="AE" success-url="/thanks?c={clickid}&s={sub1}&z={sub5}&keep={other}"></otp-flow>`);
    expect(verified.successUrl).to.equal(new URL('/thanks?c=abc-123.x~y_z&s=banner7&z=&keep={other}', location.href).href);
  });

  it('are the names click-params lists, and only those', async () => {
    landOn('clickid=abc123&sub1=banner7&sub2=zone9');
    const { sent } = await convert(html`<otp-flow country="AE" click-params=" sub2, sub1 "></otp-flow>`);
    expect(sent.click).to.deep.equal({ sub2: 'zone9', sub1: 'banner7' });
  });

  it('are empty when the URL has none', async () => {
    const { sent, verified } = await convert();
    expect(sent.click).to.deep.equal({});
    expect(verified.click).to.deep.equal({});
  });
});
