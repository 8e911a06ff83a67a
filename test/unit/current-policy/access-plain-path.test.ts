// compareAccess takes shortcuts (classes of equivalent requests, the Principal
// index, reasons traced over the statements that can name the caller); the
// plain path (plain-comparison.ts) evaluates every request on its own with the
// full trace. On generated organisation-sized key policies and their reviews,
// both must give the same changes, in the same order, with the same reasons.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { compareAccess } from '../../../src/core/current-policy/index.js';
import { MULTI_REGION_KEY, policyPair, SINGLE_REGION_KEY } from './org-policies.js';
import { comparisonRows, plainComparison } from './plain-comparison.js';

test.each([
  ['a single-Region key', SINGLE_REGION_KEY],
  ['a multi-Region key (calls through services in other Regions use its replicas)', MULTI_REGION_KEY],
])('compareAccess gives the plain path\'s changes and reasons on generated policy pairs, %s', (_, keyArn) => {
  let changes = 0;
  const reasons = new Set<string>();
  fc.assert(
    fc.property(policyPair(6), ([before, after]) => {
      const plain = comparisonRows(plainComparison(before, after, keyArn));
      expect(comparisonRows(compareAccess({ before, after, keyArn }))).toEqual(plain);
      changes += plain.added.length + plain.removed.length;
      for (const c of [...plain.added, ...plain.removed]) reasons.add(c.reason.replace(/kms:\w+/g, 'ACTION'));
    }),
    { numRuns: 25 },
  );
  // Only worth something if the generated pairs change access often and for many reasons.
  expect(changes).toBeGreaterThan(1000);
  expect(reasons.size).toBeGreaterThan(30);
}, 180_000);
