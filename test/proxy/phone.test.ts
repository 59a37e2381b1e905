import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import metadata from 'libphonenumber-js/max/metadata';
import mobile from 'libphonenumber-js/mobile/metadata';
import { canonicalMobile, maskMsisdn } from '../../src/shared/phone.js';

const SAME_NUMBER: Array<[string, string | undefined]> = [
  ['+971 50 123 4567', undefined],
  ['+971501234567', undefined],
  ['00971501234567', undefined],
  ['00971 50 123 4567', 'AE'],
  ['971501234567', undefined],
  ['971501234567', 'AE'],
  ['050 123 4567', 'AE'],
  ['0501234567', 'AE'],
  ['501234567', 'AE'],
  ['(050) 123-4567', 'AE'],
  ['+٩٧١٥٠١٢٣٤٥٦٧', undefined],
  ['٠٥٠١٢٣٤٥٦٧', 'AE'],
  ['۰۵۰۱۲۳۴۵۶۷', 'AE'],
  ['tel:+971-50-123-4567', undefined],
];

describe('canonicalMobile', () => {
  for (const meta of [
    ['full metadata (proxy)', metadata],
    ['mobile metadata (browser)', mobile],
  ] as const) {
    for (const [input, country] of SAME_NUMBER) {
      it(`${meta[0]}: reads ${JSON.stringify(input)}${country ? ` in ${country}` : ''} as 971501234567`, () => {
        const result = canonicalMobile(input, { country }, meta[1]);
        assert.deepEqual(result, { ok: true, msisdn: '971501234567', e164: '+971501234567', country: 'AE' });
      });
    }
  }

  it('does not double a dial code the user already typed', () => {
    const result = canonicalMobile('+971 971 50 123 4567', { country: 'AE' }, metadata);
    assert.equal(result.ok, false);
  });

  it('tells a landline from a mobile', () => {
    assert.deepEqual(canonicalMobile('04 234 5678', { country: 'AE' }, metadata), { ok: false, error: 'msisdn_not_mobile' });
  });

  it('refuses numbers that are not numbers', () => {
    for (const input of ['', 'hello', '123', '+971 50 123', '+99999999999999', '0'.repeat(30)]) {
      assert.deepEqual(canonicalMobile(input, { country: 'AE' }, metadata), { ok: false, error: 'msisdn_invalid' }, input);
    }
  });

  it('keeps numbers inside the allowed countries', () => {
    assert.deepEqual(canonicalMobile('+966 50 123 4567', { allowed: ['AE'] }, metadata), {
      ok: false,
      error: 'country_not_allowed',
    });
    const sa = canonicalMobile('+966 50 123 4567', { allowed: ['AE', 'SA'] }, metadata);
    assert.equal(sa.ok && sa.msisdn, '966501234567');
  });

  it('prefers the national reading in the chosen country', () => {
    // 0501234567 is a valid UAE mobile; it must not be read as anything foreign.
    const result = canonicalMobile('0501234567', { country: 'AE', allowed: ['AE'] }, metadata);
    assert.equal(result.ok && result.msisdn, '971501234567');
  });

  it('refuses an unknown country code', () => {
    assert.deepEqual(canonicalMobile('0501234567', { country: 'XX' }, metadata), { ok: false, error: 'country_invalid' });
  });

  it('masks numbers for logs', () => {
    assert.equal(maskMsisdn('971501234567'), '9715******67');
    assert.ok(!maskMsisdn('971501234567').includes('501234'));
  });
});
