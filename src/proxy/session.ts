/**
 * Session tokens: what `send` hands the browser and `verify` takes back.
 *
 * A token is the canonical number, Offer18's requestId and an expiry sealed
 * with AES-256-GCM: authenticated, so `verify` never takes either from the
 * browser, and opaque, so whatever logs request bodies on the way (a CDN, a
 * WAF) learns nothing from it. Still stateless: any instance with the secret
 * opens it.
 */
import { z } from 'zod';
import { CLICK_NAME_MAX_CHARS, CLICK_PARAMS_MAX, CLICK_VALUE_CHARS, CLICK_VALUE_MAX_CHARS, type Click } from '../contract/click.js';
import { REQUEST_ID_MAX_CHARS } from './offer18.js';
import type { ShieldClaims } from './shield.js';

export interface SessionClaims {
  /** Unique per send: the key for attempts and the one-conversion record. */
  id: string;
  msisdn: string;
  requestId: string | undefined;
  /** Expiry, epoch milliseconds. */
  expiresAt: number;
  /**
   * The verify store's epoch when the code was sent: a store that has since
   * lost its state (and so made a new epoch) refuses the session.
   */
  epoch: string;
  /** What the fraud shield lent the send, given back when it converts. */
  shield?: ShieldClaims | undefined;
  /** The click parameters the send came with, for the postback. */
  click?: Click | undefined;
}

/**
 * The cryptography sessions and store keys need. The default is Web Crypto,
 * which every runtime has; Node's adapter injects node:crypto, which is
 * synchronous there (Node 20's subtle hops to the thread pool for each call).
 * Both derive the same keys, so tokens move freely between them.
 */
export interface SessionCrypto {
  /** AES-256-GCM: a random 96-bit IV, then ciphertext and tag. */
  seal(plain: Uint8Array): Uint8Array | Promise<Uint8Array>;
  /** Undefined when the box was not sealed with this secret, or was altered. */
  open(sealed: Uint8Array): Uint8Array | undefined | Promise<Uint8Array | undefined>;
  /** HMAC-SHA-256 of the text, for store keys. */
  tag(text: string): Uint8Array | Promise<Uint8Array>;
}

export type SessionCryptoFactory = (secret: string) => SessionCrypto;

/** HKDF inputs; any runtime's implementation derives its keys from the secret with these. */
export const KEY_DERIVATION = {
  salt: 'otp-flow',
  sealInfo: 'otp-flow session aes-256-gcm v2',
  tagInfo: 'otp-flow store tag hmac-sha-256 v1',
  /** Bound into every seal, so a box from another purpose never opens as a session. */
  aad: 'otp-flow session v2',
} as const;

export const IV_BYTES = 12;
const GCM_TAG_BYTES = 16;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Web Crypto: every runtime's. */
export const webSessionCrypto: SessionCryptoFactory = (secret) => {
  const subtle = crypto.subtle;
  const base = subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveKey']);
  const derive = async (info: string, algorithm: AesKeyGenParams | HmacImportParams, usages: KeyUsage[]) =>
    subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode(KEY_DERIVATION.salt), info: encoder.encode(info) },
      await base,
      algorithm,
      false,
      usages,
    );
  const sealKey = derive(KEY_DERIVATION.sealInfo, { name: 'AES-GCM', length: 256 }, ['encrypt', 'decrypt']);
  const tagKey = derive(KEY_DERIVATION.tagInfo, { name: 'HMAC', hash: 'SHA-256', length: 256 }, ['sign']);
  const additionalData = encoder.encode(KEY_DERIVATION.aad);
  return {
    async seal(plain) {
      const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
      const sealed = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, await sealKey, plain as Uint8Array<ArrayBuffer>));
      const out = new Uint8Array(IV_BYTES + sealed.byteLength);
      out.set(iv);
      out.set(sealed, IV_BYTES);
      return out;
    },
    async open(box) {
      if (box.byteLength < IV_BYTES + GCM_TAG_BYTES) return undefined;
      try {
        const iv = box.subarray(0, IV_BYTES) as Uint8Array<ArrayBuffer>;
        return new Uint8Array(await subtle.decrypt({ name: 'AES-GCM', iv, additionalData }, await sealKey, box.subarray(IV_BYTES) as Uint8Array<ArrayBuffer>));
      } catch {
        return undefined;
      }
    },
    async tag(text) {
      return new Uint8Array(await subtle.sign('HMAC', await tagKey, encoder.encode(text)));
    },
  };
};

const Payload = z.object({
  i: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  m: z.string().regex(/^\d{6,15}$/),
  r: z.string().max(REQUEST_ID_MAX_CHARS).optional(),
  e: z.number().int().positive(),
  // Optional only so a token sealed before epochs existed opens, and is then refused as stale.
  p: z.string().max(64).optional(),
  s: z
    .object({
      r: z.string().max(64),
      h: z.number().int().nonnegative(),
      c: z.string().max(64).optional(),
      n: z.string().max(64).optional(),
      w: z.number().int().nonnegative().optional(),
    })
    .optional(),
  c: z
    .record(z.string().max(CLICK_NAME_MAX_CHARS), z.string().max(CLICK_VALUE_MAX_CHARS).regex(CLICK_VALUE_CHARS))
    .refine((click) => Object.keys(click).length <= CLICK_PARAMS_MAX)
    .optional(),
});

const PREFIX = 'v2';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Unpadded base64url. By hand: btoa needs a binary string built first, and this runs on every send. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    // atob ignores the unused low bits of the last character, so several spellings decode alike;
    // only the one spelling we produce is a token.
    return toBase64Url(bytes) === text ? bytes : undefined;
  } catch {
    return undefined;
  }
}

/** 122 random bits. randomUUID, because Node serves it from a cached entropy batch: 10× cheaper than getRandomValues. */
export function randomId(): string {
  return crypto.randomUUID().replace(/-/g, '');
}

export type OpenResult = { ok: true; claims: SessionClaims } | { ok: false; reason: 'invalid' | 'expired' };

export interface Sessions {
  seal(claims: SessionClaims): Promise<string>;
  open(token: string, now: number): Promise<OpenResult>;
  /** A keyed digest: stable per secret, so stores hold no phone numbers or addresses in the clear. */
  tag(text: string): Promise<string>;
}

export function createSessions(secret: string, factory: SessionCryptoFactory = webSessionCrypto): Sessions {
  const box = factory(secret);
  return {
    async seal(claims) {
      const payload: z.input<typeof Payload> = { i: claims.id, m: claims.msisdn, e: claims.expiresAt, p: claims.epoch };
      if (claims.shield) payload.s = claims.shield;
      if (claims.click && Object.keys(claims.click).length > 0) payload.c = claims.click;
      if (claims.requestId !== undefined) payload.r = claims.requestId;
      return `${PREFIX}.${toBase64Url(await box.seal(encoder.encode(JSON.stringify(payload))))}`;
    },

    async tag(text) {
      return toBase64Url((await box.tag(text)).subarray(0, 16));
    },

    async open(token, now) {
      const dot = token.indexOf('.');
      if (dot < 0 || token.slice(0, dot) !== PREFIX) return { ok: false, reason: 'invalid' };
      const sealed = fromBase64Url(token.slice(dot + 1));
      const plain = sealed && (await box.open(sealed));
      if (!plain) return { ok: false, reason: 'invalid' };
      let json: unknown;
      try {
        json = JSON.parse(decoder.decode(plain));
      } catch {
        return { ok: false, reason: 'invalid' };
      }
      const parsed = Payload.safeParse(json);
      if (!parsed.success) return { ok: false, reason: 'invalid' };
      const { i, m, r, e, p = '', s, c } = parsed.data;
      if (e <= now) return { ok: false, reason: 'expired' };
      const claims: SessionClaims = { id: i, msisdn: m, requestId: r, expiresAt: e, epoch: p };
      if (s) claims.shield = s as ShieldClaims;
      if (c) claims.click = c;
      return { ok: true, claims };
    },
  };
}
