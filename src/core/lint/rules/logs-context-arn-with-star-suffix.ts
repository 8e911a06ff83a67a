import { safeText } from '../../terminal-safe.js';
import type { DocumentRule } from '../types.js';

/** A log group's ARN in the form DescribeLogGroups' `arn` and the console show: the name, then ":*". */
const CONSOLE_FORM = /^(arn:[^:]+:logs:[^:]*:[^:]*:log-group:[^:]+):\*$/;

/**
 * CloudWatch Logs sends kms:EncryptionContext:aws:logs:arn as the log
 * group's ARN without a trailing ":*" (AssociateKmsKey's resourceIdentifier
 * "arn:aws:logs:REGION:ACCOUNT_ID:log-group:LOG_GROUP_NAME"; the key policy
 * in "Encrypt log data in CloudWatch Logs using AWS KMS",
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html).
 * The ":*" form is the `arn` field of DescribeLogGroups (CloudWatch Logs API
 * Reference, LogGroup: "This version of the ARN includes a trailing :*"):
 * copied into the condition it matches no request, so the statement silently
 * denies delivery. An error, as what denies what a statement exists to allow is.
 */
export const logsContextArnWithStarSuffix: DocumentRule = {
  code: 'KW420',
  name: 'logs-context-arn-with-star-suffix',
  severity: 'error',
  title: 'kms:EncryptionContext:aws:logs:arn names a log group with a trailing ":*" (CloudWatch Logs never sends it)',
  appliesTo: 'any',
  check(doc, report) {
    for (const s of doc.statements) {
      for (const c of s.conditions) {
        if (c.key.toLowerCase() !== 'kms:encryptioncontext:aws:logs:arn') continue;
        // A negated operator (ArnNotEquals) with the ":*" form excludes nothing: the same mistake.
        for (const v of c.values) {
          if (typeof v.value !== 'string') continue;
          const m = CONSOLE_FORM.exec(v.value);
          if (!m) continue;
          report(
            v.loc,
            `"${safeText(v.value)}" is the log group's ARN as the console and describe-log-groups show it; CloudWatch Logs sends kms:EncryptionContext:aws:logs:arn without the trailing ":*", ` +
              `so this value matches no request and log delivery is denied. Write "${safeText(m[1]!)}".`,
          );
        }
      }
    }
  },
};
