import { describe, expect, test } from 'vitest';
import { accessMatrix, meetsExpectation, type MatrixRow } from '../../../src/core/evaluate/matrix.js';
import { fixture, KEY_ARN, policy } from './fixtures.js';

const bySuffix = (rows: MatrixRow[], text: string) => rows.filter((r) => r.scenario.includes(text));
const decisions = (rows: MatrixRow[]) => Object.fromEntries(rows.map((r) => [r.scenario, r.decision]));

describe('access matrix of the corrected Secrets Manager example', () => {
  const rows = accessMatrix({ keyPolicy: fixture('key-policy-root-via-secrets.json'), keyArn: KEY_ARN, iamPolicies: [fixture('iam-john.json')] });

  test('has the scenario rows, each with a decision and a reason', () => {
    expect(decisions(rows)).toEqual({
      'a role in 111122223333 with its IAM policy via AWS Secrets Manager in us-east-1': 'Allow',
      'a role in 111122223333 with its IAM policy calling KMS directly': 'ImplicitDeny',
      'a role in 111122223333 with its IAM policy via Amazon S3 in us-east-1 (a service the policy does not name)': 'ImplicitDeny',
      'a role in 111122223333 with its IAM policy via AWS Secrets Manager in us-west-2 (another Region)': 'ImplicitDeny',
      'a principal of 111122223333 with no IAM policy via AWS Secrets Manager in us-east-1': 'ImplicitDeny',
      'a principal of another account (999988887777) whose own IAM policy allows the key via AWS Secrets Manager in us-east-1': 'ImplicitDeny',
    });
    for (const r of rows) expect(r.reason).toMatch(/^(allowed|denied)/);
    expect(bySuffix(rows, 'directly')[0]!.reason).toMatch(/this call came directly/);
    expect(rows.every((r) => r.expected === undefined && meetsExpectation(r))).toBe(true);
  });

  test('rows carry the request they evaluated', () => {
    const via = rows[0]!;
    expect(via.request).toEqual({ principal: 'arn:aws:iam::111122223333:role/consumer', action: 'kms:Decrypt', keyArn: KEY_ARN, viaService: 'secretsmanager.us-east-1.amazonaws.com' });
    expect(bySuffix(rows, 'directly')[0]!.request.viaService).toBeUndefined();
  });
});

test('"*" with CallerAccount: a principal with no IAM policy is allowed through the service', () => {
  const rows = accessMatrix({ keyPolicy: fixture('key-policy-star-via-secrets.json'), keyArn: KEY_ARN });
  expect(bySuffix(rows, 'with no IAM policy')[0]!.decision).toBe('Allow');
  expect(bySuffix(rows, 'another account')[0]!.decision).toBe('ImplicitDeny');
});

test('the default root kms:* statement shows up as an allowed direct call', () => {
  const rows = accessMatrix({ keyPolicy: fixture('key-policy-default-plus-via.json'), keyArn: KEY_ARN, iamPolicies: [fixture('iam-john.json')] });
  expect(bySuffix(rows, 'directly')[0]!.decision).toBe('Allow');
  expect(bySuffix(rows, 'another Region')[0]!.decision).toBe('Allow');
});

test('named consumers are used as given; account ids become a role of that account', () => {
  const rows = accessMatrix({
    keyPolicy: policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:ViaService': 'sqs.us-east-1.amazonaws.com' } } }),
    keyArn: KEY_ARN,
    consumers: ['arn:aws:iam::111122223333:role/app', '444455556666', 'not-a-principal'],
  });
  expect(bySuffix(rows, 'role/app in 111122223333 via Amazon SQS in us-east-1')[0]!.decision).toBe('Allow');
  expect(bySuffix(rows, 'a role in 444455556666 via Amazon SQS')[0]!.decision).toBe('ImplicitDeny');
  expect(rows.some((r) => r.scenario.includes('not-a-principal'))).toBe(false);
});

test('consumers are derived from the key policy: named roles, account roots, and "*" with kms:CallerAccount', () => {
  const rows = accessMatrix({
    keyPolicy: policy(
      { Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111122223333:role/app', 'arn:aws:iam::444455556666:root'] }, Action: 'kms:Decrypt', Resource: '*' },
      { Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:CallerAccount': '555566667777' } } },
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/admin' }, Action: 'kms:Put*', Resource: '*' },
    ),
    keyArn: KEY_ARN,
  });
  const who = new Set(rows.filter((r) => r.scenario.endsWith('directly') && !r.scenario.startsWith('a principal')).map((r) => r.request.principal));
  expect(who).toEqual(new Set(['arn:aws:iam::111122223333:role/app', 'arn:aws:iam::444455556666:role/consumer', 'arn:aws:iam::555566667777:role/consumer']));
});

test('scoped IAM policies attach only to consumers of their account', () => {
  const iam = (account: string) => ({ account, policy: policy({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: KEY_ARN }) });
  const keyPolicy = policy({ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111122223333:root', 'arn:aws:iam::444455556666:root'] }, Action: 'kms:Decrypt', Resource: '*' });
  const rows = accessMatrix({ keyPolicy, keyArn: KEY_ARN, iamPolicies: [iam('444455556666')], consumers: ['111122223333', '444455556666'] });
  expect(bySuffix(rows, 'a role in 111122223333 calling KMS directly')[0]!.decision).toBe('ImplicitDeny');
  expect(bySuffix(rows, 'a role in 444455556666 with its IAM policy calling KMS directly')[0]!.decision).toBe('Allow');
});

test('a multi-Region key is used through its replica in the service Region', () => {
  const mrk = 'arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab';
  const keyPolicy = policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:ViaService': ['s3.us-east-1.amazonaws.com', 's3.eu-west-1.amazonaws.com'] } } });
  const iam = policy({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:*:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab' });
  const rows = accessMatrix({ keyPolicy, keyArn: mrk, iamPolicies: [iam] });
  const eu = bySuffix(rows, 'via Amazon S3 in eu-west-1')[0]!;
  expect(eu.request.keyArn).toBe('arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab');
  expect(eu.decision).toBe('Allow');
});

test('a single-Region key used through another Region says the service there cannot use it', () => {
  const keyPolicy = policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } } });
  const row = bySuffix(accessMatrix({ keyPolicy, keyArn: KEY_ARN }), 'in eu-west-1')[0]!;
  expect(row.reason).toMatch(/single-Region key lives in us-east-1/);
});

test('with an intent, each row says what it should be, and meetsExpectation compares allow vs deny', () => {
  const rows = accessMatrix({
    keyPolicy: fixture('key-policy-default-plus-via.json'),
    keyArn: KEY_ARN,
    iamPolicies: [fixture('iam-john.json')],
    intent: { viaServices: ['secretsmanager.us-east-1.amazonaws.com'], consumerAccounts: ['111122223333'], principalWithoutIamAllowed: false },
  });
  const direct = bySuffix(rows, 'directly')[0]!;
  expect(direct.expected).toBe('ImplicitDeny');
  expect(meetsExpectation(direct)).toBe(false); // the default statement bypasses the restriction
  expect(meetsExpectation(bySuffix(rows, 'via AWS Secrets Manager in us-east-1')[0]!)).toBe(true);
});

test.each([null, 42, 'x', {}, { keyArn: 'alias/app' }])('odd input %j gives no rows, no throw', (input) => {
  expect(accessMatrix(input as never)).toEqual([]);
});

test('ViaService values with a wildcard Region stand for the key Region', () => {
  const keyPolicy = policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringLike: { 'kms:ViaService': 'sqs.*.amazonaws.com' } } });
  const row = bySuffix(accessMatrix({ keyPolicy, keyArn: KEY_ARN }), 'via Amazon SQS in us-east-1')[0]!;
  expect(row.decision).toBe('Allow');
});
