// expandKmsActions matches the usual patterns (an exact name, a trailing *)
// without a RegExp. These check it against the RegExp reading of an IAM
// action pattern (case-insensitive; * any run, ? one character) for any
// pattern: exact, prefix, inner wildcards, odd case, regex characters and
// non-ASCII letters whose case folding differs between toLowerCase and a
// case-insensitive RegExp (those always take the RegExp).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { actionPatternToRegExp, expandKmsActions, KMS_ACTIONS } from '../../../src/core/catalog/actions.js';

const byRegExp = (pattern: string) => {
  const re = actionPatternToRegExp(pattern);
  return KMS_ACTIONS.filter((a) => re.test(a));
};

const flipCase = (s: string, mask: number) => [...s].map((c, i) => ((mask >> i % 30) & 1 ? c.toUpperCase() : c.toLowerCase())).join('');

describe('expandKmsActions: the same actions as the RegExp reading of the pattern', () => {
  test.each(['*', 'kms:*', 'KMS:*', 'kms:Create*', 'kms:describe*', 'kms:Decrypt', 'kms:decrypt', 'kms:GenerateDataKey*', 'kms:*Key', 'kms:?ecrypt', 'kms:Decr.pt', 'kms:', '', 's3:*', 'kms:Re*crypt*', 'kms:\u212Aey*', 'ſ3:*'])('%j', (pattern) => {
    expect(expandKmsActions(pattern)).toEqual(byRegExp(pattern));
  });

  test('any prefix, cut and case of a catalog name, with or without wildcards', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KMS_ACTIONS, '*', 'kms:', 'kms:Re', 'kms:G'),
        fc.nat(6),
        fc.nat(40),
        fc.nat(),
        fc.constantFrom('', '*', '?', '*x', '.*', '\u212A*', 'ß'),
        (name, from, cut, mask, tail) => {
          // From the start of the name mostly; from inside it sometimes (`crypt*` matches nothing).
          const pattern = flipCase(name.slice(from % 3 === 0 ? from : 0, cut), mask) + tail;
          expect(expandKmsActions(pattern)).toEqual(byRegExp(pattern));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
