import { keyPresence } from '../key-presence.js';
import type { DocumentRule } from '../types.js';

/**
 * "AWS KMS condition keys", https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html, kms:EncryptionContext:context-key:
 * kms:EncryptionContext:<k> conditions apply to Encrypt,
 * Decrypt, GenerateDataKey*, ReEncrypt* and CreateGrant only; on DescribeKey
 * (and other actions) they always deny. Reported per action when the rest of
 * the statement still works (KW316 covers statements that can never match).
 */
export const encryptionContextOnActionWithoutContext: DocumentRule = {
  code: 'KW314',
  name: 'encryption-context-on-action-without-context',
  // A warning: the rest of the statement works (KW316, an error, covers a statement
  // that can never match), and AWS's own CloudWatch Logs key-policy example
  // (encrypt-log-data-kms.html) puts kms:Describe* under the logs encryption context.
  severity: 'warning',
  title: 'Encryption-context condition on an action that never carries one (DescribeKey)',
  appliesTo: 'any',
  check(doc, report) {
    for (const s of doc.statements) {
      const p = keyPresence(s);
      if (p.allDead) continue;
      for (const d of p.dead) {
        if (!/^kms:encryptioncontext/i.test(d.condition.key)) continue; // other keys: KW315
        report(
          d.action.loc,
          `"${d.action.value}" requests never carry an encryption context, so the "${d.condition.key}" condition is always false for it and this statement never ${s.effect === 'Deny' ? 'denies' : 'allows'} it. ` +
            'Move it to a statement without the encryption-context condition.',
        );
      }
    }
  },
};
