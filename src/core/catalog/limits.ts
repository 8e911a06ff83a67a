/**
 * Size limits AWS enforces on the documents this tool writes and checks
 * ("Resource quotas", https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html; "IAM and AWS STS quotas", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html),
 * and how each is counted. `generate` warns and `lint`
 * reports with the same numbers.
 */

/** A key policy is at most 32,768 bytes (LimitExceededException) [resource-limits]. */
export const KEY_POLICY_MAX_BYTES = 32_768;

/** A managed IAM policy is at most 6,144 characters, white space not counted [reference_iam-quotas]. */
export const IAM_MANAGED_POLICY_MAX_CHARS = 6_144;

/** UTF-8 length without an encoder (core stays free of Node APIs). */
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

/** The length IAM counts against its limit: characters other than white space. */
export function iamPolicyLength(text: string): number {
  return text.replace(/\s/g, '').length;
}
