/**
 * The record of an evaluation: which statements applied, which did not and
 * why, down to the condition, key, expected and actual values. The simulate
 * command prints it, the wizard's review screen shows it.
 */

/** One condition test (operator + key) of a statement. */
export interface ConditionCheck {
  /** The operator as written, e.g. `StringEquals` or `ForAnyValue:StringLike`. */
  readonly operator: string;
  /** The condition key as written, e.g. `kms:ViaService`. */
  readonly key: string;
  /** The policy's values, as strings. */
  readonly expected: readonly string[];
  /** The request's values for the key; `undefined` when the request does not carry it. */
  readonly actual: readonly string[] | undefined;
  readonly passed: boolean;
  /** Why it passed or failed, in words ("kms:ViaService is absent: the call came directly"). */
  readonly reason: string;
}

/** The part of a statement that decided whether it applies. */
export type StatementStage = 'valid' | 'principal' | 'action' | 'resource' | 'condition';

/** How a key policy statement named the caller, which decides whether IAM must allow too. */
export type PrincipalMatch =
  /** The principal itself (or, for a session, its role) is named. */
  | 'principal'
  /** Principal `"*"` or a `NotPrincipal` that leaves the caller out: anyone meeting the conditions. */
  | 'anyone'
  /** The caller's account (root ARN or account id): IAM policies of the account must allow too. */
  | 'account';

export interface StatementTrace {
  /** Which document: `key policy` or `IAM policy 1`, ... */
  readonly policy: string;
  /** Position in the document's Statement list, from 0. */
  readonly index: number;
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny' | 'invalid';
  /** True when every part matched: the statement's effect applies to this request. */
  readonly applies: boolean;
  /** The stage that failed (`undefined` when it applies). */
  readonly failedAt?: StatementStage;
  /** For key policy statements whose principal matched: how. */
  readonly principalMatch?: PrincipalMatch;
  /** One line: why it applies or not. */
  readonly reason: string;
  readonly conditions: readonly ConditionCheck[];
  /** Parts of the statement that are not valid policy language (treated as not matching). */
  readonly problems: readonly string[];
}

/** Every statement of one kind of policy (the key policy, or all the principal's IAM policies). */
export interface PolicyTrace {
  readonly statements: readonly StatementTrace[];
  /** Problems with the documents themselves (not an object, no Statement, ...). */
  readonly problems: readonly string[];
}
