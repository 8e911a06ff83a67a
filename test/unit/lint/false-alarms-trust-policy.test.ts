// Issue 18, false alarms: an IAM role trust policy ("Role terms and concepts",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html#iam-term-trust-policy)
// is not a KMS key policy: no lockout, no missing Resource, no EBS principal advice.
// Nor is another service's resource policy (a bucket policy with s3: actions only).
import { describe, expect, test } from 'vitest';
import { lintPolicyText } from '../../../src/core/lint/index.js';
import { detectKind } from '../../../src/core/policy-kind.js';
import { keyPolicy, use } from './fixtures.js';

const doc = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });
const EC2_TRUST = doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' });
const GITHUB_OIDC = doc({
  Effect: 'Allow',
  Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' },
  Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'],
  Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' }, StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:octo-org/octo-repo:*' } },
});

describe('a role trust policy is recognised', () => {
  test.each([
    ['EC2 service role', EC2_TRUST],
    ['GitHub Actions OIDC role', GITHUB_OIDC],
  ])('%s: one KW020 info finding, no key-policy rule, no kind', (_name, policy) => {
    const result = lintPolicyText(JSON.stringify(policy, null, 2));
    expect(result.findings.map((f) => [f.code, f.severity])).toEqual([['KW020', 'info']]);
    expect(result.kind).toBeUndefined();
    expect(result.findings[0]!.message).toContain('IAM role trust policy');
  });

  test('an S3 bucket policy (Principal, s3: actions only) is another service\'s resource policy: one KW020 info finding', () => {
    const bucket = doc({ Sid: 'AllowCloudFront', Effect: 'Allow', Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*' });
    const result = lintPolicyText(JSON.stringify(bucket));
    expect(result.findings.map((f) => [f.code, f.severity])).toEqual([['KW020', 'info']]);
    expect(result.findings[0]!.message).toContain('resource-based policy of another service');
  });

  test('--type key still forces a key-policy reading (then the lockout check applies)', () => {
    const codes = lintPolicyText(JSON.stringify(EC2_TRUST), { type: 'key' }).findings.map((f) => f.code);
    expect(codes).toContain('KW601');
    expect(codes).not.toContain('KW020');
  });
});

describe('detectKind: one rule for every command', () => {
  test.each([
    ['a key policy', JSON.parse(keyPolicy(use())), 'key'],
    ['an identity policy', doc({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }), 'iam'],
    ['an identity policy allowing sts:AssumeRole (no Principal)', doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::111122223333:role/x' }), 'iam'],
    ['a trust policy', EC2_TRUST, 'trust'],
    ['a trust policy with misspelled elements', { Version: '2012-10-17', Statment: [{ Effect: 'Allow', Pricipal: { AWS: 'arn:aws:iam::111122223333:root' }, Actions: 'STS:AssumeRole' }] }, 'trust'],
    ['sts and kms actions together', doc({ Effect: 'Allow', Principal: '*', Action: ['sts:AssumeRole', 'kms:Decrypt'] }), 'key'],
    ['NotAction beside sts (covers kms:*)', doc({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }, { Effect: 'Deny', Principal: '*', NotAction: 'sts:AssumeRole' }), 'key'],
    ['a Principal without actions', doc({ Effect: 'Allow', Principal: '*' }), 'key'],
    ['a bucket policy', doc({ Effect: 'Allow', Principal: '*', Action: ['s3:GetObject', 's3:ListBucket'] }), 'resource'],
    ['"*" as Action (covers kms:*)', doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: '*' }), 'key'],
    ['a wildcard service prefix ("k*:Decrypt" may be kms)', doc({ Effect: 'Allow', Principal: '*', Action: 'k*:Decrypt' }), 'key'],
    ['KMS: in capitals is kms (action names ignore case)', doc({ Effect: 'Allow', Principal: '*', Action: 'KMS:Decrypt' }), 'key'],
    ['not an object', [], 'iam'],
  ])('%s: %s', (_name, policy, kind) => {
    expect(detectKind(policy)).toBe(kind);
    // lint reads the same kind (a trust policy has none of lint's kinds).
    const linted = lintPolicyText(JSON.stringify(policy)).kind;
    if (!Array.isArray(policy)) expect(linted).toBe(kind === 'trust' || kind === 'resource' ? undefined : kind);
  });
});
