// Issue 18, false alarms: placeholders copied from documentation ("ACCOUNT_ID",
// "<region>", "${AccountId}", "{{key-id}}") are one warning, "fill this in"
// (KW121), not errors about malformed ARNs, principals or ViaService values.
// Policy variables (${aws:username}, ${aws:PrincipalTag/x}, ${*}) are not
// placeholders ("IAM policy elements: Variables and tags",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html).
import { describe, expect, test } from 'vitest';
import { lintPolicyText } from '../../../src/core/lint/index.js';
import { placeholderIn } from '../../../src/core/lint/placeholders.js';
import { ACCOUNT, iamPolicy, iamUse, keyPolicy, KEY_ARN, use } from './fixtures.js';

const loud = (text: string) => lintPolicyText(text).findings.filter((f) => f.severity !== 'info').map((f) => [f.code, f.pointer]);

describe('placeholders are their own finding', () => {
  test('an account placeholder in a Principal: KW121, not "not an AWS principal" (KW404)', () => {
    const text = keyPolicy(use({ Principal: { AWS: 'arn:aws:iam::ACCOUNT_ID:role/App' } }));
    expect(loud(text)).toEqual([['KW121', '/Statement/1/Principal/AWS']]);
  });

  test.each([
    ['<region> and ACCOUNT_ID', 'arn:aws:kms:<region>:ACCOUNT_ID:key/KEY_ID'],
    ['CloudFormation-style variables outside a template', 'arn:aws:kms:${AWS::Region}:${AWS::AccountId}:key/${KeyId}'],
    ['mustache placeholders (newer AWS pages)', 'arn:aws:kms:{{region}}:{{account-id}}:key/{{key-id}}'],
    ['REGION / ACCOUNT words', 'arn:aws:kms:REGION:ACCOUNT:key/*'],
    ['backtick placeholders ("Data encryption at rest for Amazon DataZone")', 'arn:aws:kms:`region`:111122223333:key/`key_ID`'],
    ['only the key id', `arn:aws:kms:us-east-1:${ACCOUNT}:key/YOUR_KEY_ID`],
  ])('IAM Resource with %s: one KW121 warning, no KW503/KW504', (_name, resource) => {
    const found = lintPolicyText(iamPolicy(iamUse({ Resource: resource }))).findings.filter((f) => f.severity !== 'info');
    expect(found.map((f) => [f.code, f.severity])).toEqual([['KW121', 'warning']]);
  });

  test('a ViaService value with a Region placeholder: KW121, not "never matches" (KW305)', () => {
    for (const via of ['secretsmanager.<region>.amazonaws.com', 'secretsmanager.REGION.amazonaws.com', 'secretsmanager.${Region}.amazonaws.com']) {
      const text = keyPolicy(use({ Condition: { StringEquals: { 'kms:ViaService': via, 'kms:CallerAccount': ACCOUNT } } }));
      expect(loud(text).map(([code]) => code), via).toEqual(['KW121']);
    }
  });

  test('an account-key value that is a word: KW121', () => {
    const text = keyPolicy(use({ Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com', 'kms:CallerAccount': 'ACCOUNT_ID' } } }));
    expect(loud(text).map(([code]) => code)).toEqual(['KW121']);
  });
});

describe('not placeholders', () => {
  test.each([
    KEY_ARN,
    'arn:aws:iam::aws:policy/ReadOnlyAccess',
    'arn:aws:s3:::amzn-s3-demo-bucket/*',
    'arn:aws:iam::111122223333:user/${aws:username}',
    'arn:aws:s3:::bucket/${aws:PrincipalTag/team}/*',
    'arn:aws:s3:::bucket/${*}',
    'arn:aws:kms:*:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab',
    'arn:aws:kms:us-east:111122223333:key/*',
    'arn:aws:payment-cryptography:us-east-2:111122223333:key/KWK3YDI5ZEZKE6K2',
    'arn:aws:iam::111122223333:role/{{resolve:ssm:AppRoleName}}',
  ])('%s', (value) => {
    expect(placeholderIn(value)).toBeUndefined();
  });

  test('a real key ARN that is malformed is still the KW504 error', () => {
    const codes = lintPolicyText(iamPolicy(iamUse({ Resource: 'arn:aws:kms:us-east-1:11112222333:key/abc' }))).findings.map((f) => f.code);
    expect(codes).toContain('KW504');
    expect(codes).not.toContain('KW121');
  });
});

test('the placeholder rule reports under the code the echo filter drops around (PLACEHOLDER_CODE)', async () => {
  const { placeholderValue } = await import('../../../src/core/lint/rules/placeholder-value.js');
  const { PLACEHOLDER_CODE } = await import('../../../src/core/lint/placeholders.js');
  expect(placeholderValue.code).toBe(PLACEHOLDER_CODE);
});
