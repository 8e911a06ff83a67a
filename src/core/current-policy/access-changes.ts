// What access changes between two key policies: the same requests evaluated
// against both, and every request whose answer moves to or from Allow.
import { allReplicasArn, parseKeyArn, type KeyArn } from '../arn.js';
import { actionSupportsConditionKey } from '../catalog/actions.js';
import { decideContext, evaluateRead, readPolicySet, type DecisionKind, type Decision, type ReadPolicySet } from '../evaluate/index.js';
import { buildRequestContext } from '../evaluate/request-context.js';
import { readPolicyDocument, type PolicyDocumentView } from '../evaluate/policy-document.js';
import { wildcardMatch } from '../evaluate/wildcard.js';
import { statementName } from '../evaluate/summary.js';
import { requestSet, type RequestPrincipal } from './access-requests.js';
import { serviceDecision } from './service-decision.js';
import type { ViaValue } from '../evaluate/via-values.js';

/** One request whose answer differs between the two key policies. */
export interface AccessChange {
  /** The caller: a role/user ARN, a stand-in role of an account (see `who`), or a service principal. */
  readonly principal: string;
  readonly action: string;
  /** The ViaService value the call came through; null for a direct call. */
  readonly via: string | null;
  readonly before: DecisionKind;
  readonly after: DecisionKind;
  /** Who, in words: `role/app in 111122223333`, `a role in 111122223333`, `service principal logs...`. */
  readonly who: string;
  /** Why: the statement (and condition) that decides the new answer, and what allowed it before. */
  readonly reason: string;
  /** A service principal or a principal of another account: losing access there is usually a mistake. */
  readonly outsideKeyAccount: boolean;
}

export interface AccessComparison {
  /** Requests the new policy allows and the current one did not. */
  readonly added: readonly AccessChange[];
  /** Requests the current policy allows and the new one does not. */
  readonly removed: readonly AccessChange[];
  /** Services and other accounts that lose access, by name (usually a mistake). */
  readonly warnings: readonly string[];
}

export interface CompareInput {
  readonly before: unknown;
  readonly after: unknown;
  readonly keyArn: string;
  /**
   * IAM policies attached to every IAM principal. Default: one allowing
   * kms:* on the key, so the comparison shows everything each key policy
   * lets IAM allow.
   */
  readonly iamPolicies?: readonly unknown[];
  readonly iamPolicyNames?: readonly string[];
}

const ASSUMED_IAM_NAME = 'the assumed kms:* IAM policy';

/** kms:* on the key in any Region (and so on every replica of a multi-Region key). */
function assumedIamPolicy(key: KeyArn): unknown {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: allReplicasArn(key) }] };
}

/** The key a call through a service in `region` uses: a multi-Region key's replica there, else the key itself. */
const keyIn = (key: KeyArn, region: string) =>
  key.multiRegion && region !== key.region ? `arn:${key.partition}:kms:${region}:${key.account}:key/${key.keyId}` : key.arn;

function allowedBy(d: Decision): string {
  const t = d.keyPolicy.statements.find((s) => s.applies && s.effect === 'Allow');
  return t ? `${statementName(t)} of the current policy` : 'the current policy';
}

/**
 * Compares two key policies over the request set of {@link requestSet}.
 * Pure; never throws (an invalid key ARN gives no changes). Each document is
 * read once; each class of equivalent requests is evaluated against both
 * (test/unit/current-policy/access-classes.test.ts checks this against
 * evaluating every request).
 */
export function compareAccess(input: CompareInput): AccessComparison {
  const parsed = parseKeyArn(input.keyArn);
  if (!parsed.ok) return { added: [], removed: [], warnings: [] };
  const key = parsed.value;
  const iamPolicies = input.iamPolicies && input.iamPolicies.length > 0 ? [...input.iamPolicies] : [assumedIamPolicy(key)];
  const iamPolicyNames = input.iamPolicies && input.iamPolicies.length > 0 ? [...(input.iamPolicyNames ?? [])] : [ASSUMED_IAM_NAME];
  const before: ReadPolicySet = readPolicySet({ keyPolicy: input.before, iamPolicies, iamPolicyNames });
  const after: ReadPolicySet = { ...before, key: readPolicyDocument(input.after) };
  const set = requestSet([before.key, after.key], key);

  const added: AccessChange[] = [];
  const removed: AccessChange[] = [];
  const record = (p: RequestPrincipal, action: string, via: ViaValue | undefined, b: DecisionKind, a: DecisionKind, reason: () => string) => {
    if ((b === 'Allow') === (a === 'Allow')) return;
    const principal = p.kind === 'iam' ? p.consumer.arn : p.service;
    const who = p.kind === 'iam' ? p.consumer.label : `service principal ${p.service}`;
    const outsideKeyAccount = p.kind === 'service' || p.consumer.account !== key.account;
    // The reason is worked out when first read: text output reads one per group, JSON all of them.
    let text: string | undefined;
    (a === 'Allow' ? added : removed).push({
      principal,
      action,
      via: via?.value ?? null,
      before: b,
      after: a,
      who,
      get reason() {
        return (text ??= reason());
      },
      outsideKeyAccount,
    });
  };

  const representative = actionClasses(set.actions, [before.key, after.key, ...before.iam]);
  for (const p of set.principals) {
    // Evaluated once per class of equivalent actions (their requests get the same answers); another action
    // of a class that changes is evaluated only for its own reason, when that is read.
    // One answer per class of equivalent actions and per call (direct, or through each service), decided once:
    // their requests get the same answers. Another action of a class that changes is evaluated only for
    // its own reason, when that is read.
    const changed = new Map<string, ({ readonly b: DecisionKind; readonly a: DecisionKind } | null | undefined)[]>();
    for (const action of set.actions) {
      if (p.kind === 'service') {
        // A service principal calls KMS itself: there is no ViaService to try.
        const b = serviceDecision(before.key, p.service, action, key.arn);
        const a = serviceDecision(after.key, p.service, action, key.arn);
        record(p, action, undefined, b.decision, a.decision, () => (a.decision === 'Allow' ? a.reason : `${a.reason} (before: ${b.reason.replace(/^allowed: /, 'allowed by ')})`));
        continue;
      }
      // Only actions whose requests can carry kms:ViaService are ever made through a service [conditions-kms].
      const vias = actionSupportsConditionKey(action, 'kms:ViaService') ? [undefined, ...set.vias] : [undefined];
      const rep = representative.get(action)!;
      let answers = changed.get(rep);
      if (!answers) changed.set(rep, (answers = []));
      vias.forEach((via, v) => {
        const request = (act: string) => ({ principal: p.consumer.arn, action: act, keyArn: via ? keyIn(key, via.region) : key.arn, ...(via ? { viaService: via.value } : {}) });
        let found = answers[v];
        if (found === undefined) {
          // The decision mode: no trace is built for the many requests whose answer does not change.
          const ctx = buildRequestContext(request(rep));
          const b = decideContext(ctx, before);
          const a = decideContext(ctx, after);
          answers[v] = found = (b === 'Allow') !== (a === 'Allow') ? { b, a } : null;
        }
        if (!found) return;
        // A request that is shown gets its trace, for the reason, when the reason is read.
        const why = () => {
          const b = evaluateRead(request(action), before);
          const a = evaluateRead(request(action), after);
          return a.decision === 'Allow' ? a.summary : `${a.summary} (before: allowed by ${allowedBy(b)})`;
        };
        record(p, action, via, found.b, found.a, why);
      });
    }
  }
  return { added, removed, warnings: lossWarnings(removed) };
}

/**
 * Maps each action to the first action that every statement of the
 * documents treats the same way (same Action/NotAction coverage, same
 * condition keys in its request): their requests get the same decisions.
 */
function actionClasses(actions: readonly string[], views: readonly PolicyDocumentView[]): Map<string, string> {
  const statements = views.flatMap((v) => v.statements);
  const first = new Map<string, string>();
  const out = new Map<string, string>();
  for (const action of actions) {
    const covered = statements.map((s) => {
      const hit = (s.action ?? s.notAction ?? []).some((p) => wildcardMatch(p, action, true));
      return s.notAction ? !hit : hit;
    });
    const keys = CLASS_KEYS.map((k) => actionSupportsConditionKey(action, k));
    const signature = [...covered, ...keys].map((b) => (b ? '1' : '0')).join('');
    if (!first.has(signature)) first.set(signature, action);
    out.set(action, first.get(signature)!);
  }
  return out;
}

/** Condition keys whose presence in a request depends on the action (request-context.ts sets them by action). */
const CLASS_KEYS = ['kms:ViaService', 'kms:GrantIsForAWSResource', 'kms:EncryptionContext:x'];

/** One warning per service principal or other account that loses access, naming it and what it loses. */
function lossWarnings(removed: readonly AccessChange[]): string[] {
  const byWho = new Map<string, Set<string>>();
  for (const c of removed) {
    if (!c.outsideKeyAccount) continue;
    const set = byWho.get(c.who) ?? new Set<string>();
    set.add(c.action.replace(/^kms:/, ''));
    byWho.set(c.who, set);
  }
  return [...byWho.entries()].map(
    ([who, actions]) => `${who} loses ${[...actions].join(', ')}: access for a service or another account is rarely meant to go; keep its statement (--keep) unless you mean it`,
  );
}
