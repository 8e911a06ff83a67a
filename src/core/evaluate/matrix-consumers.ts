import { isAccountId, parsePrincipalArn } from '../arn.js';
import type { Partition } from '../catalog/regions.js';
import { parseOperator } from './condition-operators.js';
import { isPlainObject, readPolicyDocument, stringEntries, type PolicyStatement } from './policy-document.js';
import { wildcardMatch } from './wildcard.js';

/** A principal the access matrix tries requests for. */
export interface Consumer {
  readonly arn: string;
  readonly account: string;
  /** How rows name it: `role/app in 111122223333`, or `a role in 111122223333` for one the matrix made up. */
  readonly label: string;
  /** Made up to stand for "a principal of this account" (the policy names the account, not a principal). */
  readonly synthetic: boolean;
}

/** A stand-in role for "some principal of this account". */
export function syntheticConsumer(partition: Partition | string, account: string, name = 'consumer'): Consumer {
  return { arn: `arn:${partition}:iam::${account}:role/${name}`, account, label: `a role in ${account}`, synthetic: true };
}

/** A consumer from a principal ARN or a 12-digit account id; undefined when it is neither. */
export function consumerFrom(value: string, partition: Partition | string): Consumer | undefined {
  const v = value.trim();
  if (isAccountId(v)) return syntheticConsumer(partition, v);
  const p = parsePrincipalArn(v);
  if (!p.ok) return undefined;
  if (p.value.kind === 'root') return syntheticConsumer(p.value.partition, p.value.account);
  const resource = v.split(':').slice(5).join(':');
  return { arn: p.value.arn, account: p.value.account, label: `${resource} in ${p.value.account}`, synthetic: false };
}

function coversAction(stmt: PolicyStatement, action: string): boolean {
  if (stmt.action) return stmt.action.some((p) => wildcardMatch(p, action, true));
  if (stmt.notAction) return !stmt.notAction.some((p) => wildcardMatch(p, action, true));
  return false;
}

/** kms:CallerAccount values a statement requires (positive string operators). */
export function callerAccounts(stmt: PolicyStatement): string[] {
  if (!isPlainObject(stmt.condition)) return [];
  const out: string[] = [];
  for (const [operator, block] of Object.entries(stmt.condition)) {
    const op = parseOperator(operator);
    if ('error' in op || op.base.negated || op.base.family !== 'String' || !isPlainObject(block)) continue;
    for (const [key, raw] of Object.entries(block)) {
      if (key.toLowerCase() !== 'kms:calleraccount') continue;
      for (const v of Array.isArray(raw) ? raw : [raw]) if (typeof v === 'string' && isAccountId(v)) out.push(v);
    }
  }
  return out;
}

/**
 * The principals a key policy lets use `action`: named roles and users as
 * they are; for an account root, or for `"*"` limited by kms:CallerAccount,
 * a stand-in role of that account. Falls back to a role of the key's account.
 */
export function deriveConsumers(keyPolicy: unknown, action: string, partition: Partition | string, keyAccount: string): Consumer[] {
  const out = new Map<string, Consumer>();
  const add = (c: Consumer | undefined) => {
    if (c && !out.has(c.arn)) out.set(c.arn, c);
  };
  for (const stmt of readPolicyDocument(keyPolicy).statements) {
    if (stmt.effect !== 'Allow' || !coversAction(stmt, action) || !stmt.hasPrincipal) continue;
    const principal = stmt.principal;
    const aws = principal === '*' ? ['*'] : isPlainObject(principal) ? stringEntries(principal.AWS) : [];
    for (const entry of aws) {
      if (entry === '*') {
        const accounts = callerAccounts(stmt);
        for (const a of accounts.length > 0 ? accounts : [keyAccount]) add(syntheticConsumer(partition, a));
      } else {
        add(consumerFrom(entry, partition));
      }
    }
  }
  if (out.size === 0) add(syntheticConsumer(partition, keyAccount));
  return [...out.values()];
}
