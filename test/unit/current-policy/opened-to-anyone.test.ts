import { describe, expect, it } from 'vitest';
import { openedToAnyone } from '../../../src/core/current-policy/opened-to-anyone.js';

// Principal "*" in a key policy is every principal of every AWS account; only conditions narrow it
// ("Key policies in AWS KMS", https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html).
const root = { Sid: 'root', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' };
const doc = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });
const star = (extra: Record<string, unknown> = {}) => ({ Sid: 'open', Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*', ...extra });

describe('openedToAnyone: a change that lets every account use the key', () => {
  it('warns for a new Principal "*" with no condition, or with conditions that name nobody', () => {
    expect(openedToAnyone(doc(root), doc(root, star()))).toEqual([expect.stringMatching(/^statement 2 "open" makes the key usable by anyone: .*no condition/)]);
    const via = star({ Principal: { AWS: '*' }, Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } } });
    expect(openedToAnyone(doc(root), doc(root, via))).toEqual([expect.stringMatching(/none of its conditions names an account/)]);
    const negated = star({ Condition: { StringNotEquals: { 'kms:CallerAccount': '999988887777' } } });
    expect(openedToAnyone(doc(root), doc(root, negated))).toHaveLength(1);
  });
  it('stays quiet when a condition names the account, or the statement was already there', () => {
    expect(openedToAnyone(doc(root), doc(root, star({ Condition: { StringEquals: { 'kms:CallerAccount': '111122223333' } } })))).toEqual([]);
    expect(openedToAnyone(doc(root), doc(root, star({ Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } })))).toEqual([]);
    expect(openedToAnyone(doc(root, star()), doc(root, star()))).toEqual([]);
    expect(openedToAnyone(doc(root), doc(root, { ...star(), Effect: 'Deny' }))).toEqual([]);
  });
});
