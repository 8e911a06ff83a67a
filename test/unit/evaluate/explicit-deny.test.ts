// Explicit Deny wins over every Allow, in the key policy or in IAM
// [IAM reference_policies_evaluation-logic_policy-eval-denyallow]. One open
// source evaluator ignores a Deny on kms:EncryptionContext:<key> and answers
// Allow: these tests pin that the Deny wins.
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../../src/core/evaluate/index.js';
import { APP_SESSION, fixture, JOHN, KEY_ARN, policy, request, SECRETS_US_EAST_1 } from './fixtures.js';

const ecKeyPolicy = fixture('key-policy-deny-encryption-context.json');

describe('encryption context', () => {
  test('a Deny on kms:EncryptionContext:tenant wins when the context names another tenant', () => {
    const d = evaluate(request({ principal: APP_SESSION, encryptionContext: { tenant: 'globex' } }), { keyPolicy: ecKeyPolicy, iamPolicies: [] });
    expect(d.decision).toBe('ExplicitDeny');
    expect(d.summary).toMatch(/"DenyOtherTenants" denies kms:Decrypt/);
    expect(d.keyPolicy.statements[1]!.conditions[0]).toMatchObject({ key: 'kms:EncryptionContext:tenant', actual: ['globex'], passed: true });
  });

  test('the same Deny applies when there is no encryption context at all (negated operator, key missing)', () => {
    const d = evaluate(request({ principal: APP_SESSION }), { keyPolicy: ecKeyPolicy, iamPolicies: [] });
    expect(d.decision).toBe('ExplicitDeny');
    expect(d.summary).toMatch(/no encryption context pair "tenant"/);
  });

  test('the matching tenant is allowed', () => {
    expect(evaluate(request({ principal: APP_SESSION, encryptionContext: { tenant: 'acme' } }), { keyPolicy: ecKeyPolicy, iamPolicies: [] }).decision).toBe('Allow');
  });

  test('the Deny only covers Decrypt: Encrypt with another tenant is allowed', () => {
    expect(evaluate(request({ principal: APP_SESSION, action: 'kms:Encrypt', encryptionContext: { tenant: 'globex' } }), { keyPolicy: ecKeyPolicy, iamPolicies: [] }).decision).toBe('Allow');
  });

  test('the context key in the condition name is matched without regard to case; the value is case-sensitive', () => {
    const d = evaluate(request({ principal: APP_SESSION, encryptionContext: { TENANT: 'acme' } }), { keyPolicy: ecKeyPolicy, iamPolicies: [] });
    expect(d.decision).toBe('Allow');
    const upper = evaluate(request({ principal: APP_SESSION, encryptionContext: { tenant: 'ACME' } }), { keyPolicy: ecKeyPolicy, iamPolicies: [] });
    expect(upper.decision).toBe('ExplicitDeny');
  });

  test('an Allow conditioned on the encryption context allows only that context', () => {
    const keyPolicy = policy({
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111122223333:role/app' },
      Action: 'kms:Decrypt',
      Resource: '*',
      Condition: { StringEquals: { 'kms:EncryptionContext:SecretARN': 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf' } },
    });
    const ok = request({ principal: APP_SESSION, encryptionContext: { SecretARN: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf' } });
    expect(evaluate(ok, { keyPolicy, iamPolicies: [] }).decision).toBe('Allow');
    const other = evaluate(request({ principal: APP_SESSION, encryptionContext: { SecretARN: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:other' } }), { keyPolicy, iamPolicies: [] });
    expect(other.decision).toBe('ImplicitDeny');
    expect(other.summary).toMatch(/only with encryption context SecretARN = .*db-AbCdEf/);
    expect(evaluate(request({ principal: APP_SESSION }), { keyPolicy, iamPolicies: [] }).decision).toBe('ImplicitDeny');
  });

  test('DescribeKey carries no encryption context, so an encryption-context Allow never allows it', () => {
    const keyPolicy = policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'kms:DescribeKey', Resource: '*', Condition: { StringEquals: { 'kms:EncryptionContext:a': 'b' } } });
    const d = evaluate(request({ principal: APP_SESSION, action: 'kms:DescribeKey', encryptionContext: { a: 'b' } }), { keyPolicy, iamPolicies: [] });
    expect(d.decision).toBe('ImplicitDeny');
    expect(d.notes.join()).toMatch(/carries no encryption context/);
  });

  test('kms:EncryptionContextKeys is a set: ForAllValues limits the keys, ForAnyValue requires one', () => {
    const only = (set: string) =>
      policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'kms:Decrypt', Resource: '*', Condition: { [`${set}:StringEquals`]: { 'kms:EncryptionContextKeys': ['tenant', 'env'] } } });
    const run = (set: string, ec?: Record<string, string>) => evaluate(request({ principal: APP_SESSION, ...(ec ? { encryptionContext: ec } : {}) }), { keyPolicy: only(set), iamPolicies: [] }).decision;
    expect(run('ForAllValues', { tenant: 'a', env: 'b' })).toBe('Allow');
    expect(run('ForAllValues', { tenant: 'a', extra: 'x' })).toBe('ImplicitDeny');
    expect(run('ForAllValues')).toBe('Allow'); // no context: ForAllValues is true when the key is absent
    expect(run('ForAnyValue', { extra: 'x', env: 'b' })).toBe('Allow');
    expect(run('ForAnyValue', { extra: 'x' })).toBe('ImplicitDeny');
    expect(run('ForAnyValue')).toBe('ImplicitDeny');
  });
});

describe('explicit Deny wins', () => {
  const allowApp = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'kms:*', Resource: '*' };

  test('a key policy Deny for direct calls (StringNotEquals kms:ViaService) blocks a direct call', () => {
    const keyPolicy = policy(allowApp, {
      Sid: 'DenyDirect',
      Effect: 'Deny',
      Principal: '*',
      Action: ['kms:Decrypt', 'kms:Encrypt'],
      Resource: '*',
      Condition: { StringNotEquals: { 'kms:ViaService': SECRETS_US_EAST_1 } },
    });
    const direct = evaluate(request({ principal: APP_SESSION }), { keyPolicy, iamPolicies: [] });
    expect(direct.decision).toBe('ExplicitDeny');
    expect(direct.summary).toMatch(/kms:ViaService is absent: the call came directly/);
    expect(evaluate(request({ principal: APP_SESSION, viaService: SECRETS_US_EAST_1 }), { keyPolicy, iamPolicies: [] }).decision).toBe('Allow');
  });

  test('an IAM Deny beats a key policy Allow that names the principal', () => {
    const iamDeny = policy({ Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*' });
    const d = evaluate(request({ principal: APP_SESSION }), { keyPolicy: policy(allowApp), iamPolicies: [iamDeny] });
    expect(d.decision).toBe('ExplicitDeny');
    expect(d.summary).toMatch(/IAM policy 1 statement 1 denies/);
  });

  test('a Deny naming the account root covers the principals of that account', () => {
    const keyPolicy = policy(allowApp, { Effect: 'Deny', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:Decrypt', Resource: '*' });
    expect(evaluate(request({ principal: APP_SESSION }), { keyPolicy, iamPolicies: [] }).decision).toBe('ExplicitDeny');
  });

  test('a Deny that does not cover the action leaves the Allow in force', () => {
    const keyPolicy = policy(allowApp, { Effect: 'Deny', Principal: '*', Action: 'kms:ScheduleKeyDeletion', Resource: '*' });
    expect(evaluate(request({ principal: APP_SESSION }), { keyPolicy, iamPolicies: [] }).decision).toBe('Allow');
  });

  test('Deny + NotPrincipal: the listed role, its session and account escape; partial lists do not', () => {
    const deny = (names: string[]) => policy(allowApp, { Effect: 'Deny', NotPrincipal: { AWS: names }, Action: 'kms:*', Resource: '*' });
    const full = ['arn:aws:iam::111122223333:role/app', APP_SESSION, 'arn:aws:iam::111122223333:root'];
    expect(evaluate(request({ principal: APP_SESSION }), { keyPolicy: deny(full), iamPolicies: [] }).decision).toBe('Allow');
    const partial = evaluate(request({ principal: APP_SESSION }), { keyPolicy: deny(['arn:aws:iam::111122223333:role/app']), iamPolicies: [] });
    expect(partial.decision).toBe('ExplicitDeny');
    expect(partial.keyPolicy.statements[1]!.reason).toMatch(/only in part/);
    expect(evaluate(request({ principal: JOHN }), { keyPolicy: policy({ ...allowApp, Principal: { AWS: JOHN } }, { Effect: 'Deny', NotPrincipal: { AWS: full }, Action: 'kms:*', Resource: '*' }), iamPolicies: [] }).decision).toBe('ExplicitDeny');
  });

  test('Allow + NotPrincipal covers everyone not listed (like "*")', () => {
    const keyPolicy = policy({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:user/Mallory' }, Action: 'kms:Decrypt', Resource: '*' });
    const d = evaluate(request(), { keyPolicy, iamPolicies: [] });
    expect(d.decision).toBe('Allow');
    expect(evaluate(request({ principal: 'arn:aws:iam::111122223333:user/Mallory' }), { keyPolicy, iamPolicies: [] }).decision).toBe('ImplicitDeny');
  });

  test('a malformed Deny (unknown operator) is treated as not matching, and says so', () => {
    const keyPolicy = policy(allowApp, { Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*', Condition: { StringEqual: { 'kms:ViaService': 'x' } } });
    const d = evaluate(request({ principal: APP_SESSION }), { keyPolicy, iamPolicies: [] });
    expect(d.decision).toBe('Allow');
    expect(d.keyPolicy.statements[1]!.reason).toMatch(/unknown condition operator "StringEqual" \(did you mean "StringEquals"\?\)/);
  });

  test('IAM Deny on a key ARN pattern applies; on an unrelated key it does not', () => {
    const allow = policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' });
    const iam = (resource: string) => [policy({ Effect: 'Allow', Action: 'kms:*', Resource: '*' }), policy({ Effect: 'Deny', Action: 'kms:*', Resource: resource })];
    expect(evaluate(request(), { keyPolicy: allow, iamPolicies: iam('arn:aws:kms:*:111122223333:key/*') }).decision).toBe('ExplicitDeny');
    expect(evaluate(request(), { keyPolicy: allow, iamPolicies: iam('arn:aws:kms:us-west-2:111122223333:key/*') }).decision).toBe('Allow');
    expect(KEY_ARN).toMatch(/us-east-1/);
  });
});
