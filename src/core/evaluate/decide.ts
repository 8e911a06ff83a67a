// The decision mode of the evaluator: the answer alone, with no trace and no
// reason string. It runs the same stage helpers as evaluate() (statement-match.ts,
// principal-match.ts, conditions.ts) and skips, through an index of each key
// policy's Principal entries, the statements that cannot name the caller.
// test/unit/evaluate/decide.test.ts holds decide() to evaluate()'s decisions.
import { readPolicyDocument, type PolicyDocumentView } from './policy-document.js';
import { callerKeys, statementKeys } from './principal-match.js';
import { buildRequestContext, type Caller, type KmsRequest, type RequestContext } from './request-context.js';
import { statementApplies, type PolicyKind } from './statement-match.js';
import type { DecisionKind, PolicySet, ReadPolicySet } from './policy-set.js';
import type { PrincipalMatch } from './trace.js';

export type { PolicyKind } from './statement-match.js';

/** What one policy document says about a request on its own: an applying Deny, an applying Allow, or nothing. */
export type PolicyEffect = 'Allow' | 'Deny' | 'None';

/** {@link decidePolicy}'s answer. */
export interface PolicyDecision {
  readonly effect: PolicyEffect;
  /**
   * For an Allow of a key policy: how the allowing statement named the caller.
   * 'account' (the account's root ARN or id) delegates to IAM: the caller's
   * identity policies must allow too, unless the caller is the root user
   * [key-policy-default, "Allows access to the AWS account"]. When several
   * statements allow, one that names the caller or anyone is preferred.
   * Undefined for IAM policies and when the effect is not Allow.
   */
  readonly allowedAs?: PrincipalMatch;
}

const DENY: PolicyDecision = Object.freeze({ effect: 'Deny' });
const NONE: PolicyDecision = Object.freeze({ effect: 'None' });
const ALLOW_IAM: PolicyDecision = Object.freeze({ effect: 'Allow' });
const ALLOW_AS: Readonly<Record<PrincipalMatch, PolicyDecision>> = {
  principal: Object.freeze({ effect: 'Allow', allowedAs: 'principal' }),
  anyone: Object.freeze({ effect: 'Allow', allowedAs: 'anyone' }),
  account: Object.freeze({ effect: 'Allow', allowedAs: 'account' }),
};

/** A document prepared for decisions: which statements each caller can meet. */
interface Prepared {
  /** Statements tried for every caller (Principal "*", NotPrincipal, no or malformed Principal; every IAM statement). */
  readonly broad: readonly number[];
  /** Statement indexes by Principal index key (principal-match.ts `statementKeys`). */
  readonly byKey: ReadonlyMap<string, readonly number[]>;
  /** The statements each caller ARN meets, sorted, remembered (bounded) for the next request of the same caller. */
  readonly perCaller: Map<string, readonly number[]>;
  readonly variables: boolean;
}

const PER_CALLER_LIMIT = 5000;
const prepared = [new WeakMap<PolicyDocumentView, Prepared>(), new WeakMap<PolicyDocumentView, Prepared>()] as const;

function prepare(view: PolicyDocumentView, kind: PolicyKind): Prepared {
  const cache = prepared[kind === 'key' ? 0 : 1];
  const known = cache.get(view);
  if (known) return known;
  const broad: number[] = [];
  const byKey = new Map<string, number[]>();
  view.statements.forEach((stmt, i) => {
    const keys = kind === 'key' ? statementKeys(stmt) : undefined;
    if (!keys) {
      broad.push(i);
      return;
    }
    for (const k of keys) {
      const list = byKey.get(k);
      if (!list) byKey.set(k, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  });
  // Policy variables exist only in the 2012-10-17 language [reference_policies_variables].
  const p: Prepared = { broad, byKey, perCaller: new Map(), variables: view.version === '2012-10-17' };
  cache.set(view, p);
  return p;
}

/** The statements that can apply to the caller: the broad ones and those its index keys name. */
function candidates(p: Prepared, caller: Caller): readonly number[] {
  const id = caller.arn;
  const known = p.perCaller.get(id);
  if (known) return known;
  const picked = new Set(p.broad);
  for (const k of callerKeys(caller)) for (const i of p.byKey.get(k) ?? []) picked.add(i);
  const list = picked.size === p.broad.length ? p.broad : [...picked].sort((a, b) => a - b);
  if (p.perCaller.size >= PER_CALLER_LIMIT) p.perCaller.clear();
  p.perCaller.set(id, list);
  return list;
}

/**
 * Does this ONE policy document allow or explicitly deny the request, on its
 * own? A Deny that applies wins over any Allow in the same document. `kind`
 * says how the document is read: 'key' (statements must name the caller in
 * Principal / NotPrincipal) or 'iam' (an identity policy, a permissions
 * boundary, an SCP or RCP: no Principal allowed). Combining documents (key
 * policy with identity policies, boundaries, SCPs, grants) is the caller's
 * job; {@link decide} does it for a key policy and identity policies.
 * Never throws; allocates nothing per call once the document is prepared.
 */
export function decidePolicy(view: PolicyDocumentView, request: RequestContext, kind: PolicyKind): PolicyDecision {
  const p = prepare(view, kind);
  const statements = view.statements;
  let allow: PrincipalMatch | 'iam' | undefined;
  for (const i of candidates(p, request.caller)) {
    const stmt = statements[i]!;
    const how = statementApplies(stmt, request, kind, p.variables);
    if (how === undefined) continue;
    if (stmt.effect === 'Deny') return DENY;
    if (allow === undefined || allow === 'account') allow = how;
  }
  if (allow === undefined) return NONE;
  return allow === 'iam' ? ALLOW_IAM : ALLOW_AS[allow];
}

/**
 * The indexes, in order, of the statements of `view` that can apply to
 * `caller` in some request: every other statement never applies to it,
 * whatever the action, key, service or conditions (a superset, from the
 * Principal index). For grouping a caller's requests by the statements
 * that can decide them.
 */
export function candidateStatements(view: PolicyDocumentView, caller: Caller, kind: PolicyKind): readonly number[] {
  return candidates(prepare(view, kind), caller);
}

/** The request context that {@link decidePolicy} takes: build it once for all the documents of one request. */
export function requestContext(request: KmsRequest): RequestContext {
  return buildRequestContext(request);
}

/**
 * The decision alone for one request: the same answer as `evaluate(request,
 * policies).decision`, without the trace or the sentence. For the access
 * comparison, the matrix and who-can, which ask many requests and show few.
 */
export function decide(request: KmsRequest, policies: PolicySet): DecisionKind {
  const set = (typeof policies === 'object' && policies !== null ? policies : {}) as Partial<PolicySet>;
  const iam = Array.isArray(set.iamPolicies) ? set.iamPolicies.map(readPolicyDocument) : [];
  return decideRead(request, { key: readPolicyDocument(set.keyPolicy), iam, iamNames: [] });
}

/** {@link decide} on documents read once with `readPolicySet` (prepared once, on first use, for all requests). */
export function decideRead(request: KmsRequest, policies: ReadPolicySet): DecisionKind {
  return decideContext(buildRequestContext(request), policies);
}

/** {@link decideRead} for a request context already built (see {@link requestContext}). */
export function decideContext(ctx: RequestContext, policies: ReadPolicySet): DecisionKind {
  const caller = ctx.caller;
  if (!caller.valid) return 'ImplicitDeny';
  const key = decidePolicy(policies.key, ctx, 'key');
  if (key.effect === 'Deny') return 'ExplicitDeny';
  let iamAllows = false;
  for (const doc of policies.iam) {
    const d = decidePolicy(doc, ctx, 'iam');
    if (d.effect === 'Deny') return 'ExplicitDeny';
    if (d.effect === 'Allow') iamAllows = true;
  }
  if (key.effect !== 'Allow') return 'ImplicitDeny';
  // Same rules as evaluateRead (index.ts): naming the caller, its role or "*" suffices in the key's own
  // account; naming the account covers its root user; otherwise an IAM policy must allow too.
  const crossAccount = caller.account !== undefined && ctx.keyAccount !== undefined && caller.account !== ctx.keyAccount;
  const direct = key.allowedAs !== 'account' || caller.kind === 'root';
  if (direct && !crossAccount) return 'Allow';
  if (caller.kind === 'root' && crossAccount) return 'Allow';
  return iamAllows ? 'Allow' : 'ImplicitDeny';
}
