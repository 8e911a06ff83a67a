import { accountLimits, isStarAllow } from '../star-principal.js';
import type { DocumentRule } from '../types.js';

/**
 * "AWS KMS condition keys", https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html, kms:ViaService: `"*"` with ViaService but without kms:CallerAccount lets
 * principals of other accounts, whose own IAM policies allow it, use the key
 * through the service (CDK's ViaServicePrincipal does this by default).
 */
export const starPrincipalWithoutCallerAccount: DocumentRule = {
  code: 'KW402',
  name: 'star-principal-without-caller-account',
  severity: 'warning',
  title: 'Principal "*" without kms:CallerAccount (other accounts can use the key)',
  appliesTo: 'key',
  check(doc, report) {
    for (const s of doc.statements) {
      if (!isStarAllow(s) || s.conditions.length === 0 || accountLimits(s).length > 0) continue;
      report(
        s.principal!.element.loc,
        'Principal "*" without a kms:CallerAccount condition: principals of other AWS accounts whose IAM policies allow it can use this key too. ' +
          'Add "kms:CallerAccount": "<your account id>" under StringEquals.',
      );
    }
  },
};
