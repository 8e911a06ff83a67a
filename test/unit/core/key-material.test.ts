// The key the steps create and its rotation (issue 18). EnableKeyRotation,
// AWS KMS API Reference: "Automatic key rotation is supported only on
// symmetric encryption KMS keys" (not asymmetric, not HMAC);
// RotationPeriodInDays 90 to 2560, 365 by default.
import { describe, expect, test } from 'vitest';
import { rotationSupported, type KeySpecName } from '../../../src/core/key-material.js';
import { validateSpec, type PolicySpec } from '../../../src/core/spec.js';

const NEW = { account: '111122223333', region: 'us-east-1', multiRegion: false };
const spec = (newKey: Partial<PolicySpec['newKey']> = {}, services = ['secretsmanager']): PolicySpec => ({ newKey: { ...NEW, ...newKey }, admins: [], consumers: [], access: 'iam', services, regions: [] });
const material = (s: PolicySpec) => {
  const r = validateSpec(s);
  if (!r.ok) throw new Error(r.error.map((e) => e.message).join('; '));
  return r.value.keyMaterial;
};
const errors = (s: PolicySpec) => {
  const r = validateSpec(s);
  return r.ok ? [] : r.error.map((e) => `${e.field}: ${e.message}`);
};

describe('rotation', () => {
  test('a symmetric key rotates by default, at KMS\'s default period', () => {
    expect(material(spec())).toEqual({ keySpec: 'SYMMETRIC_DEFAULT', keyUsage: 'ENCRYPT_DECRYPT', rotation: { enabled: true } });
  });

  test('--rotation-period sets the period; --no-rotation turns it off', () => {
    expect(material(spec({ rotationPeriodDays: 90 })).rotation).toEqual({ enabled: true, periodDays: 90 });
    expect(material(spec({ rotationPeriodDays: 2560 })).rotation).toEqual({ enabled: true, periodDays: 2560 });
    expect(material(spec({ rotation: false })).rotation).toEqual({ enabled: false, reason: 'turned-off' });
  });

  test.each([89, 2561, 0, 365.5])('period %s is refused with the range', (days) => {
    expect(errors(spec({ rotationPeriodDays: days }))).toEqual([expect.stringMatching(/^rotation: the rotation period must be a whole number of days from 90 to 2560/)]);
  });

  test('a period with --no-rotation is a contradiction', () => {
    expect(errors(spec({ rotation: false, rotationPeriodDays: 365 }))).toEqual([expect.stringContaining('--no-rotation turns rotation off')]);
  });

  test('Route 53 DNSSEC: an ECC_NIST_P256 SIGN_VERIFY key, which cannot rotate (said in a note), and no period allowed', () => {
    const r = validateSpec(spec({}, ['route53-dnssec']));
    expect(r.ok && r.value.keyMaterial).toEqual({ keySpec: 'ECC_NIST_P256', keyUsage: 'SIGN_VERIFY', rotation: { enabled: false, reason: 'not-supported' } });
    expect(r.ok && r.value.notes.join('\n')).toContain('cannot rotate automatically');
    expect(errors(spec({ rotationPeriodDays: 365 }, ['route53-dnssec']))).toEqual([expect.stringContaining('cannot rotate automatically')]);
  });

  test('a new key for DNSSEC and an encrypting service at once is refused (a key is one kind or the other)', () => {
    expect(errors(spec({}, ['route53-dnssec', 'secretsmanager']))).toEqual([expect.stringContaining('Route 53 DNSSEC needs an asymmetric signing key')]);
  });

  test('only symmetric encryption keys rotate: asymmetric and HMAC keys do not', () => {
    const no: KeySpecName[] = ['RSA_2048', 'ECC_NIST_P256', 'HMAC_256', 'HMAC_512', 'SM2'];
    expect(rotationSupported('SYMMETRIC_DEFAULT')).toBe(true);
    for (const k of no) expect(rotationSupported(k), k).toBe(false);
  });
});
