import { KEY_POLICY_MAX_BYTES, utf8Length } from '../../catalog/limits.js';
import type { DocumentRule } from '../types.js';

/** ("Resource quotas", https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html, "Key policy document size") A key policy is at most 32,768 bytes (LimitExceededException). */
export const keyPolicyTooLarge: DocumentRule = {
  code: 'KW007',
  name: 'key-policy-too-large',
  severity: 'error',
  title: 'Key policy over 32,768 bytes',
  appliesTo: 'key',
  check(doc, report) {
    const bytes = utf8Length(doc.text);
    if (bytes <= KEY_POLICY_MAX_BYTES) return;
    report(
      { pointer: '', offset: doc.root.offset },
      `The key policy is ${bytes.toLocaleString('en-US')} bytes; KMS rejects key policies over 32,768 bytes (LimitExceededException). ` +
        'Merge statements that share a principal and conditions, or grant to the account root and move per-role detail into IAM policies.',
    );
  },
};
