import { impossibleActions, KEY_TYPE_NAMES, keyTypeOf } from '../key-operations.js';
import { statementTitle } from '../model.js';
import type { DocumentRule } from '../types.js';

/**
 * "Key type reference" (https://docs.aws.amazon.com/kms/latest/developerguide/symm-asymm-compare.html):
 * each key type performs only some cryptographic operations, and KeySpec and
 * KeyUsage never change after CreateKey. A key policy statement that allows
 * kms:Sign for a key the template or plan makes symmetric (KeyUsage
 * ENCRYPT_DECRYPT, KeySpec SYMMETRIC_DEFAULT or none, as CDK writes it), or
 * kms:Encrypt for an HMAC or SIGN_VERIFY key, allows what KMS always refuses:
 * whatever the statement exists for fails at run time.
 */
export const keyPolicyActionNotForKeyType: DocumentRule = {
  code: 'KW507',
  name: 'key-policy-action-not-for-key-type',
  // An error: the statement silently allows nothing it was written to allow.
  severity: 'error',
  title: "Key policy allows an operation the key's type cannot perform (Sign on a symmetric key, Encrypt on an HMAC key)",
  appliesTo: 'key',
  check(doc, report) {
    const type = doc.key && keyTypeOf(doc.key);
    if (!type) return;
    for (const s of doc.statements) {
      for (const a of impossibleActions(s, type)) {
        report(
          a.loc,
          `${statementTitle(s)} allows ${a.value}, but this key is ${KEY_TYPE_NAMES[type]}, and KMS refuses that operation for it: the permission can never be used. ` +
            'The key type is fixed when the key is created.',
          'Remove the action, or create a key of the type the operation needs (KeySpec and KeyUsage; see "Key type reference", AWS KMS Developer Guide).',
        );
      }
    }
  },
};
