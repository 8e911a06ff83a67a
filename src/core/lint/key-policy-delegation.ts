// What a key policy lets IAM policies grant: the actions of its Allow
// statements for an account root or "*" (kms-facts §1: a root statement lets
// IAM policies in that account delegate what it allows).
import { coveredKmsActions } from './actions.js';
import type { PolicyModel } from './model.js';
import { rootAccount } from './principals.js';

export function delegatingStatements(keyPolicy: PolicyModel) {
  return keyPolicy.statements.filter(
    (s) =>
      s.effect === 'Allow' &&
      s.principal !== undefined &&
      !s.principal.negated &&
      (s.principal.star || s.principal.entries.some((e) => e.type === 'AWS' && rootAccount(e.value) !== undefined)),
  );
}

/** The KMS actions IAM policies can be given through the key policy. */
export function delegableActions(keyPolicy: PolicyModel): Set<string> {
  return new Set(delegatingStatements(keyPolicy).flatMap((s) => [...coveredKmsActions(s)]));
}

/** Glob match of an IAM Resource pattern against an ARN (`*` any run, `?` one character). */
export function resourceMatches(pattern: string, arn: string): boolean {
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${re}$`).test(arn);
}
