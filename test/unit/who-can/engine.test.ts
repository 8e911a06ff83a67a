// The synthetic organization's answers, each derived from the AWS page named in the test.
import { describe, expect, test } from 'vitest';
import { whoCan, type AccessEntry, type WhoCanResult } from '../../../src/core/who-can/index.js';
import { readOrgPolicyLevel } from '../../../src/core/who-can/org-policies.js';
import { DEV, KEY, keyPolicyDocument, orgInput, PROD, prodRole, prodUser } from './fixtures.js';

const S3 = 's3.eu-west-1.amazonaws.com';
const actionsOf = (r: WhoCanResult, principal: string) => r.access.filter((a) => a.principal === principal).map((a) => a.action).sort();
const entry = (r: WhoCanResult, principal: string, action: string): AccessEntry | undefined => r.access.find((a) => a.principal === principal && a.action === action);
const takes = (r: WhoCanResult, principal: string) => r.takeover.filter((t) => t.principal === principal).map((t) => t.action).sort();
const level = (doc: object, type: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY' = 'SERVICE_CONTROL_POLICY') => readOrgPolicyLevel('extra.json', JSON.stringify(doc), type);
const deny = (action: string, extra: object = {}) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', ...(extra as object) }, { Effect: 'Deny', Action: action, Resource: '*', ...extra }] });

const full = whoCan(orgInput());
const noGuards = whoCan(orgInput(['scp', 'rcp']));

describe('key policy + IAM ("Default key policy", key-policy-default.html)', () => {
  test('the root statement lets IAM decide: a group inline policy allowing Decrypt gives bob Decrypt directly', () => {
    const e = entry(full, prodUser('bob'), 'kms:Decrypt')!;
    expect(e.via).toBe('direct');
    expect(e.path[0]).toBe("key policy statement 'Enable IAM User Permissions'");
    expect(e.path[1]).toBe("group 'Developers' inline policy 'kms-decrypt' statement #1");
    expect(actionsOf(full, prodUser('bob'))).toEqual(['kms:Decrypt', 'kms:DescribeKey']);
  });

  test('a key policy naming the role is enough without any IAM policy (App has none)', () => {
    expect(entry(full, prodRole('App'), 'kms:Decrypt')!.path).toEqual(["key policy statement 'Allow use of the key'", ...['scp-root.json', 'scp-ou-workloads.json', 'scp-account.json'].map((f) => `SCP 'FullAWSAccess' (${f}) statement #1`)]);
  });

  test('only the default version of a managed policy is in force ("Versioning IAM policies"): LegacyReader keeps DescribeKey, not Decrypt', () => {
    expect(actionsOf(full, prodRole('LegacyReader'))).toEqual(['kms:DescribeKey']);
  });

  test('a role with no policy that the key policy does not name gets nothing', () => {
    expect(actionsOf(full, prodRole('KeyAdmin'))).not.toContain('kms:Decrypt');
    expect(actionsOf(full, `arn:aws:iam::${DEV}:role/Reporter`)).toEqual([]);
  });
});

describe('permissions boundaries ("Permissions boundaries for IAM entities", access_policies_boundaries.html)', () => {
  test('a boundary does not limit what a key policy grants an IAM user ARN: eve (S3-only boundary) can still Decrypt', () => {
    expect(entry(full, prodUser('eve'), 'kms:Decrypt')?.via).toBe('direct');
  });

  test('a boundary does limit what a key policy grants a role ARN: BoundedApp (S3-only boundary) gets nothing', () => {
    expect(actionsOf(full, prodRole('BoundedApp'))).toEqual([]);
  });

  test('identity policies are capped by the boundary: Capped (AdministratorAccess, Decrypt-only boundary) can only Decrypt', () => {
    expect(actionsOf(full, prodRole('Capped'))).toEqual(['kms:Decrypt']);
    expect(entry(full, prodRole('Capped'), 'kms:Decrypt')!.path).toContain("permissions boundary 'DecryptOnlyBoundary' statement #1");
  });
});

describe('explicit deny and principal tags ("Policy evaluation logic")', () => {
  test('the key policy denies principals tagged quarantine=true, resolved from the export\'s Tags: Quarantined has nothing', () => {
    expect(actionsOf(full, prodRole('Quarantined'))).toEqual([]);
  });

  test('an untagged principal is not held by the tag condition (the export lists every tag)', () => {
    expect(entry(full, prodUser('alice'), 'kms:Decrypt')!.conditions).toEqual([]);
  });

  test('the grant to Quarantined is denied too: no permission survives an explicit deny ("KMS key access and permissions")', () => {
    expect(full.access.filter((a) => a.principal === prodRole('Quarantined'))).toEqual([]);
  });
});

describe('kms:ViaService ("AWS KMS condition keys", conditions-kms.html)', () => {
  test('Ci may Encrypt only through the services its IAM condition lists', () => {
    const e = entry(full, prodRole('Ci'), 'kms:Encrypt')!;
    expect(e.via).toBe('service');
    expect(e.services).toEqual([S3, 'secretsmanager.eu-west-1.amazonaws.com']);
  });

  test('the dev account\'s principals reach the key only through S3, whatever their IAM allows (the key policy statement caps it)', () => {
    for (const p of [`arn:aws:iam::${DEV}:role/DataLoader`, `arn:aws:iam::${DEV}:user/dev-admin`]) {
      expect(actionsOf(full, p)).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
      expect(full.access.filter((a) => a.principal === p).every((a) => a.via === 'service' && a.services!.join() === S3 && !a.external)).toBe(true);
    }
  });

  test('CreateGrant with kms:GrantIsForAWSResource works only through a service for App, so it is no takeover', () => {
    expect(entry(full, prodRole('App'), 'kms:CreateGrant')!.via).toBe('service');
    expect(takes(noGuards, prodRole('App'))).toEqual([]);
  });
});

describe('SCPs ("Service control policies", orgs_manage_policies_scps.html)', () => {
  test('a Deny at the OU level removes PutKeyPolicy from alice (AdministratorAccess) but not from KeyAdmin', () => {
    expect(actionsOf(full, prodUser('alice'))).not.toContain('kms:PutKeyPolicy');
    expect(actionsOf(noGuards, prodUser('alice'))).toContain('kms:PutKeyPolicy');
    expect(entry(full, prodRole('KeyAdmin'), 'kms:PutKeyPolicy')?.via).toBe('direct');
  });

  test('every level needs an Allow: a level allowing only s3:* leaves nobody a KMS action', () => {
    const input = orgInput(['rcp']);
    const r = whoCan({ ...input, scpLevels: [...input.scpLevels!, level({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] })] });
    expect(actionsOf(r, prodUser('bob'))).toEqual([]);
    // ... except where SCPs do not apply: service-linked roles, and services acting as themselves.
    expect(actionsOf(r, prodRole('aws-service-role/backup.amazonaws.com/AWSServiceRoleForBackup'))).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
    expect(actionsOf(r, 'cloudtrail.amazonaws.com').length).toBeGreaterThan(0);
  });

  test('SCPs do not apply to the management account', () => {
    const r = whoCan({ ...orgInput(['rcp']), managementAccount: PROD });
    expect(actionsOf(r, prodUser('alice'))).toContain('kms:PutKeyPolicy');
  });
});

describe('RCPs ("Resource control policies in AWS KMS", resource-control-policies.html)', () => {
  test('the RCP perimeter denies the partner role of another organization, which the key policy names', () => {
    const partner = 'arn:aws:iam::444444444444:role/Partner';
    expect(actionsOf(full, partner)).toEqual([]);
    const e = entry(noGuards, partner, 'kms:Decrypt')!;
    expect(e.external).toBe(true);
    expect(e.path).toContain('its own IAM policies must allow it too (its account exports were not given)');
  });

  test('RCPs bind service principals too, SCPs do not', () => {
    const denyGdk = deny('kms:GenerateDataKey*', {});
    const rcp = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 'kms:GenerateDataKey*', Resource: '*' }] };
    expect(actionsOf(whoCan({ ...orgInput(['rcp']), scpLevels: [level(denyGdk)] }), 'cloudtrail.amazonaws.com').length).toBe(4);
    expect(actionsOf(whoCan({ ...orgInput(['scp']), rcpLevels: [level(rcp, 'RESOURCE_CONTROL_POLICY')] }), 'cloudtrail.amazonaws.com')).toEqual([]);
  });

  test('RCPs do not apply to AWS managed keys', () => {
    const input = orgInput(['scp']);
    const r = whoCan({ ...input, key: { ...input.key!, keyManager: 'AWS' } });
    expect(actionsOf(r, 'arn:aws:iam::444444444444:role/Partner')).toEqual(['kms:Decrypt']);
    expect(r.notes.join('\n')).toMatch(/RCPs do not apply to AWS managed keys/);
  });
});

describe('grants ("Grants in AWS KMS", grants.html)', () => {
  test('a grantee needs no IAM policy; the constraint becomes an encryption-context condition', () => {
    const e = entry(full, prodRole('Batch'), 'kms:Decrypt')!;
    expect(e).toMatchObject({ via: 'grant', grantId: '0c237476b39f8bc44e45212e08498fbe3151305030726c0590dd8d3e9f3d6a60', conditions: ['kms:EncryptionContext:Department'], external: false });
    expect(e.path.join('\n')).toMatch(/Department=Finance \(EncryptionContextSubset\)/);
    expect(e.path.join('\n')).toContain(`${prodRole('KeyAdmin')} may retire it`);
  });

  test('a grant with CreateGrant to an outside role is access and a takeover (the RCP perimeter stops it when given)', () => {
    const vendor = 'arn:aws:iam::555555555555:role/Vendor';
    expect(entry(noGuards, vendor, 'kms:Decrypt')).toMatchObject({ via: 'grant', external: true });
    expect(takes(noGuards, vendor)).toEqual(['kms:CreateGrant']);
    expect(actionsOf(full, vendor)).toEqual([]);
  });
});

describe('condition keys that cannot be known offline are listed, not guessed', () => {
  test('an IAM policy requiring an encryption context', () => {
    expect(entry(full, prodRole('Finance'), 'kms:Decrypt')!.conditions).toEqual(['kms:EncryptionContext:Department']);
  });

  test('CloudTrail acting as itself, bound by aws:SourceArn and its encryption context', () => {
    expect([...entry(full, 'cloudtrail.amazonaws.com', 'kms:GenerateDataKey')!.conditions].sort()).toEqual(['aws:SourceArn', 'kms:EncryptionContext:aws:cloudtrail:arn']);
  });
});

describe('takeover', () => {
  test('PowerUserAccess allows kms:PutKeyPolicy (NotAction on iam:, organizations:, account:), said in the path', () => {
    const t = noGuards.takeover.find((x) => x.principal === prodRole('PowerDev') && x.action === 'kms:PutKeyPolicy')!;
    expect(t.path.join('\n')).toMatch(/PowerUserAccess allows every action except iam:\*/);
    expect(takes(noGuards, prodRole('PowerDev'))).toEqual(['kms:CreateGrant', 'kms:PutKeyPolicy', 'kms:ReplicateKey']);
  });

  test('kms:ReplicateKey is a takeover only on a multi-Region key ("Controlling access to multi-Region keys")', () => {
    const input = orgInput(['scp', 'rcp']);
    const single = whoCan({ ...input, key: { ...input.key!, multiRegion: false } });
    expect(takes(single, prodRole('KeyAdmin'))).not.toContain('kms:ReplicateKey');
    expect(takes(noGuards, prodRole('KeyAdmin'))).toContain('kms:ReplicateKey');
  });

  test('IAM writes where the key policy trusts the account root: an iam:PutRolePolicy holder, and a user allowed to edit only their own policies (${aws:username})', () => {
    expect(takes(full, prodRole('IamWriter'))).toEqual(['iam:AttachRolePolicy', 'iam:PutRolePolicy']);
    const mallory = full.takeover.find((t) => t.principal === prodUser('mallory') && t.action === 'iam:PutUserPolicy')!;
    expect(mallory.path.join('\n')).toContain(`on ${prodUser('mallory')} (itself)`);
    expect(takes(full, `arn:aws:iam::${DEV}:user/dev-admin`)).toContain('iam:PutRolePolicy');
  });

  test('no IAM-write takeover when the key policy does not let IAM decide', () => {
    const policy = keyPolicyDocument();
    const statements = (policy.Statement as { Sid: string }[]).filter((s) => s.Sid !== 'Enable IAM User Permissions' && s.Sid !== 'Allow use via S3 from dev');
    const r = whoCan(orgInput(['scp', 'rcp'], { ...policy, Statement: statements }));
    expect(r.takeover.filter((t) => t.action.startsWith('iam:'))).toEqual([]);
    expect(actionsOf(r, prodUser('bob'))).toEqual([]);
  });
});

describe('a ViaService-restricted key: root + kms:ViaService + kms:CallerAccount (https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service)', () => {
  const restricted = {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'KeyAdmin', Effect: 'Allow', Principal: { AWS: prodRole('KeyAdmin') }, Action: ['kms:Describe*', 'kms:Put*', 'kms:Get*'], Resource: '*' },
      { Sid: 'UseThroughSecretsManager', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${PROD}:root` }, Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: '*', Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com', 'kms:CallerAccount': PROD } } },
    ],
  };
  const r = whoCan(orgInput(['scp', 'rcp', 'grants'], restricted));

  test('an IAM policy allowing Decrypt directly gives only Secrets Manager access', () => {
    expect(entry(r, prodUser('bob'), 'kms:Decrypt')).toMatchObject({ via: 'service', services: ['secretsmanager.eu-west-1.amazonaws.com'] });
  });

  test('with "*" instead of the root, everyone in the account reaches it through the service with no IAM policy', () => {
    const star = { ...restricted, Statement: [restricted.Statement[0], { ...restricted.Statement[1], Principal: { AWS: '*' } }] };
    const s = whoCan(orgInput(['scp', 'rcp', 'grants'], star));
    expect(entry(s, prodRole('Batch'), 'kms:Decrypt')).toMatchObject({ via: 'service', services: ['secretsmanager.eu-west-1.amazonaws.com'] });
    expect(entry(s, '*', 'kms:Decrypt')).toMatchObject({ via: 'service', conditions: ['kms:CallerAccount'], external: true });
  });
});

describe('principals outside the exports', () => {
  test('an account root the key policy names is external when its exports are not given', () => {
    const r = whoCan(orgInput(['dev', 'scp', 'rcp']));
    const e = entry(r, `arn:aws:iam::${DEV}:root`, 'kms:Decrypt')!;
    expect(e).toMatchObject({ via: 'service', external: true });
    expect(e.path.join('\n')).toMatch(/own IAM policies decide/);
    expect(entry(full, `arn:aws:iam::${DEV}:root`, 'kms:Decrypt')!.external).toBe(false);
  });
});

describe('actions by key spec ("Key type reference", symm-asymm-compare.html)', () => {
  test('a signing key offers Sign, Verify and GetPublicKey, no Encrypt, no data keys', () => {
    const input = orgInput(['scp', 'rcp', 'grants']);
    const r = whoCan({ ...input, key: { ...input.key!, keySpec: 'ECC_NIST_P256', keyUsage: 'SIGN_VERIFY' } });
    const alice = actionsOf(r, prodUser('alice'));
    expect(alice).toEqual(expect.arrayContaining(['kms:Sign', 'kms:Verify', 'kms:GetPublicKey']));
    expect(alice).not.toContain('kms:Encrypt');
    expect(alice).not.toContain('kms:GenerateDataKey');
  });

  test('--action narrows the answer', () => {
    const r = whoCan({ ...orgInput(), actions: ['kms:Decrypt'] });
    expect(new Set(r.access.map((a) => a.action))).toEqual(new Set(['kms:Decrypt']));
  });
});

test('the key ARN is echoed and the notes say what was assumed', () => {
  expect(full.key).toBe(KEY);
  const r = whoCan({ keyArn: KEY, keyPolicy: keyPolicyDocument() });
  expect(r.notes.join('\n')).toMatch(/no SCPs given/);
  expect(r.notes.join('\n')).toMatch(/no grants given/);
});

describe('cross-account limits ("Allowing users in other accounts to use a KMS key", key-policy-modifying-external-accounts.html)', () => {
  test('administrative actions given to another account have no effect; cryptographic ones do', () => {
    const policy = keyPolicyDocument();
    const statements = [...(policy.Statement as object[]), { Sid: 'Dev admins', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${DEV}:root` }, Action: 'kms:*', Resource: '*' }];
    const r = whoCan(orgInput(['scp', 'rcp', 'grants'], { ...policy, Statement: statements }));
    const devAdmin = actionsOf(r, `arn:aws:iam::${DEV}:user/dev-admin`);
    expect(devAdmin).toEqual(expect.arrayContaining(['kms:Decrypt', 'kms:CreateGrant', 'kms:DescribeKey']));
    expect(devAdmin).not.toContain('kms:ScheduleKeyDeletion');
    expect(devAdmin).not.toContain('kms:PutKeyPolicy');
    expect(takes(r, `arn:aws:iam::${DEV}:user/dev-admin`)).not.toContain('kms:PutKeyPolicy');
  });
});

test('a key policy naming one role session says so rather than listing the role', () => {
  const policy = keyPolicyDocument();
  const session = `arn:aws:sts::${PROD}:assumed-role/Batch/nightly`;
  const r = whoCan(orgInput(['scp', 'rcp', 'grants'], { ...policy, Statement: [...(policy.Statement as object[]), { Effect: 'Allow', Principal: { AWS: session }, Action: 'kms:Decrypt', Resource: '*' }] }));
  expect(r.notes.join('\n')).toContain(`names the role session ${session}`);
  expect(actionsOf(r, prodRole('Batch'))).toEqual([]);
});
