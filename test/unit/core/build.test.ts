import { describe, expect, it } from 'vitest';
import { build } from '../../../src/core/build.js';
import { asArray, serializePolicy, type Statement } from '../../../src/core/policy.js';
import type { PolicySpec } from '../../../src/core/spec.js';
import { partitionInfo } from '../../../src/core/catalog/regions.js';
import { SERVICES } from '../../../src/core/catalog/services.js';

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const base: PolicySpec = { keyArn: KEY, admins: [], consumers: [], access: 'iam', services: ['secretsmanager'], regions: [] };
const sid = (statements: Statement[], s: string) => statements.find((x) => x.Sid === s);

describe('build(): the classic Secrets Manager case (kms:ViaService on the account root)', () => {
  const r = build({ ...base, consumers: ['arn:aws:iam::111122223333:user/John'] });
  const use = sid(r.keyPolicy.Statement, 'AllowUseThroughServices')!;

  it('lets the account root delegate GenerateDataKey + Decrypt through secretsmanager.us-east-1 only', () => {
    expect(use).toEqual({
      Sid: 'AllowUseThroughServices',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111122223333:root' },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: '*',
      Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com', 'kms:CallerAccount': '111122223333' } },
    });
  });

  it('writes an IAM policy for John on the key ARN with the same restriction', () => {
    expect(r.iamPolicies).toHaveLength(1);
    const iam = r.iamPolicies[0]!;
    expect(iam.fileName).toBe('iam-policy.json');
    expect(iam.attachTo).toEqual(['arn:aws:iam::111122223333:user/John']);
    expect(iam.policy.Statement).toEqual([
      {
        Sid: 'UseThroughServices',
        Effect: 'Allow',
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: KEY,
        Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } },
      },
    ]);
  });

  // Lockout check (PutKeyPolicy API reference, https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html); no unconditioned root kms:* ("Default key policy", https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html).
  it('keeps a key administrator with admin actions only, and no root kms:*', () => {
    const admin = sid(r.keyPolicy.Statement, 'KeyAdministrators')!;
    expect(admin.Principal).toEqual({ AWS: 'arn:aws:iam::111122223333:root' });
    expect(asArray(admin.Action)).toContain('kms:Put*');
    expect(asArray(admin.Action)).not.toContain('kms:Create*');
    expect(asArray(admin.Action)).toContain('kms:CreateAlias');
    expect(JSON.stringify(r.keyPolicy)).not.toContain('"kms:*"');
    expect(admin.Condition).toBeUndefined();
  });
});

describe('build(): trust modes', () => {
  const role = 'arn:aws:iam::111122223333:role/app';
  it('principals: names the roles in the key policy, no IAM policy in the same account', () => {
    const r = build({ ...base, access: 'principals', consumers: [role] });
    expect(sid(r.keyPolicy.Statement, 'AllowUseThroughServices')!.Principal).toEqual({ AWS: role });
    expect(r.iamPolicies).toEqual([]);
    expect(r.explanation.join(' ')).toMatch(/no IAM policy is needed/);
  });

  it('account: "*" limited by kms:CallerAccount and ViaService, saying IAM no longer decides who', () => {
    const r = build({ ...base, access: 'account' });
    const use = sid(r.keyPolicy.Statement, 'AllowUseThroughServices')!;
    expect(use.Principal).toEqual({ AWS: '*' });
    expect(use.Condition!.StringEquals!['kms:CallerAccount']).toBe('111122223333');
    expect(use.Condition!.StringEquals!['kms:ViaService']).toBe('secretsmanager.us-east-1.amazonaws.com');
    expect(r.iamPolicies).toEqual([]);
    expect(r.explanation.join(' ')).toMatch(/IAM policies no longer decide who/);
  });

  it('named administrators replace the root', () => {
    const r = build({ ...base, admins: ['arn:aws:iam::111122223333:role/KeyAdmin'] });
    expect(sid(r.keyPolicy.Statement, 'KeyAdministrators')!.Principal).toEqual({ AWS: 'arn:aws:iam::111122223333:role/KeyAdmin' });
    // The root remains only as the consumer principal (iam mode), never as an administrator.
    expect(r.keyPolicy.Statement.filter((s) => JSON.stringify(s.Principal).includes(':root')).map((s) => s.Sid)).toEqual(['AllowUseThroughServices']);
  });
});

describe('build(): cross-account consumers', () => {
  it('gives each other account its own root statement, its own kms:CallerAccount and its own IAM file', () => {
    const r = build({ ...base, consumers: ['444455556666', 'arn:aws:iam::777788889999:role/reader'] });
    const other = sid(r.keyPolicy.Statement, 'AllowUseThroughServices444455556666')!;
    expect(other.Principal).toEqual({ AWS: 'arn:aws:iam::444455556666:root' });
    expect(other.Condition!.StringEquals!['kms:CallerAccount']).toBe('444455556666');
    expect(r.iamPolicies.map((p) => p.fileName)).toEqual(['iam-policy-444455556666.json', 'iam-policy-777788889999.json']);
    expect(r.iamPolicies[1]!.attachTo).toEqual(['arn:aws:iam::777788889999:role/reader']);
    // The key's own account is not a consumer here, so it gets no statement.
    expect(sid(r.keyPolicy.Statement, 'AllowUseThroughServices')).toBeUndefined();
  });

  it('principals mode still writes the other account its IAM policy (both sides)', () => {
    const r = build({ ...base, access: 'principals', consumers: ['arn:aws:iam::111122223333:role/a', 'arn:aws:iam::444455556666:role/b'] });
    expect(r.iamPolicies.map((p) => p.account)).toEqual(['444455556666']);
  });
});

describe('build(): grant services, several services and Regions, partitions', () => {
  it('EBS gets CreateGrant only with kms:GrantIsForAWSResource, in its own statement', () => {
    const r = build({ ...base, services: ['ebs'] });
    const grants = sid(r.keyPolicy.Statement, 'AllowGrantsThroughServices')!;
    expect(grants.Action).toBe('kms:CreateGrant');
    expect(grants.Condition!.Bool).toEqual({ 'kms:GrantIsForAWSResource': true });
    expect(grants.Condition!.StringEquals!['kms:ViaService']).toBe('ec2.us-east-1.amazonaws.com');
    const use = sid(r.keyPolicy.Statement, 'AllowUseThroughServices')!;
    expect(asArray(use.Action)).not.toContain('kms:CreateGrant');
    expect(r.iamPolicies[0]!.policy.Statement.map((s) => s.Sid)).toEqual(['UseThroughServices', 'GrantsThroughServices']);
  });

  it('services with different needs get separate statements: no CreateGrant through Secrets Manager', () => {
    const r = build({ ...base, services: ['secretsmanager', 'ebs'] });
    for (const s of r.keyPolicy.Statement.filter((x) => asArray(x.Action).includes('kms:CreateGrant'))) {
      expect(s.Condition!.StringEquals!['kms:ViaService']).toBe('ec2.us-east-1.amazonaws.com');
    }
    expect(r.keyPolicy.Statement.map((s) => s.Sid)).toEqual(['KeyAdministrators', 'AllowUseThroughEc2', 'AllowGrantsThroughEc2', 'AllowUseThroughSecretsmanager']);
  });

  it('services with the same needs share a statement; every service x Region is listed', () => {
    const r = build({ ...base, services: ['secretsmanager', 's3'], regions: ['us-east-1', 'us-west-2'] });
    expect(sid(r.keyPolicy.Statement, 'AllowUseThroughServices')!.Condition!.StringEquals!['kms:ViaService']).toEqual([
      's3.us-east-1.amazonaws.com', 's3.us-west-2.amazonaws.com', 'secretsmanager.us-east-1.amazonaws.com', 'secretsmanager.us-west-2.amazonaws.com',
    ]);
  });

  it('ElastiCache adds both elasticache and dax', () => {
    const via = sid(build({ ...base, services: ['elasticache'] }).keyPolicy.Statement, 'AllowUseThroughServices')!.Condition!.StringEquals!['kms:ViaService'];
    expect(via).toEqual(['dax.us-east-1.amazonaws.com', 'elasticache.us-east-1.amazonaws.com']);
  });

  it.each([
    ['arn:aws-cn:kms:cn-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', 'arn:aws-cn:iam::111122223333:root', 'secretsmanager.cn-north-1.amazonaws.com'],
    ['arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', 'arn:aws-us-gov:iam::111122223333:root', 'secretsmanager.us-gov-west-1.amazonaws.com'],
  ])('partition ARNs change, the ViaService suffix does not (%s)', (keyArn, root, via) => {
    const r = build({ ...base, keyArn });
    expect(sid(r.keyPolicy.Statement, 'KeyAdministrators')!.Principal).toEqual({ AWS: root });
    expect(sid(r.keyPolicy.Statement, 'AllowUseThroughServices')!.Condition!.StringEquals!['kms:ViaService']).toBe(via);
    expect(r.iamPolicies[0]!.policy.Statement[0]!.Resource).toBe(keyArn);
  });

  it('a multi-Region key gets the replica admin actions and one IAM Resource per Region', () => {
    const mrk = 'arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab';
    const r = build({ ...base, keyArn: mrk, regions: ['us-east-1', 'eu-west-1'] });
    expect(asArray(sid(r.keyPolicy.Statement, 'KeyAdministrators')!.Action)).toEqual(expect.arrayContaining(['kms:ReplicateKey', 'kms:UpdatePrimaryRegion']));
    expect(r.iamPolicies[0]!.policy.Statement[0]!.Resource).toEqual([
      'arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab',
      'arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab',
    ]);
    expect(r.explanation.join(' ')).toMatch(/each replica has its own key policy/);
  });

  it('--actions overrides the defaults for every service', () => {
    const r = build({ ...base, services: ['secretsmanager', 'ebs'], actions: ['Decrypt'] });
    expect(r.keyPolicy.Statement.slice(1).map((s) => s.Action)).toEqual(['kms:Decrypt']);
  });

  // "Resource quotas", https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html; "IAM and AWS STS quotas", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html: key policy <= 32,768 bytes, managed IAM policy <= 6,144 non-white-space characters.
  it('warns when the documents exceed the AWS size limits, and not before', () => {
    const small = build({ ...base, services: ['secretsmanager', 's3'] });
    expect(small.warnings.map((w) => w.message).join(' ')).not.toMatch(/limit/);
    const huge = build({ ...base, services: SERVICES.map((s) => s.id), regions: partitionInfo('aws').regions.slice(0, 10) });
    const messages = huge.warnings.map((w) => w.message).join('\n');
    expect(messages).toMatch(/the key policy is \d+ bytes, over KMS's 32768-byte limit/);
    expect(messages).toMatch(/iam-policy\.json has \d+ characters, over the 6144-character limit of a managed IAM policy/);
  });

  it('is deterministic: the same answers give the same bytes', () => {
    const a = build({ ...base, services: ['s3', 'ebs'], consumers: ['444455556666', '111122223333'] });
    const b = build({ ...base, services: ['ebs', 's3'], consumers: ['111122223333', '444455556666'] });
    expect(serializePolicy(a.keyPolicy)).toBe(serializePolicy(b.keyPolicy));
    expect(a.iamPolicies.map((p) => serializePolicy(p.policy))).toEqual(b.iamPolicies.map((p) => serializePolicy(p.policy)));
  });
});
