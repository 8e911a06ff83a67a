import { safeText } from '../../terminal-safe.js';
import type { DocumentRule } from '../types.js';

const ARN_FORM: Record<string, string> = {
  StringEquals: 'ArnEquals',
  StringLike: 'ArnLike',
  StringNotEquals: 'ArnNotEquals',
  StringNotLike: 'ArnNotLike',
};

/**
 * IAM User Guide, aws:SourceArn: "AWS recommends that you use ARN operators
 * instead of string operators when comparing ARNs" (and the KMS Developer
 * Guide's service-principal example uses ArnEquals). Several service pages
 * still show StringEquals, so copied policies carry it.
 */
export const sourceArnStringOperator: DocumentRule = {
  code: 'KW317',
  name: 'source-arn-string-operator',
  severity: 'warning',
  title: 'aws:SourceArn compared with a string operator (AWS recommends ArnEquals/ArnLike)',
  appliesTo: 'any',
  check(doc, report) {
    for (const s of doc.statements) {
      for (const c of s.conditions) {
        if (!c.op || c.key.toLowerCase() !== 'aws:sourcearn') continue;
        const arn = ARN_FORM[c.op.base];
        if (!arn) continue;
        const fixed = `${c.op.setPrefix ? `${c.op.setPrefix}:` : ''}${arn}${c.op.ifExists ? 'IfExists' : ''}`;
        report(c.operatorLoc, `"${safeText(c.operator)}" compares "${safeText(c.key)}" as a string; AWS recommends ARN operators for ARNs (IAM User Guide, aws:SourceArn). Use "${fixed}" with the same value.`);
      }
    }
  },
};
