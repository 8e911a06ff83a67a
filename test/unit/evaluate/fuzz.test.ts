// Fuzzing: evaluate and accessMatrix take untrusted JSON and must never
// throw, whatever the shape; they answer with a decision or rows.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { evaluate } from '../../../src/core/evaluate/index.js';
import { accessMatrix } from '../../../src/core/evaluate/matrix.js';
import { documentArb, requestArb, text } from './arbitraries.js';
import { KEY_ARN } from './fixtures.js';

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
