// Statements that name every principal ("*") and what limits them.
import { positiveEntries } from './conditions.js';
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
