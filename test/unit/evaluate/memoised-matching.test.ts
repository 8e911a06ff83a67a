// The evaluator tokenises each wildcard pattern once and reads each
// statement's Principal once (the access comparison and the matrix evaluate
// hundreds of requests against the same statements). These check that the
// remembered forms never change an answer: case-sensitive and -insensitive
// uses of one pattern stay apart, a pattern seen before answers as when new,
// one object used as Principal in one statement and NotPrincipal in
// another is read for each, and a caller's object changed between two
// evaluations is read again.
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../../src/core/evaluate/index.js';
import { wildcardMatch } from '../../../src/core/evaluate/wildcard.js';
import { APP_SESSION, policy, request } from './fixtures.js';

describe('wildcardMatch with remembered patterns', () => {
  test('one pattern, matched with and without case, in either order', () => {
    for (let round = 0; round < 2; round++) {
      expect(wildcardMatch('kms:Decrypt', 'KMS:DECRYPT', true)).toBe(true);
      expect(wildcardMatch('kms:Decrypt', 'KMS:DECRYPT')).toBe(false);
      expect(wildcardMatch('kms:Gen*', 'kms:generatedatakey', true)).toBe(true);
      expect(wildcardMatch('kms:Gen*', 'kms:generatedatakey')).toBe(false);
      expect(wildcardMatch('a?c', 'abc')).toBe(true);
      expect(wildcardMatch('a?c', 'abbc')).toBe(false);
    }
  });

  test('more patterns than the cache holds still match as they did', () => {
    const patterns = Array.from({ length: 2500 }, (_, i) => `p${i}-*-x`);
    for (const p of patterns) expect(wildcardMatch(p, `${p.slice(0, -4)}-mid-x`)).toBe(true);
    // The first ones were dropped from the cache on the way: they are compiled again, the same.
    expect(wildcardMatch(patterns[0]!, 'p0-anything-x')).toBe(true);
    expect(wildcardMatch(patterns[0]!, 'p0-anything-y')).toBe(false);
  });
});

describe('Principal read once per read statement', () => {
  test('a Principal object changed between two evaluate() calls is read again (library users may reuse their objects)', () => {
    const names: { AWS: string } = { AWS: 'arn:aws:iam::111122223333:role/app' };
    const keyPolicy = policy({ Effect: 'Allow', Principal: names, Action: 'kms:*', Resource: '*' });
    expect(evaluate(request({ principal: APP_SESSION }), { keyPolicy, iamPolicies: [] }).decision).toBe('Allow');
    names.AWS = 'arn:aws:iam::111122223333:role/other';
    expect(evaluate(request({ principal: APP_SESSION }), { keyPolicy, iamPolicies: [] }).decision).toBe('ImplicitDeny');
  });

  test('the same object as Principal (Allow) and as NotPrincipal (Deny) is read as each', () => {
    const names = { AWS: 'arn:aws:iam::111122223333:role/app' };
    const keyPolicy = policy(
      { Sid: 'Allow', Effect: 'Allow', Principal: names, Action: 'kms:*', Resource: '*' },
      { Sid: 'DenyOthers', Effect: 'Deny', NotPrincipal: names, Action: 'kms:Decrypt', Resource: '*' },
    );
    const app = evaluate(request({ principal: APP_SESSION }), { keyPolicy, iamPolicies: [] });
    const other = evaluate(request({ principal: 'arn:aws:sts::111122223333:assumed-role/other/s' }), { keyPolicy, iamPolicies: [] });
    // Twice each: the second evaluation reads the remembered Principal.
    expect(evaluate(request({ principal: APP_SESSION }), { keyPolicy, iamPolicies: [] })).toEqual(app);
    expect(evaluate(request({ principal: 'arn:aws:sts::111122223333:assumed-role/other/s' }), { keyPolicy, iamPolicies: [] })).toEqual(other);
    expect(other.decision).toBe('ExplicitDeny');
    expect(other.keyPolicy.statements[0]!.applies).toBe(false);
  });
});
