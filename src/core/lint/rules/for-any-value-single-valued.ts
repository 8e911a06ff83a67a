import { isSingleValuedKey } from '../condition-keys.js';
import type { DocumentRule } from '../types.js';

/** ("AWS KMS condition keys", https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html) `ForAnyValue:` on a single-valued key works like the plain operator but misleads readers: a warning. */
export const forAnyValueSingleValued: DocumentRule = {
  code: 'KW310',
  name: 'for-any-value-single-valued',
  severity: 'warning',
  title: 'ForAnyValue: on a single-valued condition key',
  appliesTo: 'any',
  check(doc, report) {
    for (const s of doc.statements) {
      for (const c of s.conditions) {
        if (c.op?.setPrefix !== 'ForAnyValue' || isSingleValuedKey(c.key) !== true) continue;
        const plain = c.operator.slice('ForAnyValue:'.length);
        report(c.keyLoc, `"${c.key}" holds a single value; set operators are for multivalued keys. Use "${plain}" without "ForAnyValue:" (AWS advises against set operators on single-valued keys).`);
      }
    }
  },
};
