// Where IAM policies matter to a key policy: a statement for an account root
// or "*" lets IAM policies there decide ("Default key policy", https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html),
// and a principal of another account also needs its own IAM policy
// ("Allowing users in other accounts to use a KMS key", https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html).
import { parseKeyArn } from '../arn.js';
import { coveredKmsActions } from './actions.js';
import type { PolicyModel, StatementModel } from './model.js';
import { isUnresolvedIntrinsic, principalAccount, rootAccount } from './principals.js';

/** The key's account, when the key ARN is known and valid. */
export function keyAccountOf(keyArn: string | undefined): string | undefined {
  if (!keyArn) return undefined;
  const parsed = parseKeyArn(keyArn);
  return parsed.ok ? parsed.value.account : undefined;
}

/**
 * Allow statements through which an IAM policy can matter: for "*", an
 * account root, or a principal outside the key's account. Without the key's
 * account every named principal might be cross-account, so all count.
 */
export function delegatingStatements(keyPolicy: PolicyModel, keyAccount: string | undefined): StatementModel[] {
  return keyPolicy.statements.filter((s) => {
    if (s.effect !== 'Allow' || !s.principal || s.principal.negated) return false;
    if (s.principal.star) return true;
    // A Principal only deployment knows (a template's !Ref) may be the account: someone unknown, not nobody.
    const { node } = s.principal.element;
    if (node.type === 'string' && isUnresolvedIntrinsic(node.value as string)) return true;
    return s.principal.entries.some((e) => {
      if (e.type !== 'AWS') return false;
      if (rootAccount(e.value) !== undefined || keyAccount === undefined) return true;
      const account = principalAccount(e.value);
      return account !== undefined && account !== keyAccount;
    });
  });
}

/** The KMS actions for which an IAM policy can make a difference. */
export function delegableActions(keyPolicy: PolicyModel, keyAccount: string | undefined): Set<string> {
  return new Set(delegatingStatements(keyPolicy, keyAccount).flatMap((s) => [...coveredKmsActions(s)]));
}

/** Glob match of an IAM Resource pattern against an ARN (`*` any run, `?` one character). */
export function resourceMatches(pattern: string, arn: string): boolean {
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${re}$`).test(arn);
}

/**
 * Whether an IAM statement's resources may name the key of this key policy:
 * with --key-arn, a resource matching it; for a key of a template or plan
 * (its references known), "*", a key/* pattern or a reference to it; for
 * policies given together with no more said, any resource.
 */
export function mayTargetKey(resources: readonly { value: string }[], keyPolicy: PolicyModel, keyArn: string | undefined): boolean {
  if (keyArn) return resources.some((r) => resourceMatches(r.value, keyArn));
  const refs = keyPolicy.key?.refs;
  if (!refs || refs.length === 0) return true;
  return resources.some((r) => refs.some((ref) => r.value.includes(ref)) || r.value === '*' || /^arn:[^:]*:kms:[^:]*:[^:]*:(key\/)?\*$/.test(r.value));
}
