// What build() returns and the pieces it is made of, apart from build.ts so
// that the modules build() calls (self-check.ts, use-phrase.ts) can name them
// without importing build.ts, which imports them. Types only.
import type { POLICY_VERSION, PolicyDocument, Statement } from './policy.js';
import type { ResolvedSpec } from './spec.js';
import type { SpecIssue } from './spec-types.js';

/** One IAM policy to create in a consumer account. */
export interface IamPolicyFile {
  readonly account: string;
  /** `iam-policy.json` for the key's account, `iam-policy-<ACCOUNT>.json` for others. */
  readonly fileName: string;
  readonly policy: PolicyDocument;
  /** The roles/users named for this account; empty = attach it to whoever should use the key. */
  readonly attachTo: readonly string[];
}

/** A statement whose Resource is `R`: the key's ARN(s), or how an output format refers to a key it creates. */
export type StatementNaming<R> = Omit<Statement, 'Resource'> & { Resource: R };

/** A policy document whose statements name the key as `R`. */
export interface PolicyNaming<R> {
  Version: typeof POLICY_VERSION;
  Statement: StatementNaming<R>[];
}

/**
 * An IAM policy a consumer account needs, for any way of naming the key:
 * `naming(resource)` is the document with `resource` as every statement's
 * Resource. For an existing key that is its ARN (one per Region of
 * {@link keyRegions} for a multi-Region key); for a new key an output format
 * passes its reference to the key it creates (never a made-up ARN).
 */
export interface IamPolicyPlan {
  readonly account: string;
  readonly fileName: string;
  readonly attachTo: readonly string[];
  naming<R>(resource: R): PolicyNaming<R>;
}

/** What {@link buildPolicies} returns: the policy pair and what the user must know about it. */
export interface BuildResult {
  readonly spec: ResolvedSpec;
  readonly keyPolicy: PolicyDocument;
  /**
   * The IAM policies to write now. Empty when no IAM policy is needed
   * (same-account `principals` / `account` access), and for a new key: an IAM
   * policy names the key's ARN, which does not exist yet (see `iamPlans`).
   */
  readonly iamPolicies: readonly IamPolicyFile[];
  /** Every IAM policy the pair needs, existing key or new (the same accounts, files and statements as iamPolicies for an existing key). */
  readonly iamPlans: readonly IamPolicyPlan[];
  /** Plain-language explanation of how the pair works, one paragraph each. */
  readonly explanation: readonly string[];
  readonly notes: readonly string[];
  readonly warnings: readonly SpecIssue[];
}

/**
 * Services that need the same actions share a statement; services that need
 * different ones get their own, so no service is allowed another's actions
 * (EBS's CreateGrant is not allowed through Secrets Manager).
 */
export interface ActionGroup {
  /** Statement Sid stem: `UseThroughServices` for one group, else `UseThrough<FirstService>`. */
  readonly name: string;
  readonly via: readonly string[];
  /** Actions without kms:CreateGrant. */
  readonly use: readonly string[];
  readonly grants: boolean;
}
