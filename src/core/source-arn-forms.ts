// The ARN a user copies is not always the ARN a service sends. A --source-arn
// in a copied form is rewritten to the form the service puts in the request
// (its encryption context or aws:SourceArn), with a note that says so: the
// copied form would match nothing and silently deny the service.
//
// Checked per service-principal service (catalog/service-principals.ts):
// - CloudWatch Logs: DescribeLogGroups' `arn` (what the console shows) ends
//   in `:*`; `logGroupArn` does not. The encryption context
//   aws:logs:arn is the log-group ARN without `:*`: AssociateKmsKey's
//   resourceIdentifier is "arn:aws:logs:REGION:ACCOUNT_ID:log-group:LOG_GROUP_NAME"
//   and the key-policy example in "Encrypt log data in CloudWatch Logs using
//   AWS KMS" (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html)
//   has no `:*`. CloudWatch Logs API Reference, LogGroup: "arn ... includes a
//   trailing :*", "logGroupArn ... doesn't include a trailing :*".
// - S3 event notifications: aws:SourceArn is the bucket's ARN
//   (arn:aws:s3:::BUCKET), never an object ARN (BUCKET/KEY or BUCKET/*):
//   "Granting permissions to publish event notification messages to a
//   destination", https://docs.aws.amazon.com/AmazonS3/latest/userguide/grant-destinations-permissions-to-s3.html
// - CloudTrail (trail/NAME), EventBridge (event-bus/NAME, rule/[BUS/]NAME),
//   SNS topics, GuardDuty detectors, SES receipt rules, Inspector reports,
//   Macie jobs, CloudWatch alarms (alarm:NAME), Route 53 hosted zones and
//   vended-logs delivery sources: the ARN the console and the Describe/Get
//   APIs show is the one the service sends; no copied form differs.
import { safeText } from './terminal-safe.js';

/** A --source-arn in the form the service sends, and what was changed (when anything was). */
export interface SourceArnForm {
  readonly arn: string;
  readonly note?: string;
}

/** The form of `arn` that service `entryId` sends; `arn` as given when it already is that form. */
export function sentSourceArn(entryId: string, arn: string): SourceArnForm {
  if (entryId === 'logs') {
    // Log-group names hold no ':' ([.\-_/#A-Za-z0-9]+), so ':*' after the name is always the console's suffix.
    const m = /^(arn:[^:]+:logs:[^:]*:[^:]*:log-group:[^:]+):\*$/.exec(arn);
    if (m) {
      return {
        arn: m[1]!,
        note:
          `--source-arn ${safeText(arn)}: written as ${safeText(m[1]!)}. The console and describe-log-groups show a log group's ARN with a trailing ":*", ` +
          'but CloudWatch Logs sends kms:EncryptionContext:aws:logs:arn without it, so the ":*" form would match nothing and deny log delivery.',
      };
    }
  }
  if (entryId === 's3-notifications') {
    const m = /^(arn:[^:]+:s3:::[^/]+)\/.*$/.exec(arn);
    if (m) {
      return {
        arn: m[1]!,
        note: `--source-arn ${safeText(arn)}: written as ${safeText(m[1]!)}. S3 event notifications send the bucket's ARN as aws:SourceArn, never an object ARN, so the object form would match nothing.`,
      };
    }
  }
  return { arn };
}
