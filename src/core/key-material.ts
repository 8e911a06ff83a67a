// What kind of key the generated steps create, and whether it rotates.
// The key spec follows from the services: Route 53 DNSSEC signs with an
// asymmetric ECC_NIST_P256 SIGN_VERIFY key ("Working with customer managed
// keys for DNSSEC", Route 53 Developer Guide); every other catalog service
// encrypts with a symmetric encryption key (SYMMETRIC_DEFAULT).
//
// Rotation (EnableKeyRotation, AWS KMS API Reference): "Automatic key rotation
// is supported only on symmetric encryption KMS keys. You cannot enable
// automatic rotation of asymmetric KMS keys, HMAC KMS keys, KMS keys with
// imported key material, or KMS keys in a custom key store." The period is
// RotationPeriodInDays, 90 to 2560 days, 365 when not given; for a
// multi-Region key it is set on the primary key.
import type { ResolvedPrincipalService, SpecIssue } from './spec-types.js';

/** The key specs KMS offers (CreateKey KeySpec). */
export type KeySpecName =
  | 'SYMMETRIC_DEFAULT'
  | 'RSA_2048' | 'RSA_3072' | 'RSA_4096'
  | 'ECC_NIST_P256' | 'ECC_NIST_P384' | 'ECC_NIST_P521' | 'ECC_SECG_P256K1'
  | 'HMAC_224' | 'HMAC_256' | 'HMAC_384' | 'HMAC_512'
  | 'SM2';

export type KeyUsageName = 'ENCRYPT_DECRYPT' | 'SIGN_VERIFY' | 'GENERATE_VERIFY_MAC' | 'KEY_AGREEMENT';

/** Automatic rotation of a key the steps create. */
export type KeyRotation =
  | { readonly enabled: true; /** Undefined: KMS's default, 365 days. */ readonly periodDays?: number }
  | { readonly enabled: false; readonly reason: 'turned-off' | 'not-supported' };

/** The key a build creates (a new key, or the one CloudFormation/CDK may create instead of an existing key). */
export interface KeyMaterial {
  readonly keySpec: KeySpecName;
  readonly keyUsage: KeyUsageName;
  readonly rotation: KeyRotation;
}

export const ROTATION_MIN_DAYS = 90;
export const ROTATION_MAX_DAYS = 2560;

/** Only symmetric encryption keys rotate automatically (EnableKeyRotation). */
export function rotationSupported(keySpec: KeySpecName): boolean {
  return keySpec === 'SYMMETRIC_DEFAULT';
}

/** The answers about rotation (flags --no-rotation, --rotation-period DAYS). */
export interface RotationAnswers {
  /** false: --no-rotation. Default true. */
  readonly rotation?: boolean;
  readonly rotationPeriodDays?: number;
}

/** The key spec and usage the services need, and the rotation the answers ask for; problems go to `errors`, facts to `notes`. */
export function resolveKeyMaterial(
  answers: RotationAnswers,
  isNew: boolean,
  principalServices: readonly ResolvedPrincipalService[],
  services: number,
  issues: { errors: SpecIssue[]; warnings: SpecIssue[] },
  notes: string[],
): KeyMaterial {
  const { errors } = issues;
  const dnssec = principalServices.some((p) => p.entry.id === 'route53-dnssec');
  const mixed = dnssec && (services > 0 || principalServices.length > 1);
  if (mixed) {
    // A key is either a signing key or an encryption key: for a key to create that is a choice the answers must make;
    // an existing key already is one, and the statements for the other kind are dead weight.
    (isNew ? errors : issues.warnings).push({
      field: 'services',
      value: 'route53-dnssec',
      message: 'Route 53 DNSSEC needs an asymmetric signing key (ECC_NIST_P256, SIGN_VERIFY), which no service that encrypts can use' + (isNew ? '' : ': one of the two kinds of statements will never apply to this key'),
      hint: 'Generate the DNSSEC key on its own (--service route53-dnssec only), and a symmetric key for the other services',
    });
  }
  const signs = dnssec && !mixed;
  const keySpec: KeySpecName = signs ? 'ECC_NIST_P256' : 'SYMMETRIC_DEFAULT';
  const keyUsage: KeyUsageName = signs ? 'SIGN_VERIFY' : 'ENCRYPT_DECRYPT';
  const period = answers.rotationPeriodDays;
  if (period !== undefined) {
    if (answers.rotation === false) {
      errors.push({ field: 'rotation', value: String(period), message: '--rotation-period sets how often the key rotates, but --no-rotation turns rotation off', hint: 'Give one of them' });
    } else if (!Number.isInteger(period) || period < ROTATION_MIN_DAYS || period > ROTATION_MAX_DAYS) {
      errors.push({
        field: 'rotation',
        value: String(period),
        message: `the rotation period must be a whole number of days from ${ROTATION_MIN_DAYS} to ${ROTATION_MAX_DAYS} (EnableKeyRotation RotationPeriodInDays), not ${period}`,
        hint: `e.g. --rotation-period 365 (KMS's default when none is given)`,
      });
    } else if (!rotationSupported(keySpec)) {
      errors.push({ field: 'rotation', value: String(period), message: `a ${keySpec} key cannot rotate automatically (only symmetric encryption keys do), so it has no rotation period`, hint: 'Drop --rotation-period' });
    }
  }
  if (!rotationSupported(keySpec)) {
    notes.push(`Rotation: the ${keySpec} ${keyUsage} key cannot rotate automatically (EnableKeyRotation supports only symmetric encryption keys); rotate it by creating a new key and switching to it.`);
    return { keySpec, keyUsage, rotation: { enabled: false, reason: 'not-supported' } };
  }
  if (answers.rotation === false) return { keySpec, keyUsage, rotation: { enabled: false, reason: 'turned-off' } };
  return { keySpec, keyUsage, rotation: period !== undefined && Number.isInteger(period) ? { enabled: true, periodDays: period } : { enabled: true } };
}
