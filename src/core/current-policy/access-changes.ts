// What access changes between two key policies: the same requests evaluated
// against both, and every request whose answer moves to or from Allow.
import { allReplicasArn, parseKeyArn, type KeyArn } from '../arn.js';
import { actionSupportsConditionKey } from '../catalog/actions.js';
import { candidateStatements, decideContext, readPolicySet, summarizeRead, type DecisionKind, type DecisionSummary, type ReadPolicySet } from '../evaluate/index.js';
import { describeCaller, sharedRequestContext } from '../evaluate/request-context.js';
import { readPolicyDocument } from '../evaluate/policy-document.js';
import { statementName } from '../evaluate/summary.js';
import { requestSet, type RequestPrincipal } from './access-requests.js';
import { RequestClassifier, type RequestClasses } from './request-classes.js';
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

function allowedBy(d: DecisionSummary): string {
  return d.keyAllow ? `${statementName(d.keyAllow)} of the current policy` : 'the current policy';
}

/**
 * Compares two key policies over the request set of {@link requestSet}.
 * Pure; never throws (an invalid key ARN gives no changes). Each document is
 * read once; each class of equivalent requests (request-classes.ts) is decided
 * against both (test/unit/current-policy/access-classes.test.ts and
 * access-plain-path.test.ts check this against evaluating every request).
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

  const classifier = new RequestClassifier(set.actions, set.vias, (via) => keyIn(key, via.region), [before.key, after.key, ...before.iam]);
  const profiles = new Map<string, { readonly classes: RequestClasses; readonly answers: Map<number, { readonly b: DecisionKind; readonly a: DecisionKind } | null> }>();
  // Only actions whose requests can carry kms:ViaService are ever made through a service [conditions-kms].
  const callsOf = set.actions.map((action) => (actionSupportsConditionKey(action, 'kms:ViaService') ? [undefined, ...set.vias] : [undefined]));
  for (const p of set.principals) {
    if (p.kind === 'service') {
      for (const action of set.actions) {
        // A service principal calls KMS itself: there is no ViaService to try.
        const b = serviceDecision(before.key, p.service, action, key.arn);
        const a = serviceDecision(after.key, p.service, action, key.arn);
        record(p, action, undefined, b.decision, a.decision, () => (a.decision === 'Allow' ? a.reason : `${a.reason} (before: ${b.reason.replace(/^allowed: /, 'allowed by ')})`));
      }
      continue;
    }
    // One answer per class of requests that get the same answers (request-classes.ts), decided once, in the
    // decision mode: no trace is built for the many requests whose answer does not change.
    // Callers of one profile (request-classes.ts) share their classes and answers.
    const caller = describeCaller(p.consumer.arn);
    const named = [before.key, after.key].map((view) => candidateStatements(view, caller, 'key').map((i) => view.statements[i]!));
    const statements = [...named.flat(), ...before.iam.flatMap((v) => v.statements)];
    const profile = classifier.profile(caller, named, statements);
    let shared = profile === undefined ? undefined : profiles.get(profile);
    if (!shared) {
      shared = { classes: classifier.classify(caller, statements), answers: new Map() };
      if (profile !== undefined) profiles.set(profile, shared);
    }
    const { classes, answers } = shared;
    const request = (act: string, via: ViaValue | undefined) => ({ principal: p.consumer.arn, action: act, keyArn: via ? keyIn(key, via.region) : key.arn, ...(via ? { viaService: via.value } : {}) });
    set.actions.forEach((action, ai) => {
      const vias = callsOf[ai]!;
      const rep = classes.actionClass[ai]!;
      vias.forEach((via, v) => {
        const id = rep * (set.vias.length + 1) + classes.viaClass[v]!;
        let found = answers.get(id);
        if (found === undefined) {
          const ctx = sharedRequestContext(request(set.actions[rep]!, via));
          const b = decideContext(ctx, before);
          const a = decideContext(ctx, after);
          answers.set(id, (found = (b === 'Allow') !== (a === 'Allow') ? { b, a } : null));
        }
        if (!found) return;
        // A request that is shown gets its sentence, from the trace of the statements that can apply to the
        // caller (summarizeRead), when the reason is read.
        const why = () => {
          const b = summarizeRead(request(action, via), before);
          const a = summarizeRead(request(action, via), after);
          return a.decision === 'Allow' ? a.summary : `${a.summary} (before: allowed by ${allowedBy(b)})`;
        };
        record(p, action, via, found.b, found.a, why);
      });
    });
  }
  return { added, removed, warnings: lossWarnings(removed) };
}

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
