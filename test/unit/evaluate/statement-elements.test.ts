// Action, Resource and their Not- forms, and how invalid parts of untrusted
// documents are treated (never thrown, never matching, always explained).
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../../src/core/evaluate/index.js';
import { APP_SESSION, KEY_ARN, policy, request } from './fixtures.js';

const root = { AWS: 'arn:aws:iam::111122223333:root' };
const app = { AWS: 'arn:aws:iam::111122223333:role/app' };
const decide = (keyPolicy: unknown, iamPolicies: unknown[] = [], req = request({ principal: APP_SESSION })) => evaluate(req, { keyPolicy, iamPolicies });

describe('Action and NotAction', () => {
  test('action names and wildcards are case-insensitive', () => {
    expect(decide(policy({ Effect: 'Allow', Principal: app, Action: 'KMS:decrypt', Resource: '*' })).decision).toBe('Allow');
    expect(decide(policy({ Effect: 'Allow', Principal: app, Action: 'kms:Decr*', Resource: '*' })).decision).toBe('Allow');
    expect(decide(policy({ Effect: 'Allow', Principal: app, Action: 'kms:GenerateDataKey*', Resource: '*' })).decision).toBe('ImplicitDeny');
    expect(decide(policy({ Effect: 'Allow', Principal: app, Action: '*', Resource: '*' })).decision).toBe('Allow');
  });

  test('NotAction allows everything except what it lists', () => {
    expect(decide(policy({ Effect: 'Allow', Principal: app, NotAction: 'kms:Decrypt', Resource: '*' })).decision).toBe('ImplicitDeny');
    expect(decide(policy({ Effect: 'Allow', Principal: app, NotAction: ['kms:Encrypt', 'kms:Sign'], Resource: '*' })).decision).toBe('Allow');
  });

  test('a Deny with NotAction denies the actions it does not list', () => {
    const keyPolicy = policy({ Effect: 'Allow', Principal: app, Action: 'kms:*', Resource: '*' }, { Effect: 'Deny', Principal: '*', NotAction: 'kms:Describe*', Resource: '*' });
    expect(decide(keyPolicy).decision).toBe('ExplicitDeny');
    expect(decide(keyPolicy, [], request({ principal: APP_SESSION, action: 'kms:DescribeKey' })).decision).toBe('Allow');
  });
});

describe('Resource and NotResource', () => {
  const keyAllowsAccount = policy({ Effect: 'Allow', Principal: root, Action: 'kms:*', Resource: '*' });
  const iam = (element: 'Resource' | 'NotResource', value: unknown) => policy({ Effect: 'Allow', Action: 'kms:Decrypt', [element]: value });
  const john = request();

  test('"*" in a key policy means this key; the key ARN itself also matches', () => {
    expect(decide(policy({ Effect: 'Allow', Principal: app, Action: 'kms:*', Resource: KEY_ARN })).decision).toBe('Allow');
    expect(decide(policy({ Effect: 'Allow', Principal: app, Action: 'kms:*', Resource: 'arn:aws:kms:us-east-1:111122223333:key/other' })).decision).toBe('ImplicitDeny');
  });

  test('IAM Resource must cover the key ARN', () => {
    expect(decide(keyAllowsAccount, [iam('Resource', KEY_ARN)], john).decision).toBe('Allow');
    expect(decide(keyAllowsAccount, [iam('Resource', 'arn:aws:kms:us-east-1:111122223333:key/*')], john).decision).toBe('Allow');
    expect(decide(keyAllowsAccount, [iam('Resource', 'arn:aws:kms:*:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab')], john).decision).toBe('Allow');
    expect(decide(keyAllowsAccount, [iam('Resource', 'arn:aws:kms:us-west-2:111122223333:key/*')], john).decision).toBe('ImplicitDeny');
  });

  test('an alias ARN as IAM Resource never matches the key, and the summary says to use the key ARN', () => {
    const d = decide(keyAllowsAccount, [iam('Resource', 'arn:aws:kms:us-east-1:111122223333:alias/app')], john);
    expect(d.decision).toBe('ImplicitDeny');
    expect(d.summary).toMatch(/alias ARN .* never matches the key/);
    expect(decide(keyAllowsAccount, [iam('Resource', 'arn:aws:kms:us-east-1:111122223333:alias/*')], john).decision).toBe('ImplicitDeny');
  });

  test('a key id as IAM Resource never matches', () => {
    const d = decide(keyAllowsAccount, [iam('Resource', '1234abcd-12ab-34cd-56ef-1234567890ab')], john);
    expect(d.decision).toBe('ImplicitDeny');
    expect(d.summary).toMatch(/not an ARN/);
  });

  test('a wildcard does not reach across ARN parts', () => {
    expect(decide(keyAllowsAccount, [iam('Resource', 'arn:aws:kms:us-east-1:*')], john).decision).toBe('ImplicitDeny');
  });

  test('NotResource covers everything it does not list', () => {
    expect(decide(keyAllowsAccount, [iam('NotResource', 'arn:aws:kms:us-west-2:111122223333:key/*')], john).decision).toBe('Allow');
    expect(decide(keyAllowsAccount, [iam('NotResource', KEY_ARN)], john).decision).toBe('ImplicitDeny');
  });
});

describe('invalid parts are treated as not matching, and say so', () => {
  test.each([
    ['missing Resource', { Effect: 'Allow', Principal: app, Action: 'kms:*' }, /no Resource/],
    ['missing Action', { Effect: 'Allow', Principal: app, Resource: '*' }, /no Action/],
    ['missing Effect', { Principal: app, Action: 'kms:*', Resource: '*' }, /no Effect/],
    ['lower-case effect', { Effect: 'allow', Principal: app, Action: 'kms:*', Resource: '*' }, /neither "Allow" nor "Deny"/],
    ['missing Principal', { Effect: 'Allow', Action: 'kms:*', Resource: '*' }, /no Principal/],
    ['Principal as a bare ARN string', { Effect: 'Allow', Principal: 'arn:aws:iam::111122223333:role/app', Action: 'kms:*', Resource: '*' }, /neither "\*" nor an object/],
    ['Principal as an array', { Effect: 'Allow', Principal: [app], Action: 'kms:*', Resource: '*' }, /neither "\*" nor an object/],
    ['misspelled element', { Effect: 'Allow', Principal: app, Actions: 'kms:*', Resource: '*' }, /"Actions" \(did you mean "Action"\?\)/],
    ['Action holding a number', { Effect: 'Allow', Principal: app, Action: 7, Resource: '*' }, /not a string/],
    ['Condition as a list', { Effect: 'Allow', Principal: app, Action: 'kms:*', Resource: '*', Condition: [] }, /not an object of operators/],
  ])('%s', (_, statement, message) => {
    const d = decide(policy(statement));
    expect(d.decision).toBe('ImplicitDeny');
    const t = d.keyPolicy.statements[0]!;
    expect(t.applies).toBe(false);
    expect(`${t.reason}\n${t.problems.join('\n')}`).toMatch(message);
  });

  test('a Principal in an IAM policy makes that statement invalid', () => {
    const keyPolicy = policy({ Effect: 'Allow', Principal: root, Action: 'kms:*', Resource: '*' });
    const d = decide(keyPolicy, [policy({ Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' })], request());
    expect(d.decision).toBe('ImplicitDeny');
    expect(d.iam!.statements[0]!.problems.join()).toMatch(/identity \(IAM\) policy cannot have Principal/);
  });

  test.each([null, 'text', 42, [], {}, { Statement: 'x' }, { Statement: [null, 1, 'a'] }])('document %j: no throw, implicit deny', (doc) => {
    const d = evaluate(request(), { keyPolicy: doc, iamPolicies: [doc] });
    expect(d.decision).toBe('ImplicitDeny');
    expect(d.summary.length).toBeGreaterThan(10);
  });

  test('Statement may be a single object', () => {
    expect(decide({ Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: app, Action: 'kms:*', Resource: '*' } }).decision).toBe('Allow');
  });

  test('an invalid principal ARN in the request is denied with a note, not thrown', () => {
    const d = evaluate(request({ principal: 'John' }), { keyPolicy: policy({ Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' }), iamPolicies: [] });
    expect(d.decision).toBe('ImplicitDeny');
    expect(d.summary).toMatch(/"John" is not an IAM principal ARN/);
  });
});
