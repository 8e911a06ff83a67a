// summarizeRead traces only the key policy statements that can apply to the
// caller (falling back to the whole policy when the sentence could name
// another); its decision, sentence and allowing statement must be
// evaluateRead's, on any documents and requests.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { evaluateRead, readPolicySet, summarizeRead, type KmsRequest, type PolicySet } from '../../../src/core/evaluate/index.js';
import { documentArb, plausibleIamPolicy, plausibleKeyPolicy, plausibleRequest, requestArb } from './arbitraries.js';

function same(req: KmsRequest, policies: PolicySet): string {
  const set = readPolicySet(policies);
  const full = evaluateRead(req, set);
  const short = summarizeRead(req, set);
  expect(short.decision).toBe(full.decision);
  expect(short.summary).toBe(full.summary);
  expect(short.keyAllow).toEqual(full.keyPolicy.statements.find((t) => t.applies && t.effect === 'Allow'));
  return full.summary.replace(/statement \d+/g, 'statement N').slice(0, 40);
}

test('summarizeRead gives evaluateRead\'s decision, sentence and allowing statement on policies shaped like real ones', () => {
  const kinds = new Set<string>();
  fc.assert(
    fc.property(plausibleRequest, plausibleKeyPolicy, fc.array(plausibleIamPolicy, { maxLength: 2 }), (req, keyPolicy, iamPolicies) => {
      kinds.add(same(req, { keyPolicy, iamPolicies }));
    }),
    { numRuns: 3000 },
  );
  // Every kind of sentence should come up: allowed, denied explicitly, no statement, conditions, IAM.
  expect(kinds.size).toBeGreaterThan(20);
}, 120_000);

test('summarizeRead gives evaluateRead\'s answers on arbitrary JSON documents and requests', () => {
  fc.assert(
    fc.property(requestArb, documentArb, fc.array(documentArb, { maxLength: 2 }), (req, keyPolicy, iamPolicies) => {
      same(req, { keyPolicy, iamPolicies });
    }),
    { numRuns: 2000 },
  );
}, 120_000);

test('a sentence that names an invalid statement the caller is not named by still names it', () => {
  // Statement 1 names another role and is invalid (an unknown element); nothing else can apply to the caller,
  // so the sentence is about statement 1, which only the whole trace finds.
  const keyPolicy = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/other' }, Action: 'kms:*', Resource: '*', Conditon: {} }],
  };
  const req = { principal: 'arn:aws:iam::111122223333:role/app', action: 'kms:Decrypt', keyArn: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' };
  const set = readPolicySet({ keyPolicy, iamPolicies: [] });
  expect(summarizeRead(req, set).summary).toBe(evaluateRead(req, set).summary);
  expect(summarizeRead(req, set).summary).toMatch(/statement 1/);
});
