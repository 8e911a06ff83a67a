import { statementTitle } from '../model.js';
import type { DocumentRule } from '../types.js';

/** An IAM policy statement must say which resources it covers; IAM rejects one without Resource. */
export const missingResourceIam: DocumentRule = {
  code: 'KW109',
  name: 'missing-resource-iam',
  severity: 'error',
  title: 'IAM policy statement without Resource',
  appliesTo: 'iam',
  check(doc, report) {
    for (const s of doc.statements) {
      if (s.elements.has('Resource') || s.elements.has('NotResource')) continue;
      report(
        s.loc,
        `${statementTitle(s)} has no "Resource", and IAM rejects the policy. Add "Resource" with the key ARN, e.g. "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab".`,
      );
    }
  },
};
