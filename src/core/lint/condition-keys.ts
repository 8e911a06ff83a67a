// Facts about condition keys that several rules share.
import { kmsConditionKey } from '../catalog/actions.js';
import { KMS_CONDITION_KEY_DATA } from '../catalog/kms-data.js';
import { globalKeyIsMultiValued } from './global-keys.js';

/** KMS condition key names as written in docs, with `${...}` placeholders cut to their prefix. */
export const KMS_KEY_NAMES: readonly string[] = KMS_CONDITION_KEY_DATA.filter((k) => k.key.startsWith('kms:')).map((k) =>
  k.key.replace(/\$\{[^}]+\}$/, ''),
);

export function keyPrefix(key: string): string {
  const i = key.indexOf(':');
  return i < 0 ? '' : key.slice(0, i).toLowerCase();
}

/** `kms:EncryptionContext:<k>` (one key of the context); not kms:EncryptionContextKeys. */
export function isEncryptionContextKey(key: string): boolean {
  return /^kms:encryptioncontext:./i.test(key);
}

/**
 * Whether a key holds one value per request. Undefined for keys this tool
 * does not know (other services' keys, unlisted global keys).
 */
export function isSingleValuedKey(key: string): boolean | undefined {
  const prefix = keyPrefix(key);
  if (prefix === 'kms') {
    const entry = kmsConditionKey(key);
    return entry ? entry.type !== 'ArrayOfString' : undefined;
  }
  if (prefix === 'aws') {
    const multi = globalKeyIsMultiValued(key);
    return multi === undefined ? undefined : !multi;
  }
  return undefined;
}
