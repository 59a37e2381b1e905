/**
 * The postback template (`OTP_POSTBACK_URL`): the affiliate's tracker URL
 * with placeholders, checked once at start-up and filled in for each
 * conversion.
 *
 * What a value can do to the URL is decided here, not by the values:
 * placeholders may stand only in the query string's values, and every value is
 * percent-encoded down to RFC 3986's unreserved characters as it is put in.
 * So no value, whatever it holds (`&`, `#`, `%`, `/`, `..`, `{clickid}`,
 * control characters, any length), can change the host, the path or another
 * parameter; and a value is put in once, never read again for placeholders.
 *
 * The postback never carries the Offer18 key, the session secret or the
 * number: no placeholder names them. `{msisdn_hash}` is a keyed hash of the
 * number (see `createPostbackKeys`), and only when the template asks for it.
 */
import { DEFAULT_CLICK_PARAMS, type Click } from '../contract/click.js';
import type { PostbackStage } from './observe.js';
import { KEY_DERIVATION } from './session.js';

/** `sent`: a code went out (trackers call it a lead); `verified`: the conversion. */
export type PostbackEvent = PostbackStage;

/** The placeholders every template may use, besides the click parameters' names. */
export const POSTBACK_PLACEHOLDERS = ['txid', 'country', 'event', 'payout', 'msisdn_hash'] as const;
export type PostbackPlaceholder = (typeof POSTBACK_PLACEHOLDERS)[number];

/** Longest template accepted: a tracker URL with a dozen parameters is a few hundred characters. */
export const POSTBACK_TEMPLATE_MAX_CHARS = 2048;

/** A payout as trackers read it: digits with an optional decimal point (`1.50`). */
export const PAYOUT = /^\d{1,9}(\.\d{1,6})?$/;

export interface PostbackTemplateOptions {
  /** The click parameters' names (`OTP_CLICK_PARAMS`); the first is the click id. */
  clickNames?: readonly string[];
  /** What `{payout}` is replaced with (`OTP_POSTBACK_PAYOUT`); required if the template uses it. */
  payout?: string | undefined;
}

/** What a conversion fills the template with; a value left out is put in as empty. */
export interface PostbackValues {
  txid: string;
  event: PostbackEvent;
  /** ISO 3166-1 alpha-2 of the number (`AE`). */
  country?: string | undefined;
  msisdn_hash?: string | undefined;
  click?: Click;
}

export interface PostbackTemplate {
  /** The template as configured. */
  readonly source: string;
  /** Whether `{name}` appears in it. */
  uses(name: string): boolean;
  /**
   * Whether a conversion with these click values gets a postback: a template
   * that uses any click parameter needs the click id (the first name); one
   * that uses none fires for every conversion.
   */
  fires(click: Click | undefined): boolean;
  /** The URL for one conversion. */
  render(values: PostbackValues): string;
}

export type PostbackTemplateResult = { ok: true; template: PostbackTemplate } | { ok: false; message: string };

type Part = { literal: string } | { placeholder: string };

const UNRESERVED = /[A-Za-z0-9._~-]/;
const HEX = '0123456789ABCDEF';
const encoder = new TextEncoder();

/**
 * Percent-encodes every byte of the value's UTF-8 but the unreserved ones.
 * Stricter than `encodeURIComponent` (which keeps `!'()*`), and it never
 * throws: a lone surrogate becomes U+FFFD, as TextEncoder writes it.
 */
export function encodeValue(value: string): string {
  let out = '';
  for (const byte of encoder.encode(value)) {
    const char = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(char) ? char : `%${HEX[byte >> 4]}${HEX[byte & 15]}`;
  }
  return out;
}

function list(names: readonly string[]): string {
  return names.map((n) => `{${n}}`).join(', ');
}

/**
 * Checks a template and prepares it. Refused, with a sentence that follows
 * the variable's name (`OTP_POSTBACK_URL <message>`): anything but one
 * http(s) URL of printable ASCII; a placeholder outside the query string's
 * values (in the host, the path, or a parameter's name); a placeholder it
 * does not know; a brace that opens or closes none; a
 * `#fragment` (never sent); user and password in the URL (fetch refuses
 * them); `{payout}` without a payout.
 */
export function parsePostbackTemplate(text: string, options: PostbackTemplateOptions = {}): PostbackTemplateResult {
  const clickNames = options.clickNames ?? DEFAULT_CLICK_PARAMS;
  const known = [...clickNames, ...POSTBACK_PLACEHOLDERS];
  const source = text.trim();
  const fail = (message: string): PostbackTemplateResult => ({ ok: false, message });

  if (source.length === 0) return fail('is empty');
  if (source.length > POSTBACK_TEMPLATE_MAX_CHARS) return fail(`is longer than ${POSTBACK_TEMPLATE_MAX_CHARS} characters`);
  const odd = /[^\x21-\x7e]/.exec(source);
  if (odd) {
    return fail(
      `has a space, control or non-ASCII character at position ${odd.index + 1}: write the URL with such characters percent-encoded (an international domain in its xn-- form)`,
    );
  }
  if (source.includes('#')) return fail('has a #fragment, which is never sent to the tracker: remove it');

  const parts: Part[] = [];
  const used = new Set<string>();
  const token = /\{([^{}]*)\}|[{}]/g;
  let last = 0;
  for (let match = token.exec(source); match; match = token.exec(source)) {
    const name = match[1];
    if (name === undefined) return fail(`has a "${match[0]}" at position ${match.index + 1} that is not part of a {placeholder}`);
    if (!known.includes(name)) return fail(`has {${name.slice(0, 40)}}, which is not a placeholder: it may use ${list(known)}`);
    if (match.index > last) parts.push({ literal: source.slice(last, match.index) });
    parts.push({ placeholder: name });
    used.add(name);
    last = match.index + match[0].length;
  }
  if (last < source.length) parts.push({ literal: source.slice(last) });

  // The URL with every placeholder as a value that needs no escaping, parsed as fetch will parse the real one.
  const probe = parts.map((p) => ('literal' in p ? p.literal : 'x')).join('');
  let url: URL;
  try {
    url = new URL(probe);
  } catch {
    return fail('is not a URL (e.g. https://tracker.example/postback?cid={clickid}&txid={txid})');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail(`must be an http or https URL, not ${url.protocol}`);
  if (url.username || url.password) return fail('has a user or password in it, which fetch refuses: put the tracker’s token in a query parameter');
  const query = source.indexOf('?');
  const first = source.indexOf('{');
  if (first >= 0 && (query < 0 || first < query)) {
    return fail('has a placeholder before the query string: placeholders may only stand after the "?", where no value can change the host or path');
  }
  // A value in a name's place could repeat another parameter's name, and trackers read the first of two.
  let offset = 0;
  for (const part of parts) {
    if ('placeholder' in part) {
      const before = source.slice(query + 1, offset);
      if (before.lastIndexOf('=') <= before.lastIndexOf('&')) {
        return fail(`has {${part.placeholder}} in a parameter's name: placeholders may only stand in values (name={${part.placeholder}})`);
      }
    }
    offset += 'literal' in part ? part.literal.length : part.placeholder.length + 2;
  }
  if (used.has('payout')) {
    if (options.payout === undefined || options.payout === '') return fail('uses {payout}, but no payout is set');
    if (!PAYOUT.test(options.payout)) return fail('uses {payout}, but the payout is not a number like 1.50');
  }

  const clickId = clickNames[0];
  const usesClick = clickNames.some((name) => used.has(name));
  const payout = options.payout ?? '';
  const template: PostbackTemplate = {
    source,
    uses: (name) => used.has(name),
    fires: (click) => !usesClick || (clickId !== undefined && click !== undefined && Object.hasOwn(click, clickId) && click[clickId] !== ''),
    render(values) {
      const valueOf = (name: string): string | undefined => {
        switch (name) {
          case 'txid':
            return values.txid;
          case 'event':
            return values.event;
          case 'country':
            return values.country;
          case 'msisdn_hash':
            return values.msisdn_hash;
          case 'payout':
            return payout;
          default:
            return values.click && Object.hasOwn(values.click, name) ? values.click[name] : undefined;
        }
      };
      const out = parts.map((p) => ('literal' in p ? p.literal : encodeValue(valueOf(p.placeholder) ?? ''))).join('');
      return new URL(out).href;
    },
  };
  return { ok: true, template };
}

/**
 * The start-up check of a template with the settings it depends on: the one
 * the proxy makes of `OTP_POSTBACK_URL` and `OTP_POSTBACK_PAYOUT`, and
 * `otp-flow init` of `--postback-url` and `--postback-payout`. The message
 * follows the name of the one at fault.
 */
export function postbackProblem(url: string, options: PostbackTemplateOptions): { at: 'url' | 'payout'; message: string } | undefined {
  if ((options.payout === undefined || options.payout === '') && url.includes('{payout}')) return { at: 'payout', message: 'is required: the postback URL uses {payout}' };
  const template = parsePostbackTemplate(url, options);
  return template.ok ? undefined : { at: 'url', message: template.message };
}

/** Derivation labels for the postback's keys; new purposes get new labels, never a reused key. */
export const POSTBACK_KEY_INFO = {
  txid: 'otp-flow postback txid hmac-sha-256 v1',
  msisdnHash: 'otp-flow postback msisdn_hash hmac-sha-256 v1',
} as const;

export interface PostbackKeys {
  /**
   * The conversion's id for the tracker: the same for one session and event
   * on every instance and every retry, so the outbox and trackers that
   * deduplicate (`txid`, `rdtk_event_id`) see one conversion. A `sent` and a
   * `verified` of one session have different ids. 32 hex digits.
   */
  txid(sessionId: string, event: PostbackEvent): Promise<string>;
  /**
   * `{msisdn_hash}`: HMAC-SHA-256 of the international digits (`971501234567`)
   * under a key derived from the session secret, 64 hex digits. The secret is
   * the salt, never sent: a plain hash of a phone number is reversed by trying
   * every number, this one only with the secret. One number hashes alike on
   * every instance with the same secret; a new secret changes every hash.
   */
  msisdnHash(msisdn: string): Promise<string>;
}

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/** HMAC keys derived from `OTP_SESSION_SECRET` with HKDF (Web Crypto), one per purpose. */
export function createPostbackKeys(secret: string): PostbackKeys {
  const encode = (text: string) => encoder.encode(text);
  const base = crypto.subtle.importKey('raw', encode(secret), 'HKDF', false, ['deriveKey']);
  const derive = async (info: string) =>
    crypto.subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: encode(KEY_DERIVATION.salt), info: encode(info) },
      await base,
      { name: 'HMAC', hash: 'SHA-256', length: 256 },
      false,
      ['sign'],
    );
  const txidKey = derive(POSTBACK_KEY_INFO.txid);
  const hashKey = derive(POSTBACK_KEY_INFO.msisdnHash);
  return {
    async txid(sessionId, event) {
      return hex(await crypto.subtle.sign('HMAC', await txidKey, encode(`${event}:${sessionId}`))).slice(0, 32);
    },
    async msisdnHash(msisdn) {
      return hex(await crypto.subtle.sign('HMAC', await hashKey, encode(msisdn)));
    },
  };
}

export type PostbackMethod = 'GET' | 'POST';

/** One postback as the outbox keeps it: everything needed to send it, nothing else (no number, no secret). */
export interface PostbackEntry {
  /** The outbox's key and the tracker's transaction id: one entry per txid, ever. */
  txid: string;
  event: PostbackEvent;
  method: PostbackMethod;
  /** The rendered template. */
  url: string;
  /** Epoch ms the conversion was recorded; retries stop `giveUpAfterMs` later. */
  createdAt: number;
}

export interface PostbackSettings {
  template: PostbackTemplate;
  /** `OTP_POSTBACK_METHOD`; GET by default. POST sends the same URL with an empty body. */
  method?: PostbackMethod;
  keys: PostbackKeys;
}

/** What the proxy knows of a conversion when it records it. */
export interface Conversion {
  /** The session's id, sealed in its token: the txid is derived from it. */
  sessionId: string;
  event: PostbackEvent;
  /** International digits; used only for `{msisdn_hash}`, never put in the URL itself. */
  msisdn: string;
  country?: string | undefined;
  click?: Click | undefined;
}

/** The outbox entry for a conversion, or undefined when the template does not fire for it (no click id). */
export async function preparePostback(settings: PostbackSettings, conversion: Conversion, now: number): Promise<PostbackEntry | undefined> {
  const { template, keys, method = 'GET' } = settings;
  if (!template.fires(conversion.click)) return undefined;
  const txid = await keys.txid(conversion.sessionId, conversion.event);
  const msisdn_hash = template.uses('msisdn_hash') ? await keys.msisdnHash(conversion.msisdn) : undefined;
  const url = template.render({ txid, event: conversion.event, country: conversion.country, msisdn_hash, click: conversion.click ?? {} });
  return { txid, event: conversion.event, method, url, createdAt: now };
}
