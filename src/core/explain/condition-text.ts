import { findService } from '../catalog/services.js';
import { parseOperator, type ParsedOperator } from '../evaluate/condition-operators.js';
import { isPlainObject, preview } from '../evaluate/policy-document.js';
import { parseViaValue } from '../evaluate/via-values.js';
import { joinWords } from './english-list.js';

/** A Condition block in words: clauses ("the call comes through ..."), what they shut out, and what cannot be read. */
export interface ConditionText {
  readonly clauses: readonly string[];
  readonly notAllowed: readonly string[];
  readonly problems: readonly string[];
}

interface Test {
  readonly op: ParsedOperator;
  readonly key: string;
  readonly values: readonly string[];
}

const values = (raw: unknown): string[] =>
  (Array.isArray(raw) ? raw : [raw]).filter((v) => ['string', 'number', 'boolean'].includes(typeof v)).map(String);

/** "AWS Secrets Manager in us-east-1 or us-west-2, or Amazon S3 in us-east-1" from ViaService values. */
export function viaServicesPhrase(vias: readonly string[]): { phrase: string; byService: Map<string, string[]> } {
  const byService = new Map<string, string[]>();
  const odd: string[] = [];
  for (const v of vias) {
    const parsed = parseViaValue(v);
    if (!parsed) {
      odd.push(`"${v}"`);
      continue;
    }
    byService.set(parsed.service, [...(byService.get(parsed.service) ?? []), parsed.region]);
  }
  const parts = [...byService.entries()].map(([service, regions]) => `${findService(service)?.title ?? service} in ${joinWords(regions, 'or')}`);
  const all = [...parts, ...odd];
  // "S3 in us-east-1 or us-west-2, or SQS in us-east-1": a comma keeps the groups apart.
  const nested = all.length > 1 && [...byService.values()].some((r) => r.length > 1);
  return { phrase: nested ? `${all.slice(0, -1).join(', ')}, or ${all[all.length - 1]}` : joinWords(all, 'or'), byService };
}

const OP_WORDS: Record<string, string> = {
  StringEquals: 'is',
  StringEqualsIgnoreCase: 'is (any case)',
  StringLike: 'matches',
  StringNotEquals: 'is not',
  StringNotEqualsIgnoreCase: 'is not (any case)',
  StringNotLike: 'does not match',
  NumericEquals: 'equals',
  NumericNotEquals: 'does not equal',
  NumericLessThan: 'is less than',
  NumericLessThanEquals: 'is at most',
  NumericGreaterThan: 'is more than',
  NumericGreaterThanEquals: 'is at least',
  DateEquals: 'is',
  DateNotEquals: 'is not',
  DateLessThan: 'is before',
  DateLessThanEquals: 'is at or before',
  DateGreaterThan: 'is after',
  DateGreaterThanEquals: 'is at or after',
  Bool: 'is',
  BinaryEquals: 'is',
  IpAddress: 'is in',
  NotIpAddress: 'is not in',
  ArnEquals: 'is',
  ArnLike: 'matches',
  ArnNotEquals: 'is not',
  ArnNotLike: 'does not match',
};

function generic(t: Test): string {
  if (t.op.base.family === 'Null') {
    const absent = t.values.every((v) => v.toLowerCase() === 'true');
    return `${t.key} is ${absent ? 'absent' : 'present'}`;
  }
  const set = t.op.set === 'ForAllValues' ? 'every value of ' : t.op.set === 'ForAnyValue' ? 'some value of ' : '';
  const ifExists = t.op.ifExists ? ` (when the request has ${t.key})` : '';
  const word = OP_WORDS[t.op.base.name] ?? t.op.base.name;
  const list = joinWords(t.values.map((v) => `"${v}"`), t.op.base.negated ? 'or' : 'or');
  return `${set}${t.key} ${word} ${list}${ifExists}`;
}

/**
 * Describes a statement's Condition for a reader, with the special keys
 * spelled out: kms:ViaService (which services, which Regions, and that
 * direct calls are shut out), kms:CallerAccount, the encryption context and
 * kms:GrantIsForAWSResource.
 */
export function describeConditions(raw: unknown, effect: 'Allow' | 'Deny', principalAccounts: readonly string[]): ConditionText {
  if (raw === undefined) return { clauses: [], notAllowed: [], problems: [] };
  if (!isPlainObject(raw)) return { clauses: [], notAllowed: [], problems: [`Condition ${preview(raw)} is not an object, so the statement never applies`] };
  const tests: Test[] = [];
  const problems: string[] = [];
  for (const [operator, block] of Object.entries(raw)) {
    const op = parseOperator(operator);
    if ('error' in op) {
      problems.push(op.error);
      continue;
    }
    if (!isPlainObject(block)) {
      problems.push(`${operator} holds ${preview(block)}, not condition keys and values`);
      continue;
    }
    for (const [key, v] of Object.entries(block)) {
      const list = values(v);
      if (list.length === 0 || list.length !== [v].flat().length) {
        problems.push(`${operator} ${key} holds ${preview(v)}, not a string, number, boolean or a list of them`);
        continue;
      }
      tests.push({ op, key, values: list });
    }
  }

  const clauses: string[] = [];
  const notAllowed: string[] = [];
  const lower = (t: Test) => t.key.toLowerCase();
  const via = tests.find((t) => lower(t) === 'kms:viaservice');
  const caller = tests.find((t) => lower(t) === 'kms:calleraccount' && !t.op.base.negated && !t.op.set);
  const callerWords = caller
    ? caller.values.length === 1 && principalAccounts.length === 1 && principalAccounts[0] === caller.values[0]
      ? 'from that account'
      : `from account ${joinWords(caller.values, 'or')}`
    : undefined;

  for (const t of tests) {
    const key = lower(t);
    const positive = !t.op.base.negated && t.op.base.family === 'String';
    if (t === via) {
      const { phrase, byService } = viaServicesPhrase(t.values);
      const from = callerWords ? ` ${callerWords}` : '';
      if (positive && !t.op.set && !t.op.ifExists) {
        clauses.push(`the call comes through ${phrase}${from}`);
        if (effect === 'Allow') {
          notAllowed.push('direct calls to KMS (SDK, CLI, console)', 'calls through any other service');
          for (const [service, regions] of byService) notAllowed.push(`calls through ${findService(service)?.title ?? service} in other Regions than ${joinWords(regions)}`);
        }
      } else if (positive) {
        const why = t.op.set === 'ForAllValues' ? 'ForAllValues: is true when the key is missing' : t.op.set ? 'a set operator on a single-valued key' : 'IfExists passes when the key is missing';
        clauses.push(`the call comes through ${phrase} or comes directly (${why})${from}`);
        if (effect === 'Allow') notAllowed.push('calls through any other service');
      } else if (t.op.base.negated) {
        clauses.push(`the call does not come through ${phrase} (direct calls included)${from}`);
      } else {
        clauses.push(`${generic(t)}${from}`);
      }
      continue;
    }
    if (t === caller) {
      if (!via) clauses.push(`the caller is in account ${joinWords(t.values, 'or')}`);
      if (effect === 'Allow') notAllowed.push('callers from other accounts');
      continue;
    }
    if (key.startsWith('kms:encryptioncontext:') && key !== 'kms:encryptioncontextkeys') {
      const name = t.key.slice('kms:EncryptionContext:'.length);
      const word = OP_WORDS[t.op.base.name] ?? t.op.base.name;
      clauses.push(`the encryption context's "${name}" ${word} ${joinWords(t.values.map((v) => `"${v}"`), 'or')}${t.op.ifExists ? ` (or there is no "${name}")` : ''}`);
      // CloudWatch Logs documents ArnEquals/ArnLike on its context key: a positive match like StringEquals/StringLike.
      const matches = positive || (!t.op.base.negated && t.op.base.family === 'Arn');
      if (effect === 'Allow' && matches) notAllowed.push(`requests with another "${name}" in their encryption context, or none`);
      continue;
    }
    if (key === 'kms:grantisforawsresource' && t.op.base.name === 'Bool') {
      const yes = t.values.every((v) => v.toLowerCase() === 'true');
      clauses.push(yes ? 'an AWS service creates the grant for one of its resources' : 'the grant is not created by an AWS service');
      if (effect === 'Allow' && yes) notAllowed.push('grants created directly by the caller');
      continue;
    }
    if ((key === 'aws:sourcearn' || key === 'aws:sourceaccount') && !t.op.base.negated) {
      clauses.push(`the service acts for ${joinWords(t.values.map((v) => `"${v}"`), 'or')}`);
      if (effect === 'Allow') notAllowed.push('the service acting for other resources or accounts (confused deputy)');
      continue;
    }
    clauses.push(generic(t));
  }
  return { clauses, notAllowed, problems };
}
