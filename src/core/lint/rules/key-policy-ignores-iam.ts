import { keyUseStatements } from '../iam-resources.js';
import { delegatingStatements, keyAccountOf, mayTargetKey } from '../key-policy-delegation.js';
import type { CrossRule } from '../types.js';

/**
 * "Default key policy", https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html and "Allowing users in other accounts to use a KMS key", https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html:
 * IAM policies count only when the key policy has a
 * statement for an account root, "*", or a principal of another account.
 * Without one, every IAM policy given with it is without effect on this key.
 * Named principals can be told apart from other accounts' only with --key-arn.
 */
export const keyPolicyIgnoresIam: CrossRule = {
  code: 'KW703',
  name: 'key-policy-ignores-iam',
  // An error: the IAM policy silently allows nothing on this key.
  severity: 'error',
  title: 'Key policy gives IAM policies no role, so the IAM policy has no effect',
  check(set, report) {
    const key = set.keyPolicy;
    if (!key || delegatingStatements(key, keyAccountOf(set.keyArn)).length > 0) return;
    for (const doc of set.iamPolicies) {
      const uses = keyUseStatements(doc).filter((u) => u.statement.effect === 'Allow' && mayTargetKey(u.resources, key, set.keyArn));
      if (uses.length === 0) continue;
      report(
        doc,
        uses[0]!.statement.loc,
        'The key policy has no Allow statement for an account root ("arn:aws:iam::<account>:root"), "*" or a principal of another account, and an IAM policy alone never allows use of a KMS key, so this IAM policy has no effect on the key. ' +
          'Add a statement for the account root to the key policy (with kms:ViaService conditions to keep it scoped), or name the role directly in the key policy.',
      );
    }
  },
};
