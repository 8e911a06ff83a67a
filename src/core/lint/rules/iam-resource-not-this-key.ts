import { ALIAS_ARN, keyUseStatements } from '../iam-resources.js';
import { resourceMatches } from '../key-policy-delegation.js';
import type { CrossRule } from '../types.js';

/**
 * "Allowing users in other accounts to use a KMS key", https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html:
 * the consumer's IAM policy must allow the full key ARN. With
 * --key-arn, an IAM statement whose Resource names other keys only does not
 * let anyone use this key.
 */
export const iamResourceNotThisKey: CrossRule = {
  code: 'KW701',
  name: 'iam-resource-not-this-key',
  severity: 'error',
  title: "IAM Resource is not the key's ARN (with --key-arn)",
  check(set, report) {
    const keyArn = set.keyArn;
    if (!keyArn) return;
    for (const doc of set.iamPolicies) {
      for (const u of keyUseStatements(doc)) {
        if (u.statement.effect !== 'Allow') continue;
        // Alias ARNs, key ids and malformed ARNs have their own findings.
        const candidates = u.resources.filter((r) => r.value === '*' || (/^arn:[^:]*:kms:/.test(r.value) && !ALIAS_ARN.test(r.value)));
        if (candidates.length === 0 || candidates.some((r) => resourceMatches(r.value, keyArn))) continue;
        const el = u.statement.elements.get('Resource');
        report(
          doc,
          el?.loc ?? u.statement.loc,
          `None of this statement's resources (${candidates.map((r) => r.value).join(', ')}) is the key ${keyArn}, so it does not let anyone use that key. ` +
            `Set "Resource" to "${keyArn}".`,
        );
      }
    }
  },
};
