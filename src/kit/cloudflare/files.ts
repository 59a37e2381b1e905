/**
 * The files of a Cloudflare landing kit (`otp-flow init --target cloudflare`),
 * as text: the Worker's configuration, its headers, scripts and README.
 * The page and the component bundle are the Node kit's (`templates.ts`).
 * Nothing here ever sees the key.
 */
import { DEFAULT_API_BASE, ENV_NAMES, PROXY_SETTINGS } from '../../proxy/config.js';
import { strictPolicy } from '../../shared/page-policy.js';
import { componentFiles, type KitSettings } from '../page.js';
import { listed } from '../settings.js';
import { postbackSection } from '../trackers.js';
import { trimEnd } from '../../shared/text.js';

/** The wrangler a kit installs: 4.86.0 is the last release that runs on Node 20. */
export const WRANGLER_VERSION = '4.86.0';
/**
 * Not newer than the runtime bundled with that wrangler knows (1.20260426),
 * or `wrangler dev` refuses to start; Cloudflare honours any past date.
 */
export const COMPATIBILITY_DATE = '2026-04-01';

/** Cloudflare's rule for Worker names: lowercase letters, digits and dashes, at most 63. */
function workerName(name: string): string {
  return trimEnd(name.slice(0, 63), '-') || 'landing';
}

export function wranglerJsonc(kit: KitSettings): string {
  // JSON.stringify quotes every value: init's arguments hold no control characters, quotes or backslashes anyway.
  const entry = (name: string, value: string) => `${JSON.stringify(name)}: ${JSON.stringify(value)},`;
  // Secrets are never here (wrangler secret put), nor what the Worker does not read.
  const settings = listed(
    PROXY_SETTINGS.filter((s) => !s.secret && s.worker !== false),
    kit,
  );
  const set = (name: string) => settings.find((l) => l.setting.env === name && l.set);
  const given = (name: string) => {
    const line = set(name);
    return line ? [entry(name, line.value)] : [];
  };
  const vars = [
    ...given(ENV_NAMES['offer18.aid']!),
    ...given(ENV_NAMES['offer18.mid']!),
    ...given(ENV_NAMES['offer18.partner']!),
    ...given(ENV_NAMES['offer18.userId']!),
    ...given(ENV_NAMES['offer18.type']!),
    '// Numbers from other countries never reach Offer18.',
    ...given(ENV_NAMES.countries!),
    "// The page's public address: the workers.dev address `npm run deploy` prints, or your own domain.",
    '// Until it is set, the API answers only requests to this machine (npm run dev, npm run simulate).',
    ...given(ENV_NAMES.publicOrigins!),
    ...(set(ENV_NAMES['postback.url']!) ? ["// Your tracker, told of each verified number (README: Postbacks to your tracker)."] : []),
    ...given(ENV_NAMES['postback.url']!),
    ...given(ENV_NAMES['postback.payout']!),
    '// Any other setting, shown with its default (README: Settings). Remove the // to change one.',
    ...settings.filter((l) => !l.set).map((l) => `// ${entry(l.setting.env, l.value)}`),
  ];
  const host = kit.origin ? new URL(kit.origin).hostname : 'landing.example.com';
  const ownDomain = !host.endsWith('.workers.dev');
  return `// The Cloudflare Worker for "${kit.title}", written by otp-flow init.
// Every field: https://developers.cloudflare.com/workers/wrangler/configuration/
{
  "$schema": "node_modules/wrangler/config-schema.json",
  "name": ${JSON.stringify(workerName(kit.name))},
  // The OTP proxy and its Durable Objects, prebuilt by otp-flow: nothing to compile.
  "main": "worker.js",
  // No later than the pinned wrangler's local runtime knows (2026-04-26), or npm run dev refuses to start.
  "compatibility_date": ${JSON.stringify(COMPATIBILITY_DATE)},
  // The page and the component, served by Cloudflare with the headers in public/_headers. The Worker runs
  // first for the page, to tell it the visitor's country (CF-IPCountry), which the number field starts on.
  "assets": { "directory": "./public", "binding": "ASSETS", "run_worker_first": ["/"] },
  // Budgets, sessions and postbacks: one Durable Object per budget key, per sent code and per postback,
  // so every update to one of them is serialised by Cloudflare, from whichever region it comes.
  "durable_objects": {
    "bindings": [
      { "name": "OTP_BUDGETS", "class_name": "OtpBudget" },
      { "name": "OTP_SESSIONS", "class_name": "OtpSession" },
      { "name": "OTP_POSTBACKS", "class_name": "OtpPostback" },
    ],
  },
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["OtpBudget", "OtpSession"] },
    { "tag": "v2", "new_sqlite_classes": ["OtpPostback"] },
  ],
  // The campaign's settings; nothing secret. OFFER18_KEY and OTP_SESSION_SECRET are secrets:
  // npx wrangler secret put OFFER18_KEY (and locally .dev.vars); see README.
  "vars": {
${vars.map((line) => `    ${line}`).join('\n')}
  },
${
  ownDomain
    ? `  // Served on your own domain (its zone on this Cloudflare account); then set OTP_PUBLIC_ORIGIN to https://${host}.
  // "routes": [{ "pattern": ${JSON.stringify(host)}, "custom_domain": true }],
`
    : ''
}}
`;
}

/**
 * Security headers for the files Cloudflare serves from `public/`: the Node
 * kit's, with the page's inline loader allowed by its hash.
 */
export function headersFile(kit: KitSettings, html: string): string {
  return `# Headers Cloudflare adds to the files it serves from public/ (this file itself is not published).
# The Content-Security-Policy allows the page's inline loader script by its hash: if you change that
# script or add another inline one, put its hash in script-src (the browser console prints the one it
# expected). Scripts from another site (analytics, a tag manager) need their origin added there too.
/*
  Content-Security-Policy: ${strictPolicy(html)}
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin

# Named after their content, so browsers may keep them for a year.
${[kit.bundle, ...kit.chunks].map((file) => `/${file}\n  Cache-Control: public, max-age=31536000, immutable\n`).join('')}`;
}

export function devVarsExample(): string {
  const secrets = PROXY_SETTINGS.filter((s) => s.secret);
  return [
    '# Copy this file to .dev.vars for `npm run dev`: wrangler reads it and keeps it out of the Worker it deploys.',
    '# Never commit .dev.vars: it holds the API key. In production these are secrets (see README):',
    ...secrets.map((s) => `#   npx wrangler secret put ${s.env}`),
    '',
    ...secrets.flatMap((s) => [`# ${s.about}`, `${s.env}=`]),
    '# Where npm run dev reaches Offer18; any upstream that speaks its API will do.',
    `${ENV_NAMES['offer18.apiBase']}=${DEFAULT_API_BASE}`,
    '',
  ].join('\n');
}

export function packageJson(kit: KitSettings): string {
  return `${JSON.stringify(
    {
      name: kit.name,
      private: true,
      type: 'module',
      description: `${kit.title}: OTP landing page on Cloudflare Workers (${kit.countries.join(', ')})`,
      scripts: {
        dev: 'wrangler dev',
        // The Worker with the simulator in it (worker.js, deployed, has none), and its own local state,
        // so previews never spend the budgets npm run dev keeps.
        simulate: 'wrangler dev simulate.js --persist-to .wrangler/simulate',
        deploy: 'wrangler deploy',
      },
      devDependencies: { wrangler: WRANGLER_VERSION },
      engines: { node: '>=20.3' },
    },
    null,
    2,
  )}\n`;
}

export const gitignore = '.dev.vars\n.dev.vars.*\n!.dev.vars.example\n.env\nnode_modules/\n.wrangler/\n';

export function readme(kit: KitSettings): string {
  const origin = kit.origin ?? 'https://landing.example.com';
  return `# ${kit.title}

A complete landing page for one Offer18 OTP campaign (${kit.countries.join(', ')}) as a Cloudflare Worker,
made by \`otp-flow init --target cloudflare\`. No server to keep alive: Cloudflare serves the page from
its edge, runs the OTP proxy next to it, and keeps budgets and sessions in Durable Objects.

You need Node.js 20.3 or newer (for wrangler ${WRANGLER_VERSION}, Cloudflare's command-line tool, pinned in
\`package.json\`) and, to deploy, a Cloudflare account (the free plan will do).

## Try it

\`\`\`sh
npm install            # the one set-up step: installs wrangler
npm run simulate       # http://localhost:8787
\`\`\`

\`npm run simulate\` runs the Worker on your machine with a built-in Offer18 simulator inside it: no
credentials, no SMS, and the "sent" codes appear in the terminal
(\`[offer18-simulator] SMS to +9715******67: your code is 482913\`). Its state is kept apart, in
\`.wrangler/simulate\`.

Before going live, edit \`public/index.html\`: the offer's price and terms next to the button (marked
\`EDIT\`), the lead sentence and the footer links.

## Secrets

The API key and the session secret are never written into a file by \`otp-flow init\`, and never go
in \`wrangler.jsonc\`. For the deployed Worker, store them as secrets (wrangler asks for each value):

\`\`\`sh
npx wrangler secret put OFFER18_KEY
npx wrangler secret put OTP_SESSION_SECRET     # 32+ random characters: openssl rand -hex 32
\`\`\`

For your machine, copy \`.dev.vars.example\` to \`.dev.vars\` and fill it in. \`.gitignore\` keeps
\`.dev.vars\` out of git, and wrangler never uploads it.

## Run it locally against Offer18

\`\`\`sh
cp .dev.vars.example .dev.vars     # then OFFER18_KEY and OTP_SESSION_SECRET
npm run dev                        # http://localhost:8787
\`\`\`

This is the real Worker in Cloudflare's runtime (workerd), Durable Objects included, on your machine.
It calls Offer18 at \`OFFER18_API_BASE\` from \`.dev.vars\`, so you can point it at any upstream that
speaks Offer18's API. Every code sent this way is a real SMS and a real click.

## Deploy

\`\`\`sh
npx wrangler login       # once, in a browser
npm run deploy           # prints the Worker's address: https://${workerName(kit.name)}.<your-subdomain>.workers.dev
\`\`\`

Then set \`OTP_PUBLIC_ORIGIN\` in the \`vars\` of \`wrangler.jsonc\` to that address (or to your own
domain, below) and run \`npm run deploy\` again. Until it is set, the API refuses every request that
does not come from this machine, so a deployed page cannot send codes${kit.origin ? ` (init set it to \`${kit.origin}\`)` : ''}.

## Your own domain

With the domain's zone on the same Cloudflare account, uncomment \`routes\` in \`wrangler.jsonc\`:

\`\`\`jsonc
"routes": [{ "pattern": "${new URL(origin).hostname}", "custom_domain": true }],
\`\`\`

set \`"OTP_PUBLIC_ORIGIN": "${origin}"\`, and deploy. Cloudflare creates the DNS record and the
certificate. Pages from any other address (including the workers.dev one) can then no longer use
the API; \`OTP_ALLOWED_ORIGINS\` lets other sites' pages call it.

## Where state lives

Every budget (per number, per visitor, the resend wait, the hourly cap) and every sent code's
attempts and one-conversion record is a Durable Object of its own, stored in SQLite by Cloudflare.
Each is updated one request at a time wherever the request arrives, so no number gets more sends than
its budget and a code converts once, however many places serve the page. Each object deletes itself
with an alarm once its window or session is over.

If Cloudflare cannot reach an object, sends and verifies answer \`503 service_unavailable\` rather
than guess. Locally, \`npm run dev\` keeps the objects in \`.wrangler/state\`; deleting that folder
resets every budget.

The visitor's address is \`CF-Connecting-IP\`, which Cloudflare sets; \`OTP_TRUST_PROXY\` does not apply.

## Logs

\`\`\`sh
npx wrangler tail        # live, from the deployed Worker
\`\`\`

One JSON line per event: \`otp.sent\`, \`otp.verified\`, \`otp.rejected\`, \`request.refused\`,
\`request.failed\`, with numbers masked and codes and the key never logged; and one
\`"event": "metric"\` line per send, verify and Offer18 call (outcome, and the call's seconds), to count
conversions and watch Offer18's latency. \`upstream_rejected\` means Offer18 refused the credentials:
check \`OFFER18_KEY\`, \`OFFER18_AID\` and \`OFFER18_MID\`. A missing or malformed setting makes every
API request answer \`503\` and logs one \`config.invalid\` line naming it.

## Settings

The campaign's IDs and countries are in the \`vars\` of \`wrangler.jsonc\`, with every other setting
listed there, commented out, at its default (what each does: the otp-flow README's configuration
table). A value in \`.dev.vars\` overrides \`vars\` on your machine.

The page is served with a Content-Security-Policy from \`public/_headers\`: scripts only from this
site and the page's own loader (allowed by its hash), and no other site may show the page in a frame.
Adding a script from elsewhere, or changing the inline one? Edit the policy there.

${postbackSection({
  origin,
  where: 'in the `vars` of `wrangler.jsonc`',
  line: (value) => `${JSON.stringify(ENV_NAMES['postback.url'])}: ${JSON.stringify(value)},`,
  behaviour: `A template that is wrong makes every API request answer \`503\` and logs one \`config.invalid\`
line naming it. Each postback is a Durable Object of its own, which delivers it from its alarm: a
postback the tracker does not take (no 2xx answer) is tried again, waiting longer each time, for 24
hours, then dropped with a \`postback.dropped\` line (\`npx wrangler tail\`); each one delivered is a
\`postback.delivered\` line. It outlives restarts and deployments, and is delivered once.`,
})}
## What is in this folder

| file | what it is |
| --- | --- |
| \`public/index.html\` | the landing page |
${componentFiles(kit)}
| \`public/_headers\` | security and cache headers for the files in \`public/\` |
| \`worker.js\` | the OTP proxy and its Durable Objects, prebuilt: what \`npm run deploy\` ships |
| \`simulate.js\` | the same with a built-in Offer18 simulator, for \`npm run simulate\`; never deployed |
| \`wrangler.jsonc\` | the Worker's configuration: name, bindings, the campaign's settings |
| \`.dev.vars.example\` | the secrets, to copy to \`.dev.vars\` for \`npm run dev\` |
`;
}
