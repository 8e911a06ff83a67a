import { isStarAllow } from '../star-principal.js';
import type { DocumentRule } from '../types.js';

/** ("Key policies in AWS KMS", https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html) Never `"*"` without conditions: it lets principals of every account use the key. */
export const starPrincipalWithoutConditions: DocumentRule = {
  code: 'KW401',
  name: 'star-principal-without-conditions',
  severity: 'error',
  title: 'Principal "*" with no Condition',
  appliesTo: 'key',
  check(doc, report) {
    for (const s of doc.statements) {
      if (!isStarAllow(s) || s.conditions.length > 0) continue;
      report(
        s.principal!.element.loc,
        'Principal "*" with no Condition lets any principal of any AWS account use the key as far as this statement goes. ' +
          'Add "kms:CallerAccount" (your account id) and "kms:ViaService" conditions, or name your account root ("arn:aws:iam::111122223333:root") instead.',
      );
    }
  },
};
