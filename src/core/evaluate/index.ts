import type { PolicyDocumentView } from './policy-document.js';
import { buildRequestContext, type Caller, type KmsRequest, type RequestContext } from './request-context.js';
import { matchStatement, type PolicyKind } from './statement-match.js';
import { allowSentence, denySentence, noIamAllowSentence, noKeyAllowSentence } from './summary.js';
import type { PolicyTrace, StatementTrace } from './trace.js';
import { readPolicySet, type DecisionKind, type PolicySet, type ReadPolicySet } from './policy-set.js';

export type { KmsRequest, Caller } from './request-context.js';
export type { ConditionCheck, PolicyTrace, PrincipalMatch, StatementStage, StatementTrace } from './trace.js';

export { candidateStatements, decide, decideContext, decidePolicy, decideRead, requestContext, type PolicyDecision, type PolicyEffect, type PolicyKind } from './decide.js';
export type { RequestContext } from './request-context.js';
export { readPolicySet, type DecisionKind, type PolicySet, type ReadPolicySet } from './policy-set.js';

/** The answer for one request, with the reasoning behind it. */
export interface Decision {
  readonly decision: DecisionKind;
  /** One sentence a person understands: what allowed or blocked the call and why. */
  readonly summary: string;
  /** Every key policy statement: applied or not, and why. */
  readonly keyPolicy: PolicyTrace;
  /** Every statement of the caller's IAM policies (absent when none were given). */
  readonly iam?: PolicyTrace;
  readonly caller: Caller;
  /** The key's account, when the key ARN is valid. */
  readonly keyAccount?: string;
  /** The caller is in another account than the key: both sides must allow. */
  readonly crossAccount: boolean;
  /** Assumptions and facts that shaped the answer (a session's role ARN, an ignored encryption context, ...). */
  readonly notes: readonly string[];
}

function traceDocuments(views: readonly PolicyDocumentView[], names: readonly string[], ctx: RequestContext, kind: PolicyKind): PolicyTrace {
  const statements: StatementTrace[] = [];
  const problems: string[] = [];
  views.forEach((view, i) => {
    const name = names[i]!;
    for (const p of view.problems) problems.push(`${name}: ${p}`);
    // Policy variables exist only in the 2012-10-17 language [reference_policies_variables].
    const variables = view.version === '2012-10-17';
    for (const stmt of view.statements) statements.push(matchStatement(stmt, ctx, name, kind, variables));
  });
  return { statements, problems };
}

/**
 * Evaluates a KMS request the way AWS does for KMS keys [kms key-policies;
 * reference_policies_evaluation-logic]: an explicit Deny in either policy
 * wins; otherwise the key policy must allow. A statement naming the caller
 * (or its role, or "*") is enough on its own in the key's account; one
 * naming the caller's account needs an IAM policy that allows it too; a
 * caller from another account always needs its own IAM allow as well.
 * Never throws: invalid parts of the documents never match, and say so.
 */
export function evaluate(request: KmsRequest, policies: PolicySet): Decision {
  return evaluateRead(request, readPolicySet(policies));
}

/** {@link evaluate} on documents read with {@link readPolicySet}. */
export function evaluateRead(request: KmsRequest, policies: ReadPolicySet): Decision {
  const ctx = buildRequestContext(request);
  const keyPolicy = traceDocuments([policies.key], ['key policy'], ctx, 'key');
  const iam = traceDocuments(policies.iam, policies.iamNames, ctx, 'iam');

  const caller = ctx.caller;
  const crossAccount = caller.account !== undefined && ctx.keyAccount !== undefined && caller.account !== ctx.keyAccount;
  const base = {
    keyPolicy,
    ...(policies.iam.length > 0 ? { iam } : {}),
    caller,
    ...(ctx.keyAccount ? { keyAccount: ctx.keyAccount } : {}),
    crossAccount,
    notes: ctx.notes,
  };
  const action = ctx.action || '(no action)';
  if (!caller.valid) {
    return { decision: 'ImplicitDeny', summary: `denied: ${JSON.stringify(caller.arn)} is not an IAM principal ARN (root, user, role or assumed-role session), so no policy can allow it`, ...base };
  }

  const deny = [...keyPolicy.statements, ...iam.statements].find((t) => t.applies && t.effect === 'Deny');
  if (deny) return { decision: 'ExplicitDeny', summary: denySentence(deny, action), ...base };

  const keyAllows = keyPolicy.statements.filter((t) => t.applies && t.effect === 'Allow');
  if (keyAllows.length === 0) return { decision: 'ImplicitDeny', summary: noKeyAllowSentence(keyPolicy.statements, caller, action), ...base };

  // Naming the caller, its role or "*" suffices in the key's own account; naming the account covers its
  // root user, which IAM policies do not govern [key-policy-default, "Allows access to the AWS account"].
  const direct = keyAllows.find((t) => t.principalMatch !== 'account') ?? (caller.kind === 'root' ? keyAllows[0] : undefined);
  if (direct && !crossAccount) return { decision: 'Allow', summary: allowSentence(direct, undefined, caller, action, false), ...base };

  const iamAllow = iam.statements.find((t) => t.applies && t.effect === 'Allow');
  if (caller.kind === 'root' && crossAccount) return { decision: 'Allow', summary: allowSentence(keyAllows[0]!, undefined, caller, action, true), ...base };
  if (iamAllow) return { decision: 'Allow', summary: allowSentence(direct ?? keyAllows[0]!, iamAllow, caller, action, crossAccount), ...base };
  return { decision: 'ImplicitDeny', summary: noIamAllowSentence(direct ?? keyAllows[0]!, iam.statements, caller, action, crossAccount, ctx.keyAccount), ...base };
}
