/**
 * AWS services that call KMS as themselves (`"Principal": {"Service": ...}`),
 * not with a caller's credentials, so kms:ViaService cannot describe them.
 * Data only; the statements are built in core/service-principal-statements.ts.
 *
 * Sources (one page per entry, in `doc`): the AWS documentation page that
 * gives the key policy statement for that use. Where AWS's own pages
 * disagree or leave a fact open, the entry says so in `note` and the builder
 * takes the tighter documented form.
 */
import type { Partition } from './regions.js';
import { lazy } from '../lazy.js';
import { serviceNamesTyped } from './services.js';

/** How the service principal is spelled in a Region. */
export type PrincipalForm =
  /** `name.amazonaws.com` everywhere. */
  | 'global'
  /** `name.REGION.amazonaws.com` always (CloudWatch Logs). */
  | 'regional'
  /** `name.amazonaws.com`, but `name.REGION.amazonaws.com` in opt-in Regions (GuardDuty, Inspector, Macie). */
  | 'regional-in-opt-in';

export interface PrincipalServiceEntry {
  /** The name `--service` takes. */
  readonly id: string;
  readonly title: string;
  readonly aliases: readonly string[];
  /** Principal name without the suffix: `cloudtrail` -> cloudtrail.amazonaws.com. */
  readonly principalName: string;
  readonly principalForm: PrincipalForm;
  /** The AWS page the statements follow. */
  readonly doc: string;
  /**
   * ARNs `--source-arn` accepts for this service: the ARN's service part and
   * the start of its resource part. Absent: AWS always sends the same
   * pattern, so the scope cannot be narrowed to a resource.
   */
  readonly sourceArn?: { readonly service: string; readonly resourcePrefix: string; readonly example: string };
  /** The kms:ViaService name of a caller-role statement AWS also documents (CloudWatch Logs). */
  readonly callerViaService?: string;
  /** What the user should know about this service's statements. */
  readonly note?: string;
}

const DOC = {
  cloudtrail: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html',
  logs: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html',
  vended: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-V2-S3.html',
  config: 'https://docs.aws.amazon.com/config/latest/developerguide/s3-kms-key-policy.html',
  guardduty: 'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_exportfindings.html',
  dnssec: 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/access-control-managing-permissions.html#KMS-key-policy-for-DNSSEC',
  ses: 'https://docs.aws.amazon.com/ses/latest/dg/receiving-email-permissions.html',
  inspector: 'https://docs.aws.amazon.com/inspector/latest/user/findings-managing-exporting-reports.html',
  macie: 'https://docs.aws.amazon.com/macie/latest/user/discovery-results-repository-s3.html',
  eventBus: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-encryption-event-bus-cmkey.html',
  sns: 'https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html',
  sqs: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-key-management.html',
  alb: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html',
  s3Logging: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html',
} as const;

export const PRINCIPAL_SERVICES: readonly PrincipalServiceEntry[] = [
  {
    id: 'cloudtrail',
    title: 'AWS CloudTrail (trail log files to an SSE-KMS bucket)',
    aliases: ['trail', 'trails'],
    principalName: 'cloudtrail',
    principalForm: 'global',
    doc: DOC.cloudtrail,
    sourceArn: { service: 'cloudtrail', resourcePrefix: 'trail/', example: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/my-trail' },
    note:
      'CloudTrail: AWS shows the CloudTrail decrypt statement without a condition; kms-wizard limits it to your trails\' encryption context. ' +
      'An organization trail sends the management account\'s trail ARN: add that account with --consumer. ' +
      'CloudTrail Lake event data stores need a different statement (no source keys are supported there) and are not generated.',
  },
  {
    id: 'logs',
    title: 'Amazon CloudWatch Logs (log-group encryption)',
    aliases: ['cloudwatch-logs', 'log-groups'],
    principalName: 'logs',
    principalForm: 'regional',
    doc: DOC.logs,
    sourceArn: { service: 'logs', resourcePrefix: 'log-group:', example: 'arn:aws:logs:us-east-1:111122223333:log-group:my-group' },
    callerViaService: 'logs',
    note:
      'CloudWatch Logs: the principal is logs.REGION.amazonaws.com and the key must be in that Region. ' +
      'kms:DescribeKey is left out of the service statement: AWS\'s example puts kms:Describe* under the kms:EncryptionContext:aws:logs:arn condition, which DescribeKey never carries, so it never allowed it. ' +
      'AWS documents no aws:SourceArn/aws:SourceAccount for log-group encryption; the encryption context scopes it. ' +
      'The roles that call CloudWatch Logs get the documented kms:ViaService logs.REGION.amazonaws.com statement.',
  },
  {
    id: 'delivery.logs',
    title: 'Vended logs to an SSE-KMS bucket (VPC Flow Logs, NLB, Network Firewall, Route 53 Resolver, ...)',
    aliases: ['vended-logs', 'delivery-logs', 'flow-logs', 'vpc-flow-logs'],
    principalName: 'delivery.logs',
    principalForm: 'global',
    doc: DOC.vended,
    sourceArn: { service: 'logs', resourcePrefix: 'delivery-source:', example: 'arn:aws:logs:us-east-1:111122223333:delivery-source:my-source' },
    note:
      'Vended logs: aws:SourceArn is a CloudWatch Logs ARN of the delivering account and Region, not the VPC or load balancer. ' +
      'The default arn:...:logs:REGION:ACCOUNT:* covers both the older CreateFlowLogs deliveries and the V2 delivery-source:* ones; ' +
      'name delivery sources with --source-arn to narrow it. Use a customer managed key (an AWS managed key gives unreadable logs).',
  },
  {
    id: 'config',
    title: 'AWS Config (delivery channel to an SSE-KMS bucket)',
    aliases: ['aws-config'],
    principalName: 'config',
    principalForm: 'global',
    doc: DOC.config,
    note:
      'AWS Config: AWS always sends aws:SourceArn arn:aws:config:REGION:ACCOUNT:* for the delivery channel, so it is scoped by account and Region. ' +
      'Config uses this principal when it uses its service-linked role; with your own IAM role, that role needs the key instead.',
  },
  {
    id: 'guardduty',
    title: 'Amazon GuardDuty (findings export to an SSE-KMS bucket)',
    aliases: ['guardduty-export', 'guardduty-findings'],
    principalName: 'guardduty',
    principalForm: 'regional-in-opt-in',
    doc: DOC.guardduty,
    sourceArn: { service: 'guardduty', resourcePrefix: 'detector/', example: 'arn:aws:guardduty:us-east-1:111122223333:detector/12abc34d567e8fa901bc2d34e56789f0' },
    note:
      'GuardDuty: the Regions are those where findings are generated (the detector\'s Region); the key and bucket must share a Region. ' +
      'For kms:ViaService use by GuardDuty Malware Protection, use --service malware-protection.',
  },
  {
    id: 'route53-dnssec',
    title: 'Amazon Route 53 DNSSEC signing (key-signing key)',
    aliases: ['dnssec', 'route53'],
    principalName: 'dnssec-route53',
    principalForm: 'global',
    doc: DOC.dnssec,
    sourceArn: { service: 'route53', resourcePrefix: 'hostedzone/', example: 'arn:aws:route53:::hostedzone/Z1D633PJN98FT9' },
    note:
      'Route 53 DNSSEC: the key must be an asymmetric ECC_NIST_P256 SIGN_VERIFY key in us-east-1. ' +
      'The kms:CreateGrant statement follows AWS\'s form (kms:GrantIsForAWSResource only): AWS documents the source conditions for the signing statement.',
  },
  {
    id: 'ses',
    title: 'Amazon SES email receiving (S3 action with KMS encryption)',
    aliases: ['ses-receiving', 'email-receiving'],
    principalName: 'ses',
    principalForm: 'global',
    doc: DOC.ses,
    sourceArn: { service: 'ses', resourcePrefix: 'receipt-rule-set/', example: 'arn:aws:ses:us-east-1:111122223333:receipt-rule-set/my-set:receipt-rule/my-rule' },
    note:
      'SES receiving: SES encrypts with the Amazon S3 encryption client, so read the mail with it. ' +
      'For SES calling KMS with a caller\'s credentials, give the ViaService value ses.REGION.amazonaws.com instead.',
  },
  {
    id: 'inspector2',
    title: 'Amazon Inspector (findings report export)',
    aliases: ['inspector', 'inspector-reports'],
    principalName: 'inspector2',
    principalForm: 'regional-in-opt-in',
    doc: DOC.inspector,
    sourceArn: { service: 'inspector2', resourcePrefix: 'report/', example: 'arn:aws:inspector2:us-east-1:111122223333:report/*' },
  },
  {
    id: 'macie',
    title: 'Amazon Macie (sensitive data discovery results)',
    aliases: ['macie-results', 'macie2'],
    principalName: 'macie',
    principalForm: 'regional-in-opt-in',
    doc: DOC.macie,
    sourceArn: { service: 'macie2', resourcePrefix: '', example: 'arn:aws:macie2:us-east-1:111122223333:classification-job/*' },
    note: 'Macie: for Macie calling KMS with a caller\'s credentials, give the ViaService value macie.REGION.amazonaws.com instead.',
  },
  {
    id: 'events',
    title: 'Amazon EventBridge event bus encryption',
    aliases: ['eventbridge', 'event-bus'],
    principalName: 'events',
    principalForm: 'global',
    doc: DOC.eventBus,
    sourceArn: { service: 'events', resourcePrefix: 'event-bus/', example: 'arn:aws:events:us-east-1:111122223333:event-bus/my-bus' },
    note:
      'EventBridge event buses: AWS shows kms:DescribeKey for events.amazonaws.com without a condition; kms-wizard limits it to your event buses with aws:SourceArn ' +
      '(not confirmed in AWS text that EventBridge sends it on DescribeKey: if enabling encryption fails on DescribeKey, that condition is why).',
  },
  {
    id: 'cloudwatch-alarms',
    title: 'CloudWatch alarms publishing to an encrypted SNS topic',
    aliases: ['alarms', 'cloudwatch-alarms-to-sns'],
    principalName: 'cloudwatch',
    principalForm: 'global',
    doc: DOC.sns,
    sourceArn: { service: 'cloudwatch', resourcePrefix: 'alarm:', example: 'arn:aws:cloudwatch:us-east-1:111122223333:alarm:my-alarm' },
    note:
      'CloudWatch alarms: the SNS guide gives the generic aws:SourceAccount/aws:SourceArn form; the alarm ARN as aws:SourceArn in KMS requests is not confirmed in AWS text. ' +
      'The topic policy must also allow sns:Publish to cloudwatch.amazonaws.com.',
  },
  {
    id: 's3-notifications',
    title: 'S3 event notifications to an encrypted SNS topic or SQS queue',
    aliases: ['s3-events', 's3-event-notifications'],
    principalName: 's3',
    principalForm: 'global',
    doc: DOC.sqs,
    sourceArn: { service: 's3', resourcePrefix: '', example: 'arn:aws:s3:::my-bucket' },
    note:
      'S3 event notifications: scoped with aws:SourceAccount (the bucket owner); name buckets with --source-arn to add aws:SourceArn. ' +
      'The SQS guide lists S3 as sending aws:SourceArn; the S3 guide shows this statement without conditions.',
  },
  {
    id: 'events-to-sqs',
    title: 'EventBridge rules targeting an encrypted SQS queue',
    aliases: ['eventbridge-to-sqs', 'eventbridge-rules'],
    principalName: 'events',
    principalForm: 'global',
    doc: DOC.sqs,
    sourceArn: { service: 'events', resourcePrefix: 'rule/', example: 'arn:aws:events:us-east-1:111122223333:rule/my-rule' },
  },
  {
    id: 'sns-to-sqs',
    title: 'SNS topic subscriptions delivering to an encrypted SQS queue',
    aliases: ['sns-subscriptions'],
    principalName: 'sns',
    principalForm: 'global',
    doc: DOC.sqs,
    sourceArn: { service: 'sns', resourcePrefix: '', example: 'arn:aws:sns:us-east-1:111122223333:my-topic' },
  },
];

/** Uses AWS documents as impossible with a KMS key, or impossible to scope: refused with the reason. */
export interface RefusedServiceEntry {
  readonly id: string;
  readonly title: string;
  readonly aliases: readonly string[];
  readonly explanation: string;
}

export const REFUSED_SERVICES: readonly RefusedServiceEntry[] = [
  {
    id: 'alb-access-logs',
    title: 'Application Load Balancer access logs',
    aliases: ['alb', 'elb-access-logs', 'alb-logs'],
    explanation: `AWS documents that ALB access logs support only SSE-S3 (Amazon S3 managed keys) on the bucket, not SSE-KMS; see ${DOC.alb}`,
  },
  {
    id: 's3-server-access-logs',
    title: 'S3 server access logging',
    aliases: ['s3-access-logs', 'logging.s3', 's3-server-access-logging'],
    explanation: `AWS documents that the target bucket of S3 server access logs can use default encryption only with SSE-S3, not SSE-KMS; see ${DOC.s3Logging}`,
  },
  {
    id: 'events-to-sns',
    title: 'EventBridge rules targeting an encrypted SNS topic',
    aliases: ['eventbridge-to-sns'],
    explanation:
      `the SNS guide says aws:SourceAccount, aws:SourceArn and aws:SourceOrgID are not supported for EventBridge-to-encrypted-topic (${DOC.sns}), ` +
      'so a statement for events.amazonaws.com could not be scoped to your rules and kms-wizard does not generate it. ' +
      'If you accept that, add AWS\'s statement by hand (events.amazonaws.com: kms:Decrypt, kms:GenerateDataKey) and rely on the topic policy to limit who publishes; or target an SQS queue (--service events-to-sqs)',
  },
];

/**
 * Regions that are disabled by default (opt-in): a service there calling
 * across Regions uses `name.REGION.amazonaws.com`, and GuardDuty, Inspector
 * and Macie say to use that form in them. Source: IAM User Guide, "AWS
 * service principals in opt-in Regions"; AWS General Reference, "AWS Regions".
 */
export const OPT_IN_REGIONS: readonly string[] = [
  'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-south-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5',
  'ap-southeast-6', 'ap-southeast-7', 'ca-west-1', 'eu-central-2', 'eu-south-1', 'eu-south-2', 'il-central-1',
  'me-central-1', 'me-south-1', 'mx-central-1',
];

/** The service principal an entry uses in a Region. Service principals end in .amazonaws.com in every partition. */
export function servicePrincipal(entry: PrincipalServiceEntry, region: string): string {
  const regional = entry.principalForm === 'regional' || (entry.principalForm === 'regional-in-opt-in' && OPT_IN_REGIONS.includes(region));
  return regional ? `${entry.principalName}.${region}.amazonaws.com` : `${entry.principalName}.amazonaws.com`;
}

/** Facts that hold only in some partitions, told to the user with the statements. */
export function partitionNote(entry: PrincipalServiceEntry, partition: Partition): string | undefined {
  if (partition === 'aws-cn' && entry.principalForm === 'regional') {
    return `${entry.title}: AWS text confirms the principal form in China only for CloudTrail, vended logs and Config; ${entry.principalName}.REGION.amazonaws.com is used here, as in every other partition (not confirmed for China).`;
  }
  return undefined;
}

const norm = (name: string) => name.trim().toLowerCase().replace(/[\s_]+/g, '-');

export function findPrincipalService(name: string): PrincipalServiceEntry | undefined {
  const n = norm(name);
  return PRINCIPAL_SERVICES.find((s) => s.id === n || s.aliases.includes(n));
}

export function findRefusedService(name: string): RefusedServiceEntry | undefined {
  const n = norm(name);
  return REFUSED_SERVICES.find((s) => s.id === n || s.aliases.includes(n));
}

/** The entries whose service principal is `principal` (`logs.us-east-1.amazonaws.com`, `cloudtrail.amazonaws.com`). */
export function principalServicesFor(principal: string): PrincipalServiceEntry[] {
  const m = /^([a-z0-9.-]+?)(?:\.([a-z]{2}(?:-gov)?-[a-z]+-\d{1,2}))?\.amazonaws\.com(?:\.cn)?$/.exec(principal.trim().toLowerCase());
  if (!m) return [];
  return PRINCIPAL_SERVICES.filter((s) => s.principalName === m[1]);
}

/** Every name `--service` takes by name: ViaService catalog names and aliases, and these services' ids and aliases. */
export const allServiceNamesTyped: () => readonly string[] = lazy(() => [...new Set([...serviceNamesTyped(), ...PRINCIPAL_SERVICES.flatMap((s) => [s.id, ...s.aliases])])].sort());
