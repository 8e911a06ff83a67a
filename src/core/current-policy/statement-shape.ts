// What a key policy statement from a file says, in the terms the fate rules
// need: who it names, which KMS actions it covers, whether it is conditioned.
import { isAccountId, parsePrincipalArn, type KeyArn } from '../arn.js';
import { actionPatternToRegExp, CRYPTOGRAPHIC_ACTIONS, KMS_ACTIONS } from '../catalog/actions.js';
import { isPlainObject, stringEntries } from '../evaluate/policy-document.js';

/** A statement's principals, sorted by what they are. */
export interface NamedPrincipals {
  /** `"*"` or `{"AWS": "*"}`: anyone. */
  readonly anyone: boolean;
  /** Account roots of the key's account (root ARN or account id). */
  readonly keyRoot: readonly string[];
  /** Roles and users (and sessions) of the key's account. */
  readonly keyPrincipals: readonly string[];
  /** AWS entries of other accounts (or other partitions), by account id. */
  readonly otherAccounts: readonly string[];
  /** Service principals (`logs.us-east-1.amazonaws.com`, ...). */
  readonly services: readonly string[];
  /** Anything else: Federated, CanonicalUser, unreadable entries. */
  readonly unknown: readonly string[];
}

export function namedPrincipals(raw: unknown, key: KeyArn): NamedPrincipals {
  const out = { anyone: false, keyRoot: [] as string[], keyPrincipals: [] as string[], otherAccounts: [] as string[], services: [] as string[], unknown: [] as string[] };
  if (raw === '*') return { ...out, anyone: true };
  if (!isPlainObject(raw)) return { ...out, unknown: ['(unreadable Principal)'] };
  for (const [kind, value] of Object.entries(raw)) {
    const items = Array.isArray(value) ? value : [value];
    if (items.some((x) => typeof x !== 'string')) out.unknown.push(`(${kind} entry that is not a string)`);
    for (const entry of stringEntries(value)) {
      if (kind === 'Service') out.services.push(entry);
      else if (kind !== 'AWS') out.unknown.push(`${kind} ${entry}`);
      else if (entry === '*') out.anyone = true;
      else if (isAccountId(entry)) (entry === key.account ? out.keyRoot : out.otherAccounts).push(entry);
      else {
        const p = parsePrincipalArn(entry);
        if (!p.ok) out.unknown.push(entry);
        else if (p.value.account !== key.account || p.value.partition !== key.partition) out.otherAccounts.push(p.value.account);
        else if (p.value.kind === 'root') out.keyRoot.push(entry);
        else out.keyPrincipals.push(entry);
      }
    }
  }
  return { ...out, otherAccounts: [...new Set(out.otherAccounts)].sort() };
}

/** The KMS actions an Action element covers (`kms:*` and `*` expand to every KMS action); other services' actions are left out. */
export function coveredKmsActions(action: unknown): string[] {
  const patterns = stringEntries(action).filter((a) => a === '*' || a.toLowerCase().startsWith('kms:'));
  const res = patterns.map(actionPatternToRegExp);
  return KMS_ACTIONS.filter((a) => res.some((re) => re.test(a)));
}

const CRYPTO = new Set(CRYPTOGRAPHIC_ACTIONS);
/** Grants let a grantee use the key without the key policy's conditions [grants]. */
const GRANT_ACTIONS = new Set(['kms:CreateGrant']);

/** The cryptographic actions among `actions`. */
export function cryptographicActions(actions: readonly string[]): string[] {
  return actions.filter((a) => CRYPTO.has(a));
}

/** The cryptographic (and grant-creating) actions among `actions`. */
export function keyUseActions(actions: readonly string[]): string[] {
  return actions.filter((a) => CRYPTO.has(a) || GRANT_ACTIONS.has(a));
}

/** The console's "Allow attachment of persistent resources" condition: Bool kms:GrantIsForAWSResource true, nothing else. */
export function isGrantForAwsResourceOnly(condition: unknown): boolean {
  if (!isPlainObject(condition)) return false;
  const ops = Object.entries(condition);
  if (ops.length !== 1 || ops[0]![0] !== 'Bool' || !isPlainObject(ops[0]![1])) return false;
  const keys = Object.entries(ops[0]![1]);
  return keys.length === 1 && keys[0]![0].toLowerCase() === 'kms:grantisforawsresource' && (keys[0]![1] === true || keys[0]![1] === 'true');
}
