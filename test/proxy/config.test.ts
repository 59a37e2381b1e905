/**
 * The core speaks in options; the configuration layer names the variables.
 * One parse names a bad setting as it was given: by its option path to an
 * app that passed options, by its environment variable to an operator.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createOtpProxy, ConfigError, optionsFromEnv, type OtpProxyOptions } from '../../src/proxy/index.js';
import { MemoryBudgetStore } from '../../src/proxy/memory-store.js';

const OPTIONS = { offer18: { key: 'config-test-key', aid: '1', mid: '2', partner: 'p' }, logger: () => {} } satisfies OtpProxyOptions;
const ENV = { OFFER18_KEY: 'config-test-key', OFFER18_AID: '1', OFFER18_MID: '2', OFFER18_PARTNER: 'p' };
/** A store other instances share: a session secret is then required. */
const shared = Object.assign(new MemoryBudgetStore(), { shared: true });

function refusal(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.message;
  }
  assert.fail('no configuration error');
}

describe('configuration errors and warnings', () => {
  it('name option paths to an app that gave options', () => {
    assert.equal(refusal(() => createOtpProxy({ ...OPTIONS, offer18: { ...OPTIONS.offer18, aid: 'x' } })), 'offer18.aid must be a whole number (the affiliate id)');
    assert.match(refusal(() => createOtpProxy({ ...OPTIONS, budgets: shared })), /^sessionSecret is required with a shared store/);
    const lines: string[] = [];
    createOtpProxy({ ...OPTIONS, logger: (entry) => lines.push(String(entry.message)) });
    assert.deepEqual(
      lines.map((l) => l.split(' ')[0]),
      ['sessionSecret', 'publicOrigins', 'countries'],
    );
  });

  it('name environment variables to an operator who set them', () => {
    assert.equal(refusal(() => createOtpProxy({ ...optionsFromEnv({ ...ENV, OFFER18_AID: 'x' }), logger: () => {} })), 'OFFER18_AID must be a whole number (the affiliate id)');
    assert.equal(refusal(() => createOtpProxy({ ...optionsFromEnv({ ...ENV, OFFER18_KEY: ' ' }), logger: () => {} })), 'OFFER18_KEY is required');
    assert.match(refusal(() => createOtpProxy({ ...optionsFromEnv(ENV), logger: () => {}, budgets: shared })), /^OTP_SESSION_SECRET is required with a shared store/);
    const lines: string[] = [];
    createOtpProxy({ ...optionsFromEnv(ENV), logger: (entry) => lines.push(String(entry.message)) });
    assert.deepEqual(
      lines.map((l) => l.split(' ')[0]),
      ['OTP_SESSION_SECRET', 'OTP_PUBLIC_ORIGIN', 'OTP_COUNTRIES'],
    );
  });
});
