import type { Caller } from './request-context.js';
import type { ConditionCheck, StatementTrace } from './trace.js';

/**
 * Sentences for a decision, written for a person who did not write the
 * policy: what allowed or blocked the call, naming the statement, the
 * condition and the values involved.
 */

export const statementName = (t: StatementTrace): string =>
  `${t.policy} statement ${t.index + 1}${t.sid ? ` "${t.sid}"` : ''}`;

const list = (xs: readonly string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`);

/** What a failed condition required, as a restriction ("only through X"). */
function requirement(c: ConditionCheck): string {
  const key = c.key.toLowerCase();
  const negated = /Not|^Null/.test(c.operator.replace(/^For(Any|All)Values:/, ''));
  if (!negated && key === 'kms:viaservice') return `only through ${list(c.expected)}`;
  if (!negated && key === 'kms:calleraccount') return `only to callers in account ${list(c.expected)}`;
  if (!negated && key.startsWith('kms:encryptioncontext:')) return `only with encryption context ${c.key.slice('kms:EncryptionContext:'.length)} = ${list(c.expected)}`;
  return `only when ${c.key} meets ${c.operator} ${list(c.expected)}`;
}

/** What the request had instead. */
function actuality(c: ConditionCheck): string {
  const key = c.key.toLowerCase();
  if (key === 'kms:viaservice') return c.actual ? `this call came through ${c.actual[0]}` : 'this call came directly';
  if (key === 'kms:calleraccount') return c.actual ? `the caller is in account ${c.actual[0]}` : 'the caller has no account';
  if (key.startsWith('kms:encryptioncontext:')) return c.actual ? `the request has ${c.key.slice('kms:EncryptionContext:'.length)} = ${list(c.actual)}` : 'the request has no such encryption context';
  if (c.key === '') return c.reason;
  return c.actual ? `${c.key} is ${list(c.actual)}` : `the request has no ${c.key}`;
}

function who(t: StatementTrace, caller: Caller): string {
  if (t.principalMatch === 'account') return `account ${caller.account}`;
  if (t.principalMatch === 'anyone') return 'any principal';
  return caller.arn;
}

/**
 * The statement that came closest to applying: the furthest failure stage
 * wins; among condition failures, the one with fewest failed checks.
 */
export function nearestMiss(traces: readonly StatementTrace[], effect: 'Allow' | 'Deny'): StatementTrace | undefined {
  const rank = { valid: 0, principal: 1, action: 2, resource: 3, condition: 4 } as const;
  const failedChecks = (t: StatementTrace) => t.conditions.filter((c) => !c.passed).length;
  let best: StatementTrace | undefined;
  for (const t of traces) {
    if (t.applies || t.effect !== effect || !t.failedAt) continue;
    if (!best || rank[t.failedAt] > rank[best.failedAt!] || (t.failedAt === 'condition' && best.failedAt === 'condition' && failedChecks(t) < failedChecks(best))) best = t;
  }
  return best;
}

const failedChecks = (t: StatementTrace) => t.conditions.filter((c) => !c.passed);
const failedShape = (t: StatementTrace) => failedChecks(t).map((c) => `${c.operator}\u0000${c.key.toLowerCase()}`).join('\u0001');

/** The statements that miss as `miss` does: same effect, same caller match, the same conditions failed (`miss` first). */
function sameMisses(traces: readonly StatementTrace[], miss: StatementTrace): StatementTrace[] {
  const shape = failedShape(miss);
  const peers = traces.filter((t) => t !== miss && !t.applies && t.failedAt === 'condition' && t.effect === miss.effect && t.principalMatch === miss.principalMatch && failedShape(t) === shape);
  return [miss, ...peers];
}

/** A failed check with the values every peer statement accepts for the same key ("only through A, B or C"). */
function withPeerValues(c: ConditionCheck, peers: readonly StatementTrace[]): ConditionCheck {
  const key = c.key.toLowerCase();
  const values = peers.flatMap((t) => failedChecks(t).filter((p) => p.key.toLowerCase() === key && p.operator === c.operator).flatMap((p) => p.expected));
  return { ...c, expected: [...new Set(values)] };
}

/** "key policy statement 2 "A"", or "key policy statements 2 "A", 3 "B" and 4 "C"" for several of one policy. */
function statementNames(ts: readonly StatementTrace[]): string {
  if (ts.length === 1 || ts.some((t) => t.policy !== ts[0]!.policy)) return listAnd(ts.map(statementName));
  return `${ts[0]!.policy} statements ${listAnd(ts.map((t) => `${t.index + 1}${t.sid ? ` "${t.sid}"` : ''}`))}`;
}

/** "a, b and c"; past five, the first four and how many more (a policy may hold thousands of statements). */
function listAnd(xs: readonly string[]): string {
  if (xs.length <= 1) return xs.join('');
  if (xs.length > 5) return `${xs.slice(0, 4).join(', ')} and ${xs.length - 4} more`;
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

/** Why no key policy statement allowed the call. */
export function noKeyAllowSentence(traces: readonly StatementTrace[], caller: Caller, action: string): string {
  const miss = nearestMiss(traces, 'Allow');
  if (!miss) {
    return traces.length === 0 ? 'denied: the key policy has no usable statement, and a KMS key can only be used when its key policy allows it' : 'denied: the key policy has no Allow statement for this request';
  }
  switch (miss.failedAt) {
    case 'condition': {
      // Statements that refuse the call the same way (one per service, each "only through" its own) are said together.
      const peers = sameMisses(traces, miss);
      const failed = miss.conditions.filter((c) => !c.passed).slice(0, 2).map((c) => withPeerValues(c, peers));
      return `denied: the key policy allows ${who(miss, caller)} ${action} ${failed.map(requirement).join(' and ')}; ${failed.map(actuality).join(' and ')} (${statementNames(peers)})`;
    }
    case 'resource':
      return `denied: ${statementName(miss)} would allow ${action}, but ${miss.reason}`;
    case 'action':
      return `denied: no key policy statement allows ${action} for this caller (${statementName(miss)}: ${miss.reason})`;
    case 'principal':
      return `denied: no key policy statement applies to ${caller.arn} (none names it${caller.roleArn ? ', its role' : ''} or its account, or uses "*")`;
    default:
      return `denied: the only candidate, ${statementName(miss)}, is not valid and never applies (${miss.reason})`;
  }
}

/** Why the IAM side did not allow the call. */
export function noIamAllowSentence(keyAllow: StatementTrace, iam: readonly StatementTrace[], caller: Caller, action: string, crossAccount: boolean, keyAccount: string | undefined): string {
  const delegation = crossAccount
    ? `${statementName(keyAllow)} lets account ${caller.account} use the key from outside the key's account ${keyAccount ?? ''}`.replace(/ $/, '')
    : `${statementName(keyAllow)} lets IAM policies in account ${caller.account} allow ${action}`;
  const need = crossAccount ? `but cross-account use needs both sides, and no IAM policy of ${caller.arn} allows ${action} on this key` : `but no IAM policy of ${caller.arn} allows it`;
  const miss = nearestMiss(iam, 'Allow');
  if (iam.length === 0) return `denied: ${delegation}, ${need} (no IAM policy was given)`;
  if (!miss) return `denied: ${delegation}, ${need}`;
  if (miss.failedAt === 'condition') {
    const failed = miss.conditions.filter((c) => !c.passed).slice(0, 2);
    return `denied: ${delegation}, ${need}: ${statementName(miss)} allows it ${failed.map(requirement).join(' and ')}; ${failed.map(actuality).join(' and ')}`;
  }
  return `denied: ${delegation}, ${need} (${statementName(miss)}: ${miss.reason})`;
}

export function denySentence(t: StatementTrace, action: string): string {
  const met = t.conditions.filter((c) => c.passed).map((c) => c.reason);
  return `denied explicitly: ${statementName(t)} denies ${action}${met.length > 0 ? ` (${met.slice(0, 2).join('; ')})` : ''}; an explicit Deny wins over every Allow`;
}

export function allowSentence(keyAllow: StatementTrace, iamAllow: StatementTrace | undefined, caller: Caller, action: string, crossAccount: boolean): string {
  const via = keyAllow.conditions.find((c) => c.key.toLowerCase() === 'kms:viaservice' && c.passed && c.actual);
  const through = via ? ` through ${via.actual![0]}` : '';
  if (!iamAllow) {
    if (caller.kind === 'root') {
      return `allowed: ${statementName(keyAllow)} names account ${caller.account}, and its root user needs no IAM policy${through}`;
    }
    const named = keyAllow.principalMatch === 'anyone' ? 'allows any principal meeting its conditions' : `names ${caller.arn}`;
    if (caller.service) return `allowed: ${statementName(keyAllow)} ${named}${through}, and the service's request meets its conditions (no IAM policy applies to a service principal)`;
    return `allowed: ${statementName(keyAllow)} ${named}${through}, which is enough on its own in the key's account`;
  }
  const side = crossAccount ? 'and the caller\'s own account allows it too' : 'and an IAM policy allows it';
  return `allowed: ${statementName(keyAllow)} lets ${keyAllow.principalMatch === 'account' ? `account ${caller.account}` : 'the caller'} use the key${through}, ${side} (${statementName(iamAllow)})`;
}
