// Issue 18, false alarms: StringEquals on an exact aws:SourceArn is what AWS's
// own CloudTrail key-policy example writes ("Configure AWS KMS key policies for
// CloudTrail", https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html),
// so it is a style note (KW317, info); a wildcard under StringEquals matches
// nothing and stays an error (KW312).
import { describe, expect, test } from 'vitest';
import { lintPolicyText } from '../../../src/core/lint/index.js';
import { ACCOUNT, keyPolicy } from './fixtures.js';

const TRAIL = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/management-events`;

function cloudTrail(condition: Record<string, unknown>) {
  return keyPolicy({
    Sid: 'AllowCloudTrailToEncryptLogs',
    Effect: 'Allow',
    Principal: { Service: 'cloudtrail.amazonaws.com' },
    Action: 'kms:GenerateDataKey*',
    Resource: '*',
    Condition: { StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:aws:cloudtrail:*:${ACCOUNT}:trail/*` }, ...condition },
  });
}

const findings = (text: string) => lintPolicyText(text, { type: 'key' }).findings.filter((f) => f.severity !== 'info' || f.code === 'KW317');

describe('aws:SourceArn under a string operator', () => {
  test("CloudTrail's documented statement (StringEquals, exact trail ARN): only the KW317 style note, as info", () => {
    const found = findings(cloudTrail({ StringEquals: { 'aws:SourceArn': TRAIL } }));
    expect(found.map((f) => [f.code, f.severity])).toEqual([['KW317', 'info']]);
    expect(found[0]!.message).toContain('"ArnEquals"');
  });

  test('AWS:SourceArn spelled as the AWS Config page writes it is the same key', () => {
    expect(findings(cloudTrail({ StringEquals: { 'AWS:SourceArn': TRAIL } })).map((f) => f.severity)).toEqual(['info']);
  });

  test('a wildcard under StringEquals matches nothing: KW312 error, and no duplicate KW317', () => {
    const found = findings(cloudTrail({ StringEquals: { 'aws:SourceArn': `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/*` } }));
    expect(found.map((f) => [f.code, f.severity])).toEqual([['KW312', 'error']]);
  });

  test('StringLike with a wildcard works; the note suggests ArnLike', () => {
    const context = { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:aws:cloudtrail:*:${ACCOUNT}:trail/*` };
    const found = findings(cloudTrail({ StringLike: { ...context, 'aws:SourceArn': `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/*` } }));
    expect(found.map((f) => [f.code, f.severity])).toEqual([['KW317', 'info']]);
    expect(found[0]!.message).toContain('"ArnLike"');
  });

  test('ArnEquals: nothing to say', () => {
    expect(findings(cloudTrail({ ArnEquals: { 'aws:SourceArn': TRAIL } }))).toEqual([]);
  });
});
