import { statementTitle } from '../model.js';
import type { DocumentRule } from '../types.js';

/**
 * PutKeyPolicy API reference, https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html: a statement without Action is accepted by the KMS API but has
 * no effect (IAM rejects it outright). Either way it does not do what its
 * author meant.
 */
export const missingAction: DocumentRule = {
  code: 'KW107',
  name: 'missing-action',
  severity: 'error',
  title: 'Statement without Action',
  appliesTo: 'any',
  check(doc, report) {
    for (const s of doc.statements) {
      if (s.elements.has('Action') || s.elements.has('NotAction')) continue;
      const effect = doc.kind === 'key' ? 'KMS accepts it but it has no effect' : 'IAM rejects the policy';
      report(s.loc, `${statementTitle(s)} has no "Action", so ${effect}. Add "Action": [...] with the actions it should ${s.effect === 'Deny' ? 'deny' : 'allow'}, e.g. "kms:Decrypt".`);
    }
  },
};
