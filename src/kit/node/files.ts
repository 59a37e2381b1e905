/** The files of a Node landing kit, as text. Nothing here ever sees the key. */
import { ENV_NAMES, PROXY_DEFAULTS, PROXY_SETTINGS } from '../../proxy/config.js';
import { NODE_DEFAULTS, NODE_SETTINGS } from '../../server/env.js';
import { componentFiles, type KitSettings } from '../page.js';
import { listed } from '../settings.js';
import { postbackSection } from '../trackers.js';

/** Where the server listens unconfigured. */
const LISTENS = `${NODE_DEFAULTS.HOST}:${NODE_DEFAULTS.PORT}`;
/** A window in seconds as people say it. */
const duration = (seconds: number) => (seconds % 60 === 0 ? `${seconds / 60} minutes` : `${seconds} seconds`);

/** `NAME="value"`: init's arguments carry no quotes, backslashes or control characters, so quoting is safe. */
const assignment = (name: string, value: string) => (value === '' || /^[\w.,:/+-]+$/.test(value) ? `${name}=${value}` : `${name}="${value}"`);

export function envExample(kit: KitSettings): string {
  return [
    '# Copy this file to .env and fill in OFFER18_KEY and OTP_SESSION_SECRET. Never commit .env: it holds the API key.',
    '# Every value can also come from the real environment, which wins over .env.',
    '',
    ...listed([...PROXY_SETTINGS, ...NODE_SETTINGS], kit).map(({ setting: { env, about }, value, set }) => `# ${about}\n${set ? '' : '# '}${assignment(env, value)}\n`),
  ].join('\n');
}

/** The campaign's non-secret settings, so `.env` needs only the key and the session secret. */
export function campaignEnv(kit: KitSettings): string {
  const lines = [
    '# The campaign otp-flow init wrote this folder for. Nothing secret here:',
    '# .env and the real environment override any of these.',
    assignment(ENV_NAMES['offer18.aid']!, kit.aid),
    assignment(ENV_NAMES['offer18.mid']!, kit.mid),
    assignment(ENV_NAMES['offer18.partner']!, kit.partner),
    assignment(ENV_NAMES.countries!, kit.countries.join(',')),
  ];
  if (kit.origin) lines.push(assignment(ENV_NAMES.publicOrigins!, kit.origin));
  if (kit.userId) lines.push(assignment(ENV_NAMES['offer18.userId']!, kit.userId));
  if (kit.type) lines.push(assignment(ENV_NAMES['offer18.type']!, kit.type));
  if (kit.postbackUrl) lines.push(assignment(ENV_NAMES['postback.url']!, kit.postbackUrl));
  if (kit.postbackPayout) lines.push(assignment(ENV_NAMES['postback.payout']!, kit.postbackPayout));
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
npm start                 # http://${LISTENS}
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
  budget of ${PROXY_DEFAULTS.clientLimit} sends per ${duration(PROXY_DEFAULTS.clientWindow)}, so one abuser can lock everyone out. Never set it when
  clients connect directly: they could then pick their own address.

With [Caddy](https://caddyserver.com), which fetches certificates by itself (and sets
\`X-Forwarded-For\` and passes \`Host\` on by default):

\`\`\`caddyfile
landing.example.com {
  reverse_proxy ${LISTENS}
}
\`\`\`

With nginx:

\`\`\`nginx
server {
  listen 443 ssl;
  server_name landing.example.com;
  # ssl_certificate and ssl_certificate_key: from your certificate provider or certbot.
  location / {
    proxy_pass http://${LISTENS};
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header Host $host;
  }
}
\`\`\`

On a platform that routes traffic to a port for you, set \`HOST=0.0.0.0\`, its
\`PORT\`, \`OTP_PUBLIC_ORIGIN\` to the address it gives you, and \`OTP_TRUST_PROXY\` to the number of
proxies it documents (usually 1). Keep it running with your platform, systemd or pm2
(\`pm2 start npm -- start\`). A stop (\`SIGTERM\`, Ctrl+C) lets requests in progress finish first.

## Settings

Every setting is an environment variable; \`.env.example\` lists them all with what each does.
The campaign's IDs and countries given to \`otp-flow init\` (and its postback URL) are in \`campaign.env\`, so \`.env\` (or your
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

${postbackSection({
  origin: kit.origin ?? 'https://landing.example.com',
  where: 'in `campaign.env`, or `.env`',
  line: (value) => assignment(ENV_NAMES['postback.url']!, value),
  behaviour: `The server checks the template when it starts, and stops with one line saying what is wrong
with it. A postback the tracker does not take (no 2xx answer) is tried again, waiting longer each
time, for 24 hours, then dropped with a \`postback.dropped\` line in the log; each one delivered is a
\`postback.delivered\` line. Postbacks not yet delivered wait in the server's memory: **a restart loses
them**. With \`REDIS_URL\` they wait in Redis instead, kept across restarts and delivered once by
whichever of your servers gets to them first.`,
})}
## What is in this folder

| file | what it is |
| --- | --- |
| \`public/index.html\` | the landing page |
${componentFiles(kit)}
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
