// Issue 18, false alarms: ABAC statements choose keys by tag or alias, with
// Resource "*" ("ABAC for AWS KMS", https://docs.aws.amazon.com/kms/latest/developerguide/abac.html;
// "Use aliases to control access to KMS keys",
// https://docs.aws.amazon.com/kms/latest/developerguide/alias-authorization.html). They do not cover "every key".
import { describe, expect, test } from 'vitest';
import { lintPolicyText } from '../../../src/core/lint/index.js';
import { iamPolicy, iamUse } from './fixtures.js';

const everyKey = (Condition?: Record<string, unknown>) =>
  lintPolicyText(iamPolicy(iamUse({ Resource: '*', ...(Condition ? { Condition } : {}) })), { type: 'iam' }).findings.filter((f) => f.code === 'KW503');

describe('KW503 and tag or alias conditions', () => {
  test.each([
    ['aws:ResourceTag matched to the principal tag', { StringEquals: { 'aws:ResourceTag/Project': '${aws:PrincipalTag/Project}' } }],
    ['aws:ResourceTag with a fixed value', { StringEquals: { 'aws:ResourceTag/Environment': 'prod' } }],
    ['kms:ResourceAliases', { 'ForAnyValue:StringLike': { 'kms:ResourceAliases': 'alias/finance-*' } }],
    ['kms:RequestAlias', { StringEquals: { 'kms:RequestAlias': 'alias/finance-key' } }],
  ])('%s: no "every key" finding', (_name, condition) => {
    expect(everyKey(condition)).toEqual([]);
  });

  test('no condition: still every key', () => {
    expect(everyKey()).toHaveLength(1);
  });

  test.each([
    ['a negated tag condition', { StringNotEquals: { 'aws:ResourceTag/Environment': 'prod' } }],
    ['IfExists (true on untagged keys)', { StringEqualsIfExists: { 'aws:ResourceTag/Environment': 'prod' } }],
  ])('%s does not choose keys: still reported', (_name, condition) => {
    expect(everyKey(condition)).toHaveLength(1);
  });

  test('aws:PrincipalTag alone limits who, not which keys: reported, and the message says so', () => {
    const [f] = everyKey({ StringEquals: { 'aws:PrincipalTag/Team': 'payments' } });
    expect(f!.message).toContain('limits who may use them, not which keys');
  });
});
