// Fuzzing: evaluate and accessMatrix take untrusted JSON and must never
// throw, whatever the shape; they answer with a decision or rows.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { evaluate, type KmsRequest } from '../../../src/core/evaluate/index.js';
import { accessMatrix } from '../../../src/core/evaluate/matrix.js';
import { KEY_ARN } from './fixtures.js';

const text = fc.oneof(
  fc.string(),
  fc.constantFrom('*', 'kms:*', 'kms:Decrypt', 'kms:Decr?pt', 'arn:aws:iam::111122223333:root', 'arn:aws:iam::111122223333:role/app', '111122223333', KEY_ARN,
    'secretsmanager.us-east-1.amazonaws.com', 'arn:aws:kms:*:111122223333:key/*', '${aws:PrincipalAccount}', 'true', '10', '2026-01-01T00:00:00Z', '10.0.0.0/8'),
);
const scalar = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), fc.double());
const oneOrMany = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }));
const operator = fc.oneof(
  fc.string(),
  fc.constantFrom('StringEquals', 'StringNotEquals', 'StringLike', 'ForAllValues:StringEquals', 'ForAnyValue:StringNotLike', 'ArnLike', 'Bool', 'Null',
    'NumericLessThan', 'DateGreaterThan', 'IpAddress', 'StringEqualsIfExists', 'BinaryEquals', 'NotIpAddress', 'ForAnyValue:Null'),
);
const key = fc.oneof(fc.string(), fc.constantFrom('kms:ViaService', 'kms:CallerAccount', 'kms:EncryptionContext:tenant', 'kms:EncryptionContextKeys', 'aws:PrincipalArn', 'aws:SourceIp'));
const condition = fc.oneof(fc.dictionary(operator, fc.oneof(fc.dictionary(key, oneOrMany, { maxKeys: 3 }), scalar), { maxKeys: 3 }), scalar);
const principal = fc.oneof(fc.constant('*'), fc.record({ AWS: oneOrMany }), fc.dictionary(fc.constantFrom('AWS', 'Service', 'Foo'), oneOrMany), scalar);
const statement = fc.oneof(
  fc.record(
    { Sid: scalar, Effect: fc.oneof(fc.constantFrom('Allow', 'Deny'), scalar), Principal: principal, NotPrincipal: principal, Action: oneOrMany, NotAction: oneOrMany, Resource: oneOrMany, NotResource: oneOrMany, Condition: condition },
    { requiredKeys: [] },
  ),
  fc.jsonValue(),
);
const documentArb = fc.oneof(
  fc.record({ Version: fc.oneof(fc.constant('2012-10-17'), scalar), Statement: fc.oneof(fc.array(statement, { maxLength: 5 }), statement) }, { requiredKeys: [] }),
  fc.jsonValue(),
);
const requestArb: fc.Arbitrary<KmsRequest> = fc.record({
  principal: fc.oneof(text, fc.constantFrom('arn:aws:sts::111122223333:assumed-role/app/s', 'arn:aws:iam::444455556666:user/x')),
  action: fc.oneof(text, fc.constantFrom('kms:Decrypt', 'kms:CreateGrant', 'kms:DescribeKey')),
  keyArn: fc.oneof(fc.constant(KEY_ARN), text),
  viaService: fc.option(text, { nil: undefined }),
  encryptionContext: fc.option(fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }), { nil: undefined }),
  context: fc.option(fc.dictionary(key, fc.oneof(fc.string(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }))), { nil: undefined }),
}, { requiredKeys: ['principal', 'action', 'keyArn'] }) as fc.Arbitrary<KmsRequest>;

test('evaluate never throws on arbitrary documents and requests', () => {
  fc.assert(
    fc.property(requestArb, documentArb, fc.array(documentArb, { maxLength: 3 }), (req, keyPolicy, iamPolicies) => {
      const d = evaluate(req, { keyPolicy, iamPolicies });
      expect(['Allow', 'ImplicitDeny', 'ExplicitDeny']).toContain(d.decision);
      expect(typeof d.summary).toBe('string');
      JSON.stringify(d); // the trace is plain data
    }),
    { numRuns: 3000 },
  );
});

test('accessMatrix never throws on arbitrary documents', () => {
  fc.assert(
    fc.property(documentArb, fc.array(documentArb, { maxLength: 2 }), fc.option(fc.array(text, { maxLength: 3 }), { nil: undefined }), (keyPolicy, iamPolicies, consumers) => {
      const rows = accessMatrix({ keyPolicy, keyArn: KEY_ARN, iamPolicies, ...(consumers ? { consumers } : {}) });
      expect(rows.length).toBeGreaterThan(0);
    }),
    { numRuns: 1500 },
  );
});

test('evaluate survives garbage in place of the request and policy set', () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.jsonValue(), (req, set) => {
      expect(() => evaluate(req as never, set as never)).not.toThrow();
    }),
    { numRuns: 1000 },
  );
});

test('deeply nested values are described, not printed (no stack overflow)', () => {
  let deep: unknown = [];
  for (let i = 0; i < 20000; i++) deep = [deep];
  const keyPolicy = { Statement: [{ Effect: 'Allow', Principal: deep, Action: deep, Resource: '*', Condition: { StringEquals: { 'kms:ViaService': deep } } }] };
  const d = evaluate({ principal: 'arn:aws:iam::111122223333:user/John', action: 'kms:Decrypt', keyArn: KEY_ARN }, { keyPolicy, iamPolicies: [deep] });
  expect(d.decision).toBe('ImplicitDeny');
  expect(JSON.stringify(d)).toContain('deeply nested list');
  expect(accessMatrix({ keyPolicy, keyArn: KEY_ARN }).length).toBeGreaterThan(0);
});
