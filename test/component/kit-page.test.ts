/**
 * The landing page `otp-flow init` writes, around the component, walked in
 * every engine (issue 16, item 10): once the number is confirmed, the page no
 * longer asks for it. The page is the kit's own (src/kit/page.ts), in a frame,
 * loading the component from source instead of the built bundle.
 */
import { indexHtml, type KitSettings } from '../../src/kit/page.js';
import { pages } from '../../src/component/translations/index.js';
import { expect, lastCode, waitUntil } from './support.js';
import { press, type } from './input.js';

function kitPage(): string {
  const texts = pages.en;
  const kit: KitSettings = {
    aid: '1', mid: '2', partner: 'acme', country: 'AE', countries: ['AE'], lang: 'en', dir: 'ltr', texts, title: texts.title,
    successUrl: undefined, origin: undefined, userId: undefined, type: undefined, otpLength: undefined, bundle: 'src/component/otp-flow.ts', chunks: [], name: 'kit',
  };
  return indexHtml(kit);
}

/** What a visitor sees of the page around the component: the text of its rendered elements. */
const seen = (doc: Document) => doc.body.innerText.replace(/\s+/g, ' ');

describe('the kit’s page', () => {
  let frame: HTMLIFrameElement;
  afterEach(() => frame?.remove());

  it('stops asking for the number once it is confirmed', async () => {
    frame = document.createElement('iframe');
    frame.style.cssText = 'width: 360px; height: 700px; border: 0';
    document.body.append(frame);
    // Written into the frame rather than given as srcdoc: WebKit resolves an about:srcdoc page's module imports
    // against about:srcdoc, and the page imports the component by a relative path.
    frame.contentDocument!.open();
    frame.contentDocument!.write(kitPage());
    frame.contentDocument!.close();
    await waitUntil(() => frame.contentWindow?.customElements.get('otp-flow'), 'the component loaded in the page', { timeout: 15_000 });
    const doc = frame.contentDocument!;
    const flow = doc.querySelector('otp-flow')!;
    const $ = (selector: string) => flow.shadowRoot?.querySelector<HTMLElement>(selector);
    await waitUntil(() => $('#phone'), 'the number field');
    expect(seen(doc)).to.contain(pages.en.lead);

    $('#phone')!.focus();
    await type('0501234567');
    await press('Enter');
    await waitUntil(() => $('#code'), 'the code step', { timeout: 5_000 });
    const code = await lastCode();
    $('#code')!.focus();
    await type(code);
    await press('Enter');
    await waitUntil(() => $('.success'), 'the number confirmed', { timeout: 5_000 });

    expect(seen(doc)).not.to.contain(pages.en.lead);
    expect(seen(doc)).to.contain(pages.en.title);
  });
});
