/**
 * What each service-principal service sends KMS, per the AWS page its
 * catalog entry cites (catalog/service-principals.ts): the calls it makes,
 * the resource ARN it names, and where that ARN travels (an encryption-context
 * key, aws:SourceArn / aws:SourceAccount). Written from the documentation,
 * not from the statements kms-wizard builds, so the self-check
 * (./self-check.ts) tests the statements against the services' behaviour.
 * Resource names (`example-...`) are the self-check's own.
 */
export interface ServiceCall {
  readonly action: string;
  /** The encryption-context key that carries the resource ARN (Encrypt, Decrypt, GenerateDataKey only). */
  readonly contextKey?: string;
  /** Whether the call carries aws:SourceArn and aws:SourceAccount. */
  readonly source: boolean;
  /** Other context keys the call carries (CreateGrant for an AWS resource). */
  readonly extra?: Readonly<Record<string, boolean>>;
}

export interface ServiceRequests {
  /** A resource of `account` in `region` (partition `p`) the service acts for. */
  readonly resource: (p: string, region: string, account: string) => string;
  /** The ARN the service sends for a resource the user named as `arn` (its form may differ from the copied one). */
  readonly sent?: (arn: string) => string;
  readonly calls: readonly ServiceCall[];
}

/** GenerateDataKey with the source keys and no encryption-context condition to meet. */
const gdk = (): ServiceCall => ({ action: 'kms:GenerateDataKey', source: true });

export const SERVICE_REQUESTS: Readonly<Record<string, ServiceRequests>> = {
  // "Configure AWS KMS key policies for CloudTrail"; KMS DG "How AWS CloudTrail uses AWS KMS": the context
  // aws:cloudtrail:arn is the trail ARN, aws:SourceArn the trail ARN; CloudTrail also decrypts and describes the key.
  cloudtrail: {
    resource: (p, r, a) => `arn:${p}:cloudtrail:${r}:${a}:trail/example-trail`,
    calls: [
      { action: 'kms:GenerateDataKey', contextKey: 'aws:cloudtrail:arn', source: true },
      { action: 'kms:Decrypt', contextKey: 'aws:cloudtrail:arn', source: true },
      { action: 'kms:DescribeKey', source: true },
    ],
  },
  // "Encrypt log data in CloudWatch Logs using AWS KMS": aws:logs:arn is the log group's ARN, without the ":*"
  // that DescribeLogGroups' `arn` has (CloudWatch Logs API Reference, LogGroup: logGroupArn); no source keys documented.
  logs: {
    resource: (p, r, a) => `arn:${p}:logs:${r}:${a}:log-group:example-group`,
    sent: (arn) => arn.replace(/(:log-group:[^:]+):\*$/, '$1'),
    calls: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'].map((action) => ({ action, contextKey: 'aws:logs:arn', source: false })),
  },
  // "AWS-logs-infrastructure-V2-S3": aws:SourceArn is a CloudWatch Logs delivery ARN of the account and Region.
  'delivery.logs': {
    resource: (p, r, a) => `arn:${p}:logs:${r}:${a}:delivery-source:example-source`,
    calls: [gdk(), { action: 'kms:Decrypt', source: true }],
  },
  // "Permissions for the KMS key" (AWS Config): aws:SourceArn "will always be set to arn:aws:config:sourceRegion:sourceAccountID:*".
  config: {
    resource: (p, r, a) => `arn:${p}:config:${r}:${a}:*`,
    calls: [gdk(), { action: 'kms:Decrypt', source: true }],
  },
  // "Exporting findings" (GuardDuty): the detector ARN as aws:SourceArn.
  guardduty: { resource: (p, r, a) => `arn:${p}:guardduty:${r}:${a}:detector/example-detector`, calls: [gdk()] },
  // Route 53 "KMS key policy for DNSSEC": the hosted zone as aws:SourceArn; CreateGrant for an AWS resource.
  'route53-dnssec': {
    resource: (p) => `arn:${p}:route53:::hostedzone/ZEXAMPLE`,
    calls: [
      { action: 'kms:DescribeKey', source: true },
      { action: 'kms:GetPublicKey', source: true },
      { action: 'kms:Sign', source: true },
      { action: 'kms:CreateGrant', source: true, extra: { 'kms:GrantIsForAWSResource': true } },
    ],
  },
  // SES "Give permissions for email receiving": the receipt rule as aws:SourceArn.
  ses: { resource: (p, r, a) => `arn:${p}:ses:${r}:${a}:receipt-rule-set/example-set:receipt-rule/example-rule`, calls: [gdk()] },
  // Inspector "Exporting findings reports": report ARNs as aws:SourceArn.
  inspector2: { resource: (p, r, a) => `arn:${p}:inspector2:${r}:${a}:report/example-report`, calls: [gdk(), { action: 'kms:Decrypt', source: true }] },
  // Macie "Storing and retaining sensitive data discovery results": job ARNs as aws:SourceArn.
  macie: { resource: (p, r, a) => `arn:${p}:macie2:${r}:${a}:classification-job/example-job`, calls: [gdk(), { action: 'kms:Encrypt', source: true }] },
  // "Encrypting EventBridge event buses with AWS KMS keys": the bus ARN as context aws:events:event-bus:arn and aws:SourceArn.
  events: {
    resource: (p, r, a) => `arn:${p}:events:${r}:${a}:event-bus/example-bus`,
    calls: [
      { action: 'kms:GenerateDataKey', contextKey: 'aws:events:event-bus:arn', source: true },
      { action: 'kms:Decrypt', contextKey: 'aws:events:event-bus:arn', source: true },
      { action: 'kms:DescribeKey', source: true },
    ],
  },
  // SNS "Key management" (AWS sources publishing to an encrypted topic).
  'cloudwatch-alarms': { resource: (p, r, a) => `arn:${p}:cloudwatch:${r}:${a}:alarm:example-alarm`, calls: [gdk(), { action: 'kms:Decrypt', source: true }] },
  // S3 "Granting permissions to publish event notification messages to a destination": the bucket ARN, never an object ARN.
  's3-notifications': {
    resource: (p) => `arn:${p}:s3:::example-bucket`,
    sent: (arn) => arn.replace(/^(arn:[^:]+:s3:::[^/]+)\/.*$/, '$1'),
    calls: [gdk(), { action: 'kms:Decrypt', source: true }],
  },
  // SQS "Key management": EventBridge rules and SNS topics as aws:SourceArn.
  'events-to-sqs': { resource: (p, r, a) => `arn:${p}:events:${r}:${a}:rule/example-rule`, calls: [gdk(), { action: 'kms:Decrypt', source: true }] },
  'sns-to-sqs': { resource: (p, r, a) => `arn:${p}:sns:${r}:${a}:example-topic`, calls: [gdk(), { action: 'kms:Decrypt', source: true }] },
};
