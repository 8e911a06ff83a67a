// The wizard's own prompt for the current policy file (typed in the Start
// step, not --from) applies the policy limit every command applies.
import { describe, expect, test } from 'vitest';
import { currentFileProblems } from '../../src/ui/current-policy.js';

describe('the wizard refuses a current policy far over the largest AWS accepts', () => {
  test('a 200,000-character key policy is refused before it is parsed; a normal one is read', () => {
    const statement = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' };
    const huge = JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: 2000 }, (_, i) => ({ Sid: `S${i}`, ...statement })) });
    expect(huge.length).toBeGreaterThan(131_072);
    expect(currentFileProblems({ file: 'big.json', text: huge }).file).toMatch(/^big\.json: the policy has [\d,]+ characters, over the 131,072-character policy limit/);
    expect(currentFileProblems({ file: 'ok.json', text: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }) })).toEqual({ references: [] });
  });
});
