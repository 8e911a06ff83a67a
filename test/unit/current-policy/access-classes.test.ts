// compareAccess decides one request of each class of a caller's requests that
// get the same answers and skips the rest of a class when that one does not
// change (request-classes.ts). This checks the shortcut against the long way: every
// principal, every action, every ViaService value of the request set,
// evaluated against both policies, must give exactly the changes
// compareAccess reports, with the same before and after answers.
import { describe, expect, it } from 'vitest';
import { actionSupportsConditionKey } from '../../../src/core/catalog/actions.js';
import { requestSet } from '../../../src/core/current-policy/access-requests.js';
import { compareAccess, fromCurrentPolicy, type AccessChange } from '../../../src/core/current-policy/index.js';
import { serviceDecision } from '../../../src/core/current-policy/service-decision.js';
import { evaluateRead, readPolicySet } from '../../../src/core/evaluate/index.js';
import { readPolicyDocument } from '../../../src/core/evaluate/policy-document.js';
import { buildFor, current, fatesOf, key, KEY_ARN } from './helpers.js';

type Row = Pick<AccessChange, 'principal' | 'action' | 'via' | 'before' | 'after'>;
const row = (c: Row): string => `${c.principal} ${c.action} ${c.via ?? 'direct'} ${c.before} -> ${c.after}`;

/** Every request of the comparison's request set, evaluated on its own. */
function longWay(before: unknown, after: unknown): { added: string[]; removed: string[] } {
  const k = key();
  const iam = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: `arn:aws:kms:*:${k.account}:key/${k.keyId}` }] };
  const b = readPolicySet({ keyPolicy: before, iamPolicies: [iam] });
  const a = { ...b, key: readPolicyDocument(after) };
  const set = requestSet([b.key, a.key], k);
  const added: string[] = [];
  const removed: string[] = [];
  const note = (r: Row) => {
    if ((r.before === 'Allow') !== (r.after === 'Allow')) (r.after === 'Allow' ? added : removed).push(row(r));
  };
  for (const p of set.principals) {
    for (const action of set.actions) {
      if (p.kind === 'service') {
        note({ principal: p.service, action, via: null, before: serviceDecision(b.key, p.service, action, k.arn).decision, after: serviceDecision(a.key, p.service, action, k.arn).decision });
        continue;
      }
      const vias = actionSupportsConditionKey(action, 'kms:ViaService') ? [undefined, ...set.vias] : [undefined];
      for (const via of vias) {
        const request = { principal: p.consumer.arn, action, keyArn: k.arn, ...(via ? { viaService: via.value } : {}) };
        note({ principal: p.consumer.arn, action, via: via?.value ?? null, before: evaluateRead(request, b).decision, after: evaluateRead(request, a).decision });
      }
    }
  }
  return { added: added.sort(), removed: removed.sort() };
}

function merged(name: string, overrides = {}): unknown {
  const policy = current(name);
  const fates = fatesOf(policy, overrides);
  const r = fromCurrentPolicy(buildFor(fates), policy, fates);
  if (!r.ok) throw new Error(r.error.join());
  return r.value.result.keyPolicy;
}

const document = (name: string) => current(name).document;

describe('compareAccess finds exactly what evaluating every request finds', () => {
  const pairs: [string, () => [unknown, unknown]][] = [
    ['console default -> the merge restricted to Secrets Manager', () => [document('console-default.json'), merged('console-default.json')]],
    ['Logs, Deny and another account -> the merge', () => [document('logs-deny-cross-account.json'), merged('logs-deny-cross-account.json')]],
    ['the same, dropping the other account', () => [document('logs-deny-cross-account.json'), merged('logs-deny-cross-account.json', { drop: ['BackupAccountDecrypt'] })]],
    ['the merge -> the console default (widening)', () => [merged('console-default.json'), document('console-default.json')]],
    ['one current policy -> the other', () => [document('console-default.json'), document('logs-deny-cross-account.json')]],
  ];
  it.each(pairs)('%s', (_, make) => {
    const [before, after] = make();
    const r = compareAccess({ before, after, keyArn: KEY_ARN });
    const long = longWay(before, after);
    expect(r.added.map(row).sort()).toEqual(long.added);
    expect(r.removed.map(row).sort()).toEqual(long.removed);
    expect(long.added.length + long.removed.length).toBeGreaterThan(0);
  });
});
