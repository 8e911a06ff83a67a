import type { RuleMeta } from '../types.js';

/**
 * No AWS policy is larger than 32,768 bytes (key policy, "Resource quotas", https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html), so a
 * text many times that size is not a policy; only its size is reported,
 * which keeps lint fast on whatever it is given.
 */
export const MAX_LINT_CHARS = 128 * 1024;

/** Policies nest about six levels (Statement, Condition, operator, key, list); far deeper is not a policy. */
export const MAX_NESTING = 64;

export const tooLargeToLint: RuleMeta = {
  code: 'KW003',
  name: 'too-large-to-lint',
  severity: 'error',
  title: 'The file is far larger, or more deeply nested, than any AWS policy',
};

export function tooLargeMessage(chars: number): string {
  return (
    `The file has ${chars.toLocaleString('en-US')} characters; the largest policy AWS accepts is a 32,768-byte key policy, ` +
    `so this cannot be one. Check that you passed the right file. Only files up to ${MAX_LINT_CHARS.toLocaleString('en-US')} characters are checked further.`
  );
}

export function tooDeepMessage(): string {
  return `The JSON nests more than ${MAX_NESTING} levels deep; a policy nests about six (Statement, Condition, operator, key, values), so this is not one. Check that you passed the right file.`;
}
