// serviceDecision keeps, per document and service, the statements that can
// name the service: asking about one service must never change the answer
// for another, and the same document read twice must answer alike.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { serviceDecision } from '../../../src/core/current-policy/service-decision.js';
import { readPolicyDocument } from '../../../src/core/evaluate/policy-document.js';
import { orgKeyPolicy, SINGLE_REGION_KEY } from './org-policies.js';

const SERVICES = ['logs.us-east-1.amazonaws.com', 'cloudtrail.amazonaws.com', 'delivery.logs.amazonaws.com', 'sns.amazonaws.com'];
const ACTIONS = ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:CreateGrant', 'kms:DescribeKey'];

test('serviceDecision answers each service the same whichever services were asked about first', () => {
  let allowed = 0;
  fc.assert(
    fc.property(orgKeyPolicy(8), fc.shuffledSubarray(SERVICES, { minLength: 1 }), (policy, order) => {
      const shared = readPolicyDocument(policy);
      for (const service of order) {
        for (const action of ACTIONS) {
          const once = serviceDecision(readPolicyDocument(policy), service, action, SINGLE_REGION_KEY);
          expect(serviceDecision(shared, service, action, SINGLE_REGION_KEY)).toEqual(once);
          if (once.decision === 'Allow') allowed++;
        }
      }
    }),
    { numRuns: 300 },
  );
  expect(allowed).toBeGreaterThan(100);
});
