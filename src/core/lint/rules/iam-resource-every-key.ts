import { keyUseStatements, namesEveryKey } from '../iam-resources.js';
import type { DocumentRule } from '../types.js';

/**
 * "Specifying KMS keys in IAM policy statements", https://docs.aws.amazon.com/kms/latest/developerguide/cmks-in-iam-policies.html:
 * name the key by its ARN. "*" (or key/*) lets this IAM policy
 * use every key whose key policy trusts the account, not just the one meant.
 */
export const iamResourceEveryKey: DocumentRule = {
  code: 'KW503',
  name: 'iam-resource-every-key',
  severity: 'warning',
  title: 'IAM Resource "*" (every key) for key use',
  appliesTo: 'iam',
  check(doc, report) {
    for (const u of keyUseStatements(doc)) {
      if (u.statement.effect !== 'Allow') continue;
      for (const r of u.resources) {
        if (!namesEveryKey(r.value)) continue;
        report(
          r.loc,
          `Resource "${r.value}" covers every KMS key whose key policy trusts this account, not only the key you mean. ` +
            'Name the key ARN (for a multi-Region key and its replicas: arn:aws:kms:*:<account>:key/mrk-...).',
        );
      }
    }
  },
};
