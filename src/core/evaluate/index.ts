import type { PolicyDocumentView } from './policy-document.js';
import { buildRequestContext, type Caller, type KmsRequest, type RequestContext } from './request-context.js';
import { isValid, matchStatement, type PolicyKind } from './statement-match.js';
import { candidateStatements } from './decide.js';
import { allowSentence, denySentence, nearestMiss, noIamAllowSentence, noKeyAllowSentence } from './summary.js';
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
  const base = {
    keyPolicy,
    ...(policies.iam.length > 0 ? { iam } : {}),
    caller,
    ...(ctx.keyAccount ? { keyAccount: ctx.keyAccount } : {}),
    crossAccount: isCrossAccount(ctx),
    notes: ctx.notes,
  };
  return { ...judge(ctx, keyPolicy.statements, iam.statements, false)!, ...base };
}

/** A request's answer and sentence, and the key policy statement that allows it (the first, as in the trace). */
export interface DecisionSummary {
  readonly decision: DecisionKind;
  readonly summary: string;
  readonly keyAllow?: StatementTrace;
}

/**
 * The decision and sentence of {@link evaluateRead}, for requests that are
 * shown but whose trace is not: the key policy statements that cannot apply
 * to the caller (decide.ts candidateStatements) are not traced. When no
 * statement allows and none traced gets past its Principal, one valid Allow
 * left out is traced too (it fails at its Principal, as every other does);
 * only when there is none is the whole key policy traced, since the sentence
 * may then name an invalid statement.
 * test/unit/evaluate/summarize.test.ts holds it to evaluateRead's answers.
 */
export function summarizeRead(request: KmsRequest, policies: ReadPolicySet): DecisionSummary {
  const ctx = buildRequestContext(request);
  const variables = policies.key.version === '2012-10-17';
  const keyTraces = candidateStatements(policies.key, ctx.caller, 'key').map((i) => matchStatement(policies.key.statements[i]!, ctx, 'key policy', 'key', variables));
  const iam = traceDocuments(policies.iam, policies.iamNames, ctx, 'iam').statements;
  const partial = judge(ctx, keyTraces, iam, true);
  if (partial) return { ...partial, ...firstAllow(keyTraces) };
  // Every statement left out fails at its Principal or is invalid. When one of them is a valid Allow, it (or
  // any other such) is the nearest miss, and the sentence says only that no statement names the caller.
  const standIn = validAllows(policies.key).find((i) => !keyTraces.some((t) => t.index === i));
  if (standIn !== undefined) {
    const traces = [...keyTraces, matchStatement(policies.key.statements[standIn]!, ctx, 'key policy', 'key', variables)];
    return { ...judge(ctx, traces, iam, false)!, ...firstAllow(keyTraces) };
  }
  const full = evaluateRead(request, policies);
  return { decision: full.decision, summary: full.summary, ...firstAllow(full.keyPolicy.statements) };
}

const validAllowLists = new WeakMap<PolicyDocumentView, readonly number[]>();

/** The indexes of a key policy's valid Allow statements, in order. */
function validAllows(view: PolicyDocumentView): readonly number[] {
  let list = validAllowLists.get(view);
  if (!list) {
    list = view.statements.flatMap((s, i) => (s.effect === 'Allow' && isValid(s, 'key') ? [i] : []));
    validAllowLists.set(view, list);
  }
  return list;
}

function firstAllow(traces: readonly StatementTrace[]): { keyAllow?: StatementTrace } {
  const t = traces.find((s) => s.applies && s.effect === 'Allow');
  return t ? { keyAllow: t } : {};
}

const isCrossAccount = (ctx: RequestContext) => ctx.caller.account !== undefined && ctx.keyAccount !== undefined && ctx.caller.account !== ctx.keyAccount;

/**
 * The answer and its sentence from the traces. With `partialKey` (only the
 * statements that can apply to the caller traced), undefined when the
 * sentence could depend on a statement left out.
 */
function judge(ctx: RequestContext, keyPolicy: readonly StatementTrace[], iam: readonly StatementTrace[], partialKey: boolean): Pick<Decision, 'decision' | 'summary'> | undefined {
  const caller = ctx.caller;
  const crossAccount = isCrossAccount(ctx);
  const action = ctx.action || '(no action)';
  if (!caller.valid) {
    return { decision: 'ImplicitDeny', summary: `denied: ${JSON.stringify(caller.arn)} is not an IAM principal ARN (root, user, role or assumed-role session), so no policy can allow it` };
  }

  const deny = [...keyPolicy, ...iam].find((t) => t.applies && t.effect === 'Deny');
  if (deny) return { decision: 'ExplicitDeny', summary: denySentence(deny, action) };

  const keyAllows = keyPolicy.filter((t) => t.applies && t.effect === 'Allow');
  if (keyAllows.length === 0) {
    // A statement left out fails at its Principal or is invalid: it can only be the nearest miss when
    // no traced statement gets past its Principal.
    const miss = partialKey ? nearestMiss(keyPolicy, 'Allow') : undefined;
    if (partialKey && (!miss || miss.failedAt === 'valid')) return undefined;
    return { decision: 'ImplicitDeny', summary: noKeyAllowSentence(keyPolicy, caller, action) };
  }

  // Naming the caller, its role or "*" suffices in the key's own account; naming the account covers its
  // root user, which IAM policies do not govern [key-policy-default, "Allows access to the AWS account"].
  const direct = keyAllows.find((t) => t.principalMatch !== 'account') ?? (caller.kind === 'root' ? keyAllows[0] : undefined);
  if (direct && !crossAccount) return { decision: 'Allow', summary: allowSentence(direct, undefined, caller, action, false) };

  const iamAllow = iam.find((t) => t.applies && t.effect === 'Allow');
  if (caller.kind === 'root' && crossAccount) return { decision: 'Allow', summary: allowSentence(keyAllows[0]!, undefined, caller, action, true) };
  if (iamAllow) return { decision: 'Allow', summary: allowSentence(direct ?? keyAllows[0]!, iamAllow, caller, action, crossAccount) };
  return { decision: 'ImplicitDeny', summary: noIamAllowSentence(direct ?? keyAllows[0]!, iam, caller, action, crossAccount, ctx.keyAccount) };
}
