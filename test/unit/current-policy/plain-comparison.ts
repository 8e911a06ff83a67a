// The access comparison the long way, for differential tests of compareAccess
// (access-changes.ts) and its shortcuts (request classes, the Principal index,
// reasons traced over candidate statements): every principal, every action and
// every call of the request set decided on its own (decideRead, which
// test/unit/evaluate/decide.test.ts holds to evaluate()'s answers), and each
// change explained from the full trace (evaluateRead), worded as compareAccess
// words it.
import { allReplicasArn, parseKeyArn, type KeyArn } from '../../../src/core/arn.js';
import { actionSupportsConditionKey } from '../../../src/core/catalog/actions.js';
import { requestSet } from '../../../src/core/current-policy/access-requests.js';
import type { AccessChange, AccessComparison } from '../../../src/core/current-policy/index.js';
import { serviceDecision } from '../../../src/core/current-policy/service-decision.js';
import { decideRead, evaluateRead, readPolicySet, type Decision } from '../../../src/core/evaluate/index.js';
import { readPolicyDocument } from '../../../src/core/evaluate/policy-document.js';
import { statementName } from '../../../src/core/evaluate/summary.js';

const keyIn = (key: KeyArn, region: string) =>
  key.multiRegion && region !== key.region ? `arn:${key.partition}:kms:${region}:${key.account}:key/${key.keyId}` : key.arn;

function allowedBy(d: Decision): string {
  const t = d.keyPolicy.statements.find((s) => s.applies && s.effect === 'Allow');
  return t ? `${statementName(t)} of the current policy` : 'the current policy';
}

/** The plain path: one full evaluation per request and policy, in compareAccess's order. */
export function plainComparison(before: unknown, after: unknown, keyArn: string): AccessComparison {
  const parsed = parseKeyArn(keyArn);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const key = parsed.value;
  const iam = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: allReplicasArn(key) }] };
  const b = readPolicySet({ keyPolicy: before, iamPolicies: [iam], iamPolicyNames: ['the assumed kms:* IAM policy'] });
  const a = { ...b, key: readPolicyDocument(after) };
  const set = requestSet([b.key, a.key], key);
  const added: AccessChange[] = [];
  const removed: AccessChange[] = [];
  for (const p of set.principals) {
    const who = p.kind === 'iam' ? p.consumer.label : `service principal ${p.service}`;
    const principal = p.kind === 'iam' ? p.consumer.arn : p.service;
    const outsideKeyAccount = p.kind === 'service' || p.consumer.account !== key.account;
    for (const action of set.actions) {
      if (p.kind === 'service') {
        const sb = serviceDecision(b.key, p.service, action, key.arn);
        const sa = serviceDecision(a.key, p.service, action, key.arn);
        if ((sb.decision === 'Allow') === (sa.decision === 'Allow')) continue;
        const reason = sa.decision === 'Allow' ? sa.reason : `${sa.reason} (before: ${sb.reason.replace(/^allowed: /, 'allowed by ')})`;
        (sa.decision === 'Allow' ? added : removed).push({ principal, action, via: null, before: sb.decision, after: sa.decision, who, reason, outsideKeyAccount });
        continue;
      }
      const vias = actionSupportsConditionKey(action, 'kms:ViaService') ? [undefined, ...set.vias] : [undefined];
      for (const via of vias) {
        const request = { principal, action, keyArn: via ? keyIn(key, via.region) : key.arn, ...(via ? { viaService: via.value } : {}) };
        if ((decideRead(request, b) === 'Allow') === (decideRead(request, a) === 'Allow')) continue;
        const db = evaluateRead(request, b);
        const da = evaluateRead(request, a);
        const reason = da.decision === 'Allow' ? da.summary : `${da.summary} (before: allowed by ${allowedBy(db)})`;
        (da.decision === 'Allow' ? added : removed).push({ principal, action, via: via?.value ?? null, before: db.decision, after: da.decision, who, reason, outsideKeyAccount });
      }
    }
  }
  return { added, removed, warnings: lossWarnings(removed) };
}

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

/** A comparison as plain rows (the reason getter read), for toEqual. */
export const comparisonRows = (c: AccessComparison) => ({
  added: c.added.map((x) => ({ ...x, reason: x.reason })),
  removed: c.removed.map((x) => ({ ...x, reason: x.reason })),
  warnings: [...c.warnings],
});
