// Which cryptographic operations a KMS key can perform, by its type: "Key type
// reference" (https://docs.aws.amazon.com/kms/latest/developerguide/symm-asymm-compare.html,
// Key type table) and "Key spec reference"
// (https://docs.aws.amazon.com/kms/latest/developerguide/symm-asymm-choose-key-spec.html).
// KeySpec and KeyUsage are fixed when the key is created; CreateKey's
// defaults are SYMMETRIC_DEFAULT and ENCRYPT_DECRYPT.
import { expandPattern, isKmsActionPattern } from './actions.js';
import type { Located } from './json-tree.js';
import type { KeyFacts, StatementModel } from './model.js';

/** The kinds of key the Key type table has a column for. */
export type KeyType = 'symmetric' | 'hmac' | 'asymmetric-encrypt' | 'asymmetric-sign' | 'asymmetric-key-agreement';

/** The operations of the Key type table that depend on the key type (all others work on every key). */
export const TYPED_OPERATIONS: readonly string[] = [
  'kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo',
  'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:GenerateDataKeyPair', 'kms:GenerateDataKeyPairWithoutPlaintext',
  'kms:Sign', 'kms:Verify', 'kms:GenerateMac', 'kms:VerifyMac', 'kms:GetPublicKey', 'kms:DeriveSharedSecret',
];

const ENCRYPTION = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo'];
const DATA_KEYS = ['kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:GenerateDataKeyPair', 'kms:GenerateDataKeyPairWithoutPlaintext'];

/**
 * The Key type table: data keys and data key pairs only from symmetric
 * encryption keys; MACs only from HMAC keys; Sign/Verify only from SIGN_VERIFY
 * asymmetric keys; GetPublicKey from every asymmetric key; DeriveSharedSecret
 * only from KEY_AGREEMENT keys.
 */
const ALLOWED: Readonly<Record<KeyType, ReadonlySet<string>>> = {
  symmetric: new Set([...ENCRYPTION, ...DATA_KEYS]),
  hmac: new Set(['kms:GenerateMac', 'kms:VerifyMac']),
  'asymmetric-encrypt': new Set([...ENCRYPTION, 'kms:GetPublicKey']),
  'asymmetric-sign': new Set(['kms:Sign', 'kms:Verify', 'kms:GetPublicKey']),
  'asymmetric-key-agreement': new Set(['kms:DeriveSharedSecret', 'kms:GetPublicKey']),
};

/** In words, for messages. */
export const KEY_TYPE_NAMES: Readonly<Record<KeyType, string>> = {
  symmetric: 'a symmetric encryption key (SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT)',
  hmac: 'an HMAC key (GENERATE_VERIFY_MAC)',
  'asymmetric-encrypt': 'an asymmetric ENCRYPT_DECRYPT key',
  'asymmetric-sign': 'an asymmetric SIGN_VERIFY key',
  'asymmetric-key-agreement': 'an asymmetric KEY_AGREEMENT key',
};

/** The key type a KeySpec and KeyUsage make, or undefined when either is unknown or not one KMS has. */
export function keyTypeOf(facts: Pick<KeyFacts, 'keySpec' | 'keyUsage'>): KeyType | undefined {
  const { keySpec, keyUsage } = facts;
  if (keySpec === undefined || keyUsage === undefined) return undefined;
  if (keySpec === 'SYMMETRIC_DEFAULT') return keyUsage === 'ENCRYPT_DECRYPT' ? 'symmetric' : undefined;
  if (/^HMAC_(224|256|384|512)$/.test(keySpec)) return keyUsage === 'GENERATE_VERIFY_MAC' ? 'hmac' : undefined;
  const usages = ASYMMETRIC_USAGES.find(([spec]) => spec.test(keySpec))?.[1];
  return usages?.includes(keyUsage) ? USAGE_TYPES[keyUsage] : undefined;
}

/** The KeyUsage values each asymmetric key spec accepts (Key spec reference; CreateKey, KeyUsage). */
const ASYMMETRIC_USAGES: readonly [RegExp, readonly string[]][] = [
  [/^RSA_(2048|3072|4096)$/, ['ENCRYPT_DECRYPT', 'SIGN_VERIFY']],
  [/^ECC_NIST_P(256|384|521)$/, ['SIGN_VERIFY', 'KEY_AGREEMENT']],
  [/^ECC_NIST_EDWARDS25519$/, ['SIGN_VERIFY']],
  [/^ECC_SECG_P256K1$/, ['SIGN_VERIFY']],
  [/^ML_DSA_(44|65|87)$/, ['SIGN_VERIFY']],
  [/^SM2$/, ['ENCRYPT_DECRYPT', 'SIGN_VERIFY', 'KEY_AGREEMENT']],
];

const USAGE_TYPES: Readonly<Record<string, KeyType>> = {
  ENCRYPT_DECRYPT: 'asymmetric-encrypt',
  SIGN_VERIFY: 'asymmetric-sign',
  KEY_AGREEMENT: 'asymmetric-key-agreement',
};

/** Whether a key of this type can perform the action (actions outside TYPED_OPERATIONS work on every key). */
export function keyTypeAllows(type: KeyType, action: string): boolean {
  return !TYPED_OPERATIONS.includes(action) || ALLOWED[type].has(action);
}

/**
 * The Action values of an Allow statement that a key of this type can never
 * perform: every action the value covers is an operation its type lacks
 * (`kms:Sign` on a symmetric key, `kms:GenerateDataKey*` on a SIGN_VERIFY
 * key). `kms:*` or `kms:Get*` cover other actions too, so they are not such values.
 */
export function impossibleActions(s: StatementModel, type: KeyType): Located<string>[] {
  if (s.effect !== 'Allow' || s.notAction) return [];
  return s.actions.filter((a) => {
    if (!isKmsActionPattern(a.value)) return false;
    const covered = expandPattern(a.value);
    return covered.length > 0 && covered.every((action) => !keyTypeAllows(type, action));
  });
}
