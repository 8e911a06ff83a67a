// The readers take the AWS CLI's real output shapes ("GetAccountAuthorizationDetails",
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html;
// "GetKeyPolicy", "ListGrants", "DescribeKey" in the AWS KMS API Reference; "DescribePolicy" in the
// AWS Organizations API Reference) and refuse malformed ones with the file and the field.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readAccountDetails } from '../../../src/core/who-can/account-details.js';
import { readDescribeKey } from '../../../src/core/who-can/describe-key.js';
import { ExportError } from '../../../src/core/who-can/export-error.js';
import { readGrants } from '../../../src/core/who-can/grants.js';
import { readKeyPolicy } from '../../../src/core/who-can/key-policy.js';
import { readOrgPolicyLevel } from '../../../src/core/who-can/org-policies.js';

const ORG_DIR = fileURLToPath(new URL('../../fixtures/who-can/org/', import.meta.url));
const KEY = 'arn:aws:kms:eu-west-1:222222222222:key/mrk-1234abcd12ab34cd56ef1234567890ab';
const PROD = '222222222222';
const DEV = '333333333333';
const text = (name: string) => readFileSync(ORG_DIR + name, 'utf8');
const json = (name: string) => JSON.parse(text(name)) as Record<string, unknown>;

function refusal(fn: () => unknown): ExportError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ExportError) return err;
    throw err;
  }
  throw new Error('expected an ExportError');
}

describe('get-account-authorization-details', () => {
  test('reads users, groups, roles, boundaries, tags and only the default policy version', () => {
    const a = readAccountDetails('prod-account.json', text('prod-account.json'));
    expect(a.account).toBe(PROD);
    expect(a.users.map((u) => u.name)).toEqual(['alice', 'bob', 'eve', 'mallory']);
    expect(a.roles.find((r) => r.name === 'Quarantined')!.tags).toEqual({ quarantine: 'true' });
    expect(a.roles.find((r) => r.name === 'BoundedApp')!.boundaryArn).toBe(`arn:aws:iam::${PROD}:policy/S3OnlyBoundary`);
    expect(a.users.find((u) => u.name === 'alice')!.groups).toEqual(['Admins']);
    // KmsReader's default version is v2 (DescribeKey only); v1 allowed Decrypt ("Versioning IAM policies").
    expect(JSON.stringify(a.policies.get(`arn:aws:iam::${PROD}:policy/KmsReader`)!.document)).not.toContain('kms:Decrypt');
    expect(a.roles.find((r) => r.name === 'AWSServiceRoleForBackup')!.serviceLinked).toBe(true);
    expect(a.roles.find((r) => r.name === 'App')!.serviceLinked).toBe(false);
  });

  test('URL-encoded documents (as the IAM API returns them) read the same as the CLI\'s JSON objects', () => {
    const raw = json('dev-account.json');
    const encode = (d: unknown) => encodeURIComponent(JSON.stringify(d));
    const roles = (raw.RoleDetailList as Record<string, unknown>[]).map((r) => ({
      ...r,
      AssumeRolePolicyDocument: encode(r.AssumeRolePolicyDocument),
      RolePolicyList: (r.RolePolicyList as { PolicyName: string; PolicyDocument: unknown }[]).map((p) => ({ ...p, PolicyDocument: encode(p.PolicyDocument) })),
    }));
    const policies = (raw.Policies as Record<string, unknown>[]).map((p) => ({ ...p, PolicyVersionList: (p.PolicyVersionList as { Document: unknown }[]).map((v) => ({ ...v, Document: encode(v.Document) })) }));
    const encoded = readAccountDetails('api.json', JSON.stringify({ ...raw, RoleDetailList: roles, Policies: policies }));
    const plain = readAccountDetails('cli.json', text('dev-account.json'));
    expect(encoded.roles.map((r) => r.inline)).toEqual(plain.roles.map((r) => r.inline));
    expect([...encoded.policies.values()]).toEqual([...plain.policies.values()]);
  });

  test('several pages in one file (concatenated or as a list) are merged', () => {
    const raw = json('prod-account.json');
    const users = raw.UserDetailList as unknown[];
    const page1 = { UserDetailList: users.slice(0, 2), GroupDetailList: raw.GroupDetailList, RoleDetailList: [], Policies: raw.Policies, IsTruncated: true, Marker: 'AAAA' };
    const page2 = { UserDetailList: users.slice(2), GroupDetailList: [], RoleDetailList: raw.RoleDetailList, Policies: [], IsTruncated: false };
    const concatenated = readAccountDetails('pages.json', `${JSON.stringify(page1, null, 2)}\n${JSON.stringify(page2, null, 2)}\n`);
    const listed = readAccountDetails('pages.json', JSON.stringify([page1, page2]));
    const whole = readAccountDetails('prod-account.json', text('prod-account.json'));
    for (const merged of [concatenated, listed]) {
      expect(merged.users.map((u) => u.arn)).toEqual(whole.users.map((u) => u.arn));
      expect(merged.roles.length).toBe(whole.roles.length);
      expect(merged.policies.size).toBe(whole.policies.size);
    }
  });

  test('a truncated export (IsTruncated still true) is refused, naming the field', () => {
    const e = refusal(() => readAccountDetails('part.json', JSON.stringify({ ...json('prod-account.json'), IsTruncated: true, Marker: 'AAAA' })));
    expect(e.file).toBe('part.json');
    expect(e.field).toBe('IsTruncated');
    expect(e.message).toMatch(/truncated/);
  });

  test('a file cut off in the middle of the JSON is refused as truncated', () => {
    const t = text('prod-account.json');
    const e = refusal(() => readAccountDetails('cut.json', t.slice(0, Math.floor(t.length / 2))));
    expect(e.message).toMatch(/truncated/);
  });

  test('a managed policy without its default version is refused, naming the policy and the field', () => {
    const raw = json('prod-account.json');
    const policies = (raw.Policies as Record<string, unknown>[]).map((p) => (p.PolicyName === 'KmsReader' ? { ...p, PolicyVersionList: (p.PolicyVersionList as Record<string, unknown>[]).filter((v) => v.IsDefaultVersion !== true) } : p));
    const e = refusal(() => readAccountDetails('nover.json', JSON.stringify({ ...raw, Policies: policies })));
    expect(e.field).toMatch(/^Policies\[\d+\]\.PolicyVersionList$/);
    expect(e.message).toMatch(/KmsReader.*no default version/);
  });

  test('an attached policy missing from Policies is refused (its permissions would be lost silently)', () => {
    const e = refusal(() => readAccountDetails('filtered.json', JSON.stringify({ ...json('prod-account.json'), Policies: [] })));
    expect(e.field).toMatch(/AttachedManagedPolicies\[0\]$/);
    expect(e.message).toMatch(/--filter/);
  });

  test('an empty file, a binary file, and something that is not an export are refused', () => {
    expect(refusal(() => readAccountDetails('empty.json', '  \n')).message).toMatch(/empty/);
    expect(refusal(() => readAccountDetails('blob.json', '\u001f\u008b\u0008\u0000\u0000binary')).message).toMatch(/binary/);
    expect(refusal(() => readAccountDetails('kp.json', text('key-policy.json'))).message).toMatch(/not the output of aws iam get-account-authorization-details/);
  });

  test('an export mixing two accounts is refused', () => {
    const raw = json('prod-account.json');
    const dev = json('dev-account.json');
    const e = refusal(() => readAccountDetails('mixed.json', JSON.stringify({ ...raw, RoleDetailList: [...(raw.RoleDetailList as unknown[]), ...(dev.RoleDetailList as unknown[])] })));
    expect(e.message).toContain(DEV);
  });
});

describe('get-key-policy', () => {
  test('the {"Policy": "<json string>"} wrapper and the bare document read the same', () => {
    const wrapped = readKeyPolicy('key-policy.json', text('key-policy.json'));
    const bare = readKeyPolicy('bare.json', JSON.parse(text('key-policy.json')).Policy as string);
    expect(bare).toEqual(wrapped);
    expect((wrapped.Statement as unknown[]).length).toBe(10);
  });

  test('a Policy string that is not JSON is refused, naming the Policy field', () => {
    const e = refusal(() => readKeyPolicy('bad.json', JSON.stringify({ Policy: '{"Version": "2012-10-17", "Statement": [', PolicyName: 'default' })));
    expect(e.field).toBe('Policy');
    expect(e.message).toMatch(/not JSON/);
  });

  test('a file that is not JSON at all is refused', () => {
    expect(refusal(() => readKeyPolicy('yaml.json', 'Version: 2012-10-17\nStatement: []\n')).message).toMatch(/not valid JSON/);
  });
});

describe('list-grants', () => {
  test('reads operations (with the kms: prefix added), grantee, retiring principal and constraints', () => {
    const grants = readGrants('grants.json', text('grants.json'), KEY);
    expect(grants[0]).toEqual({
      grantId: '0c237476b39f8bc44e45212e08498fbe3151305030726c0590dd8d3e9f3d6a60',
      name: 'batch-finance',
      granteePrincipal: `arn:aws:iam::${PROD}:role/Batch`,
      retiringPrincipal: `arn:aws:iam::${PROD}:role/KeyAdmin`,
      operations: ['kms:Decrypt', 'kms:GenerateDataKey'],
      constraint: { kind: 'EncryptionContextSubset', pairs: { Department: 'Finance' } },
    });
  });

  test('list-grants of another key is refused', () => {
    const other = 'arn:aws:kms:eu-west-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const e = refusal(() => readGrants('grants.json', text('grants.json'), other));
    expect(e.field).toBe('Grants[0].KeyId');
    expect(e.message).toContain(`--key-id ${other}`);
  });

  test('a truncated listing is refused', () => {
    expect(refusal(() => readGrants('g.json', JSON.stringify({ Grants: [], Truncated: true, NextMarker: 'x' }), KEY)).field).toBe('Truncated');
  });
});

describe('describe-policy (SCPs and RCPs)', () => {
  test('a list of describe-policy outputs is one level', () => {
    const level = readOrgPolicyLevel('scp-ou-workloads.json', text('scp-ou-workloads.json'), 'SERVICE_CONTROL_POLICY');
    expect(level.policies.map((p) => p.label)).toEqual(["SCP 'FullAWSAccess' (scp-ou-workloads.json)", "SCP 'ProtectKeyPolicies' (scp-ou-workloads.json)"]);
  });

  test('a bare document is accepted', () => {
    const level = readOrgPolicyLevel('bare.json', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }), 'SERVICE_CONTROL_POLICY');
    expect(level.policies).toHaveLength(1);
  });

  test('an RCP given as an SCP is refused, naming PolicySummary.Type', () => {
    const e = refusal(() => readOrgPolicyLevel('rcp-root.json', text('rcp-root.json'), 'SERVICE_CONTROL_POLICY'));
    expect(e.field).toBe('[0].Policy.PolicySummary.Type');
  });
});

describe('describe-key', () => {
  test('reads KeySpec, KeyUsage, KeyManager and MultiRegion', () => {
    expect(readDescribeKey('describe-key.json', text('describe-key.json'), KEY)).toEqual({ arn: KEY, keySpec: 'SYMMETRIC_DEFAULT', keyUsage: 'ENCRYPT_DECRYPT', keyManager: 'CUSTOMER', multiRegion: true, origin: 'AWS_KMS' });
  });

  test('describe-key of another key is refused', () => {
    expect(refusal(() => readDescribeKey('dk.json', text('describe-key.json'), KEY.replace('eu-west-1', 'us-east-1'))).field).toBe('KeyMetadata.Arn');
  });
});
