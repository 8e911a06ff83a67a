// The library API for a key a program creates (a CDK or Pulumi stack): the
// key policy is complete without an ARN, and each IAM policy is built once
// the ARN exists. The same answers as generate --new-key, checked against
// the build for the existing key they become.
import { describe, expect, test } from 'vitest';
import { buildPolicies, lintPolicies, PolicySpecError, type PolicySpec } from '../../../src/api/index.js';

const ACCOUNT = '111122223333';
const KEY = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const base = { admins: [], consumers: [ACCOUNT, '444455556666'], access: 'iam', services: ['secretsmanager'], regions: [] } satisfies Omit<PolicySpec, 'keyArn' | 'newKey'>;

describe('buildPolicies with newKey', () => {
  test('the key policy is the existing key\'s; no IAM policy yet; policyFor(ARN) gives each IAM policy the existing key gets', () => {
    const created = buildPolicies({ ...base, newKey: { account: ACCOUNT, region: 'eu-west-1' } });
    const existing = buildPolicies({ ...base, keyArn: KEY });
    expect(created.keyPolicy).toEqual(existing.keyPolicy);
    expect(created.iamPolicies).toEqual([]);
    expect(created.iamPlans.map((p) => [p.account, p.fileName, p.attachTo])).toEqual(existing.iamPolicies.map((p) => [p.account, p.fileName, p.attachTo]));
    expect(created.iamPlans.map((p) => p.policyFor(KEY))).toEqual(existing.iamPolicies.map((p) => p.policy));
    // And for an existing key the plans give the same documents as iamPolicies.
    expect(existing.iamPlans.map((p) => p.policyFor(KEY))).toEqual(existing.iamPolicies.map((p) => p.policy));
  });

  test('the key policy and the IAM policies built from it lint without errors', () => {
    const built = buildPolicies({ ...base, newKey: { account: ACCOUNT, region: 'eu-west-1' } });
    const results = lintPolicies([{ name: 'key', policy: built.keyPolicy, type: 'key' }, ...built.iamPlans.map((p) => ({ name: p.fileName, policy: p.policyFor(KEY), type: 'iam' as const }))], { keyArn: KEY });
    expect(results.flatMap((r) => r.findings.filter((f) => f.severity === 'error'))).toEqual([]);
  });

  test('a multi-Region key: the plans take one ARN per Region\'s key; one ARN is a string Resource', () => {
    const built = buildPolicies({ ...base, regions: ['eu-west-1', 'us-east-1'], newKey: { account: ACCOUNT, region: 'eu-west-1', multiRegion: true } });
    const replica = KEY.replace('eu-west-1', 'us-east-1');
    const both = built.iamPlans[0]!.policyFor([KEY, replica]);
    expect(both.Statement.every((s) => JSON.stringify(s.Resource) === JSON.stringify([KEY, replica]))).toBe(true);
    expect(built.iamPlans[0]!.policyFor([KEY]).Statement.every((s) => s.Resource === KEY)).toBe(true);
    // A deploy-time token is taken as it is.
    expect(built.iamPlans[0]!.policyFor('${Token[TOKEN.42]}').Statement[0]!.Resource).toBe('${Token[TOKEN.42]}');
    expect(JSON.stringify(built.keyPolicy)).toContain('kms:ReplicateKey');
  });

  test('policyFor without an ARN, and a spec with both keyArn and newKey, are refused', () => {
    const built = buildPolicies({ ...base, newKey: { account: ACCOUNT, region: 'eu-west-1' } });
    expect(() => built.iamPlans[0]!.policyFor('')).toThrow(/policyFor needs the key ARN/);
    expect(() => built.iamPlans[0]!.policyFor([])).toThrow(/policyFor needs the key ARN/);
    let issues: readonly { field: string; message: string }[] = [];
    try {
      buildPolicies({ ...base, keyArn: KEY, newKey: { account: ACCOUNT, region: 'eu-west-1' } });
    } catch (err) {
      if (err instanceof PolicySpecError) issues = err.issues;
    }
    expect(issues.map((i) => i.message)).toContain('both a key ARN and a new key were given');
  });
});
