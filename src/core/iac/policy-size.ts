// The size past which no reader parses a policy: a file of megabytes costs
// gigabytes to evaluate, and no AWS policy comes near it.
import { MAX_LINT_CHARS } from '../lint/rules/too-large-to-lint.js';

/**
 * Why a policy text is too large to read, or undefined. The largest policy AWS
 * accepts is a 32,768-byte key policy ("Resource quotas", AWS KMS Developer
 * Guide, https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html),
 * so the limit is lint's own (MAX_LINT_CHARS, four times that) and is not
 * raised: a larger text is not a policy.
 */
export function policyTooLarge(name: string, text: string): string | undefined {
  const chars = text.length;
  if (chars <= MAX_LINT_CHARS) return undefined;
  return (
    `${name}: the policy has ${chars.toLocaleString('en-US')} characters, over the ${MAX_LINT_CHARS.toLocaleString('en-US')}-character policy limit. ` +
    'The largest policy AWS accepts is a 32,768-byte key policy, so this is not one and the limit cannot be raised: check that you gave the right file.'
  );
}
