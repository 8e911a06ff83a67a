import { isEncryptionContextKey, isSingleValuedKey } from '../condition-keys.js';
import type { DocumentRule } from '../types.js';

/**
 * "AWS KMS condition keys", https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html: `ForAllValues:` on a single-valued key (kms:ViaService,
 * kms:CallerAccount, ...) is true when the key is absent, so it allows the
 * very requests it was meant to exclude (direct calls).
 */
export const forAllValuesSingleValued: DocumentRule = {
  code: 'KW309',
  name: 'for-all-values-single-valued',
  severity: 'error',
  title: 'ForAllValues: on a single-valued condition key',
  appliesTo: 'any',
  check(doc, report) {
    for (const s of doc.statements) {
      for (const c of s.conditions) {
        if (c.op?.setPrefix !== 'ForAllValues' || isEncryptionContextKey(c.key)) continue; // KW311 covers encryption context
        if (isSingleValuedKey(c.key) !== true) continue;
        const plain = c.operator.slice('ForAllValues:'.length);
        report(
          c.keyLoc,
          `"${c.key}" holds a single value, and ForAllValues: is true when the key is absent: requests without it (such as direct calls with no kms:ViaService) pass this condition. Use "${plain}" instead.`,
        );
      }
    }
  },
};
