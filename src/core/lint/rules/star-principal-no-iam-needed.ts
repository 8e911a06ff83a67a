import { accountLimits, accountWideTakeoverActions, isStarAllow } from '../star-principal.js';
import type { DocumentRule } from '../types.js';

/**
 * "Default key policy", https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html: `"*"` with kms:CallerAccount (and ViaService) lets every
 * principal of that account that meets the conditions use the key with no
 * IAM policy at all: worth knowing, not wrong. With administrative actions it
 * is KW408 (an error) instead.
 */
export const starPrincipalNoIamNeeded: DocumentRule = {
  code: 'KW403',
  name: 'star-principal-no-iam-needed',
  severity: 'info',
  title: 'Principal "*" limited to an account: no IAM policy needed',
  appliesTo: 'key',
  check(doc, report) {
    for (const s of doc.statements) {
      if (!isStarAllow(s)) continue;
      const limits = accountLimits(s);
      if (limits.length === 0 || accountWideTakeoverActions(s).length > 0) continue;
      const values = [...new Set(limits.flatMap((c) => c.values.map((v) => String(v.value))))];
      report(
        s.principal!.element.loc,
        `Principal "*" limited by ${[...new Set(limits.map((c) => c.key))].join(', ')} (${values.join(', ')}): every principal there that meets the conditions can use the key without any IAM policy, so IAM policies neither grant nor restrict this access. ` +
          'Name the account root instead if IAM policies should decide who may use it.',
      );
    }
  },
};
