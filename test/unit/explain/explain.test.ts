import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { explainPolicy } from '../../../src/core/explain/index.js';

const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/evaluate/${name}`, import.meta.url), 'utf8'));
const policy = (...Statement: Record<string, unknown>[]) => ({ Version: '2012-10-17', Statement });

describe('key policies', () => {
  const e = explainPolicy(fixture('key-policy-root-via-secrets.json'), { keyArn: KEY_ARN });

  test('is detected as a key policy', () => expect(e.kind).toBe('key'));

  test('the root + ViaService + CallerAccount statement reads as IAM delegation through one service and Region', () => {
    expect(e.statements[1]!.text).toBe(
      'Lets IAM policies in account 111122223333 grant Decrypt and GenerateDataKey, only when the call comes through AWS Secrets Manager in us-east-1 from that account.',
    );
    expect(e.statements[1]!.sid).toBe('AllowUseThroughSecretsManager');
  });

  test('names what the statement does not allow: direct calls, other services and Regions, other accounts, other actions', () => {
    expect(e.statements[1]!.notAllowed).toEqual([
      'direct calls to KMS (SDK, CLI, console)',
      'calls through any other service',
      'calls through AWS Secrets Manager in other Regions than us-east-1',
      'callers from other accounts',
      'other actions, such as kms:Encrypt',
      'principals of account 111122223333 whose IAM policies do not allow it',
    ]);
  });

  test('the administrator statement reads as administration only', () => {
    expect(e.statements[0]!.text).toMatch(/^Lets role KeyAdmin \(account 111122223333\) use key administration \(CreateAlias, Describe\*, Enable\* and 11 more\), none of the cryptographic actions\. No IAM policy is needed for it/);
  });

  test('summary: direct calls are never allowed', () => {
    expect(e.summary).toMatch(/Direct calls to KMS are never allowed/);
    expect(e.summary).not.toMatch(/PutKeyPolicy/);
  });

  test('"*" with conditions: no IAM policy needed; without kms:CallerAccount other accounts get in', () => {
    const star = explainPolicy(fixture('key-policy-star-via-secrets.json'), { keyArn: KEY_ARN });
    expect(star.statements[1]!.text).toBe(
      // "*" is every principal of every AWS account ("Key policies in AWS KMS", docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html)
      'Lets every principal of every AWS account use Decrypt and GenerateDataKey, only when the call comes through AWS Secrets Manager in us-east-1 from account 111122223333. ' +
        'Principal "*" names everyone: only these conditions limit who. No IAM policy is needed in the key\'s account.',
    );
    const open = explainPolicy(policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } } }));
    expect(open.statements[0]!.text).toMatch(/Principals of other accounts can use it too/);
    const bare = explainPolicy(policy({ Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*' }));
    expect(bare.statements[0]!.text).toMatch(/every principal of every AWS account use Decrypt, with no conditions/);
  });

  test('the default root kms:* statement next to a restricted one is flagged as a bypass', () => {
    const d = explainPolicy(fixture('key-policy-default-plus-via.json'), { keyArn: KEY_ARN });
    expect(d.statements[0]!.text).toBe('Lets IAM policies in account 111122223333 grant every KMS action (administration included).');
    expect(d.summary).toMatch(/Warning: statement 1 \("Enable IAM User Permissions"\) .* the kms:ViaService restriction of statement 2 \("AllowUseThroughSecretsManager"\) can be bypassed/);
  });

  test('cross-account statements say the other account needs its own IAM policy', () => {
    const x = explainPolicy(fixture('key-policy-cross-account.json'), { keyArn: KEY_ARN });
    expect(x.statements[1]!.text).toMatch(/444455556666 is another account: its own IAM policies must also allow this key's ARN\./);
  });

  test('Deny statements say what they take away, including for missing keys', () => {
    const d = explainPolicy(fixture('key-policy-deny-encryption-context.json'), { keyArn: KEY_ARN });
    expect(d.statements[1]!.text).toBe('Denies Decrypt to everyone, when the encryption context\'s "tenant" is not "acme"; a Deny overrides every Allow.');
    expect(d.statements[1]!.notAllowed).toEqual([]);
    expect(d.summary).toMatch(/No statement lets anyone change this key policy \(kms:PutKeyPolicy\)/);
    const direct = explainPolicy(policy({ Effect: 'Deny', Principal: '*', Action: 'kms:Decrypt', Resource: '*', Condition: { StringNotEquals: { 'kms:ViaService': 'sqs.us-east-1.amazonaws.com' } } }));
    expect(direct.statements[0]!.text).toMatch(/when the call does not come through Amazon SQS in us-east-1 \(direct calls included\)/);
  });

  test('several services and Regions are grouped per service', () => {
    const e2 = explainPolicy(policy({
      Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'kms:Decrypt', Resource: '*',
      Condition: { StringEquals: { 'kms:ViaService': ['s3.us-east-1.amazonaws.com', 's3.us-west-2.amazonaws.com', 'sqs.us-east-1.amazonaws.com'] } },
    }));
    expect(e2.statements[0]!.text).toMatch(/through Amazon S3 in us-east-1 or us-west-2, or Amazon SQS in us-east-1/);
  });

  test('ForAllValues on kms:ViaService is explained as letting direct calls through', () => {
    const e3 = explainPolicy(policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'kms:Decrypt', Resource: '*', Condition: { 'ForAllValues:StringEquals': { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } } }));
    expect(e3.statements[0]!.text).toMatch(/or comes directly \(ForAllValues: is true when the key is missing\)/);
    expect(e3.statements[0]!.notAllowed).not.toContain('direct calls to KMS (SDK, CLI, console)');
  });

  test('grants for AWS resources and encryption context Allow conditions are spelled out', () => {
    const g = explainPolicy(policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:CreateGrant', Resource: '*', Condition: { Bool: { 'kms:GrantIsForAWSResource': true }, StringEquals: { 'kms:EncryptionContext:SecretARN': 'arn:x' } } }));
    expect(g.statements[0]!.text).toMatch(/an AWS service creates the grant for one of its resources and the encryption context's "SecretARN" is "arn:x"/);
    expect(g.statements[0]!.notAllowed).toContain('grants created directly by the caller');
  });

  test('the example as it circulates is recognised as a key policy and explained as invalid', () => {
    const bad = explainPolicy(fixture('key-policy-as-circulated.json'));
    expect(bad.kind).toBe('key');
    expect(bad.statements[0]!.text).toMatch(/^Not valid: unknown element "Pricipal" \(did you mean "Principal"\?\).*allows nothing\./);
    expect(bad.summary).toMatch(/1 not valid/);
  });
});

describe('IAM policies', () => {
  test('an IAM statement on the key ARN', () => {
    const e = explainPolicy(fixture('iam-john.json'), { keyArn: KEY_ARN });
    expect(e.kind).toBe('iam');
    expect(e.statements[0]!.text).toMatch(/^Allows Decrypt and GenerateDataKey\* \(4 actions\) on this key\. It works only where the key policy lets this account use IAM policies/);
    expect(e.statements[0]!.notAllowed).toEqual(['other keys', 'other actions, such as kms:Encrypt']);
    expect(e.summary).toMatch(/only half/);
  });

  test('an alias ARN as Resource is explained as matching nothing', () => {
    const e = explainPolicy(policy({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:us-east-1:111122223333:alias/app' }));
    expect(e.statements[0]!.text).toMatch(/alias ARN .* never matches a key/);
    expect(e.statements[0]!.notAllowed[0]).toMatch(/using any key at all/);
    expect(e.summary).toMatch(/alias or key id/);
  });

  test('conditions in IAM statements', () => {
    const e = explainPolicy(policy({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: KEY_ARN, Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } } }), { keyArn: KEY_ARN });
    expect(e.statements[0]!.text).toMatch(/^Allows Decrypt on this key, only when the call comes through AWS Secrets Manager in us-east-1\./);
  });

  test('a Principal in an IAM policy is invalid', () => {
    const e = explainPolicy(policy({ Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*' }), { kind: 'iam' });
    expect(e.statements[0]!.text).toMatch(/^Not valid: an IAM policy cannot have Principal/);
  });
});

test.each([null, 1, 'x', [], {}, { Statement: [] }])('document %j is explained, not thrown', (doc) => {
  const e = explainPolicy(doc);
  expect(e.summary).toMatch(/allows nothing|statement/);
});

test('a statement invalid only through misspelled element names also says what it would do once fixed', () => {
  const e = explainPolicy(fixture('key-policy-as-circulated.json'), { keyArn: KEY_ARN });
  expect(e.statements[0]!.text).toMatch(
    /Once the element names are fixed it would read: Lets IAM policies in account 111122223333 grant Encrypt, Decrypt and GenerateDataKey\* \(4 actions\), only when the call comes through AWS Secrets Manager in us-east-1 from that account\.$/,
  );
  expect(e.statements[0]!.text).not.toMatch(/Principal undefined/);
});
