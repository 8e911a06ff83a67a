// Issue 18: letter case in principals as AWS documents it ("AWS JSON policy
// elements: Principal", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html):
// principal types are exact (AWS, Service, ...); a service principal is defined
// by its service, in lower case, and no case-insensitive matching is documented.
import { describe, expect, test } from 'vitest';
import { lintPolicyText } from '../../../src/core/lint/index.js';
import { ACCOUNT, keyPolicy } from './fixtures.js';

function trail(principal: Record<string, unknown>) {
  return keyPolicy({
    Sid: 'CloudTrail',
    Effect: 'Allow',
    Principal: principal,
    Action: 'kms:GenerateDataKey*',
    Resource: '*',
    Condition: { StringEquals: { 'aws:SourceArn': `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/main` } },
  });
}
const codes = (text: string) => lintPolicyText(text, { type: 'key' }).findings.filter((f) => f.severity !== 'info').map((f) => [f.code, f.severity]);

describe('service principal letter case', () => {
  test('"CloudTrail.amazonaws.com" is CloudTrail written in the wrong case: a KW421 warning, not "not a service principal" (KW404)', () => {
    const found = lintPolicyText(trail({ Service: 'CloudTrail.amazonaws.com' }), { type: 'key' }).findings;
    expect(found.filter((f) => f.severity !== 'info').map((f) => [f.code, f.severity])).toEqual([['KW421', 'warning']]);
    expect(found.find((f) => f.code === 'KW421')!.message).toContain('Write "cloudtrail.amazonaws.com"');
  });

  test('the documented lower-case form: nothing to say', () => {
    expect(codes(trail({ Service: 'cloudtrail.amazonaws.com' }))).toEqual([]);
  });

  test('the service checks recognise the service in any case (KW406 still offers the documented statement)', () => {
    const text = keyPolicy({ Sid: 'Trail', Effect: 'Allow', Principal: { Service: 'CloudTrail.amazonaws.com' }, Action: 'kms:GenerateDataKey*', Resource: '*' });
    const kw406 = lintPolicyText(text, { type: 'key' }).findings.find((f) => f.code === 'KW406');
    expect(kw406!.message).toContain('kms-wizard generate --service cloudtrail');
  });

  test('the principal type is exact: "service" is still the KW404 error', () => {
    expect(codes(trail({ service: 'cloudtrail.amazonaws.com' }))).toContainEqual(['KW404', 'error']);
  });

  test('something that is no service principal in any case stays KW404', () => {
    expect(codes(trail({ Service: 'arn:aws:iam::111122223333:role/Trail' }))).toEqual([['KW404', 'error']]);
  });
});
