import { lazy } from '../lazy.js';
import { KMS_ACTION_DATA, KMS_CONDITION_KEY_DATA, type KmsActionData } from './kms-data.js';

/** Every KMS action name with its `kms:` prefix, e.g. `kms:Decrypt`. */
export const KMS_ACTIONS: readonly string[] = KMS_ACTION_DATA.map((a) => `kms:${a.name}`);

const byLowerName = new Map(KMS_ACTION_DATA.map((a) => [`kms:${a.name}`.toLowerCase(), a]));

/** Looks up an action (`kms:decrypt`, any case). Action names are case-insensitive in IAM. */
export function kmsAction(name: string): KmsActionData | undefined {
  return byLowerName.get(name.toLowerCase());
}

// Patterns repeat across statements, lint rules and explanations: each is
// compiled and expanded once. The caches are bounded (the library API may
// run in a long-lived process that sees many policies).
const CACHE_LIMIT = 2000;
const regexCache = new Map<string, RegExp>();
const expansionCache = new Map<string, readonly string[]>();

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** Converts an IAM action pattern (`kms:GenerateDataKey*`, `kms:*`) to a case-insensitive RegExp (without the g flag, so shared safely). */
export function actionPatternToRegExp(pattern: string): RegExp {
  const known = regexCache.get(pattern);
  if (known) return known;
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return remember(regexCache, pattern, new RegExp(`^${escaped}$`, 'i'));
}

/** The KMS actions an action pattern matches, in catalog order (empty when none). */
export function expandKmsActions(pattern: string): readonly string[] {
  const known = expansionCache.get(pattern);
  if (known) return known;
  return remember(expansionCache, pattern, Object.freeze(expand(pattern)));
}

const PLAIN_ASCII = /^[\x20-\x7e]*$/;

function expand(pattern: string): string[] {
  // The usual patterns (`kms:*`, `kms:Create*`, `kms:Decrypt`) without a RegExp, which V8 compiles to
  // machine code on its second use: most of what expanding cost a short run. ASCII only, where
  // toLowerCase and a case-insensitive RegExp agree; anything else takes the RegExp.
  const star = pattern.indexOf('*');
  if (PLAIN_ASCII.test(pattern) && !pattern.includes('?') && (star === -1 || star === pattern.length - 1)) {
    const lower = pattern.toLowerCase();
    if (star === -1) return KMS_ACTIONS.filter((a, i) => lowerActions()[i] === lower);
    const prefix = lower.slice(0, -1);
    return KMS_ACTIONS.filter((a, i) => lowerActions()[i]!.startsWith(prefix));
  }
  const re = actionPatternToRegExp(pattern);
  return KMS_ACTIONS.filter((a) => re.test(a));
}

/** KMS_ACTIONS in lower case, index for index. */
const lowerActions = lazy(() => KMS_ACTIONS.map((a) => a.toLowerCase()));

/**
 * The key administrator actions the KMS console's default key policy grants
 * ("Default key policy", https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html,
 * "Allows key administrators to administer the KMS key"): management only,
 * none of the cryptographic ones. kms:RotateKeyOnDemand (on-demand rotation)
 * matches none of the wildcards, so it is named; without it administrators
 * cannot rotate on demand.
 */
export const ADMIN_ACTIONS: readonly string[] = [
  'kms:Create*', 'kms:Describe*', 'kms:Enable*', 'kms:List*', 'kms:Put*', 'kms:Update*',
  'kms:Revoke*', 'kms:Disable*', 'kms:Get*', 'kms:Delete*', 'kms:TagResource',
  'kms:UntagResource', 'kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion', 'kms:RotateKeyOnDemand',
];

/** Extra administrator actions for multi-Region keys ("Default key policy", as above). */
export const MULTI_REGION_ADMIN_ACTIONS: readonly string[] = ['kms:ReplicateKey', 'kms:UpdatePrimaryRegion'];

/**
 * Cryptographic operations: the actions that use key material. An administrator
 * statement must grant none of them.
 */
export const CRYPTOGRAPHIC_ACTIONS: readonly string[] = [
  'kms:Decrypt', 'kms:DeriveSharedSecret', 'kms:Encrypt', 'kms:GenerateDataKey',
  'kms:GenerateDataKeyPair', 'kms:GenerateDataKeyPairWithoutPlaintext',
  'kms:GenerateDataKeyWithoutPlaintext', 'kms:GenerateMac', 'kms:ReEncryptFrom',
  'kms:ReEncryptTo', 'kms:Sign', 'kms:Verify', 'kms:VerifyMac',
];

/** KMS condition keys (service-specific), by lower-case name. */
const conditionKeys = new Map(KMS_CONDITION_KEY_DATA.map((k) => [k.key.toLowerCase(), k]));

/** Turns a catalog key with `${...}` placeholders into a matcher. */
function keyMatcher(catalogKey: string): RegExp {
  const parts = catalogKey.split(/\$\{[^}]+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.+')}$`, 'i');
}
// Built only when a key is not one of the catalog's own names.
const keyPatterns = lazy(() => KMS_CONDITION_KEY_DATA.filter((k) => k.key.includes('${')).map((k) => ({ ...k, re: keyMatcher(k.key) })));

/** The catalog entry of a `kms:` condition key (case-insensitive), if it exists. */
export function kmsConditionKey(key: string) {
  return conditionKeys.get(key.toLowerCase()) ?? keyPatterns().find((k) => k.re.test(key));
}

/** Each action's condition keys in lower case (made once per action: the access comparison asks hundreds of times). */
const lowerKeysOf = new WeakMap<KmsActionData, ReadonlySet<string>>();

/** Whether a KMS action's request can carry the given `kms:` condition key. */
export function actionSupportsConditionKey(action: string, key: string): boolean {
  const data = kmsAction(action);
  const entry = kmsConditionKey(key);
  if (!data || !entry) return false;
  let keys = lowerKeysOf.get(data);
  if (!keys) lowerKeysOf.set(data, (keys = new Set(data.conditionKeys.map((k) => k.toLowerCase()))));
  return keys.has(entry.key.toLowerCase());
}
