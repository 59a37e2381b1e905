/** The files of a landing kit, as text. Nothing here ever sees the key. */
import { ENV_NAMES } from '../proxy/config.js';

export interface KitSettings {
  aid: string;
  mid: string;
  partner: string;
  country: string;
  countries: string[];
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  successUrl: string | undefined;
  userId: string | undefined;
  type: string | undefined;
  bundle: string;
  name: string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function indexHtml(kit: KitSettings): string {
  const attrs = [
    'endpoint="/otp"',
    `country="${kit.country}"`,
    kit.countries.length > 1 ? `countries="${kit.countries.join(',')}"` : '',
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
    <!-- The page paints its text first; the component follows one frame later. -->
    <script type="module">requestAnimationFrame(() => setTimeout(() => import('./${kit.bundle}')));</script>
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
          Enter your mobile number. We will send you a code by SMS.
        </p>
        <otp-flow ${attrs.join(' ')}>
          <!-- ========================================================================
               EDIT: PRICE AND TERMS. Operators require the price, the billing period
               and how to cancel to be shown next to the button. Replace this text.
               ======================================================================== -->
          <p slot="disclosure" class="terms">
            [Price] per [period], renews automatically. Cancel anytime by sending STOP to [short code].
            By continuing you accept the <a href="#terms">terms</a>.
          </p>
        </otp-flow>
      </div>
    </main>
    <footer>
      <!-- EDIT: links to the offer's terms and privacy policy. -->
      <a href="#terms">Terms</a> · <a href="#privacy">Privacy</a>
    </footer>
  </body>
</html>
`;
}

export function envExample(kit: KitSettings): string {
  const line = (name: string, value: string, comment: string) => `# ${comment}\n${name}=${value}\n`;
  return [
    '# Copy this file to .env and fill in OFFER18_KEY. Never commit .env: it holds the API key.',
    '# Every value can also come from the real environment, which wins over .env.',
    '',
    line(ENV_NAMES['offer18.key']!, '', 'Your Offer18 API key (required). Only the server reads it; it never reaches the page.'),
    line(ENV_NAMES['offer18.aid']!, kit.aid, 'Affiliate ID.'),
    line(ENV_NAMES['offer18.mid']!, kit.mid, 'Advertiser MID.'),
    line(ENV_NAMES['offer18.partner']!, kit.partner, 'Partner name.'),
    line(ENV_NAMES['offer18.userId']!, kit.userId ?? '', 'User ID under the partner (optional).'),
    line(ENV_NAMES['offer18.type']!, kit.type ?? '', 'Type of request (optional).'),
    line(ENV_NAMES['offer18.apiBase']!, 'https://api.offer18.com/api/af', 'Offer18 OTP API base URL.'),
    line(ENV_NAMES['offer18.timeoutMs']!, '8000', 'How long to wait for Offer18, in milliseconds.'),
    line(ENV_NAMES.sessionSecret!, '', 'Signs the sessions handed to the page. Required with NODE_ENV=production: openssl rand -hex 32'),
    line(ENV_NAMES.countries!, kit.countries.join(','), 'Countries numbers may come from. Numbers from elsewhere never reach Offer18.'),
    line(ENV_NAMES.allowedOrigins!, '', 'Other sites allowed to call this server, comma separated (https://a.example). Empty: this site only.'),
    line(ENV_NAMES.resendAfter!, '30', 'Seconds before the page offers to send a new code.'),
    line(ENV_NAMES.sessionTtl!, '600', 'Seconds a sent code stays usable.'),
    line(ENV_NAMES.maxAttempts!, '5', 'Wrong codes allowed per session before a new code is needed.'),
    line('PORT', '8787', 'Port to listen on.'),
    line('HOST', '127.0.0.1', 'Address to listen on: 127.0.0.1 behind a reverse proxy, 0.0.0.0 on a platform that routes to the port.'),
    line('NODE_ENV', 'production', 'production refuses to start without OTP_SESSION_SECRET.'),
  ].join('\n');
}

/** The campaign's non-secret settings, so `.env` needs only the key and the session secret. */
export function campaignEnv(kit: KitSettings): string {
  const lines = [
    '# The campaign otp-flow init wrote this folder for. Nothing secret here:',
    '# .env and the real environment override any of these.',
    `${ENV_NAMES['offer18.aid']}=${kit.aid}`,
    `${ENV_NAMES['offer18.mid']}=${kit.mid}`,
    `${ENV_NAMES['offer18.partner']}=${kit.partner}`,
    `${ENV_NAMES.countries}=${kit.countries.join(',')}`,
  ];
  if (kit.userId) lines.push(`${ENV_NAMES['offer18.userId']}=${kit.userId}`);
  if (kit.type) lines.push(`${ENV_NAMES['offer18.type']}=${kit.type}`);
  return `${lines.join('\n')}\n`;
}

export function packageJson(kit: KitSettings): string {
  return `${JSON.stringify(
    {
      name: kit.name,
      private: true,
      type: 'module',
      description: `${kit.title}: OTP landing page (${kit.countries.join(', ')})`,
      scripts: { start: 'node server.mjs', simulate: 'node server.mjs --simulate' },
      engines: { node: '>=20.19' },
    },
    null,
    2,
  )}\n`;
}

export function readme(kit: KitSettings): string {
  return `# ${kit.title}

A complete landing page for one Offer18 OTP campaign (${kit.countries.join(', ')}), made by \`otp-flow init\`.
Nothing to install: Node.js 20 or newer is all it needs.

## Start it

\`\`\`sh
cp .env.example .env      # then put your Offer18 API key in OFFER18_KEY, and a secret in OTP_SESSION_SECRET
npm start                 # http://127.0.0.1:8787
\`\`\`

To try the page without credentials, \`npm run simulate\`: a built-in Offer18 simulator answers
instead, no SMS is sent, and the codes appear in the terminal.

Before going live, edit \`public/index.html\`: the offer's price and terms next to the button
(marked \`EDIT\`), the lead sentence and the footer links.

## Put it behind HTTPS

The server speaks plain HTTP on \`HOST:PORT\`. Serve it to the internet only through a TLS-terminating
proxy on the same machine. With [Caddy](https://caddyserver.com), which fetches certificates by itself:

\`\`\`
landing.example.com {
  reverse_proxy 127.0.0.1:8787
}
\`\`\`

With nginx, \`proxy_pass http://127.0.0.1:8787;\` inside a \`server { listen 443 ssl; … }\` block.
On a platform that routes traffic to a port for you (Render, Railway, Fly), set \`HOST=0.0.0.0\` and its \`PORT\`.
Keep it running with your platform, systemd or pm2 (\`pm2 start npm -- start\`).

## Settings

Every setting is an environment variable; \`.env.example\` lists them all with what each does.
The campaign's IDs and countries given to \`otp-flow init\` are in \`campaign.env\`, so \`.env\` (or your
platform's environment settings) needs only \`OFFER18_KEY\` and \`OTP_SESSION_SECRET\`. Settings are read from
\`campaign.env\`, then \`.env\`, then the real environment, each overriding the one before. The key is never written into any file by
\`otp-flow init\`: it lives only in your \`.env\` or your environment, and only the server reads it.

A missing or malformed setting stops the server with one line naming it.

## What is in this folder

| file | what it is |
| --- | --- |
| \`public/index.html\` | the landing page |
| \`public/${kit.bundle}\` | the \`<otp-flow>\` component, built for ${kit.countries.join(', ')} in ${kit.lang === 'en' ? 'English' : `${kit.lang} and English`} |
| \`server.mjs\` | the OTP proxy and a static file server in one file (brotli/gzip, cache headers) |
| \`.env.example\` | every setting, to copy to \`.env\` |
| \`campaign.env\` | the campaign's IDs and countries (not secret) |

## When something goes wrong

The page tells the user what happened in their language. The server logs one JSON line per event
(numbers masked, codes and the key never logged). \`upstream_rejected\` in the log means Offer18 refused
the credentials: check \`OFFER18_KEY\`, \`OFFER18_AID\` and \`OFFER18_MID\`.
`;
}

export const gitignore = '.env\nnode_modules/\n';
