// The evaluator's two modes: decide() (the answer alone, through the Principal
// index) must give evaluate()'s decision for every policy set and request, and
// decidePolicy() must agree with the trace of the one document it is asked about.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { decide, decidePolicy, evaluate, requestContext, type DecisionKind } from '../../../src/core/evaluate/index.js';
import { readPolicyDocument } from '../../../src/core/evaluate/policy-document.js';
import { documentArb, plausibleIamPolicy, plausibleKeyPolicy, plausibleRequest, requestArb } from './arbitraries.js';
import { KEY_ARN } from './fixtures.js';

test('decide gives evaluate()\'s decision on arbitrary JSON documents and requests', () => {
  fc.assert(
    fc.property(requestArb, documentArb, fc.array(documentArb, { maxLength: 3 }), (req, keyPolicy, iamPolicies) => {
      expect(decide(req, { keyPolicy, iamPolicies })).toBe(evaluate(req, { keyPolicy, iamPolicies }).decision);
    }),
    { numRuns: 3000 },
  );
});

test('decide gives evaluate()\'s decision on policies shaped like real ones, where all three answers are common', () => {
  const seen: Record<DecisionKind, number> = { Allow: 0, ExplicitDeny: 0, ImplicitDeny: 0 };
  fc.assert(
    fc.property(plausibleRequest, plausibleKeyPolicy, fc.array(plausibleIamPolicy, { maxLength: 2 }), (req, keyPolicy, iamPolicies) => {
      const expected = evaluate(req, { keyPolicy, iamPolicies }).decision;
      seen[expected]++;
      expect(decide(req, { keyPolicy, iamPolicies })).toBe(expected);
    }),
    { numRuns: 5000 },
  );
  // The property is only worth something if the generator reaches every answer often.
  expect(seen.Allow).toBeGreaterThan(150);
  expect(seen.ExplicitDeny).toBeGreaterThan(250);
  expect(seen.ImplicitDeny).toBeGreaterThan(250);
});

test('decidePolicy says what one key policy says: Deny if a Deny applies, else Allow (with how) if an Allow does', () => {
  fc.assert(
    fc.property(plausibleRequest, plausibleKeyPolicy, (req, keyPolicy) => {
      const traces = evaluate(req, { keyPolicy, iamPolicies: [] }).keyPolicy.statements.filter((t) => t.applies);
      const d = decidePolicy(readPolicyDocument(keyPolicy), requestContext(req), 'key');
      const deny = traces.some((t) => t.effect === 'Deny');
      const allows = traces.filter((t) => t.effect === 'Allow');
      expect(d.effect).toBe(deny ? 'Deny' : allows.length > 0 ? 'Allow' : 'None');
      if (d.effect === 'Allow') {
        const best = allows.find((t) => t.principalMatch !== 'account') ?? allows[0]!;
        expect(d.allowedAs).toBe(best.principalMatch);
      }
    }),
    { numRuns: 3000 },
  );
});

test('decidePolicy reads an identity policy as one (no Principal allowed), for boundaries, SCPs and RCPs too', () => {
  const ctx = requestContext({ principal: 'arn:aws:iam::111122223333:role/app', action: 'kms:Decrypt', keyArn: KEY_ARN });
  const allow = readPolicyDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: KEY_ARN }] });
  const withPrincipal = readPolicyDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*' }] });
  const deny = readPolicyDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }, { Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*' }] });
  expect(decidePolicy(allow, ctx, 'iam')).toEqual({ effect: 'Allow' });
  expect(decidePolicy(withPrincipal, ctx, 'iam')).toEqual({ effect: 'None' });
  expect(decidePolicy(deny, ctx, 'iam')).toEqual({ effect: 'Deny' });
  // The same Allow as a key policy statement names nobody, so it does not apply there.
  expect(decidePolicy(allow, ctx, 'key')).toEqual({ effect: 'None' });
});

test('the Principal index does not hide a statement naming a session\'s role by path, or an account by id', () => {
  const session = { principal: 'arn:aws:sts::111122223333:assumed-role/app/s1', action: 'kms:Decrypt', keyArn: KEY_ARN };
  const keyPolicy = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:role/other' }, Action: 'kms:*', Resource: '*' },
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/team/app' }, Action: 'kms:Decrypt', Resource: '*' },
    ],
  };
  expect(decide(session, { keyPolicy, iamPolicies: [] })).toBe('Allow');
  const byId = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: { AWS: '111122223333' }, Action: 'kms:*', Resource: '*' }] };
  expect(decide(session, { keyPolicy: { ...keyPolicy, Statement: [...keyPolicy.Statement, ...byId.Statement] }, iamPolicies: [] })).toBe('ExplicitDeny');
});
