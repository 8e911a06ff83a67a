// Issue 18: "Sign/Verify/GenerateMac/VerifyMac granted for a key whose template
// or plan makes it symmetric (KeyUsage: ENCRYPT_DECRYPT, SYMMETRIC_DEFAULT, or
// no KeySpec at all, as CDK writes it), and encryption actions for a
// SIGN_VERIFY or HMAC key". Allowed operations per key type: "Key type
// reference" (https://docs.aws.amazon.com/kms/latest/developerguide/symm-asymm-compare.html).
import { describe, expect, test } from 'vitest';
import { lintInfrastructure } from '../../../src/core/iac/index.js';
import { keyTypeAllows, keyTypeOf } from '../../../src/core/lint/key-operations.js';
import { ACCOUNT, KEY_ARN } from './fixtures.js';

const ROOT_JOIN = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] };

/** The shape cdk synth writes for a key and a role's grant (aws/aws-cdk integ.key-grants / integ.key-hmac snapshots, Apache-2.0). */
function cdkTemplate(keyProps: Record<string, unknown>, grantActions: string[], keyPolicyExtra: Record<string, unknown>[] = []): string {
  return JSON.stringify({
    Resources: {
      Role1ABCC5F0: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { AWS: ROOT_JOIN } }], Version: '2012-10-17' } } },
      RoleDefaultPolicy5FFB7DAB: {
        Type: 'AWS::IAM::Policy',
        Properties: {
          PolicyDocument: { Statement: [{ Action: grantActions, Effect: 'Allow', Resource: { 'Fn::GetAtt': ['MyKey6AB29FA6', 'Arn'] } }], Version: '2012-10-17' },
          PolicyName: 'RoleDefaultPolicy5FFB7DAB',
          Roles: [{ Ref: 'Role1ABCC5F0' }],
        },
      },
      MyKey6AB29FA6: {
        Type: 'AWS::KMS::Key',
        Properties: { KeyPolicy: { Statement: [{ Action: 'kms:*', Effect: 'Allow', Principal: { AWS: ROOT_JOIN }, Resource: '*' }, ...keyPolicyExtra], Version: '2012-10-17' }, ...keyProps },
        UpdateReplacePolicy: 'Delete',
        DeletionPolicy: 'Delete',
      },
    },
  }, null, 1);
}

async function found(text: string, format: 'cloudformation' | 'terraform-plan' = 'cloudformation') {
  const results = await lintInfrastructure('t.json', text, format);
  return results.flatMap((r) => r.findings.map((f) => ({ at: `${r.resource} ${f.code}`, ...f })));
}
const ats = async (text: string) => (await found(text)).map((f) => f.at);

describe('key types from KeySpec and KeyUsage', () => {
  test.each([
    ['SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT', 'symmetric'],
    ['HMAC_256', 'GENERATE_VERIFY_MAC', 'hmac'],
    ['RSA_2048', 'ENCRYPT_DECRYPT', 'asymmetric-encrypt'],
    ['RSA_4096', 'SIGN_VERIFY', 'asymmetric-sign'],
    ['ECC_NIST_P256', 'SIGN_VERIFY', 'asymmetric-sign'],
    ['ECC_NIST_P384', 'KEY_AGREEMENT', 'asymmetric-key-agreement'],
    ['ECC_SECG_P256K1', 'SIGN_VERIFY', 'asymmetric-sign'],
  ])('%s + %s is %s', (keySpec, keyUsage, type) => {
    expect(keyTypeOf({ keySpec, keyUsage })).toBe(type);
  });

  test.each([['ECC_NIST_P256', 'ENCRYPT_DECRYPT'], ['SYMMETRIC_DEFAULT', 'SIGN_VERIFY'], [undefined, 'ENCRYPT_DECRYPT']])('%s + %s: no type (KMS refuses the pair, or it is unknown)', (keySpec, keyUsage) => {
    expect(keyTypeOf({ keySpec, keyUsage })).toBeUndefined();
  });

  test('the Key type table: data keys only from symmetric keys, GetPublicKey only from asymmetric keys, DescribeKey from all', () => {
    expect(keyTypeAllows('symmetric', 'kms:GenerateDataKeyPair')).toBe(true);
    expect(keyTypeAllows('asymmetric-encrypt', 'kms:GenerateDataKey')).toBe(false);
    expect(keyTypeAllows('asymmetric-encrypt', 'kms:Decrypt')).toBe(true);
    expect(keyTypeAllows('symmetric', 'kms:GetPublicKey')).toBe(false);
    expect(keyTypeAllows('hmac', 'kms:DescribeKey')).toBe(true);
  });
});

describe('KW705: an IAM grant the key type cannot use', () => {
  test('grantSignVerify on a key with no KeySpec (CDK leaves it out: symmetric): error on the DefaultPolicy', async () => {
    const f = (await found(cdkTemplate({}, ['kms:Sign', 'kms:Verify']))).filter((x) => x.code === 'KW705');
    expect(f.map((x) => x.at)).toEqual(['RoleDefaultPolicy5FFB7DAB KW705', 'RoleDefaultPolicy5FFB7DAB KW705']);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toContain('symmetric encryption key');
  });

  test.each([
    ['KeyUsage ENCRYPT_DECRYPT', { KeyUsage: 'ENCRYPT_DECRYPT' }, ['kms:GenerateMac', 'kms:VerifyMac']],
    ['KeySpec SYMMETRIC_DEFAULT', { KeySpec: 'SYMMETRIC_DEFAULT' }, ['kms:Sign']],
    ['an HMAC key', { KeySpec: 'HMAC_512', KeyUsage: 'GENERATE_VERIFY_MAC' }, ['kms:Decrypt', 'kms:GenerateDataKey*']],
    ['a SIGN_VERIFY key', { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }, ['kms:Encrypt']],
  ])('%s', async (_, keyProps, actions) => {
    expect(await ats(cdkTemplate(keyProps, actions))).toContain('RoleDefaultPolicy5FFB7DAB KW705');
  });

  test.each([
    ['encrypt/decrypt on a default key', {}, ['kms:Decrypt', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*']],
    ['MACs on an HMAC key (integ.key-hmac)', { KeySpec: 'HMAC_512', KeyUsage: 'GENERATE_VERIFY_MAC' }, ['kms:GenerateMac', 'kms:VerifyMac']],
    ['Sign and GetPublicKey on an RSA SIGN_VERIFY key', { KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }, ['kms:Sign', 'kms:GetPublicKey', 'kms:DescribeKey']],
    ['kms:* and kms:Get* (they cover operations of every type)', { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }, ['kms:*', 'kms:Get*']],
    ['a KeySpec from a parameter (only deployment knows the type)', { KeySpec: { Ref: 'Spec' }, KeyUsage: 'SIGN_VERIFY' }, ['kms:Encrypt']],
  ])('no finding: %s', async (_, keyProps, actions) => {
    const codes = await ats(cdkTemplate(keyProps, actions));
    expect(codes.filter((c) => c.endsWith('KW705') || c.endsWith('KW507'))).toEqual([]);
  });
});

describe('KW507: a key policy statement the key type cannot use', () => {
  test('Encrypt and GenerateDataKey* for a SIGN_VERIFY key', async () => {
    const app = { Action: ['kms:Encrypt', 'kms:GenerateDataKey*', 'kms:DescribeKey'], Effect: 'Allow', Principal: { AWS: { 'Fn::GetAtt': ['Role1ABCC5F0', 'Arn'] } }, Resource: '*' };
    const f = (await found(cdkTemplate({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }, ['kms:Sign'], [app]))).filter((x) => x.code === 'KW507');
    expect(f.map((x) => x.at)).toEqual(['MyKey6AB29FA6 KW507', 'MyKey6AB29FA6 KW507']);
    expect(f.map((x) => x.message).join(' ')).toContain('kms:GenerateDataKey*');
  });
});

describe('Terraform: aws_kms_key key_usage and customer_master_key_spec', () => {
  const state = (keyUsage: string | undefined, spec: string | undefined, action: string) => JSON.stringify({
    format_version: '1.0',
    values: {
      root_module: {
        resources: [
          {
            address: 'aws_kms_key.signing', type: 'aws_kms_key', name: 'signing',
            values: {
              arn: KEY_ARN, key_id: KEY_ARN.split('/')[1],
              ...(keyUsage ? { key_usage: keyUsage } : {}), ...(spec ? { customer_master_key_spec: spec } : {}),
              policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Root', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }] }),
            },
          },
          {
            address: 'aws_iam_policy.signer', type: 'aws_iam_policy', name: 'signer',
            values: { policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Sign', Effect: 'Allow', Action: action, Resource: KEY_ARN }] }) },
          },
        ],
      },
    },
  }, null, 2);

  test('kms:Sign on a key the plan makes symmetric (no key_usage written: the default)', async () => {
    expect((await found(state(undefined, undefined, 'kms:Sign'), 'terraform-plan')).map((f) => f.at)).toContain('aws_iam_policy.signer KW705');
  });

  test('kms:Sign on an RSA SIGN_VERIFY key: no finding; kms:Decrypt on it: KW705', async () => {
    expect((await found(state('SIGN_VERIFY', 'RSA_3072', 'kms:Sign'), 'terraform-plan')).map((f) => f.code)).not.toContain('KW705');
    expect((await found(state('SIGN_VERIFY', 'RSA_3072', 'kms:Decrypt'), 'terraform-plan')).map((f) => f.at)).toContain('aws_iam_policy.signer KW705');
  });
});
