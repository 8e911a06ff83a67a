// Policy variables [reference_policies_variables]: resolved in one linear pass.
// The old regular expressions are kept here as the reference the new code must
// agree with, and hostile values that made them quadratic are timed by size.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { LITERAL_MARK, resolveVariables } from '../../../src/core/evaluate/policy-variables.js';
import type { ContextEntry } from '../../../src/core/evaluate/request-context.js';

const context = new Map<string, ContextEntry>([
  ['aws:principalaccount', { name: 'aws:PrincipalAccount', values: ['111122223333'], multi: false }],
  ['aws:principaltag/team', { name: 'aws:PrincipalTag/team', values: ['blue'], multi: false }],
  ['kms:encryptioncontextkeys', { name: 'kms:EncryptionContextKeys', values: ['a', 'b'], multi: true }],
]);
const lookup = (k: string) => context.get(k.toLowerCase());

/** The regular-expression version this replaces (quadratic on hostile input), as the reference. */
function reference(value: string): string | undefined {
  if (!value.includes('${')) return value;
  let unresolved = false;
  const out = value.replace(/\$\{([^}]*)\}/g, (_, inner: string) => {
    const literal = inner.trim();
    if (literal === '*' || literal === '?' || literal === '$') return `${LITERAL_MARK}${literal}`;
    const m = /^([^,]+?)\s*(?:,\s*'([^']*)')?$/.exec(literal);
    const entry = m ? lookup(m[1]!.trim()) : undefined;
    if (entry && !entry.multi && entry.values.length === 1) return entry.values[0]!;
    if (m?.[2] !== undefined) return m[2];
    unresolved = true;
    return '';
  });
  return unresolved ? undefined : out;
}

test('the one-pass resolver gives the regular expressions\' answer on values built from variable syntax', () => {
  const piece = fc.constantFrom('${', '}', ',', "'", ' ', '\t', 'aws:PrincipalAccount', 'aws:PrincipalTag/team', 'kms:EncryptionContextKeys', 'none', '*', '?', '$', 'x', ', ', "'d'");
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 14 }).map((xs) => xs.join('')), (value) => {
      expect(resolveVariables(value, lookup)).toBe(reference(value));
    }),
    { numRuns: 20000 },
  );
});

test('documented forms: a key, a default for a missing key, the literal characters', () => {
  expect(resolveVariables('arn:aws:iam::${aws:PrincipalAccount}:root', lookup)).toBe('arn:aws:iam::111122223333:root');
  expect(resolveVariables("${aws:PrincipalTag/owner, 'nobody'}", lookup)).toBe('nobody');
  expect(resolveVariables('${aws:PrincipalTag/owner}', lookup)).toBeUndefined();
  expect(resolveVariables('a${*}b', lookup)).toBe(`a${LITERAL_MARK}*b`);
});

test('hostile values of 160 kB are answered (the old patterns backtracked for minutes: 8.8 s already at 40 kB)', () => {
  const n = 160_000;
  // A long run of spaces inside a variable, with and without a well-formed default.
  expect(resolveVariables(`\${aws:PrincipalTag/owner${' '.repeat(n)}, 'x' }`, lookup)).toBe('x');
  expect(resolveVariables(`\${a${' '.repeat(n)}b,x}`, lookup)).toBeUndefined();
  // Many openings and no closing brace: not a variable, the text is kept.
  const open = '${'.repeat(n / 2);
  expect(resolveVariables(open, lookup)).toBe(open);
  expect(resolveVariables(`\${${"a, '".repeat(n / 4)}}`, lookup)).toBeUndefined();
});
