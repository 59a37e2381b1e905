/**
 * `otp-flow init`: writes a landing folder for one campaign, the counterpart
 * of Offer18's PHP download, without the key in it.
 */
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/mobile/metadata';
import { buildComponentBundle, LANGUAGES } from '../build/component-bundle.js';
import { pages, translations } from '../component/translations/index.js';
import { indexHtml, type KitSettings } from '../kit/page.js';
import { campaignEnv, envExample, gitignore, packageJson, readme } from '../kit/node/files.js';
import * as cloudflare from '../kit/cloudflare/files.js';
import { isOrigin } from '../proxy/config.js';
import { OTP_MAX_DIGITS, OTP_MIN_DIGITS } from '../contract/limits.js';
import { PAYOUT, postbackProblem } from '../proxy/postback.js';
import { trimBoth } from '../shared/text.js';

export const INIT_HELP = `Usage: otp-flow init <dir> --aid <id> --mid <id> --partner <name> --country <ISO> [options]

Writes <dir>: a landing page for one campaign with <otp-flow>, a component bundle built for its
countries, and what serves them with the OTP proxy:
  --target node (default)  a self-contained server (npm start; no npm install), .env.example, a README
  --target cloudflare      a Cloudflare Worker with Durable Objects (npm install, then npm run deploy),
                           wrangler.jsonc, .dev.vars.example, a README

Required:
  --aid <id>            Offer18 affiliate ID (digits)
  --mid <id>            advertiser MID (digits)
  --partner <name>      partner name
  --country <ISO>       default country of the numbers, e.g. AE

Options:
  --countries <list>    every country numbers may come from, e.g. AE,SA (default: --country)
  --lang <code>         language of the page: ${LANGUAGES.join(', ')} (default: en)
  --title <text>        page title (default: "Confirm your mobile number" in the page's language)
  --success-url <url>   where to go once the number is confirmed (http(s) URL or /path)
  --origin <url>        the page's public address, e.g. https://landing.example (OTP_PUBLIC_ORIGIN;
                        until it is set, only pages on this machine can use the proxy)
  --user-id <id>        Offer18 userId, if your campaign uses one
  --type <type>         Offer18 request type, if your campaign uses one
  --otp-length <n>      digits in every code the campaign sends, ${OTP_MIN_DIGITS} to ${OTP_MAX_DIGITS}: typing the last one
                        submits it (default: any from ${OTP_MIN_DIGITS} to ${OTP_MAX_DIGITS})
  --postback-url <url>  your tracker's postback URL, called for each verified number (OTP_POSTBACK_URL),
                        e.g. 'https://tracker.example/postback?cid={clickid}&payout={payout}&txid={txid}'
                        (the kit's README has Voluum's, Binom's, Keitaro's, RedTrack's and Everflow's)
  --postback-payout <n> what {payout} in it stands for, e.g. 1.50 (OTP_POSTBACK_PAYOUT)
  --target <target>     node (default) or cloudflare
  --force               write into <dir> even if it is not empty
  -h, --help            this help

The API key is never written into any file: put it in <dir>/.env (see .env.example), or for
Cloudflare store it with npx wrangler secret put OFFER18_KEY (locally, <dir>/.dev.vars).
`;

export const TARGETS = ['node', 'cloudflare'] as const;
export type Target = (typeof TARGETS)[number];

/**
 * Every argument ends up in a file: env files (one setting per line), HTML,
 * JSON, Markdown. A new line would start a setting of its own
 * (`--partner $'acme\nOTP_TRUST_PROXY=10'`), so no argument may hold a
 * control character; values written to env files are quoted, so they may not
 * hold the quote or the escape character either.
 */
const text = (flag: string) =>
  z.string().refine((v) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(v), {
    error: `${flag} must be plain text on one line (no new lines, tabs or other control characters)`,
  });
const envValue = (flag: string) =>
  text(flag).refine((v) => !/["\\]/.test(v), { error: `${flag} must not contain " or \\` });

const country = (flag: string) =>
  z
    .string({ error: `${flag} is required` })
    .trim()
    .transform((c) => c.toUpperCase())
    .refine((c) => isSupportedCountry(c as CountryCode, metadata), {
      error: (issue) => `${flag}: unknown country ${JSON.stringify(issue.input)}; use an ISO code like AE`,
    });

const InitArgs = z.object({
  dir: z.string({ error: 'the folder to write is required: otp-flow init <dir> …' }).min(1),
  aid: z.string({ error: '--aid is required (your Offer18 affiliate ID)' }).regex(/^\d{1,18}$/, '--aid must be a whole number'),
  mid: z.string({ error: '--mid is required (the advertiser MID)' }).regex(/^\d{1,18}$/, '--mid must be a whole number'),
  partner: z.string({ error: '--partner is required (the partner name)' }).pipe(envValue('--partner')).pipe(z.string().trim().min(1, '--partner must not be empty')),
  country: country('--country'),
  countries: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map((c) => c.trim()).filter(Boolean) : []))
    .pipe(z.array(country('--countries'))),
  lang: z
    .string()
    .default('en')
    .refine((l) => (LANGUAGES as readonly string[]).includes(l), {
      error: (issue) => `--lang: no built-in language ${JSON.stringify(issue.input)}; choose one of ${LANGUAGES.join(', ')}`,
    }),
  title: text('--title').pipe(z.string().trim().min(1, '--title must not be empty').max(120, '--title must be at most 120 characters')).optional(),
  successUrl: text('--success-url')
    .refine((u) => u.startsWith('/') || /^https?:$/.test(URL.canParse(u) ? new URL(u).protocol : ''), {
      error: '--success-url must be an http(s) URL or a path starting with /',
    })
    .optional(),
  origin: text('--origin')
    .refine(isOrigin, {
      error: '--origin must be the page’s origin, like https://landing.example',
    })
    .transform((o) => o.replace(/\/$/, ''))
    .optional(),
  userId: envValue('--user-id').pipe(z.string().trim().min(1, '--user-id must not be empty')).optional(),
  type: envValue('--type').pipe(z.string().trim().min(1, '--type must not be empty')).optional(),
  // The proxy's range (the contract's): a page expecting another length would submit codes the proxy refuses.
  otpLength: z
    .union([z.string(), z.number()])
    .transform((length) => Number(length))
    .refine((length) => Number.isInteger(length) && length >= OTP_MIN_DIGITS && length <= OTP_MAX_DIGITS, {
      error: `--otp-length must be a whole number from ${OTP_MIN_DIGITS} to ${OTP_MAX_DIGITS} (the digits in the campaign's codes)`,
    })
    .optional(),
  target: z
    .string()
    .default('node')
    .refine((t): t is Target => (TARGETS as readonly string[]).includes(t), {
      error: (issue) => `--target: no target ${JSON.stringify(issue.input)}; choose ${TARGETS.join(' or ')}`,
    }),
  // Checked below with its payout, as the proxy checks them when it starts: a kit that would not start is not written.
  postbackUrl: envValue('--postback-url').optional(),
  postbackPayout: z.string().trim().regex(PAYOUT, '--postback-payout must be a number like 1.50').optional(),
  force: z.boolean().default(false),
}).superRefine(({ postbackUrl, postbackPayout }, ctx) => {
  // A payout that is not a number is refused above, on its own.
  if (postbackUrl === undefined || (postbackPayout !== undefined && !PAYOUT.test(postbackPayout.trim()))) return;
  const problem = postbackProblem(postbackUrl, { payout: postbackPayout?.trim() });
  if (problem) ctx.addIssue({ code: 'custom', message: `--postback-${problem.at} ${problem.message}` });
});
export type InitArgs = z.input<typeof InitArgs>;

export class InitError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'InitError';
  }
}

/** Where a prebuilt kit file is: dist/kit/<file> beside the compiled CLI (server.mjs, worker.js, simulate.js). */
function prebuilt(file: string): string {
  for (const candidate of [`../../kit/${file}`, `../../dist/kit/${file}`]) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new InitError([`the kit's ${file} is not built; run \`npm run build\` in the otp-flow folder first`]);
}

export interface InitResult {
  dir: string;
  target: Target;
  files: string[];
  bundle: { file: string; gzip: number };
}

export async function init(input: InitArgs): Promise<InitResult> {
  const parsed = InitArgs.safeParse(input);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => i.message);
  const args = parsed.success ? parsed.data : undefined;

  const dir = resolve(input.dir ?? '.');
  if (input.dir && existsSync(dir)) {
    if (!statSync(dir).isDirectory()) problems.push(`${input.dir} exists and is not a folder`);
    else if (!input.force && (await readdir(dir)).length > 0) problems.push(`${input.dir} is not empty; pass --force to write into it anyway`);
  }
  if (problems.length > 0 || !args) throw new InitError([...new Set(problems)]);

  const countries = [...new Set([args.country, ...args.countries])];
  const target: Target = args.target;
  // What runs the kit: the Worker comes with its simulation twin for `npm run simulate`, never deployed.
  const runtimes = target === 'cloudflare' ? ['worker.js', 'simulate.js'] : ['server.mjs'];
  const builds = runtimes.map(prebuilt);
  await mkdir(join(dir, 'public'), { recursive: true });

  // Build in a folder of its own, then name the file after its content so browsers may cache it for a year.
  // The chunks it fetches from beside itself (the proof-of-work solver, the SMS reader, the picker's list, the
  // preview) are named after theirs already.
  const staging = join(dir, 'public', '.otp-flow.building');
  await rm(staging, { recursive: true, force: true });
  const built = await buildComponentBundle({ countries, languages: [args.lang], outFile: join(staging, 'otp-flow.js') });
  const hash = createHash('sha256').update(await readFile(built.file)).digest('hex').slice(0, 10);
  const bundle = `otp-flow.${hash}.js`;
  const chunks = built.otherChunks.map((chunk) => basename(chunk.file));
  for (const old of await readdir(join(dir, 'public'))) {
    if (/^otp-flow\..+\.js$/.test(old)) await rm(join(dir, 'public', old));
  }
  await rename(built.file, join(dir, 'public', bundle));
  for (const chunk of chunks) await rename(join(staging, chunk), join(dir, 'public', chunk));
  await rm(staging, { recursive: true, force: true });

  const kit: KitSettings = {
    aid: args.aid,
    mid: args.mid,
    partner: args.partner,
    country: args.country,
    countries,
    lang: args.lang,
    dir: translations[args.lang as keyof typeof translations].$dir,
    texts: pages[args.lang as keyof typeof pages],
    title: args.title ?? pages[args.lang as keyof typeof pages].title,
    origin: args.origin,
    successUrl: args.successUrl,
    userId: args.userId,
    type: args.type,
    otpLength: args.otpLength,
    postbackUrl: args.postbackUrl?.trim(),
    postbackPayout: args.postbackPayout,
    bundle,
    chunks,
    name: trimBoth(basename(dir).toLowerCase().replace(/[^a-z0-9-]+/g, '-'), '-') || 'landing',
  };
  const html = indexHtml(kit);
  const files: Record<string, string> = {
    'public/index.html': html,
    ...(target === 'cloudflare'
      ? {
          'public/_headers': cloudflare.headersFile(kit, html),
          'wrangler.jsonc': cloudflare.wranglerJsonc(kit),
          '.dev.vars.example': cloudflare.devVarsExample(),
          'package.json': cloudflare.packageJson(kit),
          'README.md': cloudflare.readme(kit),
          '.gitignore': cloudflare.gitignore,
        }
      : {
          '.env.example': envExample(kit),
          'campaign.env': campaignEnv(kit),
          'package.json': packageJson(kit),
          'README.md': readme(kit),
          '.gitignore': gitignore,
        }),
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  for (const [i, runtime] of runtimes.entries()) await copyFile(builds[i]!, join(dir, runtime));
  return {
    dir,
    target,
    files: [...Object.keys(files), `public/${bundle}`, ...chunks.map((chunk) => `public/${chunk}`), ...runtimes].sort(),
    bundle: { file: `public/${bundle}`, gzip: built.gzip },
  };
}
