// The KMS actions that can be called on one key, by its key spec and usage
// ("Key type reference", https://docs.aws.amazon.com/kms/latest/developerguide/symm-asymm-compare.html):
// the cryptographic operations depend on KeyUsage, key rotation on symmetric
// encryption keys, importing on Origin EXTERNAL, replication on multi-Region keys.
import { KMS_ACTION_DATA } from '../catalog/kms-data.js';
import type { KeyDescription } from './model.js';

const CRYPTO_BY_USAGE: Record<string, readonly string[]> = {
  ENCRYPT_DECRYPT: ['Encrypt', 'Decrypt', 'ReEncryptFrom', 'ReEncryptTo'],
  SIGN_VERIFY: ['Sign', 'Verify'],
  GENERATE_VERIFY_MAC: ['GenerateMac', 'VerifyMac'],
  KEY_AGREEMENT: ['DeriveSharedSecret'],
};
const ALL_CRYPTO = new Set([...Object.values(CRYPTO_BY_USAGE).flat(), 'GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'GenerateDataKeyPair', 'GenerateDataKeyPairWithoutPlaintext', 'GetPublicKey']);
/** Only symmetric encryption keys make data keys and rotate automatically or on demand. */
const SYMMETRIC_ONLY = new Set(['GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'GenerateDataKeyPair', 'GenerateDataKeyPairWithoutPlaintext', 'EnableKeyRotation', 'DisableKeyRotation', 'GetKeyRotationStatus', 'RotateKeyOnDemand', 'ListKeyRotations']);
const IMPORT = new Set(['ImportKeyMaterial', 'DeleteImportedKeyMaterial', 'GetParametersForImport']);
const MULTI_REGION = new Set(['ReplicateKey', 'UpdatePrimaryRegion', 'SynchronizeMultiRegionKey']);
/** Alias actions also need permission on the alias, which no export here describes. */
const ALIAS = new Set(['CreateAlias', 'DeleteAlias', 'UpdateAlias']);

/** `kms:`-prefixed actions callable on the key; every action on a key when it is not described. */
export function keyActions(key: KeyDescription | undefined, keyId: string): string[] {
  const onKey = KMS_ACTION_DATA.filter((a) => a.onKey && !ALIAS.has(a.name)).map((a) => a.name);
  if (!key) {
    const multi = keyId.startsWith('mrk-');
    return onKey.filter((a) => multi || !MULTI_REGION.has(a)).map((a) => `kms:${a}`);
  }
  const symmetric = key.keySpec === 'SYMMETRIC_DEFAULT';
  // HMAC keys are symmetric too, but hold no public key and make no data keys.
  const asymmetric = !symmetric && !key.keySpec.startsWith('HMAC_');
  const crypto = new Set(CRYPTO_BY_USAGE[key.keyUsage] ?? []);
  if (asymmetric) crypto.add('GetPublicKey');
  if (symmetric) for (const a of SYMMETRIC_ONLY) crypto.add(a);
  return onKey
    .filter((a) => {
      if (MULTI_REGION.has(a)) return key.multiRegion;
      if (IMPORT.has(a)) return key.origin === undefined || key.origin === 'EXTERNAL';
      if (SYMMETRIC_ONLY.has(a)) return symmetric;
      if (ALL_CRYPTO.has(a)) return crypto.has(a);
      return true;
    })
    .map((a) => `kms:${a}`);
}
