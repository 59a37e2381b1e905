/** The landing page both kits serve, and the settings every kit file is written from. Nothing here ever sees the key. */
import { PROXY_DEFAULTS } from '../proxy/config.js';
import type { PageTexts } from '../component/localize.js';

export interface KitSettings {
  aid: string;
  mid: string;
  partner: string;
  country: string;
  countries: string[];
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The page's words in the campaign's language. */
  texts: PageTexts;
  title: string;
  successUrl: string | undefined;
  /** The page's public origin, when init was told it. */
  origin: string | undefined;
  userId: string | undefined;
  type: string | undefined;
  /** Digits in every code the campaign sends (within the contract's range), when init was told. */
  otpLength: number | undefined;
  /** The affiliate's tracker (`OTP_POSTBACK_URL`) and what `{payout}` is, when init was told. */
  postbackUrl?: string | undefined;
  postbackPayout?: string | undefined;
  bundle: string;
  /** Files the bundle fetches from beside itself when it needs them (`otp-flow.<kind>.<hash>.js`: see `CHUNKS`). */
  chunks: string[];
  name: string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The sentence escaped as text, with the link put in afterwards as HTML. */
function acceptTerms(texts: PageTexts): string {
  const slot = '\u0000link\u0000';
  return escapeHtml(texts.acceptTerms(slot)).replace(slot, `<a href="#terms">${escapeHtml(texts.termsLink)}</a>`);
}

/** What each chunk beside a kit's bundle is, by the kind its name gives (`otp-flow.<kind>.<hash>.js`). */
const CHUNKS: Record<string, string> = {
  solver: "the component's proof-of-work solver, fetched only when the proxy asks a visitor for one",
  sms: "the component's SMS reader and WebOTP, fetched as a number is sent",
  'country-list': "the country picker's list, fetched once the page is idle or the picker is touched",
  'preview-controller': "the component's preview of its steps for design reviews, fetched only by a page that sets `preview`",
};

/** The component's rows in a kit README's table of files. */
export function componentFiles(kit: KitSettings): string {
  const languages = kit.lang === 'en' ? 'English' : `${kit.lang} and English`;
  return [
    `| \`public/${kit.bundle}\` | the \`<otp-flow>\` component, built for ${kit.countries.join(', ')} in ${languages} |`,
    ...kit.chunks.map((chunk) => `| \`public/${chunk}\` | ${CHUNKS[chunk.split('.')[1]!] ?? "a part of the component it fetches when needed"} |`),
  ].join('\n');
}

export function indexHtml(kit: KitSettings): string {
  const attrs = [
    // Where the proxy answers unless OTP_BASE_PATH moves it (then this attribute moves with it: see the settings files).
    `endpoint="${escapeHtml(PROXY_DEFAULTS.basePath)}"`,
    `country="${kit.country}"`,
    kit.countries.length > 1 ? `countries="${kit.countries.join(',')}"` : '',
    kit.otpLength ? `otp-length="${kit.otpLength}"` : '',
    kit.successUrl ? `success-url="${escapeHtml(kit.successUrl)}"` : '',
  ].filter(Boolean);
  return `<!doctype html>
<html lang="${kit.lang}" dir="${kit.dir}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(kit.title)}</title>
    <meta name="description" content="${escapeHtml(kit.title)}" />
    <meta name="theme-color" content="#0b5cd5" />
    <link rel="icon" href="data:," />
    <!-- The page paints its text first; the component follows one frame later. Once the number is confirmed, the
         sentence asking for it goes. -->
    <script type="module">requestAnimationFrame(() => setTimeout(() => import('./${kit.bundle}')));
addEventListener('otp-step', (e) => document.querySelector('.lead')?.toggleAttribute('hidden', e.detail.step === 'done'));</script>
    <style>
      :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; line-height: 1.5; color: #1b1f24; background: #f3f5f8; }
      * { box-sizing: border-box; }
      body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; }
      main { flex: 1; width: 100%; max-width: 28rem; margin: 0 auto; padding: 1.5rem 1rem 2rem; }
      .card { background: #fff; border-radius: 1rem; padding: 1.5rem 1.25rem; box-shadow: 0 1px 3px rgb(0 0 0 / 0.08), 0 8px 24px rgb(0 0 0 / 0.06); }
      h1 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 0.5rem; }
      .lead { margin: 0 0 1.25rem; color: #57606a; }
      /* Until the component is defined, its box is reserved and the price and terms already sit where
         the component will put them (under the label and the field), so nothing jumps. */
      otp-flow:not(:defined) { display: block; min-height: 13rem; padding-top: 6.25rem; }
      .terms { font-size: 0.875rem; color: #57606a; margin: 0; }
      footer { text-align: center; font-size: 0.8125rem; color: #57606a; padding: 1rem; }
      footer a { color: inherit; }
    </style>
  </head>
  <body>
    <main>
      <div class="card">
        <h1>${escapeHtml(kit.title)}</h1>
        <p class="lead">
          <!-- EDIT: one sentence about the offer. -->
          ${escapeHtml(kit.texts.lead)}
        </p>
        <otp-flow ${attrs.join(' ')}>
          <!-- ========================================================================
               EDIT: PRICE AND TERMS. Operators require the price, the billing period
               and how to cancel to be shown next to the button. Replace this text.
               ======================================================================== -->
          <p slot="disclosure" class="terms">
            ${escapeHtml(kit.texts.terms)}
            ${acceptTerms(kit.texts)}
          </p>
        </otp-flow>
      </div>
    </main>
    <footer>
      <!-- EDIT: links to the offer's terms and privacy policy. -->
      <a href="#terms">${escapeHtml(kit.texts.footerTerms)}</a> · <a href="#privacy">${escapeHtml(kit.texts.footerPrivacy)}</a>
    </footer>
  </body>
</html>
`;
}
