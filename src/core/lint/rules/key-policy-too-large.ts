import type { DocumentRule } from '../types.js';

export const KEY_POLICY_MAX_BYTES = 32_768;

/** UTF-8 length without allocating an encoder (core stays free of Node APIs). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** kms-facts §5: a key policy is at most 32,768 bytes (LimitExceededException). */
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
