// Statements that name every principal ("*") and what limits them.
import { statementCovers } from './actions.js';
import { positiveEntries, sameKey } from './conditions.js';
import type { StatementModel } from './model.js';

/** Condition keys that limit a "*" principal to some accounts or principals. */
export const ACCOUNT_LIMITING_KEYS = ['kms:CallerAccount', 'aws:PrincipalAccount', 'aws:PrincipalOrgID', 'aws:PrincipalOrgPaths', 'aws:PrincipalArn'];

/** An Allow statement whose Principal is "*" (or {"AWS": "*"}). */
export function isStarAllow(s: StatementModel): boolean {
  return s.effect === 'Allow' && s.principal !== undefined && !s.principal.negated && s.principal.star;
}

/** The account-limiting conditions of a statement (positive operators only). */
export function accountLimits(s: StatementModel) {
  return ACCOUNT_LIMITING_KEYS.flatMap((k) => positiveEntries(s, k));
}

/** Account-limiting keys that still cover every identity of an account (or organization); aws:PrincipalArn names identities. */
const ACCOUNT_WIDE_KEYS = ['kms:CallerAccount', 'aws:PrincipalAccount', 'aws:PrincipalOrgID', 'aws:PrincipalOrgPaths'];

/**
 * Actions that let whoever holds them take the key over: rewrite its policy,
 * schedule its deletion, or grant themselves any use (a grant carries none of
 * the key policy's conditions).
 */
export const TAKEOVER_ACTIONS = ['kms:PutKeyPolicy', 'kms:ScheduleKeyDeletion', 'kms:CreateGrant'] as const;

/**
 * The takeover actions an Allow "*" statement gives every identity of an
 * account: its only conditions are account-wide limits (kms:CallerAccount
 * and the like), so no IAM permission is needed. Empty when the statement is
 * narrower (another condition, such as kms:ViaService, which these requests
 * never carry, or aws:PrincipalArn) or not account-limited at all (KW401).
 */
export function accountWideTakeoverActions(s: StatementModel): string[] {
  if (!isStarAllow(s) || s.conditions.length === 0) return [];
  if (!s.conditions.every((c) => c.op && ACCOUNT_WIDE_KEYS.some((k) => sameKey(c.key, k)))) return [];
  if (accountLimits(s).length === 0) return [];
  return TAKEOVER_ACTIONS.filter((a) => statementCovers(s, a));
}
