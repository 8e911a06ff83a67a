// Condition operators, one table row each, following the IAM User Guide's
// "IAM JSON policy elements: Condition operators" and "Conditions with
// multiple context keys or values" pages.
import { describe, expect, test } from 'vitest';
import { evaluate, type KmsRequest } from '../../../src/core/evaluate/index.js';
import { APP_SESSION, policy, request } from './fixtures.js';

/** Evaluates an Allow for the app role with one Condition block; returns whether it allowed. */
function allows(condition: unknown, ctx: KmsRequest['context'] = {}, extra: Partial<KmsRequest> = {}): boolean {
  const keyPolicy = policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'kms:*', Resource: '*', Condition: condition });
  return evaluate(request({ principal: APP_SESSION, context: ctx, ...extra }), { keyPolicy, iamPolicies: [] }).decision === 'Allow';
}

describe('string operators', () => {
  test.each([
    ['StringEquals', 'abc', 'abc', true],
    ['StringEquals', 'abc', 'ABC', false],
    ['StringEquals', 'a*', 'abc', false], // wildcards are literal in StringEquals
    ['StringNotEquals', 'abc', 'abd', true],
    ['StringNotEquals', 'abc', 'abc', false],
    ['StringEqualsIgnoreCase', 'abc', 'ABC', true],
    ['StringNotEqualsIgnoreCase', 'abc', 'ABC', false],
    ['StringLike', 'a*c', 'abbbc', true],
    ['StringLike', 'a?c', 'abc', true],
    ['StringLike', 'a?c', 'abbc', false],
    ['StringLike', 'A*', 'abc', false], // case-sensitive
    ['StringNotLike', 'x*', 'abc', true],
    ['StringNotLike', 'a*', 'abc', false],
  ])('%s %j against %j -> %s', (op, expected, actual, result) => {
    expect(allows({ [op]: { 'aws:PrincipalTag/team': expected } }, { 'aws:PrincipalTag/team': actual })).toBe(result);
  });

  test('several values for one key are ORed; negated operators NOR them', () => {
    expect(allows({ StringEquals: { 'test:k': ['x', 'y'] } }, { 'test:k': 'y' })).toBe(true);
    expect(allows({ StringNotEquals: { 'test:k': ['x', 'y'] } }, { 'test:k': 'y' })).toBe(false);
    expect(allows({ StringNotEquals: { 'test:k': ['x', 'y'] } }, { 'test:k': 'z' })).toBe(true);
  });

  test('several keys under one operator, and several operators, are ANDed', () => {
    const both = { StringEquals: { 'test:a': '1', 'test:b': '2' } };
    expect(allows(both, { 'test:a': '1', 'test:b': '2' })).toBe(true);
    expect(allows(both, { 'test:a': '1', 'test:b': '3' })).toBe(false);
    const two = { StringEquals: { 'test:a': '1' }, StringLike: { 'test:b': '2*' } };
    expect(allows(two, { 'test:a': '1', 'test:b': '20' })).toBe(true);
    expect(allows(two, { 'test:a': '0', 'test:b': '20' })).toBe(false);
  });

  test('condition key names are case-insensitive; values are not', () => {
    expect(allows({ StringEquals: { 'KMS:CALLERACCOUNT': '111122223333' } })).toBe(true);
    expect(allows({ StringEquals: { 'kms:calleraccount': '111122223333' } })).toBe(true);
    expect(allows({ StringEquals: { 'Test:Key': 'v' } }, { 'test:key': 'v' })).toBe(true);
  });

  test('a missing key fails positive operators and passes negated ones', () => {
    expect(allows({ StringEquals: { 'test:absent': 'x' } })).toBe(false);
    expect(allows({ StringLike: { 'test:absent': '*' } })).toBe(false);
    expect(allows({ StringNotEquals: { 'test:absent': 'x' } })).toBe(true);
    expect(allows({ StringNotLike: { 'test:absent': '*' } })).toBe(true);
  });

  test('policy variables resolve from the request in 2012-10-17 documents', () => {
    expect(allows({ StringEquals: { 'kms:CallerAccount': '${aws:PrincipalAccount}' } })).toBe(true);
    expect(allows({ StringEquals: { 'test:k': '${aws:PrincipalTag/absent}' } }, { 'test:k': '' })).toBe(false);
    expect(allows({ StringEquals: { 'test:k': "${aws:PrincipalTag/absent, 'none'}" } }, { 'test:k': 'none' })).toBe(true);
    expect(allows({ StringLike: { 'test:k': 'a${*}' } }, { 'test:k': 'a*' })).toBe(true);
    expect(allows({ StringLike: { 'test:k': 'a${*}' } }, { 'test:k': 'abc' })).toBe(false); // ${*} is a literal star
  });

  // A backtracking RegExp would not finish this within the test timeout.
  test('pathological wildcards are matched without exponential backtracking', () => {
    expect(allows({ StringLike: { 'test:k': `${'*a'.repeat(30)}b` } }, { 'test:k': 'a'.repeat(5000) })).toBe(false);
    expect(allows({ StringLike: { 'test:k': `${'*a'.repeat(30)}*` } }, { 'test:k': 'a'.repeat(5000) })).toBe(true);
  });
});

describe('numeric operators', () => {
  test.each([
    ['NumericEquals', '10', '10', true],
    ['NumericEquals', '10', '10.0', true],
    ['NumericNotEquals', '10', '11', true],
    ['NumericLessThan', '10', '9', true],
    ['NumericLessThan', '10', '10', false],
    ['NumericLessThanEquals', '10', '10', true],
    ['NumericGreaterThan', '10', '11', true],
    ['NumericGreaterThan', '10', '10', false],
    ['NumericGreaterThanEquals', '10', '10', true],
  ])('%s %s against request %s -> %s', (op, expected, actual, result) => {
    expect(allows({ [op]: { 'test:n': expected } }, { 'test:n': actual })).toBe(result);
  });

  test('a policy value that is not a number makes the condition impossible, with the reason', () => {
    const keyPolicy = policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'kms:*', Resource: '*', Condition: { NumericLessThan: { 'test:n': 'ten' } } });
    const d = evaluate(request({ principal: APP_SESSION, context: { 'test:n': '1' } }), { keyPolicy, iamPolicies: [] });
    expect(d.decision).toBe('ImplicitDeny');
    expect(d.keyPolicy.statements[0]!.reason).toMatch(/"ten" is not a valid Numeric value/);
  });

  test('a request value that is not a number never matches, even for a negated operator', () => {
    expect(allows({ NumericNotEquals: { 'test:n': '1' } }, { 'test:n': 'abc' })).toBe(false);
  });
});

describe('date operators', () => {
  test.each([
    ['DateEquals', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', true],
    ['DateNotEquals', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', true],
    ['DateLessThan', '2026-01-01T00:00:00Z', '2025-12-31T23:59:59Z', true],
    ['DateLessThan', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', false],
    ['DateLessThanEquals', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', true],
    ['DateGreaterThan', '2026-01-01', '2026-06-01T10:00:00Z', true],
    ['DateGreaterThanEquals', '2026-01-01T00:00:00Z', '2025-01-01T00:00:00Z', false],
    // UNIX epoch seconds on either side
    ['DateEquals', '1767225600', '2026-01-01T00:00:00Z', true],
    ['DateLessThan', '2026-01-01T00:00:00Z', '1767225599', true],
  ])('%s %s against %s -> %s', (op, expected, actual, result) => {
    expect(allows({ [op]: { 'aws:CurrentTime': expected } }, { 'aws:CurrentTime': actual })).toBe(result);
  });
});

describe('Bool, Null, Binary, IP address and ARN operators', () => {
  test('Bool compares true/false without regard to case, from JSON booleans or strings', () => {
    expect(allows({ Bool: { 'aws:SecureTransport': true } }, { 'aws:SecureTransport': true })).toBe(true);
    expect(allows({ Bool: { 'aws:SecureTransport': 'TRUE' } }, { 'aws:SecureTransport': 'true' })).toBe(true);
    expect(allows({ Bool: { 'aws:SecureTransport': 'false' } }, { 'aws:SecureTransport': true })).toBe(false);
    expect(allows({ Bool: { 'aws:SecureTransport': 'yes' } }, { 'aws:SecureTransport': true })).toBe(false);
  });

  test('kms:GrantIsForAWSResource is true only when a service makes the call', () => {
    const cond = { Bool: { 'kms:GrantIsForAWSResource': true } };
    expect(allows(cond, {}, { action: 'kms:CreateGrant', viaService: 'ec2.us-east-1.amazonaws.com' })).toBe(true);
    expect(allows(cond, {}, { action: 'kms:CreateGrant' })).toBe(false);
  });

  test('Null: "true" means the key must be absent, "false" present', () => {
    expect(allows({ Null: { 'kms:ViaService': 'true' } })).toBe(true);
    expect(allows({ Null: { 'kms:ViaService': 'false' } })).toBe(false);
    expect(allows({ Null: { 'kms:ViaService': false } }, {}, { viaService: 's3.us-east-1.amazonaws.com' })).toBe(true);
  });

  test('BinaryEquals compares the base64 text', () => {
    expect(allows({ BinaryEquals: { 'test:b': 'QmluYXJ5' } }, { 'test:b': 'QmluYXJ5' })).toBe(true);
    expect(allows({ BinaryEquals: { 'test:b': 'QmluYXJ5' } }, { 'test:b': 'QmluYXJZ' })).toBe(false);
  });

  test.each([
    ['IpAddress', '203.0.113.0/24', '203.0.113.7', true],
    ['IpAddress', '203.0.113.0/24', '203.0.114.7', false],
    ['IpAddress', '203.0.113.7', '203.0.113.7', true],
    ['NotIpAddress', '203.0.113.0/24', '198.51.100.1', true],
    ['IpAddress', '2001:db8::/32', '2001:db8:1::5', true],
    ['IpAddress', '2001:db8::/32', '2001:db9::5', false],
  ])('%s %s against %s -> %s', (op, expected, actual, result) => {
    expect(allows({ [op]: { 'aws:SourceIp': expected } }, { 'aws:SourceIp': actual })).toBe(result);
  });

  test.each([
    ['ArnEquals', 'arn:aws:iam::111122223333:role/app', true],
    ['ArnLike', 'arn:aws:iam::111122223333:role/*', true],
    ['ArnLike', 'arn:aws:iam::*:role/app', true],
    ['ArnLike', 'arn:aws:iam::444455556666:role/*', false],
    ['ArnNotEquals', 'arn:aws:iam::111122223333:role/other', true],
    ['ArnNotLike', 'arn:aws:iam::111122223333:*', false],
    ['ArnLike', 'not-an-arn', false],
  ])('%s %s against the session role ARN (aws:PrincipalArn) -> %s', (op, expected, result) => {
    expect(allows({ [op]: { 'aws:PrincipalArn': expected } })).toBe(result);
  });

  test('aws:PrincipalArn of a session is its role ARN, not the session ARN', () => {
    expect(allows({ StringEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/app' } })).toBe(true);
    expect(allows({ StringEquals: { 'aws:PrincipalArn': APP_SESSION } })).toBe(false);
  });

  test('aws:PrincipalAccount and aws:PrincipalType are filled in', () => {
    expect(allows({ StringEquals: { 'aws:PrincipalAccount': '111122223333', 'aws:PrincipalType': 'AssumedRole' } })).toBe(true);
  });
});

describe('...IfExists', () => {
  test('passes when the key is missing, checks it when present', () => {
    const cond = { StringEqualsIfExists: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } };
    expect(allows(cond)).toBe(true);
    expect(allows(cond, {}, { viaService: 's3.us-east-1.amazonaws.com' })).toBe(true);
    expect(allows(cond, {}, { viaService: 'sqs.us-east-1.amazonaws.com' })).toBe(false);
  });

  test('works on other families too', () => {
    expect(allows({ NumericLessThanIfExists: { 'test:n': '5' } })).toBe(true);
    expect(allows({ NumericLessThanIfExists: { 'test:n': '5' } }, { 'test:n': '9' })).toBe(false);
    expect(allows({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } })).toBe(true);
  });
});

describe('set operators', () => {
  test('ForAllValues: true when the key is absent (so it allows direct calls on kms:ViaService)', () => {
    expect(allows({ 'ForAllValues:StringEquals': { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } })).toBe(true);
  });

  test('ForAnyValue: false when the key is absent; true when one value matches', () => {
    const cond = { 'ForAnyValue:StringLike': { 'test:tags': 'env-*' } };
    expect(allows(cond)).toBe(false);
    expect(allows(cond, { 'test:tags': ['team-a', 'env-prod'] })).toBe(true);
    expect(allows(cond, { 'test:tags': ['team-a'] })).toBe(false);
  });

  test('ForAllValues: every request value must match one policy value', () => {
    const cond = { 'ForAllValues:StringEquals': { 'test:tags': ['a', 'b'] } };
    expect(allows(cond, { 'test:tags': ['a', 'b'] })).toBe(true);
    expect(allows(cond, { 'test:tags': ['a', 'c'] })).toBe(false);
  });

  test('negated operators under set prefixes apply per request value', () => {
    expect(allows({ 'ForAnyValue:StringNotEquals': { 'test:tags': 'a' } }, { 'test:tags': ['a', 'b'] })).toBe(true);
    expect(allows({ 'ForAllValues:StringNotEquals': { 'test:tags': 'a' } }, { 'test:tags': ['a', 'b'] })).toBe(false);
  });

  test('a multivalued request key under a plain operator is treated as not met, and the trace says why', () => {
    const keyPolicy = policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'kms:*', Resource: '*', Condition: { StringEquals: { 'test:tags': 'a' } } });
    const d = evaluate(request({ principal: APP_SESSION, context: { 'test:tags': ['a', 'b'] } }), { keyPolicy, iamPolicies: [] });
    expect(d.decision).toBe('ImplicitDeny');
    expect(d.keyPolicy.statements[0]!.reason).toMatch(/needs ForAnyValue: or ForAllValues:/);
  });

  test('set prefixes and operator names are read without regard to case', () => {
    expect(allows({ 'foranyvalue:stringequals': { 'test:tags': 'a' } }, { 'test:tags': ['a'] })).toBe(true);
  });
});
