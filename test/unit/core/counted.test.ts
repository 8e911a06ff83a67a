import { describe, expect, test } from 'vitest';
import { counted } from '../../../src/core/counted.js';

describe('counted: a count with its noun, never "noun(s)"', () => {
  test.each([
    [0, 'principal', '0 principals'],
    [1, 'principal', '1 principal'],
    [2, 'principal', '2 principals'],
    [1, 'SCP level', '1 SCP level'],
    [3, 'SCP level', '3 SCP levels'],
  ])('%i %s -> %s', (n, word, text) => {
    expect(counted(n, word)).toBe(text);
  });
  test('an irregular plural is given', () => {
    expect(counted(2, 'policy', 'policies')).toBe('2 policies');
    expect(counted(1, 'policy', 'policies')).toBe('1 policy');
  });
});
