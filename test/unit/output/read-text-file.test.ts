// textOf: the text of a file's bytes as UTF-8, however it is held. An ASCII
// file is decoded as Latin-1 (Node then keeps a large text outside the V8
// heap); any other byte sends it through the UTF-8 decoder.
import { expect, test } from 'vitest';
import { textOf } from '../../../src/output/read-text-file.js';

test('ASCII, UTF-8 with accents and emoji, a byte-order mark and an invalid byte all decode as UTF-8 does', () => {
  for (const text of ['{"a": "b"}', '{"Sid": "caf\u00e9 \u{1F511}"}', '\uFEFF{"a": 1}', '']) {
    const bytes = Buffer.from(text, 'utf8');
    expect(textOf(bytes)).toBe(bytes.toString('utf8'));
  }
  const invalid = Buffer.from([0x7b, 0xff, 0x7d]);
  expect(textOf(invalid)).toBe(invalid.toString('utf8'));
  expect(textOf(invalid)).toBe('{\uFFFD}');
});

test('a large ASCII text is held outside the V8 heap', () => {
  const big = Buffer.alloc(4 * 1024 * 1024, 'a');
  const before = process.memoryUsage().external;
  const text = textOf(big);
  expect(text.length).toBe(big.length);
  // Node keeps Latin-1 strings over about 1 MB as external strings: external memory grows by the text.
  expect(process.memoryUsage().external - before).toBeGreaterThanOrEqual(big.length);
});
