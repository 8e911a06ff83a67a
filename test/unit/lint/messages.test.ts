// Messages say how to fix: the suggestion each one makes is the right one.
import { describe, expect, test } from 'vitest';
import { lintPolicyText } from '../../../src/core/lint/index.js';
import { ACCOUNT, iamPolicy, iamUse, keyPolicy, use, useWhere, VIA_SM } from './fixtures.js';

function message(text: string, code: string): string {
  const f = lintPolicyText(text).findings.find((x) => x.code === code);
  expect(f, `${code} expected`).toBeDefined();
  return f!.message;
}

describe('suggestions in messages', () => {
  test.each([
    ['KW303', keyPolicy(useWhere({ StringEquals: { 'aws:ViaService': VIA_SM, 'kms:CallerAccount': ACCOUNT } })), 'did you mean "kms:ViaService"?'],
    ['KW303', keyPolicy(useWhere({ StringEquals: { 'kms:ViaService': VIA_SM, 'kms:CallerAccount': ACCOUNT }, ArnLike: { 'awws:SourceArn': 'arn:aws:s3:::b' } })), 'did you mean "aws:SourceArn"?'],
    ['KW301', keyPolicy(useWhere({ StringEquals: { 'kms:ViaService': VIA_SM, 'kms:CallerAccount': ACCOUNT }, NullIfExists: { 'kms:GrantIsForAWSResource': 'true' } })), 'did you mean "Null"?'],
    ['KW301', keyPolicy(useWhere({ StringEqual: { 'kms:ViaService': VIA_SM }, StringEquals: { 'kms:CallerAccount': ACCOUNT } })), 'did you mean "StringEquals"?'],
    ['KW302', keyPolicy(useWhere({ StringEquals: { 'kms:ViaServce': VIA_SM, 'kms:CallerAccount': ACCOUNT } })), 'did you mean "kms:ViaService"?'],
    ['KW110', iamPolicy(iamUse({ Sid: 'Use the key' })), 'Write "UseTheKey".'],
    ['KW306', keyPolicy(useWhere({ StringEquals: { 'kms:ViaService': 'ebs.eu-west-1.amazonaws.com', 'kms:CallerAccount': ACCOUNT } })), 'Use "ec2.eu-west-1.amazonaws.com".'],
    ['KW305', keyPolicy(useWhere({ StringEquals: { 'kms:ViaService': 'secretsmanager.cn-north-1.amazonaws.com.cn', 'kms:CallerAccount': ACCOUNT } })), '"secretsmanager.cn-north-1.amazonaws.com"'],
    ['KW313', keyPolicy(useWhere({ StringEquals: { 'kms:ViaService': VIA_SM, 'kms:CallerAccount': `arn:aws:iam::${ACCOUNT}:root` } })), `Write "${ACCOUNT}".`],
    ['KW312', keyPolicy(useWhere({ StringEquals: { 'kms:ViaService': 'secretsmanager.*.amazonaws.com', 'kms:CallerAccount': ACCOUNT } })), 'Use "StringLike"'],
    ['KW201', keyPolicy(use({ Action: ['kms:GenerateDataKy'] })), 'did you mean "kms:GenerateDataKey"?'],
    ['KW202', keyPolicy(use({ Action: ['Decrypt'] })), 'here "kms:Decrypt"'],
    ['KW104', keyPolicy(use({ Effect: 'deny' })), 'Write "Deny".'],
  ])('%s suggests the fix', (code, text, expected) => {
    expect(message(text, code)).toContain(expected);
  });
});
