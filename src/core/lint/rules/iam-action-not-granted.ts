import { kmsAction } from '../../catalog/actions.js';
import { expandPattern, hasWildcard, isKmsActionPattern } from '../actions.js';
import { keyUseStatements } from '../iam-resources.js';
import { delegableActions, delegatingStatements, keyAccountOf, mayTargetKey } from '../key-policy-delegation.js';
import type { CrossRule } from '../types.js';

/**
 * "Default key policy", https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html and "Allowing users in other accounts to use a KMS key", https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html:
 * an IAM policy alone never allows use of a key; the key
 * policy must allow the account (root or "*"), or name a principal of another
 * account, which then needs its own IAM policy. An IAM action the key policy
 * grants through none of these has no effect.
 */
export const iamActionNotGranted: CrossRule = {
  code: 'KW702',
  name: 'iam-action-not-granted-by-key-policy',
  // An error: the IAM statement silently allows nothing for this action.
  severity: 'error',
  title: 'IAM policy allows an action the key policy never grants',
  check(set, report) {
    const key = set.keyPolicy;
    const keyAccount = keyAccountOf(set.keyArn);
    // Without IAM policies there is nothing to compare: skip building the granted set (issue 21: per-document cost).
    if (!key || set.iamPolicies.length === 0 || delegatingStatements(key, keyAccount).length === 0) return; // KW703
    const granted = delegableActions(key, keyAccount);
    for (const doc of set.iamPolicies) {
      for (const u of keyUseStatements(doc)) {
        if (u.statement.effect !== 'Allow') continue;
        if (!mayTargetKey(u.resources, key, set.keyArn)) continue;
        for (const a of u.statement.actions) {
          if (!isKmsActionPattern(a.value)) continue;
          if (hasWildcard(a.value)) {
            const expanded = expandPattern(a.value);
            if (expanded.length === 0 || expanded.some((x) => granted.has(x))) continue;
          } else {
            const data = kmsAction(a.value);
            if (!data || granted.has(`kms:${data.name}`)) continue;
          }
          report(
            doc,
            a.loc,
            `The key policy never lets IAM policies grant "${a.value}" (no Allow statement for an account root, "*" or another account's principal covers it), so allowing it here has no effect. ` +
              'Remove it from the IAM policy, or add it to the key policy statement for your account.',
          );
        }
      }
    }
  },
};
