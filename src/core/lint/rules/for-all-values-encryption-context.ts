import { isEncryptionContextKey } from '../condition-keys.js';
import type { DocumentRule } from '../types.js';

/** ("AWS KMS condition keys", https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html, kms:EncryptionContext:context-key) KMS rejects `ForAllValues:` with `kms:EncryptionContext:<key>` (OverlyPermissiveCondition). */
export const forAllValuesEncryptionContext: DocumentRule = {
  code: 'KW311',
  name: 'for-all-values-encryption-context',
  severity: 'error',
  title: 'ForAllValues: with kms:EncryptionContext:<key>',
  appliesTo: 'any',
  check(doc, report) {
    for (const s of doc.statements) {
      for (const c of s.conditions) {
        if (c.op?.setPrefix !== 'ForAllValues' || !isEncryptionContextKey(c.key)) continue;
        report(
          c.keyLoc,
          `KMS rejects "ForAllValues:" with "${c.key}" (it would be true for requests without that context pair). ` +
            `Use "${c.operator.slice('ForAllValues:'.length)}"; to limit which context keys may appear, use ForAllValues: with kms:EncryptionContextKeys.`,
        );
      }
    }
  },
};
