// parseJsonValue (JSON.parse, then a tree-less scan for the error) accepts and
// refuses the same texts as the position-keeping parser, with the same
// message at the same offset: a plan read the fast way is refused as before.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { parseJsonSource, parseJsonValue } from '../../../src/core/iac/json-source.js';

const piece = fc.constantFrom('{', '}', '[', ']', ',', ':', '"a"', '"\\u00e9"', '"\\x"', '"\n"', '1', '-', '01', '1.', '1e5', 'true', 'nul', 'null', ' ', '\n', '\t', '\u00a0', '\uFEFF', '//', '/*x*/', '"', '\\');

test('the same texts are refused, with the same message at the same offset', () => {
  const mutated = fc.tuple(fc.jsonValue(), fc.array(fc.tuple(fc.nat(), piece), { maxLength: 3 })).map(([v, edits]) => {
    let text = JSON.stringify(v, null, 1) ?? 'null';
    for (const [at, p] of edits) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + p + text.slice(i);
    }
    return text;
  });
  fc.assert(
    fc.property(fc.oneof(mutated, fc.array(piece, { maxLength: 12 }).map((ps) => ps.join(''))), (text) => {
      const tree = parseJsonSource(text);
      const value = parseJsonValue(text);
      expect(value.ok).toBe(tree.ok);
      if (!value.ok && !tree.ok) expect({ message: value.message, offset: value.offset }).toEqual({ message: tree.message, offset: tree.offset });
    }),
    { numRuns: 3000 },
  );
});
