/** The files of a Node landing kit, as text. Nothing here ever sees the key. */
import { DEFAULT_API_BASE, ENV_NAMES } from '../../proxy/config.js';
import { PROXY_DEFAULTS, type KitSettings } from '../page.js';

/** `NAME="value"`: init's arguments carry no quotes, backslashes or control characters, so quoting is safe. */
const setting = (name: string, value: string) => (value === '' || /^[\w.,:/+-]+$/.test(value) ? `${name}=${value}` : `${name}="${value}"`);

export function envExample(kit: KitSettings): string {
  const line = (name: string, value: string, comment: string) => `# ${comment}\n${setting(name, value)}\n`;
  // Listed so they can be found, but left to the proxy's defaults: a copied .env.example must not pin
  // them (`npm run simulate` raises the budgets unless they are set).
  const tunable = (name: string, value: string | number, comment: string) => `# ${comment}\n# ${setting(name, String(value))}\n`;
  return [
    '# Copy this file to .env and fill in OFFER18_KEY and OTP_SESSION_SECRET. Never commit .env: it holds the API key.',
    '# Every value can also come from the real environment, which wins over .env.',
    '',
    line(ENV_NAMES['offer18.key']!, '', 'Your Offer18 API key (required). Only the server reads it; it never reaches the page.'),
    line(ENV_NAMES.sessionSecret!, '', 'Seals the sessions handed to the page. Required with NODE_ENV=production: openssl rand -hex 32'),
    line(ENV_NAMES.publicOrigins!, kit.origin ?? '', "The page's public address, e.g. https://landing.example. Until it is set only pages on this machine can use the proxy."),
    line(ENV_NAMES.trustProxy!, '0', 'Proxies in front of this server that add X-Forwarded-For: 1 behind Caddy or nginx (see README), 0 when clients connect directly. Wrong, and every visitor shares one budget.'),
    line(ENV_NAMES['offer18.aid']!, kit.aid, 'Affiliate ID.'),
    line(ENV_NAMES['offer18.mid']!, kit.mid, 'Advertiser MID.'),
    line(ENV_NAMES['offer18.partner']!, kit.partner, 'Partner name.'),
    line(ENV_NAMES['offer18.userId']!, kit.userId ?? '', 'User ID under the partner (optional).'),
    line(ENV_NAMES['offer18.type']!, kit.type ?? '', 'Type of request (optional).'),
    line(ENV_NAMES['offer18.apiBase']!, DEFAULT_API_BASE, 'Offer18 OTP API base URL.'),
    line(ENV_NAMES['offer18.timeoutMs']!, String(PROXY_DEFAULTS.offer18.timeoutMs), 'Longest wait for a whole answer from Offer18, in milliseconds.'),
    line(ENV_NAMES.countries!, kit.countries.join(','), 'Countries numbers may come from. Numbers from elsewhere never reach Offer18.'),
    line(ENV_NAMES.allowedOrigins!, '', 'Other sites allowed to call this server, comma separated (https://a.example). Empty: this site only.'),
    line(ENV_NAMES.resendAfter!, String(PROXY_DEFAULTS.resendAfter), 'Seconds before the same number can be sent another code.'),
    line(ENV_NAMES.sessionTtl!, String(PROXY_DEFAULTS.sessionTtl), 'Seconds a sent code stays usable.'),
    line(ENV_NAMES.maxAttempts!, String(PROXY_DEFAULTS.maxAttempts), 'Wrong codes allowed per session before a new code is needed.'),
    tunable(ENV_NAMES.numberLimit!, PROXY_DEFAULTS.numberLimit, `Codes sent to one number per ${ENV_NAMES.numberWindow} seconds.`),
    tunable(ENV_NAMES.numberWindow!, PROXY_DEFAULTS.numberWindow, 'Seconds of the per-number budget.'),
    tunable(ENV_NAMES.clientLimit!, PROXY_DEFAULTS.clientLimit, `Codes one visitor's address may ask for per ${ENV_NAMES.clientWindow} seconds.`),
    tunable(ENV_NAMES.clientWindow!, PROXY_DEFAULTS.clientWindow, 'Seconds of the per-visitor budget.'),
    tunable(ENV_NAMES.networkLimit!, PROXY_DEFAULTS.networkLimit, 'Codes one IPv6 /48 network may ask for in that time.'),
    tunable(ENV_NAMES.hourlyLimit!, PROXY_DEFAULTS.hourlyLimit, 'Codes sent per hour in all: your spending cap.'),
    tunable(ENV_NAMES.basePath!, PROXY_DEFAULTS.basePath, 'Where the API answers (the page\'s endpoint must match).'),
    line('REDIS_URL', '', 'redis://… to share budgets and sessions between several servers, and keep them across restarts.'),
    line('PORT', '8787', 'Port to listen on.'),
    line('HOST', '127.0.0.1', 'Address to listen on: 127.0.0.1 behind a reverse proxy, 0.0.0.0 on a platform that routes to the port.'),
    line('OTP_METRICS_PORT', '', 'Serve Prometheus metrics (sends, verifies, Offer18 latency) on this port, never on PORT. Empty: none.'),
    line('OTP_METRICS_HOST', '', 'Address the metrics port listens on; empty: 127.0.0.1, for a scraper on this machine.'),
    tunable('OTP_MAX_CONNECTIONS', '', 'Connections open at once; empty: three quarters of the open-file limit.'),
    tunable('OTP_CONTENT_SECURITY_POLICY', '', "Replaces the Content-Security-Policy sent with the page; empty: the kit's strict one."),
    line('NODE_ENV', 'production', 'production refuses to start without OTP_SESSION_SECRET.'),
  ].join('\n');
}

/** The campaign's non-secret settings, so `.env` needs only the key and the session secret. */
export function campaignEnv(kit: KitSettings): string {
  const lines = [
    '# The campaign otp-flow init wrote this folder for. Nothing secret here:',
    '# .env and the real environment override any of these.',
    setting(ENV_NAMES['offer18.aid']!, kit.aid),
    setting(ENV_NAMES['offer18.mid']!, kit.mid),
    setting(ENV_NAMES['offer18.partner']!, kit.partner),
    setting(ENV_NAMES.countries!, kit.countries.join(',')),
  ];
  if (kit.origin) lines.push(setting(ENV_NAMES.publicOrigins!, kit.origin));
  if (kit.userId) lines.push(setting(ENV_NAMES['offer18.userId']!, kit.userId));
  if (kit.type) lines.push(setting(ENV_NAMES['offer18.type']!, kit.type));
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

The server speaks plain HTTP on \`HOST:PORT\`. Serve it to the internet through a TLS-terminating
proxy on the same machine, and tell the server two things about it in \`.env\`:

- \`OTP_PUBLIC_ORIGIN=https://landing.example.com\`: the page's address. Only pages from it may use
  the proxy; until it is set, only pages on this machine can.
- \`OTP_TRUST_PROXY=1\`: one proxy stands in front and adds the visitor's address to
  \`X-Forwarded-For\`. Without it every visitor arrives from 127.0.0.1 and all of them share one
  budget of 20 sends per 10 minutes, so one abuser can lock everyone out. Never set it when
  clients connect directly: they could then pick their own address.

With [Caddy](https://caddyserver.com), which fetches certificates by itself (and sets
\`X-Forwarded-For\` and passes \`Host\` on by default):

\`\`\`caddyfile
landing.example.com {
  reverse_proxy 127.0.0.1:8787
}
\`\`\`

With nginx:

\`\`\`nginx
server {
  listen 443 ssl;
  server_name landing.example.com;
  # ssl_certificate and ssl_certificate_key: from your certificate provider or certbot.
  location / {
    proxy_pass http://127.0.0.1:8787;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header Host $host;
  }
}
\`\`\`

On a platform that routes traffic to a port for you (Render, Railway, Fly), set \`HOST=0.0.0.0\`, its
\`PORT\`, \`OTP_PUBLIC_ORIGIN\` to the address it gives you, and \`OTP_TRUST_PROXY\` to the number of
proxies it documents (usually 1). Keep it running with your platform, systemd or pm2
(\`pm2 start npm -- start\`). A stop (\`SIGTERM\`, Ctrl+C) lets requests in progress finish first.

## Settings

Every setting is an environment variable; \`.env.example\` lists them all with what each does.
The campaign's IDs and countries given to \`otp-flow init\` are in \`campaign.env\`, so \`.env\` (or your
platform's environment settings) needs only \`OFFER18_KEY\` and \`OTP_SESSION_SECRET\`. Settings are read from
\`campaign.env\`, then \`.env\`, then the real environment, each overriding the one before. The key is never written into any file by
\`otp-flow init\`: it lives only in your \`.env\` or your environment, and only the server reads it.

A missing or malformed setting stops the server with one line naming it.

Budgets, attempts and the one-conversion record of each code live in the server's memory: a restart
forgets them (a code verified just before a restart could be tried again after it). Set \`REDIS_URL\`
to keep them across restarts and share them between several servers.

The page is served with a Content-Security-Policy: scripts only from this server or inline in the
page, and no other site may show the page in a frame. Adding a script from elsewhere (analytics, a
tag manager)? Set \`OTP_CONTENT_SECURITY_POLICY\` to the policy you need.

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
