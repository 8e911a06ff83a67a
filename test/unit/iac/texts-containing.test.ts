// textsContaining (how lint relates a plan's keys to the IAM policies that
// name them) answers exactly what text.includes(needle) answers, for every pair.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { textsContaining } from '../../../src/core/iac/texts-containing.js';

const naive = (needles: string[], texts: string[]) => needles.map((n) => texts.flatMap((t, i) => (t.includes(n) ? [i] : [])));

test('the texts containing each needle are those text.includes(needle) finds', () => {
  const piece = fc.string({ unit: fc.constantFrom('a', 'b', 'k', ':', '/', 'é', '\u{1F511}'), maxLength: 6 });
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 8 }), fc.array(fc.array(piece, { maxLength: 6 }).map((ps) => ps.join('')), { maxLength: 8 }), (needles, texts) => {
      expect(textsContaining(needles, texts)).toEqual(naive(needles, texts));
    }),
    { numRuns: 500 },
  );
});

test('key ARNs and key ids in IAM policies: each key finds the policies that name it, and only those', () => {
  const arn = (k: number) => `arn:aws:kms:us-east-1:111122223333:key/${String(k).padStart(8, '0')}-12ab-34cd-56ef-1234567890ab`;
  const texts = [0, 1, 2, 3].map((k) => JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: [arn(k), arn(k + 10)] }] }));
  const needles = [arn(1), arn(11), arn(4), `${String(2).padStart(8, '0')}-12ab-34cd-56ef-1234567890ab`];
  expect(textsContaining(needles, texts)).toEqual([[1], [1], [], [2]]);
});
