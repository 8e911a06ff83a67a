import { keyUseStatements } from '../iam-resources.js';
import { impossibleActions, KEY_TYPE_NAMES, keyTypeOf } from '../key-operations.js';
import { resourceMatches } from '../key-policy-delegation.js';
import { statementTitle } from '../model.js';
import type { CrossRule } from '../types.js';

/**
 * "Key type reference" (https://docs.aws.amazon.com/kms/latest/developerguide/symm-asymm-compare.html):
 * an IAM statement whose Resource names a key of the template or plan (by its
 * ARN, or `Fn::GetAtt [Key, Arn]` as CDK writes it) and allows an operation
 * that key's type lacks (CDK's grantSignVerify on a key left symmetric, Decrypt
 * on an HMAC key) grants what KMS always refuses.
 */
export const iamActionNotForKeyType: CrossRule = {
  code: 'KW705',
  name: 'iam-action-not-for-key-type',
  // An error: the statement silently allows nothing it was written to allow.
  severity: 'error',
  title: "IAM policy allows, on a key of the template or plan, an operation the key's type cannot perform",
  check(set, report) {
    const key = set.keyPolicy?.key;
    const type = key && keyTypeOf(key);
    if (!key || !type) return;
    const namesKey = (value: string) => key.refs.some((r) => value.includes(r)) || (set.keyArn !== undefined && resourceMatches(value, set.keyArn) && value !== '*');
    for (const doc of set.iamPolicies) {
      for (const u of keyUseStatements(doc)) {
        if (!u.resources.some((r) => namesKey(r.value))) continue;
        for (const a of impossibleActions(u.statement, type)) {
          report(
            doc,
            a.loc,
            `${statementTitle(u.statement)} allows ${a.value} on a key that is ${KEY_TYPE_NAMES[type]}, and KMS refuses that operation for it: the permission can never be used.`,
            'Remove the action, or give the key the KeySpec and KeyUsage the operation needs (see "Key type reference", AWS KMS Developer Guide).',
          );
        }
      }
    }
  },
};
