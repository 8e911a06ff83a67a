// The part of validateSpec that resolves services acting as themselves and
// matches each --source-arn to one of them by the ARN's service part.
import { safeText } from './terminal-safe.js';
import { sentSourceArn } from './source-arn-forms.js';
import type { KeyTarget } from './key-target.js';
import { findPrincipalService, partitionNote, PRINCIPAL_SERVICES, type PrincipalServiceEntry } from './catalog/service-principals.js';
import type { ConsumerAccount, ResolvedPrincipalService, SpecIssue } from './spec-types.js';

const ARN = /^arn:([a-z-]+):([a-z0-9-]+):([a-z0-9-*]*):(\d{12}|\*)?:(.+)$/;

/** Which catalog entries could use this ARN as aws:SourceArn (or context), by service part and resource type. */
function usersOf(service: string, resource: string): PrincipalServiceEntry[] {
  return PRINCIPAL_SERVICES.filter((e) => e.sourceArn && e.sourceArn.service === service && resource.startsWith(e.sourceArn.resourcePrefix));
}

export function resolvePrincipalServices(
  named: readonly string[],
  sourceArns: readonly string[],
  key: KeyTarget,
  regions: readonly string[],
  consumers: readonly ConsumerAccount[],
  errors: SpecIssue[],
  warnings: SpecIssue[],
  notes: string[],
): ResolvedPrincipalService[] {
  const chosen = [...new Set(named.map((n) => findPrincipalService(n)).filter((e): e is PrincipalServiceEntry => e !== undefined))];
  chosen.sort((a, b) => PRINCIPAL_SERVICES.indexOf(a) - PRINCIPAL_SERVICES.indexOf(b));
  const arns = new Map<PrincipalServiceEntry, Set<string>>(chosen.map((e) => [e, new Set<string>()]));
  const accounts = new Set([key.account, ...consumers.map((c) => c.account)]);

  for (const raw of sourceArns) {
    const value = raw.trim();
    const m = ARN.exec(value);
    if (!m) {
      errors.push({ field: 'sourceArns', value, message: `"${safeText(value)}" is not an ARN`, hint: 'Give the resource\'s full ARN, e.g. arn:aws:cloudtrail:us-east-1:111122223333:trail/my-trail' });
      continue;
    }
    const [, partition, service, region, account, resource] = m as unknown as [string, string, string, string, string | undefined, string];
    if (partition !== key.partition) {
      errors.push({ field: 'sourceArns', value, message: `the ARN is in partition ${safeText(partition)}, the key in ${key.partition}`, hint: `Use arn:${key.partition}:... ARNs` });
      continue;
    }
    const users = usersOf(service, resource);
    if (users.length === 0) {
      const config = service === 'config';
      errors.push({
        field: 'sourceArns',
        value,
        message: config
          ? 'AWS Config always sends aws:SourceArn arn:PARTITION:config:REGION:ACCOUNT:*, so it cannot be narrowed to one resource'
          : `no service kms-wizard generates statements for uses "${safeText(service)}" ARNs${service === 'logs' ? ` of this type (${safeText(resource.split(/[:/]/)[0]!)})` : ''} as its source`,
        hint: config
          ? 'Leave it out: --service config is already scoped to the accounts and Regions you chose'
          : `--source-arn takes ${PRINCIPAL_SERVICES.filter((e) => e.sourceArn).map((e) => `${e.sourceArn!.service}:${e.sourceArn!.resourcePrefix || '...'} (${e.id})`).join(', ')}`,
      });
      continue;
    }
    const target = users.find((u) => arns.has(u));
    if (!target) {
      errors.push({
        field: 'sourceArns',
        value,
        message: `this ARN is for ${users.map((u) => u.title).join(' or ')}, which is not among the services`,
        hint: `Add ${users.map((u) => `--service ${u.id}`).join(' or ')}, or drop this --source-arn`,
      });
      continue;
    }
    if (account && account !== '*' && !accounts.has(account)) {
      // Refused, not warned: the service statements are scoped to the key's and the consumers' accounts
      // (aws:SourceAccount, the trail ARN's encryption context), so no statement could serve this resource.
      errors.push({
        field: 'sourceArns',
        value,
        message: `the ARN is in account ${safeText(account)}, which is neither the key's account nor a consumer account`,
        hint: `Add --consumer ${safeText(account)} if that account's resources should use the key, or drop this --source-arn`,
      });
      continue;
    }
    if (target.principalForm !== 'global' && region && region !== '*' && !regions.includes(region)) {
      warnings.push({ field: 'sourceArns', value, message: `the ARN is in Region ${safeText(region)}, not among the Regions (${regions.join(', ')})`, hint: `Add --region ${safeText(region)}` });
    }
    // The copied form (a log group's ARN with ":*") is written in the form the service sends, and the user told.
    const sent = sentSourceArn(target.id, value);
    if (sent.note && !notes.includes(sent.note)) notes.push(sent.note);
    arns.get(target)!.add(sent.arn);
  }

  for (const e of chosen) {
    if (e.id === 'route53-dnssec' && key.region !== 'us-east-1') {
      errors.push({
        field: 'services',
        value: e.id,
        message: `Route 53 DNSSEC signing needs its key in us-east-1; this key is in ${key.region}`,
        hint: 'Create an asymmetric ECC_NIST_P256 SIGN_VERIFY key in us-east-1 for the key-signing key',
      });
    }
    for (const n of [e.note, partitionNote(e, key.partition)]) if (n && !notes.includes(n)) notes.push(n);
  }
  return chosen.map((entry) => ({ entry, sourceArns: [...arns.get(entry)!].sort() }));
}
