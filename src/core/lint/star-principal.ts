// Statements that name every principal ("*") and what limits them.
import { statementCovers } from './actions.js';
import { positiveEntries, sameKey } from './conditions.js';
import type { ConditionEntry, StatementModel } from './model.js';
import { isPositiveMatch } from './operators.js';

/** Condition keys that limit a "*" principal to some accounts or principals. */
export const ACCOUNT_LIMITING_KEYS = ['kms:CallerAccount', 'aws:PrincipalAccount', 'aws:PrincipalOrgID', 'aws:PrincipalOrgPaths', 'aws:PrincipalArn'];

/**
 * Keys that only a request made by an AWS service principal on behalf of a
 * resource carries: "the aws:SourceAccount condition key is only available
 * when the call to your resource is made directly by an AWS service
 * principal" (IAM User Guide, "AWS global condition context keys",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html,
 * aws:SourceArn, aws:SourceAccount, aws:SourceOrgID, aws:SourceOrgPaths). A
 * "*" required to carry one of them is a service acting for the named
 * source, not the public; aws:PrincipalIsAWSService says the same explicitly.
 */
export const SOURCE_LIMITING_KEYS = ['aws:SourceArn', 'aws:SourceAccount', 'aws:SourceOrgID', 'aws:SourceOrgPaths'];

/** An Allow statement whose Principal is "*" (or {"AWS": "*"}). */
export function isStarAllow(s: StatementModel): boolean {
  return s.effect === 'Allow' && s.principal !== undefined && !s.principal.negated && s.principal.star;
}

/** A value that names nothing ("*", "?*"): a condition on it narrows nothing. */
function matchesAnything(value: unknown): boolean {
  return typeof value === 'string' && /^[*?]+$/.test(value);
}

/**
 * Entries that narrow who matches: a positive operator that is false when the
 * key is absent (not a negated operator, not ...IfExists, not ForAllValues:,
 * which are true then) and values that are not just wildcards.
 */
export function narrowingEntries(s: StatementModel, key: string): ConditionEntry[] {
  return s.conditions.filter(
    (c) =>
      c.op !== undefined &&
      isPositiveMatch(c.op) &&
      !c.op.ifExists &&
      c.op.setPrefix !== 'ForAllValues' &&
      sameKey(c.key, key) &&
      c.values.length > 0 &&
      !c.values.some((v) => matchesAnything(v.value)),
  );
}

/** The account-limiting conditions of a statement (narrowing operators only). */
export function accountLimits(s: StatementModel): ConditionEntry[] {
  return ACCOUNT_LIMITING_KEYS.flatMap((k) => narrowingEntries(s, k));
}

/** The conditions that limit a statement to AWS services acting for a named account, organization or resource. */
export function sourceLimits(s: StatementModel): ConditionEntry[] {
  return SOURCE_LIMITING_KEYS.flatMap((k) => narrowingEntries(s, k));
}

/**
 * Conditions on an account-limiting key that do not narrow (a negated
 * operator, IfExists, ForAllValues:): named in messages, because they read
 * like a limit and are not one.
 */
export function nonNarrowingAccountEntries(s: StatementModel): ConditionEntry[] {
  const narrowing = new Set(accountLimits(s));
  return s.conditions.filter((c) => !narrowing.has(c) && ACCOUNT_LIMITING_KEYS.some((k) => sameKey(c.key, k)));
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
  // IfExists forms count here: they limit no less (an error either way).
  if (ACCOUNT_WIDE_KEYS.every((k) => positiveEntries(s, k).length === 0)) return [];
  return TAKEOVER_ACTIONS.filter((a) => statementCovers(s, a));
}
