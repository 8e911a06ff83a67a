// Issue 18, false alarms: the condition keys of the KMS "key" resource type
// (Service Authorization Reference, "Actions, resources, and condition keys
// for AWS Key Management Service", Resource types table:
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_awskeymanagementservice.html)
// are in every request on a key, so kms:ResourceAliases on Decrypt does match
// ("Use aliases to control access to KMS keys",
// https://docs.aws.amazon.com/kms/latest/developerguide/alias-authorization.html).
import { describe, expect, test } from 'vitest';
import { actionSupportsConditionKey } from '../../../src/core/catalog/actions.js';
import { lintPolicyText } from '../../../src/core/lint/index.js';
import { iamPolicy } from './fixtures.js';

const NEVER = ['KW315', 'KW316'];

function never(Action: string | string[], Condition: Record<string, unknown>) {
  const text = iamPolicy({ Sid: 'ByAlias', Effect: 'Allow', Action, Resource: 'arn:aws:kms:*:111122223333:key/*', Condition });
  return lintPolicyText(text, { type: 'iam' }).findings.filter((f) => NEVER.includes(f.code));
}

describe('key resource-type condition keys apply to every action on a key', () => {
  test.each(['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey', 'kms:Sign', 'kms:ReEncryptFrom', 'kms:CreateGrant'])(
    'kms:ResourceAliases on %s is not "never matches"',
    (action) => {
      expect(never(action, { 'ForAnyValue:StringLike': { 'kms:ResourceAliases': 'alias/finance-*' } })).toEqual([]);
    },
  );

  test.each(['kms:KeySpec', 'kms:KeyUsage', 'kms:KeyOrigin', 'kms:MultiRegion', 'kms:MultiRegionKeyType'])('%s is carried by kms:Decrypt', (key) => {
    expect(actionSupportsConditionKey('kms:Decrypt', key)).toBe(true);
  });

  test('an action on no key (ListKeys) still never carries kms:ResourceAliases', () => {
    expect(never('kms:ListKeys', { 'ForAnyValue:StringLike': { 'kms:ResourceAliases': 'alias/finance-*' } }).map((f) => f.code)).toEqual(['KW316']);
  });

  test('a key of the action table only (kms:GrantIsForAWSResource) is still absent from Decrypt', () => {
    expect(never(['kms:Decrypt', 'kms:CreateGrant'], { Bool: { 'kms:GrantIsForAWSResource': 'true' } }).map((f) => f.code)).toEqual(['KW315']);
  });
});
