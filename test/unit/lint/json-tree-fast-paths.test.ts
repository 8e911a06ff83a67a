// The model build's fast paths (issue 21) keep what the slow paths gave:
// pointer escapes (RFC 6901) and "last copy wins" for repeated member names.
import { describe, expect, it } from 'vitest';
import { lastCopies, membersOf, parseJson, pointerSegment } from '../../../src/core/lint/json-tree.js';

function members(text: string) {
  const parsed = parseJson(text);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return membersOf(parsed.root, '');
}

describe('pointerSegment', () => {
  it.each([
    ['Action', 'Action'],
    [3, '3'],
    ['a/b', 'a~1b'],
    ['a~b', 'a~0b'],
    ['~/', '~0~1'],
  ] as const)('escapes %s as %s (RFC 6901)', (segment, escaped) => {
    expect(pointerSegment(segment)).toBe(escaped);
  });
});

describe('lastCopies', () => {
  it('keeps every member when no name repeats', () => {
    const all = members('{"Sid": "a", "Effect": "Allow", "Action": "kms:Decrypt"}');
    expect(lastCopies(all).map((m) => m.name)).toEqual(['Sid', 'Effect', 'Action']);
  });

  it('keeps only the last copy of a repeated name, in document order', () => {
    const kept = lastCopies(members('{"Effect": "Deny", "Sid": "a", "Effect": "Allow"}'));
    expect(kept.map((m) => [m.name, m.node.value])).toEqual([['Sid', 'a'], ['Effect', 'Allow']]);
  });
});
