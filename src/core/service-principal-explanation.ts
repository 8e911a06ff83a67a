// Plain-language paragraphs for the services that use the key as themselves:
// what each may do, and why its conditions are there (the confused deputy).
import { safeText } from './terminal-safe.js';
import { servicePrincipal } from './catalog/service-principals.js';
import type { ResolvedSpec } from './spec.js';
import type { ResolvedPrincipalService } from './spec-types.js';

const list = (xs: readonly string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/** What each service's conditions stop, in the words of the resource it names. */
const GUARDS: Record<string, { does: string; resource: string }> = {
  cloudtrail: { does: 'encrypt the log files of your trails (and decrypt them while it checks the bucket)', resource: 'trail' },
  logs: { does: 'encrypt and decrypt the events of your log groups', resource: 'log group' },
  'delivery.logs': { does: 'encrypt the vended logs (VPC Flow Logs and others) it writes to your bucket', resource: 'log delivery' },
  config: { does: 'encrypt the configuration snapshots and history it delivers to your bucket', resource: 'Config delivery channel' },
  guardduty: { does: 'encrypt the findings it exports to your bucket', resource: 'GuardDuty detector' },
  'route53-dnssec': { does: 'sign your hosted zones\' DNSSEC records with this key', resource: 'hosted zone' },
  ses: { does: 'encrypt the mail your receipt rules store in S3', resource: 'receipt rule' },
  inspector2: { does: 'encrypt the findings reports it exports', resource: 'Inspector report' },
  macie: { does: 'encrypt its sensitive data discovery results', resource: 'Macie job or export configuration' },
  events: { does: 'encrypt and decrypt the events on your event buses', resource: 'event bus' },
  'cloudwatch-alarms': { does: 'publish alarm notifications to your encrypted SNS topic', resource: 'alarm' },
  's3-notifications': { does: 'send event notifications to your encrypted SNS topic or SQS queue', resource: 'bucket' },
  'events-to-sqs': { does: 'deliver matched events to your encrypted SQS queue', resource: 'EventBridge rule' },
  'sns-to-sqs': { does: 'deliver messages from subscribed topics to your encrypted SQS queue', resource: 'SNS topic' },
};

/** The resources a service may act for: the named ones, else every one of the accounts (and Regions) in the spec. */
export function scopeSentence(spec: ResolvedSpec, p: ResolvedPrincipalService): string {
  const guard = GUARDS[p.entry.id] ?? { does: 'use the key', resource: 'resource' };
  if (p.sourceArns.length > 0) return `only for ${list(p.sourceArns.map(safeText))}`;
  const accounts = [spec.key.account, ...spec.consumers.map((c) => c.account).filter((a) => a !== spec.key.account)];
  const anyRegion = p.entry.id === 'cloudtrail' || p.entry.id === 'route53-dnssec';
  return `only for ${guard.resource}s of account${accounts.length > 1 ? 's' : ''} ${list(accounts)}${anyRegion ? '' : ` in ${list(spec.regions)}`}`;
}

function paragraph(spec: ResolvedSpec, p: ResolvedPrincipalService): string {
  const { entry } = p;
  const guard = GUARDS[entry.id] ?? { does: 'use the key', resource: 'resource' };
  const principals = [...new Set(spec.regions.map((r) => servicePrincipal(entry, r)))];
  return (
    `${entry.title}: ${list(principals)} may ${guard.does}, ${scopeSentence(spec, p)}. ` +
    `Why the conditions: the service calls KMS as itself, so without them any account's ${guard.resource} could use your key through ${list(principals)} (the confused deputy). ` +
    `Statements as documented in ${entry.doc}.`
  );
}

export function servicePrincipalExplanation(spec: ResolvedSpec): string[] {
  return spec.principalServices.map((p) => paragraph(spec, p));
}
