/**
 * Session tokens: what `send` hands the browser and `verify` takes back.
 *
 * A token binds the canonical number, the upstream requestId and an expiry
 * under an HMAC, so `verify` never takes either from the browser. Web Crypto
 * keeps this working on every fetch-standard runtime, and `subtle.verify`
 * compares in constant time.
 */
import { z } from 'zod';

export interface SessionClaims {
  /** Unique per send: the key for attempts and the one-conversion record. */
  id: string;
  msisdn: string;
  requestId: string | undefined;
  /** Expiry, epoch milliseconds. */
  expiresAt: number;
}

const Payload = z.object({
  i: z.string().min(16).max(64),
  m: z.string().regex(/^\d{6,15}$/),
  r: z.string().max(512).optional(),
  e: z.number().int().positive(),
});

const PREFIX = 'v1';
const encoder = new TextEncoder();

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
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

export function randomId(bytes = 16): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

export type OpenResult = { ok: true; claims: SessionClaims } | { ok: false; reason: 'invalid' | 'expired' };

export interface SessionSigner {
  sign(claims: SessionClaims): Promise<string>;
  open(token: string, now: number): Promise<OpenResult>;
  /** A keyed digest: stable per secret, so stores hold no phone numbers or addresses in the clear. */
  tag(text: string): Promise<string>;
}

export function createSessionSigner(secret: string): SessionSigner {
  const key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);

  return {
    async sign(claims) {
      const payload: z.input<typeof Payload> = { i: claims.id, m: claims.msisdn, e: claims.expiresAt };
      if (claims.requestId !== undefined) payload.r = claims.requestId;
      const body = `${PREFIX}.${toBase64Url(encoder.encode(JSON.stringify(payload)))}`;
      const signature = new Uint8Array(await crypto.subtle.sign('HMAC', await key, encoder.encode(body)));
      return `${body}.${toBase64Url(signature)}`;
    },

    async tag(text) {
      const digest = new Uint8Array(await crypto.subtle.sign('HMAC', await key, encoder.encode(`tag:${text}`)));
      return toBase64Url(digest.subarray(0, 16));
    },

    async open(token, now) {
      const parts = token.split('.');
      if (parts.length !== 3 || parts[0] !== PREFIX) return { ok: false, reason: 'invalid' };
      const signature = fromBase64Url(parts[2]!);
      if (!signature || signature.length !== 32) return { ok: false, reason: 'invalid' };
      const signed = encoder.encode(`${parts[0]}.${parts[1]}`);
      if (!(await crypto.subtle.verify('HMAC', await key, signature, signed))) return { ok: false, reason: 'invalid' };

      const raw = fromBase64Url(parts[1]!);
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder().decode(raw));
      } catch {
        return { ok: false, reason: 'invalid' };
      }
      const parsed = Payload.safeParse(json);
      if (!parsed.success) return { ok: false, reason: 'invalid' };
      const { i, m, r, e } = parsed.data;
      if (e <= now) return { ok: false, reason: 'expired' };
      return { ok: true, claims: { id: i, msisdn: m, requestId: r, expiresAt: e } };
    },
  };
}
