// explain takes untrusted JSON: it must never throw, whatever the shape.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { explainPolicy } from '../../../src/core/explain/index.js';

const scalar = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('*', 'kms:*', 'arn:aws:iam::111122223333:root', 'secretsmanager.us-east-1.amazonaws.com', 'arn:aws:kms:us-east-1:111122223333:alias/x'));
const many = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }));
const statement = fc.oneof(
  fc.record(
    {
      Sid: scalar,
      Effect: fc.oneof(fc.constantFrom('Allow', 'Deny'), scalar),
      Principal: fc.oneof(fc.constant('*'), fc.dictionary(fc.constantFrom('AWS', 'Service', 'X'), many), scalar),
      NotPrincipal: fc.dictionary(fc.constantFrom('AWS', 'Service'), many),
      Action: many,
      NotAction: many,
      Resource: many,
      NotResource: many,
      Condition: fc.oneof(fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('StringEquals', 'StringNotEquals', 'ForAllValues:StringLike', 'Bool', 'Null', 'StringEqualsIfExists')), fc.oneof(fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('kms:ViaService', 'kms:CallerAccount', 'kms:EncryptionContext:a', 'kms:GrantIsForAWSResource', 'aws:SourceArn')), many), scalar)), scalar),
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue(),
);
const doc = fc.oneof(fc.record({ Version: scalar, Statement: fc.oneof(fc.array(statement, { maxLength: 4 }), statement) }, { requiredKeys: [] }), fc.jsonValue());

test('explainPolicy never throws on arbitrary documents', () => {
  fc.assert(
    fc.property(doc, fc.option(fc.constantFrom('arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', 'junk'), { nil: undefined }), (d, keyArn) => {
      const e = explainPolicy(d, keyArn ? { keyArn } : {});
      expect(typeof e.summary).toBe('string');
      for (const s of e.statements) expect(typeof s.text).toBe('string');
    }),
    { numRuns: 3000 },
  );
});

test('deeply nested values are described, not printed (no stack overflow)', () => {
  let deep: unknown = {};
  for (let i = 0; i < 20000; i++) deep = { a: deep };
  const e = explainPolicy({ Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: deep } }, deep] });
  expect(e.statements[0]!.text).toMatch(/^Not valid: StringEquals a holds a deeply nested object/);
  expect(e.statements[1]!.text).toMatch(/^Not valid:/);
});
