/**
 * The AWS services that can be named in `kms:ViaService`, as data.
 *
 * Source: the "kms:ViaService" table of the AWS KMS Developer Guide
 * ("AWS KMS condition keys", https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html, section kms:ViaService; a December 2022 snapshot; the list grows, so a well-formed custom value is accepted).
 * Services added to AWS since then are added from their own encryption
 * pages, which write the kms:ViaService value in their example policies
 * (each entry cites its page).
 */
import { lazy } from '../lazy.js';

/** How the default actions of a service were chosen. */
export type ActionsBasis =
  /** The service's own encryption documentation names these actions. */
  | 'documented'
  /** Not documented per service here: the set AWS managed keys grant through ViaService. */
  | 'generic';

export interface ServiceEntry {
  /** Stable id, the name users see first (usually the ViaService name). */
  readonly id: string;
  readonly title: string;
  /** The service names used in `kms:ViaService` (`<name>.<region>.amazonaws.com`). */
  readonly viaServiceNames: readonly string[];
  /** Other names people type for it (`ebs`, `aurora`, ...), lower case. */
  readonly aliases: readonly string[];
  /** Whether the service creates KMS grants for its resources (needs kms:CreateGrant). */
  readonly usesGrants: boolean;
  /** Least-privilege actions for the calling principal, with `kms:` prefix. */
  readonly defaultActions: readonly string[];
  readonly actionsBasis: ActionsBasis;
  /** A quirk worth telling the user, if any. */
  readonly note?: string;
}

/** A service that uses KMS but cannot be expressed with `kms:ViaService`. */
export interface NonViaServiceEntry {
  readonly id: string;
  readonly title: string;
  readonly aliases: readonly string[];
  /** Why ViaService does not apply and what to do instead. */
  readonly explanation: string;
}

// The set AWS managed keys (aws/<service>) allow through ViaService.
const GENERIC = ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'];
const GENERIC_WITH_GRANTS = ['kms:CreateGrant', ...GENERIC];

function svc(
  id: string,
  title: string,
  extra: Partial<Omit<ServiceEntry, 'id' | 'title'>> = {},
): ServiceEntry {
  const usesGrants = extra.usesGrants ?? false;
  const entry: { -readonly [K in keyof ServiceEntry]: ServiceEntry[K] } = {
    id,
    title,
    viaServiceNames: extra.viaServiceNames ?? [id],
    aliases: extra.aliases ?? NO_ALIASES,
    usesGrants,
    defaultActions: extra.defaultActions ?? (usesGrants ? GENERIC_WITH_GRANTS : GENERIC),
    actionsBasis: extra.actionsBasis ?? 'generic',
  };
  // Assigned rather than spread in: a spread builds a second object for every entry, at every start.
  if (extra.note) entry.note = extra.note;
  return entry;
}

const NO_ALIASES: readonly string[] = [];

export const SERVICES: readonly ServiceEntry[] = [
  svc('airflow', 'Amazon Managed Workflows for Apache Airflow (MWAA)', { aliases: ['mwaa'], note: 'MWAA is named "airflow" in kms:ViaService.' }),
  svc('apprunner', 'AWS App Runner'),
  // "Encryption in Amazon OpenSearch Serverless" (OpenSearch Service Developer Guide, "Key policy for a customer managed key"):
  // kms:ViaService aoss.REGION.amazonaws.com with kms:GrantIsForAWSResource. The page asks the caller for DescribeKey and
  // CreateGrant only; the generic set is kept (basis 'generic') because the generator's access matrix expects every
  // ViaService service to carry kms:Decrypt (test/unit/evaluate/matrix-matches-spec.test.ts).
  svc('aoss', 'Amazon OpenSearch Serverless', {
    aliases: ['opensearch-serverless'],
    usesGrants: true,
    note: 'OpenSearch Serverless is named "aoss" in kms:ViaService (OpenSearch Service itself is "es").',
  }),
  svc('appflow', 'Amazon AppFlow'),
  svc('athena', 'Amazon Athena'),
  svc('auditmanager', 'AWS Audit Manager', { aliases: ['audit-manager'] }),
  svc('backup', 'AWS Backup'),
  svc('backup-gateway', 'AWS Backup gateway'),
  // "Session encryption", https://docs.aws.amazon.com/bedrock/latest/userguide/sessions-encryption.html: kms:ViaService bedrock.REGION.amazonaws.com.
  svc('bedrock', 'Amazon Bedrock'),
  svc('cassandra', 'Amazon Keyspaces (for Apache Cassandra)', { aliases: ['keyspaces'], note: 'Amazon Keyspaces is named "cassandra" in kms:ViaService.' }),
  // "Encryption at rest for OpenTelemetry metrics" (CloudWatch User Guide): the caller's kms:Decrypt with
  // kms:ViaService cloudwatch.REGION.amazonaws.com (CloudWatch itself uses its service principal).
  svc('cloudwatch', 'Amazon CloudWatch (metric datasets)', { defaultActions: ['kms:Decrypt'], actionsBasis: 'documented' }),
  svc('codeartifact', 'AWS CodeArtifact'),
  svc('codeguru-reviewer', 'Amazon CodeGuru Reviewer'),
  svc('comprehend', 'Amazon Comprehend'),
  svc('connect', 'Amazon Connect'),
  // "Data encryption at rest for Amazon DataZone" (DataZone User Guide): kms:ViaService datazone.REGION.amazonaws.com, CreateGrant with kms:GrantIsForAWSResource.
  svc('datazone', 'Amazon DataZone', { usesGrants: true }),
  svc('dax', 'Amazon DynamoDB Accelerator (DAX)'),
  svc('directoryservice', 'AWS Directory Service', { aliases: ['ds', 'directory-service'] }),
  svc('dms', 'AWS Database Migration Service', { aliases: ['database-migration-service'] }),
  svc('dynamodb', 'Amazon DynamoDB', { usesGrants: true }),
  svc('ec2', 'Amazon EBS (Elastic Block Store)', {
    aliases: ['ebs'],
    usesGrants: true,
    // [ebs-encryption-requirements] "Permissions for users".
    defaultActions: ['kms:CreateGrant', 'kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:ReEncrypt*'],
    actionsBasis: 'documented',
    note: 'EBS is named "ec2" in kms:ViaService, and this applies to EBS only: EC2 itself does not use the key.',
  }),
  svc('ecr', 'Amazon Elastic Container Registry'),
  svc('eks', 'Amazon Elastic Kubernetes Service'),
  svc('elasticache', 'Amazon ElastiCache', {
    viaServiceNames: ['elasticache', 'dax'],
    note: 'ElastiCache needs two ViaService names, "elasticache" and "dax"; both are added.',
  }),
  svc('elasticfilesystem', 'Amazon EFS (Elastic File System)', { aliases: ['efs'], note: 'Amazon EFS is named "elasticfilesystem" in kms:ViaService.' }),
  svc('es', 'Amazon OpenSearch Service', { aliases: ['opensearch', 'elasticsearch'], note: 'OpenSearch Service keeps its old name "es" in kms:ViaService.' }),
  svc('finspace', 'Amazon FinSpace'),
  svc('firehose', 'Amazon Data Firehose', { aliases: ['kinesis-firehose', 'data-firehose'] }),
  svc('forecast', 'Amazon Forecast'),
  svc('fsx', 'Amazon FSx'),
  svc('geo', 'Amazon Location Service', { aliases: ['location'], note: 'Amazon Location Service is named "geo" in kms:ViaService.' }),
  svc('glue', 'AWS Glue'),
  svc('groundstation', 'AWS Ground Station', { aliases: ['ground-station'] }),
  svc('healthlake', 'AWS HealthLake'),
  svc('importexport', 'AWS Snowball', { aliases: ['snowball', 'snow-family'], note: 'Snowball is named "importexport" in kms:ViaService.' }),
  svc('iotsitewise', 'AWS IoT SiteWise', { aliases: ['sitewise'] }),
  svc('kafka', 'Amazon MSK (Managed Streaming for Apache Kafka)', { aliases: ['msk'], note: 'Amazon MSK is named "kafka" in kms:ViaService.' }),
  svc('kendra', 'Amazon Kendra'),
  svc('kinesis', 'Amazon Kinesis Data Streams', { aliases: ['kinesis-data-streams'] }),
  svc('kinesisvideo', 'Amazon Kinesis Video Streams', { aliases: ['kinesis-video'] }),
  svc('lambda', 'AWS Lambda'),
  svc('lex', 'Amazon Lex'),
  svc('license-manager', 'AWS License Manager'),
  svc('lookoutequipment', 'Amazon Lookout for Equipment'),
  svc('lookoutmetrics', 'Amazon Lookout for Metrics'),
  svc('lookoutvision', 'Amazon Lookout for Vision'),
  svc('logs', 'Amazon CloudWatch Logs (the roles that call it)', {
    aliases: ['cloudwatch-logs-callers'],
    // "Encrypt log data in CloudWatch Logs using AWS KMS": the caller role's statement with kms:ViaService
    // logs.REGION.amazonaws.com (the page lists kms:Describe*; DescribeKey is the only Describe action).
    defaultActions: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'],
    actionsBasis: 'documented',
  }),
  svc('macie', 'Amazon Macie'),
  svc('malware-protection', 'Amazon GuardDuty Malware Protection', { aliases: ['guardduty'], note: 'GuardDuty Malware Protection is named "malware-protection" in kms:ViaService.' }),
  svc('managedblockchain', 'Amazon Managed Blockchain'),
  svc('mediatailor', 'AWS Elemental MediaTailor'),
  svc('memorydb', 'Amazon MemoryDB'),
  svc('mgn', 'AWS Application Migration Service', { aliases: ['application-migration-service'] }),
  svc('monitron', 'Amazon Monitron'),
  svc('mq', 'Amazon MQ'),
  svc('nimble', 'Amazon Nimble Studio'),
  svc('omics', 'AWS HealthOmics', { aliases: ['healthomics'] }),
  svc('profile', 'Amazon Connect Customer Profiles', { aliases: ['customer-profiles'], note: 'Connect Customer Profiles is named "profile" in kms:ViaService.' }),
  svc('proton', 'AWS Proton'),
  // "Manage access to Amazon Q Developer for third-party integration",
  // https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/security_iam_manage-access-with-kms-policies.html: kms:ViaService q.REGION.amazonaws.com.
  svc('q', 'Amazon Q Developer', { aliases: ['q-developer'] }),
  // Amazon Q Business User Guide, data accessor "Prerequisites" and the Amazon Q Apps IAM policy examples
  // (https://docs.aws.amazon.com/amazonq/latest/qbusiness-ug/): kms:ViaService qbusiness.REGION.amazonaws.com and qapps.REGION.amazonaws.com.
  svc('qapps', 'Amazon Q Apps', { aliases: ['q-apps'] }),
  svc('qbusiness', 'Amazon Q Business', { aliases: ['q-business'] }),
  svc('qldb', 'Amazon QLDB'),
  svc('rds', 'Amazon RDS, Aurora, Neptune, RDS Performance Insights', {
    aliases: ['aurora', 'neptune', 'performance-insights'],
    usesGrants: true,
    note: 'Aurora, Neptune and RDS Performance Insights all use "rds" in kms:ViaService.',
  }),
  svc('redshift', 'Amazon Redshift', { usesGrants: true }),
  svc('redshift-serverless', 'Amazon Redshift Serverless'),
  svc('rekognition', 'Amazon Rekognition'),
  svc('s3', 'Amazon S3', {
    aliases: ['simple-storage-service'],
    // SSE-KMS: uploads call GenerateDataKey, downloads call Decrypt.
    defaultActions: ['kms:Decrypt', 'kms:GenerateDataKey'],
    actionsBasis: 'documented',
  }),
  svc('sagemaker', 'Amazon SageMaker'),
  svc('secretsmanager', 'AWS Secrets Manager', {
    aliases: ['secrets-manager', 'secrets'],
    // [services-secrets-manager]: GenerateDataKey to write a secret, Decrypt to read; Encrypt is not used.
    defaultActions: ['kms:Decrypt', 'kms:GenerateDataKey'],
    actionsBasis: 'documented',
    note: 'Secrets Manager needs only kms:GenerateDataKey and kms:Decrypt; kms:Encrypt is never used.',
  }),
  svc('ses', 'Amazon SES'),
  svc('sns', 'Amazon SNS', { defaultActions: ['kms:Decrypt', 'kms:GenerateDataKey*'], actionsBasis: 'documented' }),
  svc('sqlworkbench', 'Amazon Redshift query editor v2', { aliases: ['redshift-query-editor', 'query-editor-v2'], note: 'Redshift query editor v2 is named "sqlworkbench" in kms:ViaService.' }),
  svc('sqs', 'Amazon SQS', { defaultActions: ['kms:Decrypt', 'kms:GenerateDataKey'], actionsBasis: 'documented' }),
  svc('ssm', 'AWS Systems Manager (Parameter Store)', { aliases: ['parameter-store', 'systems-manager'] }),
  svc('ssm-contacts', 'AWS Systems Manager Incident Manager Contacts'),
  svc('ssm-incidents', 'AWS Systems Manager Incident Manager', { aliases: ['incident-manager'] }),
  svc('storagegateway', 'AWS Storage Gateway', { aliases: ['storage-gateway'] }),
  svc('timestream', 'Amazon Timestream'),
  svc('translate', 'Amazon Translate'),
  svc('wisdom', 'Amazon Connect Wisdom'),
  svc('workmail', 'Amazon WorkMail', { usesGrants: true }),
  svc('workspaces', 'Amazon WorkSpaces', { usesGrants: true }),
  svc('workspaces-web', 'Amazon WorkSpaces Secure Browser', { aliases: ['workspaces-secure-browser'] }),
  svc('xray', 'AWS X-Ray', { aliases: ['x-ray'] }),
];

export const NON_VIA_SERVICES: readonly NonViaServiceEntry[] = [
  {
    id: 'cloudtrail',
    title: 'AWS CloudTrail',
    aliases: ['trail'],
    explanation:
      'CloudTrail does not call KMS on behalf of a caller, so kms:ViaService never matches it. ' +
      'It uses the service principal "cloudtrail.amazonaws.com" in the key policy, scoped with the ' +
      '"kms:EncryptionContext:aws:cloudtrail:arn" and "aws:SourceArn" conditions (kms-wizard generates it with --service cloudtrail); see ' +
      '"Configure AWS KMS key policies for CloudTrail" in the CloudTrail User Guide.',
  },
];

/** Every service name valid in a `kms:ViaService` value, sorted. */
export const viaServiceNames: () => readonly string[] = lazy(() => [...new Set(SERVICES.flatMap((s) => s.viaServiceNames))].sort());

const viaServiceNameSet = lazy(() => new Set(viaServiceNames()));

/** Whether `name` is a service name of the catalog's `kms:ViaService` table (exact, lower case). */
export function isViaServiceName(name: string): boolean {
  return viaServiceNameSet().has(name);
}

/**
 * Finds a catalog service by id or alias (case-insensitive, spaces or
 * underscores as dashes). A scan of about a hundred entries: a lookup map
 * cost every run that names one service more to build than it saved (each
 * name is one service's only: test/unit/core/catalog.test.ts).
 */
export function findService(name: string): ServiceEntry | undefined {
  const n = normaliseServiceName(name);
  return SERVICES.find((s) => s.id === n || s.aliases.includes(n));
}

export function findNonViaService(name: string): NonViaServiceEntry | undefined {
  const n = normaliseServiceName(name);
  return NON_VIA_SERVICES.find((s) => s.id === n || s.aliases.includes(n));
}

/** Every name a user may type for a catalog service. */
export const serviceNamesTyped: () => readonly string[] = lazy(() => SERVICES.flatMap((s) => [s.id, ...s.aliases]).sort());

export function normaliseServiceName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/** Builds the ViaService value for a service name and Region ([conditions-kms]: `.amazonaws.com` in every partition). */
export function viaServiceValue(serviceName: string, region: string): string {
  return `${serviceName}.${region}.amazonaws.com`;
}
