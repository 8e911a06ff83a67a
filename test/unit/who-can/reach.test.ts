// reach() indexes documents by the actions their statements can cover. It skips an action pattern
// whose literal prefix cannot start any of the actions asked about (s3:* against kms:); these cases
// pin that skip to the evaluator's own wildcard matching, which compares actions case-insensitively
// ("IAM JSON policy elements: Action", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html).
import { describe, expect, test } from 'vitest';
import { KMS_ACTIONS } from '../../../src/core/catalog/actions.js';
import { allowsOn, reach, readDocument } from '../../../src/core/who-can/policy-decision.js';

const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const allowed = (statement: object, actions: readonly string[] = KMS_ACTIONS) =>
  [...reach(readDocument('p', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Resource: '*', ...statement }] }), KEY, actions).allow].sort();
const everyKms = [...KMS_ACTIONS].sort();

describe('reach: which KMS actions a statement covers', () => {
  test('patterns of other services cover no KMS action', () => {
    expect(allowed({ Action: ['s3:GetObject', 'dynamodb:*', 'logs:Put*'] })).toEqual([]);
  });
  test('a wildcard inside the service name still counts (k*, km?:*), and case does not matter (KMS:decrypt)', () => {
    expect(allowed({ Action: 'k*' })).toEqual(everyKms);
    expect(allowed({ Action: 'km?:*' })).toEqual(everyKms);
    expect(allowed({ Action: ['s3:*', 'KMS:decrypt'] })).toEqual(['kms:Decrypt']);
    expect(allowed({ Action: '*' })).toEqual(everyKms);
  });
  test('a prefix longer than the service still matches only what it names (kms:Gen*)', () => {
    expect(allowed({ Action: 'kms:Gen*' })).toEqual(KMS_ACTIONS.filter((a) => a.startsWith('kms:Gen')).sort());
  });
  test('NotAction of other services covers every KMS action; NotAction kms:* covers none', () => {
    expect(allowed({ NotAction: ['iam:*', 's3:*'] })).toEqual(everyKms);
    expect(allowed({ NotAction: 'kms:*' })).toEqual([]);
    expect(allowed({ NotAction: 'kms:Decrypt' })).toEqual(everyKms.filter((a) => a !== 'kms:Decrypt'));
  });
  test('an action list of several services (kms: and iam:) keeps each service apart', () => {
    expect(allowed({ Action: ['iam:PassRole', 's3:*'] }, ['kms:Decrypt', 'iam:PassRole', 'iam:PutRolePolicy'])).toEqual(['iam:PassRole']);
  });
});

describe('allowsOn: one action against many resources, as reach says', () => {
  const doc = readDocument('p', {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 'iam:PutRolePolicy', Resource: 'arn:aws:iam::111122223333:role/team-1-*' },
      { Effect: 'Allow', Action: 'iam:*', NotResource: 'arn:aws:iam::111122223333:role/admin*' },
      { Effect: 'Deny', Action: 'iam:AttachRolePolicy', Resource: '*' },
      { Effect: 'Allow', Action: 's3:*', Resource: '*' },
    ],
  });
  const resources = ['arn:aws:iam::111122223333:role/team-1-app', 'arn:aws:iam::111122223333:role/admin-x', 'arn:aws:iam::111122223333:user/u', 'arn:aws:iam::444455556666:role/team-1-app'];
  test.each(['iam:PutRolePolicy', 'iam:AttachRolePolicy', 'iam:PassRole', 's3:GetObject', 'kms:Decrypt'])('%s', (action) => {
    const covers = allowsOn(doc, action);
    const expected = resources.map((r) => reach(doc, r, [action]).allow.has(action));
    expect(resources.map(covers)).toEqual(expected);
    if (action.startsWith('iam:')) expect(expected).toContain(true);
    if (action === 'kms:Decrypt') expect(expected).toEqual([false, false, false, false]);
  });
  test('the Deny statement does not count as reaching: only NotResource admin* is left out', () => {
    expect(resources.map(allowsOn(doc, 'iam:AttachRolePolicy'))).toEqual([true, false, true, true]);
  });
});
