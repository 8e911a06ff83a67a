// Rules of AWS's evaluation that the first engine got wrong, each answer derived from the AWS page in the test name.
import { describe, expect, test } from 'vitest';
import { whoCan, type WhoCanResult } from '../../../src/core/who-can/index.js';
import { readOrgPolicyLevel } from '../../../src/core/who-can/org-policies.js';
import { keyPolicyDocument, orgInput, PROD, prodRole, prodUser } from './fixtures.js';

const actionsOf = (r: WhoCanResult, principal: string) => r.access.filter((a) => a.principal === principal).map((a) => a.action).sort();
const entry = (r: WhoCanResult, principal: string, action: string) => r.access.find((a) => a.principal === principal && a.action === action);
const withStatements = (...extra: object[]) => {
  const policy = keyPolicyDocument();
  return { ...policy, Statement: [...(policy.Statement as object[]), ...extra] };
};
const SLR = prodRole('aws-service-role/backup.amazonaws.com/AWSServiceRoleForBackup');
const denyAllRcp = readOrgPolicyLevel('rcp-deny-all.json', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*' }] }), 'RESOURCE_CONTROL_POLICY');

describe('RCP exemptions', () => {
  test('RCPs do not apply to calls made by service-linked roles (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-reqcontext.html)', () => {
    const r = whoCan({ ...orgInput(['scp']), rcpLevels: [denyAllRcp] });
    expect(actionsOf(r, SLR)).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
    expect(actionsOf(r, prodUser('bob'))).toEqual([]);
  });

  test('kms:RetireGrant is not effective in an RCP, even with Action kms:* (https://docs.aws.amazon.com/kms/latest/developerguide/resource-control-policies.html)', () => {
    const r = whoCan({ ...orgInput(['scp', 'grants']), rcpLevels: [denyAllRcp] });
    expect(actionsOf(r, prodUser('alice'))).toEqual(['kms:RetireGrant']);
  });
});

describe('a role calls as one of its sessions (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html, "IAM role session")', () => {
  test('a Deny whose NotPrincipal lists the role and its account, but no session, still denies the role\'s sessions (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html)', () => {
    const deny = { Sid: 'Only App decrypts', Effect: 'Deny', NotPrincipal: { AWS: [prodRole('App'), `arn:aws:iam::${PROD}:root`, prodUser('alice')] }, Action: 'kms:Decrypt', Resource: '*' };
    const r = whoCan(orgInput(['scp', 'rcp', 'grants'], withStatements(deny)));
    expect(actionsOf(r, prodRole('App'))).not.toContain('kms:Decrypt');
    expect(actionsOf(r, prodRole('App'))).toContain('kms:Encrypt');
    // An IAM user is the caller itself: listed with its account, it is left out of the Deny.
    expect(entry(r, prodUser('alice'), 'kms:Decrypt')?.via).toBe('direct');
    expect(actionsOf(r, prodUser('bob'))).not.toContain('kms:Decrypt');
  });

  test('aws:PrincipalArn of a session is its role\'s ARN with the role\'s path (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html)', () => {
    const allow = { Sid: 'Backup by ARN', Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Encrypt', Resource: '*', Condition: { ArnEquals: { 'aws:PrincipalArn': SLR } } };
    const r = whoCan(orgInput(['scp', 'rcp', 'grants'], withStatements(allow)));
    expect(entry(r, SLR, 'kms:Encrypt')).toMatchObject({ via: 'direct', conditions: [] });
    expect(entry(r, prodRole('Batch'), 'kms:Encrypt')).toBeUndefined();
  });

  test('aws:username is the user\'s name, and absent for a role session', () => {
    const allow = { Sid: 'Only bob by name', Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Verify', Resource: '*', Condition: { StringEquals: { 'aws:username': 'bob' } } };
    const r = whoCan({ ...orgInput(['scp', 'rcp', 'grants'], withStatements(allow)), actions: ['kms:Verify'] });
    expect(entry(r, prodUser('bob'), 'kms:Verify')).toMatchObject({ via: 'direct', conditions: [], path: ["key policy statement 'Only bob by name'"] });
    // Roles the statement alone would decide: their sessions carry no aws:username, so it never applies.
    for (const role of ['App', 'Batch', 'KeyAdmin']) expect(entry(r, prodRole(role), 'kms:Verify')).toBeUndefined();
  });
});

test('a Deny with NotPrincipal always denies a principal with a permissions boundary, whatever it lists (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html)', () => {
  const deny = { Sid: 'Only eve and alice', Effect: 'Deny', NotPrincipal: { AWS: [prodUser('eve'), prodUser('alice'), `arn:aws:iam::${PROD}:root`] }, Action: 'kms:Decrypt', Resource: '*' };
  const r = whoCan(orgInput(['scp', 'rcp', 'grants'], withStatements(deny)));
  // eve has the S3-only boundary: denied. alice has none: left out of the Deny, as the statement lists her.
  expect(actionsOf(r, prodUser('eve'))).not.toContain('kms:Decrypt');
  expect(actionsOf(r, prodUser('eve'))).toContain('kms:Encrypt');
  expect(entry(r, prodUser('alice'), 'kms:Decrypt')?.via).toBe('direct');
});

describe('organization facts read from the SCPs and RCPs', () => {
  test('aws:PrincipalOrgID of the accounts given is the organization the policies\' ARNs name (PolicySummary Arn, https://docs.aws.amazon.com/organizations/latest/APIReference/API_PolicySummary.html); another account\'s stays unknown', () => {
    // The data-perimeter RCP of "Resource control policies in AWS KMS" (resource-control-policies.html).
    const perimeter = { Version: '2012-10-17', Statement: [{ Sid: 'RCPEnforceIdentityPerimeter', Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-exampleorgid' }, Bool: { 'aws:PrincipalIsAWSService': 'false' } } }] };
    const r = whoCan({ ...orgInput(['rcp', 'grants']), rcpLevels: [readOrgPolicyLevel('perimeter.json', JSON.stringify(perimeter), 'RESOURCE_CONTROL_POLICY')] });
    expect(entry(r, prodUser('bob'), 'kms:Decrypt')).toMatchObject({ via: 'direct', conditions: [] });
    expect(entry(r, 'arn:aws:iam::444444444444:role/Partner', 'kms:Decrypt')!.conditions).toContain('aws:PrincipalOrgID');
    expect(entry(r, 'cloudtrail.amazonaws.com', 'kms:GenerateDataKey')!.conditions).not.toContain('aws:PrincipalOrgID');
  });

  test('an SCP that denies a KMS action unless through a service leaves access through that service (https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service)', () => {
    const onlySecrets = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*', Condition: { StringNotEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } } }] };
    const r = whoCan({ ...orgInput(['rcp', 'grants']), scpLevels: [readOrgPolicyLevel('only-secrets.json', JSON.stringify(onlySecrets), 'SERVICE_CONTROL_POLICY')] });
    expect(entry(r, prodUser('bob'), 'kms:Decrypt')).toMatchObject({ via: 'service', services: ['secretsmanager.eu-west-1.amazonaws.com'] });
  });
});

test('a wildcard inside a principal ARN matches no principal, and the notes say so (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html)', () => {
  const r = whoCan(orgInput(['scp', 'rcp', 'grants'], withStatements({ Sid: 'App roles', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${PROD}:role/App*` }, Action: 'kms:Sign', Resource: '*' })));
  expect(r.notes.join('\n')).toContain(`names arn:aws:iam::${PROD}:role/App*: a wildcard inside a principal ARN is not supported`);
  expect(r.notes.join('\n')).not.toContain('does not hold');
  expect(r.access.filter((a) => a.path.includes("key policy statement 'App roles'"))).toEqual([]);
});

test('the retiring principal of a grant may retire it with no policy (https://docs.aws.amazon.com/kms/latest/developerguide/grant-delete.html)', () => {
  const r = whoCan(orgInput(['scp', 'rcp']));
  expect(entry(r, prodRole('KeyAdmin'), 'kms:RetireGrant')).toMatchObject({ via: 'grant', grantId: '0c237476b39f8bc44e45212e08498fbe3151305030726c0590dd8d3e9f3d6a60', conditions: [], external: false });
  expect(r.access.filter((a) => a.action === 'kms:RetireGrant' && a.via === 'grant').map((a) => a.principal)).toEqual([prodRole('KeyAdmin')]);
});

test('kms:GrantIsForAWSResource with no kms:ViaService named: CreateGrant works through any integrated service, and is listed so (https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-grant-is-for-aws-resource)', () => {
  const policy = keyPolicyDocument();
  const statements = (policy.Statement as { Sid: string }[]).filter((s) => s.Sid !== 'Allow use via S3 from dev');
  const r = whoCan(orgInput(['scp', 'rcp', 'grants'], { ...policy, Statement: statements }));
  expect(entry(r, prodRole('App'), 'kms:CreateGrant')).toMatchObject({ via: 'service', services: ['any other AWS service'], path: ["key policy statement 'Allow attachment of persistent resources'"] });
  expect(r.takeover.filter((t) => t.principal === prodRole('App'))).toEqual([]);
});

test('a grant constraint binds only operations that take an encryption context, not DescribeKey, RetireGrant or the CreateGrant call (https://docs.aws.amazon.com/kms/latest/APIReference/API_GrantConstraints.html)', () => {
  const grants = [{ grantId: 'g-constrained', granteePrincipal: prodRole('Batch'), operations: ['kms:Decrypt', 'kms:DescribeKey', 'kms:RetireGrant', 'kms:CreateGrant'], constraint: { kind: 'EncryptionContextEquals' as const, pairs: { app: 'ledger' } } }];
  const r = whoCan({ ...orgInput(['scp', 'rcp']), grants });
  const conditionsOf = (action: string) => entry(r, prodRole('Batch'), action)!.conditions;
  expect(conditionsOf('kms:Decrypt')).toEqual(['kms:EncryptionContext:app']);
  for (const action of ['kms:DescribeKey', 'kms:RetireGrant', 'kms:CreateGrant']) expect(conditionsOf(action)).toEqual([]);
  expect(r.takeover.find((t) => t.principal === prodRole('Batch'))!.path.join('\n')).toContain('at least as strict as EncryptionContextEquals');
});

test('a key policy naming a role session gives that session access of its own, not limited by the role\'s boundary, and not to the role\'s other sessions (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html, "IAM role session")', () => {
  const session = `arn:aws:sts::${PROD}:assumed-role/BoundedApp/nightly`;
  const r = whoCan(orgInput(['scp', 'rcp', 'grants'], withStatements({ Sid: 'Nightly job', Effect: 'Allow', Principal: { AWS: session }, Action: 'kms:Decrypt', Resource: '*' })));
  // BoundedApp's S3-only boundary caps what a key policy grants the role ARN, not what it grants one session.
  const e = entry(r, session, 'kms:Decrypt');
  expect([e?.via, e?.conditions, e?.path]).toEqual(['direct', [], ["key policy statement 'Nightly job'"]]);
  expect(actionsOf(r, session)).toEqual(['kms:Decrypt']);
  expect(actionsOf(r, prodRole('BoundedApp'))).toEqual([]);
});
