/**
 * Session cryptography on node:crypto: the same keys and boxes as the core's
 * Web Crypto default, computed synchronously. Node 20's `crypto.subtle` sends
 * every call to the thread pool (~50 µs a hop); a send seals once and tags
 * three times.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { IV_BYTES, KEY_DERIVATION, type SessionCryptoFactory } from '../proxy/session.js';

const TAG_BYTES = 16;

export const nodeSessionCrypto: SessionCryptoFactory = (secret) => {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, KEY_DERIVATION.salt, info, 32));
  const sealKey = derive(KEY_DERIVATION.sealInfo);
  const tagKey = derive(KEY_DERIVATION.tagInfo);
  const aad = Buffer.from(KEY_DERIVATION.aad);
  return {
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', sealKey, iv).setAAD(aad);
      return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    },
    open(box) {
      if (box.byteLength < IV_BYTES + TAG_BYTES) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', sealKey, box.subarray(0, IV_BYTES)).setAAD(aad);
        decipher.setAuthTag(box.subarray(box.byteLength - TAG_BYTES));
        return Buffer.concat([decipher.update(box.subarray(IV_BYTES, box.byteLength - TAG_BYTES)), decipher.final()]);
      } catch {
        return undefined;
      }
    },
    tag(text) {
      return createHmac('sha256', tagKey).update(text).digest();
    },
  };
};
