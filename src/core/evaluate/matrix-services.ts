// Access-matrix rows for services that use the key as themselves: each
// service principal the key policy names, asked once for a resource of the
// key's account (it should be allowed) and once for a resource of another
// account (it should be denied: the confused deputy).
import { safeText } from '../terminal-safe.js';
import type { KeyArn } from '../arn.js';
import { principalServicesFor, type PrincipalServiceEntry } from '../catalog/service-principals.js';
import { isPlainObject } from './policy-document.js';
import type { KmsRequest } from './request-context.js';

/** The call a service makes, and the context it sends, per its AWS page (see catalog/service-principals.ts). */
interface Sample {
  readonly action: string;
  /** The resource ARN for a Region and account (the example resource name is kms-wizard's). */
  readonly arn: (partition: string, region: string, account: string) => string;
  /** The encryption-context key the service sends the resource ARN in, if any. */
  readonly contextKey?: string;
  /** Whether it sends aws:SourceArn / aws:SourceAccount. */
  readonly source: boolean;
}

const SAMPLES: Record<string, Sample> = {
  cloudtrail: { action: 'kms:GenerateDataKey', arn: (p, r, a) => `arn:${p}:cloudtrail:${r}:${a}:trail/example-trail`, contextKey: 'aws:cloudtrail:arn', source: true },
  logs: { action: 'kms:GenerateDataKey', arn: (p, r, a) => `arn:${p}:logs:${r}:${a}:log-group:example-group`, contextKey: 'aws:logs:arn', source: false },
  'delivery.logs': { action: 'kms:GenerateDataKey', arn: (p, r, a) => `arn:${p}:logs:${r}:${a}:delivery-source:example-source`, source: true },
  // "the AWS:SourceArn property will always be set to arn:aws:config:sourceRegion:sourceAccountID:*".
  config: { action: 'kms:GenerateDataKey', arn: (p, r, a) => `arn:${p}:config:${r}:${a}:*`, source: true },
  guardduty: { action: 'kms:GenerateDataKey', arn: (p, r, a) => `arn:${p}:guardduty:${r}:${a}:detector/example-detector`, source: true },
  'route53-dnssec': { action: 'kms:Sign', arn: (p) => `arn:${p}:route53:::hostedzone/ZEXAMPLE`, source: true },
  ses: { action: 'kms:GenerateDataKey', arn: (p, r, a) => `arn:${p}:ses:${r}:${a}:receipt-rule-set/example-set:receipt-rule/example-rule`, source: true },
  inspector2: { action: 'kms:GenerateDataKey', arn: (p, r, a) => `arn:${p}:inspector2:${r}:${a}:report/example-report`, source: true },
  macie: { action: 'kms:GenerateDataKey', arn: (p, r, a) => `arn:${p}:macie2:${r}:${a}:classification-job/example-job`, source: true },
  events: { action: 'kms:GenerateDataKey', arn: (p, r, a) => `arn:${p}:events:${r}:${a}:event-bus/example-bus`, contextKey: 'aws:events:event-bus:arn', source: true },
  'cloudwatch-alarms': { action: 'kms:GenerateDataKey', arn: (p, r, a) => `arn:${p}:cloudwatch:${r}:${a}:alarm:example-alarm`, source: true },
  's3-notifications': { action: 'kms:GenerateDataKey', arn: (p, _r, a) => `arn:${p}:s3:::example-bucket-${a}`, source: true },
  'events-to-sqs': { action: 'kms:GenerateDataKey', arn: (p, r, a) => `arn:${p}:events:${r}:${a}:rule/example-rule`, source: true },
  'sns-to-sqs': { action: 'kms:GenerateDataKey', arn: (p, r, a) => `arn:${p}:sns:${r}:${a}:example-topic`, source: true },
};

/** A matrix row to evaluate: what it tries and the decision it should get. */
export interface ServiceRowPlan {
  readonly scenario: string;
  readonly request: KmsRequest;
  readonly own: boolean;
}

/** The service principals a key policy names, in order of appearance. */
function servicePrincipals(keyPolicy: unknown): string[] {
  const out: string[] = [];
  const statements = isPlainObject(keyPolicy) ? keyPolicy.Statement : undefined;
  for (const s of Array.isArray(statements) ? statements : [statements]) {
    if (!isPlainObject(s) || s.Effect !== 'Allow' || !isPlainObject(s.Principal)) continue;
    const service = s.Principal.Service;
    for (const v of Array.isArray(service) ? service : [service]) if (typeof v === 'string' && !out.includes(v)) out.push(v);
  }
  return out;
}

const regionOf = (principal: string, fallback: string) => /\.([a-z]{2}(?:-gov)?-[a-z]+-\d{1,2})\.amazonaws\.com/.exec(principal)?.[1] ?? fallback;

/**
 * The `--source-arn`s the spec named for this service: the matrix asks about those resources, not
 * made-up ones the narrowed policy rightly refuses. A pattern is asked about as one resource it matches.
 */
function namedResources(entry: PrincipalServiceEntry, sourceArns: readonly string[], region: string, account: string): string[] {
  const s = entry.sourceArn;
  if (!s) return [];
  return sourceArns.filter((a) => a.split(':')[2] === s.service && a.split(':').slice(5).join(':').startsWith(s.resourcePrefix)).map((a) => matchingResource(a, region, account));
}

/** A resource an ARN pattern matches: a "*" Region or account is the one asked about; in the rest "*" is "example", "?" is "x". */
function matchingResource(pattern: string, region: string, account: string): string {
  const parts = pattern.split(':');
  if (parts[3] === '*') parts[3] = region;
  if (parts[4] === '*') parts[4] = account;
  return parts.map((p, i) => (i < 3 ? p : p.replace(/\*/g, 'example').replace(/\?/g, 'x'))).join(':');
}

/** The account a resource ARN is in (an S3 bucket's ARN names none: the key's account asks). */
const accountOf = (arn: string, fallback: string) => arn.split(':')[4] || fallback;

function request(principal: string, key: KeyArn, sample: Sample, arn: string, account: string): KmsRequest {
  return {
    principal,
    action: sample.action,
    keyArn: key.arn,
    ...(sample.contextKey ? { encryptionContext: { [sample.contextKey]: arn } } : {}),
    ...(sample.source ? { context: { 'aws:SourceArn': arn, 'aws:SourceAccount': account } } : {}),
  };
}

/** Two rows per (service principal, catalog service): this account's resource, another account's. */
export function serviceRowPlans(keyPolicy: unknown, key: KeyArn, outsider: string, scope: { sourceArns?: readonly string[]; region?: string } = {}): ServiceRowPlan[] {
  const sourceArns = scope.sourceArns ?? [];
  const plans: ServiceRowPlan[] = [];
  for (const principal of servicePrincipals(keyPolicy)) {
    for (const entry of principalServicesFor(principal)) {
      const sample = SAMPLES[entry.id];
      if (!sample) continue;
      const region = regionOf(principal, scope.region ?? key.region);
      const named = namedResources(entry, sourceArns, region, key.account);
      const what = entry.title.replace(/ \(.*\)$/, '');
      const shown = safeText(principal);
      const owns = named.length > 0 ? named : [sample.arn(key.partition, region, key.account)];
      for (const own of owns) {
        const account = accountOf(own, key.account);
        plans.push({ scenario: `${shown} (${what}) for ${safeText(own)}, a resource of ${account}`, request: request(principal, key, sample, own, account), own: true });
      }
      const first = named[0];
      const theirs = first && accountOf(first, '') !== '' ? first.split(':').map((p, i) => (i === 4 ? outsider : p)).join(':') : sample.arn(key.partition, region, outsider);
      plans.push({ scenario: `${shown} (${what}) for ${safeText(theirs)}, a resource of another account (${outsider}): confused deputy`, request: request(principal, key, sample, theirs, outsider), own: false });
    }
  }
  return plans;
}
