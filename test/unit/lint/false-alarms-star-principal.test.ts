// Issue 18, false alarms: "Principal": "*" narrowed by the keys AWS documents
// for it is not public. Sources: IAM User Guide, "AWS global condition context
// keys" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html:
// aws:PrincipalIsAWSService, aws:SourceOrgID, aws:SourceAccount, aws:SourceArn,
// aws:PrincipalOrgID, aws:PrincipalAccount) and "AWS KMS condition keys"
// (https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html, kms:CallerAccount).
import { describe, expect, test } from 'vitest';
import { lintPolicyText } from '../../../src/core/lint/index.js';
import { ACCOUNT, keyPolicy } from './fixtures.js';

const ORG = 'o-a1b2c3d4e5';
const STAR_CODES = ['KW401', 'KW402', 'KW403', 'KW408'];

function star(condition: Record<string, unknown> | undefined) {
  return { Sid: 'Star', Effect: 'Allow', Principal: '*', Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Resource: '*', ...(condition ? { Condition: condition } : {}) };
}

function starFindings(condition: Record<string, unknown> | undefined) {
  return lintPolicyText(keyPolicy(star(condition)), { type: 'key' }).findings.filter((f) => STAR_CODES.includes(f.code));
}

describe('"*" narrowed to AWS services acting for a named source is not public (aws:PrincipalIsAWSService + aws:Source*)', () => {
  test.each([
    ['aws:SourceOrgID', { Bool: { 'aws:PrincipalIsAWSService': 'true' }, StringEquals: { 'aws:SourceOrgID': ORG } }],
    ['aws:SourceAccount', { Bool: { 'aws:PrincipalIsAWSService': 'true' }, StringEquals: { 'aws:SourceAccount': ACCOUNT } }],
    ['aws:SourceArn (ArnLike)', { Bool: { 'aws:PrincipalIsAWSService': true }, ArnLike: { 'aws:SourceArn': `arn:aws:logs:us-east-1:${ACCOUNT}:*` } }],
    ['aws:SourceOrgPaths', { Bool: { 'aws:PrincipalIsAWSService': 'true' }, 'ForAnyValue:StringLike': { 'aws:SourceOrgPaths': `${ORG}/r-ab12/ou-ab12-11111111/*` } }],
  ])('%s: no star-principal finding', (_name, condition) => {
    expect(starFindings(condition)).toEqual([]);
  });
});

describe('"*" narrowed to an account or organization is not "other accounts" (KW402 silent, at most the KW403 note)', () => {
  test.each([
    ['aws:PrincipalOrgID', { StringEquals: { 'aws:PrincipalOrgID': ORG } }],
    ['aws:PrincipalAccount', { StringEquals: { 'aws:PrincipalAccount': ACCOUNT } }],
    ['kms:CallerAccount', { StringEquals: { 'kms:CallerAccount': ACCOUNT } }],
  ])('%s', (_name, condition) => {
    const found = starFindings(condition);
    expect(found.map((f) => f.code)).toEqual(['KW403']);
    expect(found[0]!.severity).toBe('info');
  });
});

describe('still loud when nothing narrows "*"', () => {
  test('no Condition at all: KW401', () => {
    expect(starFindings(undefined).map((f) => f.code)).toEqual(['KW401']);
  });

  test.each([
    ['aws:PrincipalIsAWSService alone (any service, for anyone)', { Bool: { 'aws:PrincipalIsAWSService': 'true' } }],
    ['IfExists on aws:PrincipalOrgID (principals outside any organization match)', { StringEqualsIfExists: { 'aws:PrincipalOrgID': ORG } }],
    ['negated aws:SourceAccount', { Bool: { 'aws:PrincipalIsAWSService': 'true' }, StringNotEquals: { 'aws:SourceAccount': ACCOUNT } }],
    ['IfExists aws:SourceOrgID', { Bool: { 'aws:PrincipalIsAWSService': 'true' }, StringEqualsIfExists: { 'aws:SourceOrgID': ORG } }],
    ['a "*" value for aws:PrincipalOrgID', { StringLike: { 'aws:PrincipalOrgID': '*' } }],
    ['kms:ViaService only', { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } }],
  ])('%s: KW402', (_name, condition) => {
    expect(starFindings(condition).map((f) => f.code)).toEqual(['KW402']);
  });

  test('KW402 says why a look-alike limit does not limit', () => {
    const [f] = starFindings({ StringEqualsIfExists: { 'aws:PrincipalOrgID': ORG } });
    expect(f!.message).toContain('"StringEqualsIfExists" on "aws:PrincipalOrgID" does not limit it');
  });

  test('an account-wide "*" with kms:* stays KW408 (an error) even under IfExists', () => {
    const text = keyPolicy({ ...star({ StringEqualsIfExists: { 'kms:CallerAccount': ACCOUNT } }), Action: 'kms:*' });
    expect(lintPolicyText(text, { type: 'key' }).findings.filter((f) => f.code === 'KW408')).toHaveLength(1);
  });
});
