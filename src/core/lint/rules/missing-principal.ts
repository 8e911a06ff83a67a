import { statementLabel } from '../model.js';
import type { DocumentRule } from '../types.js';

/**
 * Every statement of a key policy (a resource policy) names who it applies
 * to with Principal (PutKeyPolicy API reference, https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html); KMS rejects a statement without one.
 */
export const missingPrincipal: DocumentRule = {
  code: 'KW105',
  name: 'missing-principal',
  severity: 'error',
  title: 'Key policy statement without Principal',
  appliesTo: 'key',
  check(doc, report) {
    for (const s of doc.statements) {
      if (s.elements.has('Principal') || s.elements.has('NotPrincipal')) continue;
      report(
        s.loc,
        `In a key policy every statement needs a "Principal"; ${statementLabel(s)} has none, and KMS rejects the policy. ` +
          'Add e.g. "Principal": {"AWS": "arn:aws:iam::111122223333:root"}. If this file is an IAM policy, lint it with --type iam.',
      );
    }
  },
};
