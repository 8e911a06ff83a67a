import type { RuleMeta } from '../types.js';

/**
 * The text is not valid JSON. Reported by the engine with the syntax error's
 * position; AWS rejects such a policy outright (MalformedPolicyDocument).
 */
export const invalidJson: RuleMeta = {
  code: 'KW001',
  name: 'invalid-json',
  severity: 'error',
  title: 'The file is not valid JSON',
};

export function invalidJsonMessage(problem: string): string {
  return `Invalid JSON: ${problem}. Fix the syntax at this position; AWS rejects a policy that is not valid JSON.`;
}
