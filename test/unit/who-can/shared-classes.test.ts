// who-can decides once for every role that shares its managed policies (evaluateSubject's classes).
// These cases pin what a class must not hide: a policy that reads the caller's tags or ARN answers
// each role apart ("AWS global condition context keys", aws:PrincipalTag and aws:PrincipalArn,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html), and a
// permissions boundary caps only the roles it is attached to ("Permissions boundaries for IAM entities",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html).
import { describe, expect, test } from 'vitest';
import { readAccountDetails, whoCan } from '../../../src/core/who-can/index.js';

const ACCOUNT = '111122223333';
const KEY = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const keyPolicy = doc({ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' });
const policyArn = (name: string) => `arn:aws:iam::${ACCOUNT}:policy/${name}`;
const managed = (name: string, d: object) => ({ PolicyName: name, Arn: policyArn(name), DefaultVersionId: 'v1', PolicyVersionList: [{ Document: d, VersionId: 'v1', IsDefaultVersion: true }] });
const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
const role = (name: string, policies: string[], env: string, boundary?: string) => ({
  RoleName: name, Arn: roleArn(name), Path: '/', RolePolicyList: [], Tags: [{ Key: 'env', Value: env }],
  AttachedManagedPolicies: policies.map((p) => ({ PolicyName: p, PolicyArn: policyArn(p) })),
  ...(boundary ? { PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: policyArn(boundary) } } : {}),
});

const policies = [
  managed('use', doc({ Effect: 'Allow', Action: ['kms:Decrypt', 'kms:Encrypt'], Resource: KEY })),
  managed('no-sandbox', doc({ Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/env': 'sandbox' } } })),
  managed('only-app-1', doc({ Effect: 'Deny', Action: 'kms:Encrypt', Resource: '*', Condition: { StringNotEquals: { 'aws:PrincipalArn': roleArn('app-1') } } })),
  managed('cap', doc({ Effect: 'Allow', Action: 'kms:Encrypt', Resource: '*' })),
];
const roles = [
  role('app-1', ['use', 'no-sandbox', 'only-app-1'], 'prod'),
  role('app-2', ['use', 'no-sandbox', 'only-app-1'], 'sandbox'),
  role('app-3', ['use', 'no-sandbox', 'only-app-1'], 'prod'),
  role('app-4', ['use'], 'prod', 'cap'),
  role('app-5', ['use'], 'prod'),
];
const account = readAccountDetails('account.json', JSON.stringify({ UserDetailList: [], GroupDetailList: [], RoleDetailList: roles, Policies: policies }));
const result = whoCan({ keyArn: KEY, keyPolicy, accounts: [account], actions: ['kms:Decrypt', 'kms:Encrypt'] });
const actionsOf = (name: string) => result.access.filter((a) => a.principal === roleArn(name) && a.via === 'direct').map((a) => a.action).sort();

describe('roles sharing managed policies are still answered one by one where the policies read them', () => {
  test('a Deny on aws:PrincipalTag/env = sandbox takes Decrypt from the sandbox role only', () => {
    expect(actionsOf('app-1')).toContain('kms:Decrypt');
    expect(actionsOf('app-2')).not.toContain('kms:Decrypt');
    expect(actionsOf('app-3')).toContain('kms:Decrypt');
  });
  test('a Deny unless aws:PrincipalArn is app-1 leaves Encrypt to app-1 alone', () => {
    expect(actionsOf('app-1')).toEqual(['kms:Decrypt', 'kms:Encrypt']);
    expect(actionsOf('app-3')).toEqual(['kms:Decrypt']);
  });
  test('a boundary allowing only Encrypt caps the role it is attached to, not its twin without one', () => {
    expect(actionsOf('app-4')).toEqual(['kms:Encrypt']);
    expect(actionsOf('app-5')).toEqual(['kms:Decrypt', 'kms:Encrypt']);
  });
});
