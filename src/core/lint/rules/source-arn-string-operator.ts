import { safeText } from '../../terminal-safe.js';
import { isLiteralStringOperator } from '../operators.js';
import type { DocumentRule } from '../types.js';

const ARN_FORM: Record<string, string> = {
  StringEquals: 'ArnEquals',
  StringLike: 'ArnLike',
  StringNotEquals: 'ArnNotEquals',
  StringNotLike: 'ArnNotLike',
};

/** `*` or `?` outside a policy variable: a pattern, which StringEquals compares literally (KW312 reports that). */
function hasWildcard(value: unknown): boolean {
  return typeof value === 'string' && /[*?]/.test(value.replace(/\$\{[^}]*\}/g, ''));
}

/**
 * A style note, not a defect. IAM User Guide, aws:SourceArn ("AWS global
 * condition context keys", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourcearn):
 * "AWS recommends that you use ARN operators instead of string operators when
 * comparing ARNs", yet AWS's own key-policy examples compare an exact
 * aws:SourceArn with StringEquals ("Configure AWS KMS key policies for
 * CloudTrail", https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html;
 * AWS Config, "Permissions for the KMS key",
 * https://docs.aws.amazon.com/config/latest/developerguide/s3-kms-key-policy.html),
 * and for an exact ARN StringEquals and ArnEquals match the same requests.
 * Hence info. Where it matters, a wildcard under StringEquals (it matches
 * only a literal "*"), KW312 reports an error and this rule stays silent.
 */
export const sourceArnStringOperator: DocumentRule = {
  code: 'KW317',
  name: 'source-arn-string-operator',
  severity: 'info',
  title: 'aws:SourceArn compared with a string operator (style: AWS recommends ArnEquals/ArnLike)',
  appliesTo: 'any',
  check(doc, report) {
    for (const s of doc.statements) {
      for (const c of s.conditions) {
        if (!c.op || c.key.toLowerCase() !== 'aws:sourcearn') continue;
        const arn = ARN_FORM[c.op.base];
        if (!arn) continue;
        if (isLiteralStringOperator(c.op) && c.values.some((v) => hasWildcard(v.value))) continue; // KW312
        const fixed = `${c.op.setPrefix ? `${c.op.setPrefix}:` : ''}${arn}${c.op.ifExists ? 'IfExists' : ''}`;
        report(
          c.operatorLoc,
          `"${safeText(c.operator)}" compares "${safeText(c.key)}" as a string. It matches the same requests as "${fixed}" here, but AWS recommends ARN operators for ARNs (IAM User Guide, aws:SourceArn): "${fixed}" with the same value is the usual form.`,
        );
      }
    }
  },
};
