/**
 * Key policy statements for AWS services that use the key as themselves
 * (catalog/service-principals.ts), each with the tightest scoping its AWS
 * page documents: the encryption-context key where the service sends one,
 * aws:SourceArn / aws:SourceAccount where it supports them (ARN operators,
 * as the IAM User Guide recommends for ARNs), and kms:DescribeKey never
 * under an encryption-context condition (the KMS Developer Guide,
 * "Least-privilege permissions": such a condition denies DescribeKey).
 */
import type { Partition } from './catalog/regions.js';
import { servicePrincipal, type PrincipalServiceEntry } from './catalog/service-principals.js';
import type { ConditionBlock, Statement } from './policy.js';

/** Where a service may use the key: accounts and Regions, narrowed by `--source-arn` when given. */
export interface ServiceScope {
  readonly partition: Partition;
  /** The key's account first, then consumer accounts. */
  readonly accounts: readonly string[];
  readonly regions: readonly string[];
  /** The `--source-arn` values matched to this service (empty = the default scope). */
  readonly sourceArns: readonly string[];
  /** Who reads what the service wrote (CloudTrail log readers), per account. */
  readonly readers: readonly { readonly account: string; readonly principal: string | string[] }[];
  /** Whether the readers need an IAM policy too (access iam: the key policy names the account root). */
  readonly readersNeedIam: boolean;
  /** The key's ARN(s) for IAM Resource. */
  readonly keyResources: string | string[];
}

/** The statements for one service: in the key policy, and in the consumers' IAM policies. */
export interface ServiceStatements {
  readonly keyPolicy: Statement[];
  readonly iam: Statement[];
}

/**
 * Every Sid kms-wizard gives a service-principal statement, so a later run
 * (`generate --from`) can recognise them. CloudTrail reader Sids end in the
 * reader's account id when it is not the key's account.
 */
export const SERVICE_PRINCIPAL_SIDS = [
  'CloudTrailEncryptLogs',
  'CloudTrailDecryptLogs',
  'CloudTrailDescribeKey',
  'CloudTrailReadLogs',
  'LogsEncryptLogGroups',
  'VendedLogsDelivery',
  'ConfigDelivery',
  'GuardDutyExportFindings',
  'Route53DnssecSign',
  'Route53DnssecGrants',
  'SesReceiveEncrypt',
  'InspectorExportReports',
  'MacieDiscoveryResults',
  'EventBridgeBusDescribeKey',
  'EventBridgeBusEncrypt',
  'CloudWatchAlarmsToTopic',
  'S3NotificationsToDestination',
  'EventBridgeRulesToQueue',
  'SnsSubscriptionsToQueue',
] as const;

/** Matches a Sid from {@link SERVICE_PRINCIPAL_SIDS}, with the optional account suffix. */
export const SERVICE_PRINCIPAL_SID_PATTERN = new RegExp(`^(${SERVICE_PRINCIPAL_SIDS.join('|')})(\\d{12})?$`);

type Sid = (typeof SERVICE_PRINCIPAL_SIDS)[number];

const one = <T>(xs: readonly T[]): T | T[] => (xs.length === 1 ? xs[0]! : [...xs]);
const uniq = (xs: readonly string[]) => [...new Set(xs)];
const hasWildcard = (xs: readonly string[]) => xs.some((x) => x.includes('*') || x.includes('?'));
/** ArnEquals for named resources, ArnLike when a value has a wildcard. */
const arnOp = (xs: readonly string[]) => (hasWildcard(xs) ? 'ArnLike' : 'ArnEquals');

function principals(entry: PrincipalServiceEntry, scope: ServiceScope): string | string[] {
  return one(uniq(scope.regions.map((r) => servicePrincipal(entry, r))).sort());
}

function allow(sid: Sid, entry: PrincipalServiceEntry, scope: ServiceScope, actions: readonly string[], condition?: ConditionBlock): Statement {
  return {
    Sid: sid,
    Effect: 'Allow',
    Principal: { Service: principals(entry, scope) },
    Action: one(actions),
    Resource: '*',
    ...(condition ? { Condition: condition } : {}),
  };
}

/** `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE` for every Region and account in scope. */
function patterns(scope: ServiceScope, service: string, resource: string, regions: readonly string[] = scope.regions): string[] {
  return regions.flatMap((r) => scope.accounts.map((a) => `arn:${scope.partition}:${service}:${r}:${a}:${resource}`));
}

/** aws:SourceAccount (StringEquals) plus aws:SourceArn: the named ARNs, else `defaults`. */
function sourceConditions(scope: ServiceScope, defaults: readonly string[]): ConditionBlock {
  const arns = scope.sourceArns.length > 0 ? scope.sourceArns : defaults;
  return { StringEquals: { 'aws:SourceAccount': one(scope.accounts) }, [arnOp(arns)]: { 'aws:SourceArn': one(arns) } };
}

/** aws:SourceArn alone: the ARN holds the account already (IAM User Guide, aws:SourceArn). */
function sourceArnOnly(scope: ServiceScope, defaults: readonly string[]): ConditionBlock {
  const arns = scope.sourceArns.length > 0 ? scope.sourceArns : defaults;
  return { [arnOp(arns)]: { 'aws:SourceArn': one(arns) } };
}

/** Builds the statements of one service-principal service. */
export function servicePrincipalStatements(entry: PrincipalServiceEntry, scope: ServiceScope): ServiceStatements {
  const p = scope.partition;
  switch (entry.id) {
    case 'cloudtrail': {
      // "Configure AWS KMS key policies for CloudTrail": the context holds the trail ARN; trails may be
      // multi-Region, so the documented context pattern has Region *.
      const context = { 'kms:EncryptionContext:aws:cloudtrail:arn': one(patterns(scope, 'cloudtrail', 'trail/*', ['*'])) };
      const source = sourceArnOnly(scope, patterns(scope, 'cloudtrail', 'trail/*', ['*']));
      const keyPolicy: Statement[] = [
        allow('CloudTrailEncryptLogs', entry, scope, ['kms:GenerateDataKey*'], { ...source, StringLike: context }),
        allow('CloudTrailDecryptLogs', entry, scope, ['kms:Decrypt'], { StringLike: context }),
        allow('CloudTrailDescribeKey', entry, scope, ['kms:DescribeKey'], source),
      ];
      // "Allow principals in the account to decrypt log files" (CloudTrail default key policy).
      for (const r of scope.readers) {
        keyPolicy.push({
          Sid: `CloudTrailReadLogs${r.account === scope.accounts[0] ? '' : r.account}`,
          Effect: 'Allow',
          Principal: { AWS: r.principal },
          Action: ['kms:Decrypt', 'kms:ReEncryptFrom'],
          Resource: '*',
          Condition: { StringEquals: { 'kms:CallerAccount': r.account }, StringLike: context },
        });
      }
      const iam: Statement[] = scope.readersNeedIam
        ? [{ Sid: 'ReadCloudTrailLogs', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:ReEncryptFrom'], Resource: scope.keyResources, Condition: { StringLike: context } }]
        : [];
      return { keyPolicy, iam };
    }
    case 'logs': {
      // "Encrypt log data in CloudWatch Logs using AWS KMS": ArnEquals for named log groups, ArnLike for all.
      const groups = scope.sourceArns.length > 0 ? scope.sourceArns : patterns(scope, 'logs', 'log-group:*');
      const condition = { [arnOp(groups)]: { 'kms:EncryptionContext:aws:logs:arn': one(groups) } };
      return { keyPolicy: [allow('LogsEncryptLogGroups', entry, scope, ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'], condition)], iam: [] };
    }
    case 'delivery.logs':
      return {
        keyPolicy: [
          allow('VendedLogsDelivery', entry, scope, ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'], sourceConditions(scope, patterns(scope, 'logs', '*'))),
        ],
        iam: [],
      };
    case 'config':
      return { keyPolicy: [allow('ConfigDelivery', entry, scope, ['kms:Decrypt', 'kms:GenerateDataKey'], sourceConditions(scope, patterns(scope, 'config', '*')))], iam: [] };
    case 'guardduty':
      return { keyPolicy: [allow('GuardDutyExportFindings', entry, scope, ['kms:GenerateDataKey'], sourceConditions(scope, patterns(scope, 'guardduty', 'detector/*')))], iam: [] };
    case 'route53-dnssec': {
      // Hosted-zone ARNs hold no account, so aws:SourceAccount binds the account.
      const zones = [`arn:${p}:route53:::hostedzone/*`];
      return {
        keyPolicy: [
          allow('Route53DnssecSign', entry, scope, ['kms:DescribeKey', 'kms:GetPublicKey', 'kms:Sign'], sourceConditions(scope, zones)),
          allow('Route53DnssecGrants', entry, scope, ['kms:CreateGrant'], { Bool: { 'kms:GrantIsForAWSResource': true } }),
        ],
        iam: [],
      };
    }
    case 'ses':
      return {
        keyPolicy: [allow('SesReceiveEncrypt', entry, scope, ['kms:GenerateDataKey*'], sourceConditions(scope, patterns(scope, 'ses', 'receipt-rule-set/*:receipt-rule/*')))],
        iam: [],
      };
    case 'inspector2':
      return { keyPolicy: [allow('InspectorExportReports', entry, scope, ['kms:Decrypt', 'kms:GenerateDataKey*'], sourceConditions(scope, patterns(scope, 'inspector2', 'report/*')))], iam: [] };
    case 'macie':
      return {
        keyPolicy: [
          allow('MacieDiscoveryResults', entry, scope, ['kms:Encrypt', 'kms:GenerateDataKey'], sourceConditions(scope, [...patterns(scope, 'macie2', 'export-configuration:*'), ...patterns(scope, 'macie2', 'classification-job/*')])),
        ],
        iam: [],
      };
    case 'events': {
      // "Encrypting EventBridge event buses with AWS KMS keys": the context and aws:SourceArn are both the bus ARN.
      const buses = scope.sourceArns.length > 0 ? scope.sourceArns : patterns(scope, 'events', 'event-bus/*');
      const op = arnOp(buses);
      return {
        keyPolicy: [
          allow('EventBridgeBusDescribeKey', entry, scope, ['kms:DescribeKey'], { [op]: { 'aws:SourceArn': one(buses) } }),
          allow('EventBridgeBusEncrypt', entry, scope, ['kms:Decrypt', 'kms:GenerateDataKey'], { [op]: { 'aws:SourceArn': one(buses), 'kms:EncryptionContext:aws:events:event-bus:arn': one(buses) } }),
        ],
        iam: [],
      };
    }
    case 'cloudwatch-alarms':
      return { keyPolicy: [allow('CloudWatchAlarmsToTopic', entry, scope, ['kms:Decrypt', 'kms:GenerateDataKey*'], sourceConditions(scope, patterns(scope, 'cloudwatch', 'alarm:*')))], iam: [] };
    case 's3-notifications': {
      const condition: ConditionBlock = { StringEquals: { 'aws:SourceAccount': one(scope.accounts) } };
      if (scope.sourceArns.length > 0) condition[arnOp(scope.sourceArns)] = { 'aws:SourceArn': one(scope.sourceArns) };
      return { keyPolicy: [allow('S3NotificationsToDestination', entry, scope, ['kms:Decrypt', 'kms:GenerateDataKey'], condition)], iam: [] };
    }
    case 'events-to-sqs':
      return { keyPolicy: [allow('EventBridgeRulesToQueue', entry, scope, ['kms:Decrypt', 'kms:GenerateDataKey'], sourceArnOnly(scope, patterns(scope, 'events', 'rule/*')))], iam: [] };
    case 'sns-to-sqs':
      return { keyPolicy: [allow('SnsSubscriptionsToQueue', entry, scope, ['kms:Decrypt', 'kms:GenerateDataKey*'], sourceArnOnly(scope, patterns(scope, 'sns', '*')))], iam: [] };
    default:
      throw new Error(`no statement builder for service-principal service ${entry.id}`);
  }
}
