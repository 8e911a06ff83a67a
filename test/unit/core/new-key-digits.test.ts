import { expect, it } from 'vitest';
import { resolveKeyTarget } from '../../../src/core/key-target.js';

it('a one-digit account id is "1 digit", not "1 digits"', () => {
  const r = resolveKeyTarget(undefined, { account: '7', region: 'us-east-1' } as never, []);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.map((e) => e.message)).toContain('"7" is not a 12-digit AWS account id (it has 1 digit)');
});
