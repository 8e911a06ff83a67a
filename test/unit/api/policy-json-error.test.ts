// The library API's evaluate() and explain() given text that is not JSON
// (issue 21): a typed error with the position the CLI prints, not a bare
// SyntaxError from JSON.parse.
import { describe, expect, test } from 'vitest';
import { evaluate, explain, lintPolicy, PolicyJsonError } from '../../../src/api/index.js';

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const REQUEST = { principal: 'arn:aws:iam::111122223333:root', action: 'kms:Decrypt', keyArn: KEY };
const GOOD = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' }] });
const BROKEN = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", }\n  ]\n}';

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (err) {
    return err;
  }
  return undefined;
};

describe('a policy given as text that is not JSON', () => {
  test.each([
    ['evaluate: the key policy', () => evaluate(REQUEST, { keyPolicy: BROKEN }), 'keyPolicy'],
    ['evaluate: an IAM policy', () => evaluate(REQUEST, { keyPolicy: GOOD, iamPolicies: [GOOD, BROKEN] }), 'iamPolicies[1]'],
    ['explain', () => explain(BROKEN), 'policy'],
  ])('%s throws PolicyJsonError naming the input, line and column, as lint does', (_what, call, input) => {
    const err = thrown(call);
    expect(err).toBeInstanceOf(PolicyJsonError);
    expect(err).not.toBeInstanceOf(SyntaxError);
    const e = err as PolicyJsonError;
    const lint = lintPolicy(BROKEN).findings.find((f) => f.code === 'KW001')!;
    expect(e.input).toBe(input);
    expect([e.line, e.column]).toEqual([lint.line, lint.column]);
    expect(e.line).toBe(4);
    expect(e.finding.code).toBe('KW001');
    expect(e.message).toBe(`${input}:${lint.line}:${lint.column}: ${lint.message}`);
  });

  test('text that is JSON is read as before', () => {
    expect(evaluate(REQUEST, { keyPolicy: GOOD }).decision).toBe('Allow');
    expect(explain(GOOD).statements).toHaveLength(1);
  });

  test.each(['', 'not json', '{"a":', '[1,2'])('%j: always PolicyJsonError', (text) => {
    expect(thrown(() => explain(text))).toBeInstanceOf(PolicyJsonError);
    expect(thrown(() => evaluate(REQUEST, { keyPolicy: text }))).toBeInstanceOf(PolicyJsonError);
  });
});
