// Policies far larger than KMS accepts still get an answer: 100,000 statements
// (issue 22 ended in "Maximum call stack size exceeded" from push(...) of a trace).
import { expect, test } from 'vitest';
import { renderDecision } from '../../../src/commands/simulate-output.js';
import { makeStyle } from '../../../src/cli/style.js';
import { decide, evaluate } from '../../../src/core/evaluate/index.js';
import { KEY_ARN } from './fixtures.js';

const N = 100_000;
const keyPolicy = {
  Version: '2012-10-17',
  Statement: Array.from({ length: N }, (_, i) => ({ Sid: `S${i}`, Effect: 'Allow', Principal: { AWS: [`arn:aws:iam::111122223333:role/r${i}`] }, Action: 'kms:Decrypt', Resource: '*' })),
};
const request = { principal: 'arn:aws:iam::111122223333:role/r99999', action: 'kms:Decrypt', keyArn: KEY_ARN };

test('a trace of 100,000 statements is printed, not a stack overflow', () => {
  const d = evaluate(request, { keyPolicy, iamPolicies: [] });
  expect(d.decision).toBe('Allow');
  const text = renderDecision(d, request, { keyPolicy: 'key.json' }, makeStyle(false), []);
  expect(text.split('\n').length).toBeGreaterThan(N);
  expect(decide(request, { keyPolicy, iamPolicies: [] })).toBe('Allow');
});

test('a Principal listing 200,000 entries is read (no spread into push)', () => {
  const aws = Array.from({ length: 200_000 }, (_, i) => `arn:aws:iam::111122223333:role/r${i}`);
  const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: aws }, Action: 'kms:Decrypt', Resource: '*' }] };
  expect(evaluate(request, { keyPolicy: policy, iamPolicies: [] }).decision).toBe('Allow');
});
