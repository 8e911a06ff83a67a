import { checkRegion, isAccountId, parsePrincipalArn, rootArn, type PrincipalArn } from './arn.js';
import { actionSupportsConditionKey, expandKmsActions, kmsAction, KMS_ACTIONS } from './catalog/actions.js';
import { isKnownRegion, partitionInfo } from './catalog/regions.js';
import { findNonViaService, findService } from './catalog/services.js';
import { allServiceNamesTyped, findPrincipalService, findRefusedService } from './catalog/service-principals.js';
import { resolveKeyMaterial, type KeyMaterial } from './key-material.js';
import { resolveKeyTarget, type KeyTarget, type NewKeySpec } from './key-target.js';
import { principalLintIssue } from './spec-principal-lint.js';
import { resolvePrincipalServices } from './spec-principal-services.js';
import { didYouMean } from './suggest.js';
import { fail, ok, type Result } from './result.js';
import { malformedViaServiceAnswer } from './via-service-answer.js';
import type { AccessMode, ConsumerAccount, ResolvedPrincipalService, ResolvedService, SpecField, SpecIssue } from './spec-types.js';

export const ACCESS_MODES: readonly AccessMode[] = ['iam', 'principals', 'account'];

/**
 * The wizard's answers, one field per question; `generate` fills it from
 * flags. Validate with {@link validateSpec} before building.
 */
export interface PolicySpec {
  /** The key ARN (not an alias or key id); give either this or `newKey`. */
  keyArn?: string;
  /** A key that does not exist yet; give either this or `keyArn`. */
  newKey?: NewKeySpec;
  /** Key administrators (role/user ARNs); empty = the key's account root, admin actions only. */
  admins: string[];
  /** Role/user ARNs or 12-digit account ids; empty = the key's own account. */
  consumers: string[];
  access: AccessMode;
  /** Catalog names (`secretsmanager`, `ebs`, ...) or full ViaService values. */
  services: string[];
  /** Regions the services may use the key from; empty = the key's Region. */
  regions: string[];
  /** Overrides the services' default actions (`kms:Decrypt` or `Decrypt`). */
  actions?: string[];
  /** Narrows services that act as themselves (CloudTrail, ...) to these resources (trail, log group, ... ARNs). */
  sourceArns?: string[];
}

/** Names the flag that answers a field, for messages. */
export const FIELD_FLAGS: Record<SpecField, string> = {
  keyArn: '--key-arn',
  account: '--account',
  keyRegion: '--region',
  admins: '--admin',
  consumers: '--consumer',
  access: '--access',
  services: '--service',
  regions: '--region',
  actions: '--actions',
  sourceArns: '--source-arn',
  rotation: '--rotation-period',
};

/** A validated spec: everything parsed, sorted and de-duplicated, so builds are deterministic. */
export interface ResolvedSpec {
  /** The existing key (its ARN), or a key to be created (no ARN yet: `key.isNew`). */
  readonly key: KeyTarget;
  /**
   * The key the steps create: a new key, or for an existing key the one
   * CloudFormation and CDK create only when asked to (CreateKey=true): its
   * spec, usage and automatic rotation.
   */
  readonly keyMaterial: KeyMaterial;
  /** Administrator principal ARNs (the key account root when none were given). */
  readonly admins: readonly string[];
  readonly adminsDefaulted: boolean;
  readonly access: AccessMode;
  readonly consumers: readonly ConsumerAccount[];
  /** Services that use the key through a caller (kms:ViaService). */
  readonly services: readonly ResolvedService[];
  /** Services that use the key as themselves (a service principal in the key policy). */
  readonly principalServices: readonly ResolvedPrincipalService[];
  readonly regions: readonly string[];
  readonly actions: readonly string[];
  readonly actionsOverridden: boolean;
  readonly warnings: readonly SpecIssue[];
  /** Things worth knowing that need no action (service quirks, how defaults were chosen). */
  readonly notes: readonly string[];
}

const VIA_VALUE = /^([a-z0-9][a-z0-9-]*)\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/;
const uniqSorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

/** An all-digit value that is not 12 digits long: almost certainly a mistyped account id. */
function badAccountId(field: SpecField, value: string): SpecIssue | undefined {
  if (!/^\d+$/.test(value) || value.length === 12) return undefined;
  return { field, value, message: `an AWS account id has 12 digits; "${value}" has ${value.length}`, hint: 'Copy the id from the console or `aws sts get-caller-identity` (keep leading zeros)' };
}

/** Validates every answer and reports every problem at once, each with its field and a fix. */
export function validateSpec(spec: PolicySpec): Result<ResolvedSpec, SpecIssue[]> {
  const errors: SpecIssue[] = [];
  const warnings: SpecIssue[] = [];
  const notes: string[] = [];

  const keyResult = resolveKeyTarget(spec.keyArn, spec.newKey, warnings);
  if (!keyResult.ok) return fail(keyResult.error); // everything else is relative to the key
  const key = keyResult.value;

  if (!(ACCESS_MODES as readonly string[]).includes(spec.access)) {
    errors.push({ field: 'access', value: String(spec.access), message: `unknown access mode "${spec.access}"`, hint: `Use one of ${ACCESS_MODES.join(', ')}` });
  }

  const admins = resolveAdmins(spec.admins ?? [], key, errors, warnings);
  const consumers = resolveConsumers(spec.consumers ?? [], spec.access, key, errors, warnings);
  const regions = resolveRegions(spec.regions ?? [], key, errors, warnings);
  const named = spec.services ?? [];
  const services = resolveServices(named.filter((v) => !findPrincipalService(v)), named.length > 0, errors, warnings, notes);
  const principalServices = resolvePrincipalServices(named, spec.sourceArns ?? [], key, regions, consumers, errors, warnings, notes);
  for (const p of principalServices) {
    const via = p.entry.callerViaService;
    if (via && !services.some((s) => s.name === via)) services.push({ name: via, entry: findService(via)! });
  }
  services.sort((a, b) => a.name.localeCompare(b.name));
  for (const s of services) {
    if (s.customRegion && !regions.includes(s.customRegion)) {
      errors.push({
        field: 'services',
        value: `${s.name}.${s.customRegion}.amazonaws.com`,
        message: `the ViaService value names Region ${s.customRegion}, which is not among the Regions (${regions.join(', ')})`,
        hint: `Give the service by name and list the Region with --region ${s.customRegion}`,
      });
    }
  }
  const ownServices = services.filter((s) => !principalServices.some((p) => p.entry.callerViaService === s.name)).length;
  const keyMaterial = resolveKeyMaterial(spec.newKey ?? {}, key.isNew, principalServices, ownServices, { errors, warnings }, notes);
  const actions = resolveActions(spec.actions, services, errors, notes);
  if (spec.actions && spec.actions.length > 0 && services.length === 0 && principalServices.length > 0) {
    errors.push({ field: 'actions', message: '--actions sets what callers may do through services; services that act as themselves always get the actions AWS documents for them', hint: 'Drop --actions' });
  }

  if (errors.length > 0) return fail(errors);
  return ok({
    key,
    keyMaterial,
    admins: admins.list,
    adminsDefaulted: admins.defaulted,
    access: spec.access,
    consumers,
    services,
    principalServices,
    regions,
    actions,
    actionsOverridden: spec.actions !== undefined && spec.actions.length > 0,
    warnings,
    notes,
  });
}

function resolveAdmins(values: string[], key: KeyTarget, errors: SpecIssue[], warnings: SpecIssue[]) {
  const list: string[] = [];
  for (const raw of values) {
    const value = raw.trim();
    if (isAccountId(value)) {
      list.push(rootArn(key.partition, value));
      continue;
    }
    const digits = badAccountId('admins', value);
    if (digits) {
      errors.push(digits);
      continue;
    }
    const refused = principalLintIssue('admins', value);
    if (refused) {
      errors.push(refused);
      continue;
    }
    const p = parsePrincipalArn(value);
    if (!p.ok) {
      errors.push({ field: 'admins', value, message: p.error.message, hint: p.error.hint });
      continue;
    }
    if (p.value.kind === 'assumed-role') {
      errors.push({ field: 'admins', value, message: 'an assumed-role session ends; it cannot administer a key', hint: `Name the role: arn:${p.value.partition}:iam::${p.value.account}:role/${p.value.name}` });
      continue;
    }
    if (p.value.partition !== key.partition) {
      errors.push({ field: 'admins', value, message: `the administrator is in partition ${p.value.partition}, the key in ${key.partition}`, hint: 'Principals must be in the key\'s partition' });
      continue;
    }
    if (p.value.account !== key.account) {
      warnings.push({ field: 'admins', value, message: `administrator ${value} is in account ${p.value.account}, not the key's account ${key.account}`, hint: 'Cross-account administrators also need an IAM policy in their own account' });
    }
    list.push(p.value.arn);
  }
  if (list.length === 0) {
    return { list: [rootArn(key.partition, key.account)], defaulted: true };
  }
  return { list: uniqSorted(list), defaulted: false };
}

function resolveConsumers(values: string[], access: AccessMode, key: KeyTarget, errors: SpecIssue[], warnings: SpecIssue[]): ConsumerAccount[] {
  const byAccount = new Map<string, PrincipalArn[]>();
  for (const raw of values) {
    const value = raw.trim();
    if (isAccountId(value)) {
      if (access === 'principals') {
        errors.push({
          field: 'consumers',
          value,
          message: 'with --access principals the key policy names roles or users, not accounts',
          hint: `Give role/user ARNs (arn:${key.partition}:iam::${value}:role/NAME), or use --access iam to trust the account`,
        });
        continue;
      }
      if (!byAccount.has(value)) byAccount.set(value, []);
      continue;
    }
    const digits = badAccountId('consumers', value);
    if (digits) {
      errors.push(digits);
      continue;
    }
    const refused = principalLintIssue('consumers', value);
    if (refused) {
      errors.push(refused);
      continue;
    }
    const p = parsePrincipalArn(value);
    if (!p.ok) {
      errors.push({ field: 'consumers', value, message: p.error.message, hint: p.error.hint });
      continue;
    }
    const principal = p.value;
    if (principal.kind === 'assumed-role') {
      errors.push({
        field: 'consumers',
        value,
        message: 'an assumed-role session is temporary; policies should name the role',
        hint: `Use arn:${principal.partition}:iam::${principal.account}:role/${principal.name} (it covers its sessions)`,
      });
      continue;
    }
    if (principal.partition !== key.partition) {
      errors.push({ field: 'consumers', value, message: `the consumer is in partition ${principal.partition}, the key in ${key.partition}`, hint: 'A key can only be used by principals of its own partition' });
      continue;
    }
    if (principal.kind === 'root') {
      if (!byAccount.has(principal.account)) byAccount.set(principal.account, []);
      if (access === 'principals') {
        errors.push({ field: 'consumers', value, message: 'an account root trusts the whole account, which --access principals does not do', hint: 'Name roles or users, or use --access iam' });
      }
      continue;
    }
    if (access === 'account') {
      errors.push({
        field: 'consumers',
        value,
        message: 'with --access account every principal of the account may use the key, so naming one role or user has no effect',
        hint: `Give the account id (${principal.account}), or use --access principals to name roles and users`,
      });
      continue;
    }
    const list = byAccount.get(principal.account) ?? [];
    list.push(principal);
    byAccount.set(principal.account, list);
  }
  if (byAccount.size === 0 && errors.every((e) => e.field !== 'consumers')) {
    if (access === 'principals') {
      errors.push({ field: 'consumers', message: '--access principals needs at least one role or user', hint: `e.g. --consumer arn:${key.partition}:iam::${key.account}:role/app` });
    } else {
      byAccount.set(key.account, []);
    }
  }
  for (const account of byAccount.keys()) {
    if (account !== key.account) {
      warnings.push({
        field: 'consumers',
        value: account,
        message: `account ${account} is not the key's account (${key.account}): cross-account use needs both sides`,
        hint: `Apply iam-policy-${account}.json in account ${account} as well as the key policy here`,
      });
    }
  }
  return [...byAccount.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([account, principals]) => ({
      account,
      principals: [...new Map(principals.map((p) => [p.arn, p])).values()].sort((a, b) => a.arn.localeCompare(b.arn)),
    }));
}

function resolveRegions(values: string[], key: KeyTarget, errors: SpecIssue[], warnings: SpecIssue[]): string[] {
  const regions: string[] = [];
  for (const raw of values) {
    const value = raw.trim().toLowerCase();
    const err = checkRegion(value, key.partition);
    if (err) {
      const guess = didYouMean(value, partitionInfo(key.partition).regions, 2);
      errors.push({ field: 'regions', value: raw, message: err.message, hint: guess ? `Did you mean ${guess}?` : err.hint });
      continue;
    }
    if (!isKnownRegion(value)) {
      const guess = didYouMean(value, partitionInfo(key.partition).regions, 2);
      if (guess) {
        errors.push({ field: 'regions', value: raw, message: `unknown Region "${value}"`, hint: `Did you mean ${guess}?` });
        continue;
      }
      warnings.push({ field: 'regions', value, message: `Region "${value}" is not in kms-wizard's Region list (it may be newer than this version)`, hint: 'Check the Region code' });
    }
    regions.push(value);
  }
  if (regions.length === 0) regions.push(key.region);
  const sorted = uniqSorted(regions);
  for (const r of sorted) {
    if (r === key.region) continue;
    warnings.push(
      key.multiRegion
        ? {
            field: 'regions',
            value: r,
            message: `${r} is not the key's Region (${key.region}): it works only through a replica of this multi-Region key in ${r}`,
            hint: `Replicate the key to ${r} and apply this key policy to the replica too: replica key policies are not synchronized`,
          }
        : {
            field: 'regions',
            value: r,
            message: `${r} is not the key's Region (${key.region}): a single-Region key is used only in ${key.region}, so the ${r} ViaService value will not match`,
            hint: `Use a key in ${r} (or a multi-Region key with a replica there), or drop --region ${r}`,
          },
    );
  }
  return sorted;
}

function resolveServices(values: string[], anyNamed: boolean, errors: SpecIssue[], warnings: SpecIssue[], notes: string[]): ResolvedService[] {
  const out = new Map<string, ResolvedService>();
  if (!anyNamed) {
    errors.push({ field: 'services', message: 'at least one service is required', hint: 'e.g. --service secretsmanager (see kms-wizard generate --help for the list)' });
  }
  for (const raw of values) {
    const value = raw.trim();
    const refused = findRefusedService(value);
    if (refused) {
      errors.push({ field: 'services', value, message: `${refused.title} is not generated: ${refused.explanation}`, hint: 'Remove this --service' });
      continue;
    }
    const nonVia = findNonViaService(value);
    if (nonVia) {
      errors.push({ field: 'services', value, message: `${nonVia.title} cannot be restricted with kms:ViaService`, hint: nonVia.explanation });
      continue;
    }
    const entry = findService(value);
    if (entry) {
      for (const name of entry.viaServiceNames) out.set(name, { name, entry: name === entry.id ? entry : findService(name) ?? entry });
      if (entry.note && !notes.includes(entry.note)) notes.push(entry.note);
      continue;
    }
    const full = VIA_VALUE.exec(value.toLowerCase());
    if (full) {
      const [, name, region, cn] = full as unknown as [string, string, string, string | undefined];
      if (cn) {
        errors.push({
          field: 'services',
          value,
          message: 'ViaService values end in .amazonaws.com in every partition, China included',
          hint: `Use ${name}.${region}.amazonaws.com`,
        });
        continue;
      }
      if (/^\d{12}$/.test(region)) {
        errors.push({ field: 'services', value, message: `"${region}" is an account id where the Region belongs: this value never matches`, hint: `Use ${name}.<region>.amazonaws.com, e.g. ${name}.us-east-1.amazonaws.com` });
        continue;
      }
      if (checkRegion(region, 'aws') && checkRegion(region, 'aws-cn') && checkRegion(region, 'aws-us-gov')) {
        errors.push({ field: 'services', value, message: `"${region}" in the ViaService value is not a Region code`, hint: `A ViaService value is <service>.<region>.amazonaws.com, e.g. ${name}.us-east-1.amazonaws.com` });
        continue;
      }
      const known = findService(name);
      if (known && !known.viaServiceNames.includes(name)) {
        errors.push({ field: 'services', value, message: `"${name}" is not the ViaService name of ${known.title}`, hint: `Use ${known.viaServiceNames.join(' and ')} (or just --service ${name})` });
        continue;
      }
      if (!known) {
        warnings.push({
          field: 'services',
          value,
          message: `"${name}" is not in kms-wizard's service catalog (a December 2022 snapshot of the AWS list, which keeps growing); it is used as given`,
          hint: 'Check the name in the kms:ViaService table of the AWS KMS Developer Guide',
        });
      }
      out.set(name, known ? { name, entry: known, customRegion: region } : { name, customRegion: region });
      continue;
    }
    if (/^[a-z0-9-]+\.[a-z0-9-]+\.amazonaws/.test(value.toLowerCase()) || value.includes('.')) {
      errors.push({ field: 'services', value, ...malformedViaServiceAnswer(value) });
      continue;
    }
    const guess = didYouMean(value.toLowerCase(), allServiceNamesTyped(), 3);
    errors.push({
      field: 'services',
      value,
      message: `unknown service "${value}"${guess ? ` (did you mean ${guess}?)` : ''}`,
      hint: 'Give a catalog name (kms-wizard generate --help lists them) or a full value such as myservice.us-east-1.amazonaws.com',
    });
  }
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function resolveActions(override: string[] | undefined, services: ResolvedService[], errors: SpecIssue[], notes: string[]): string[] {
  if (override && override.length > 0) {
    const actions: string[] = [];
    for (const raw of override) {
      const value = raw.trim();
      const name = value.includes(':') ? value : `kms:${value}`;
      if (!name.toLowerCase().startsWith('kms:')) {
        errors.push({ field: 'actions', value, message: `"${value}" is not a KMS action`, hint: 'KMS actions look like kms:Decrypt' });
        continue;
      }
      if (name === 'kms:*') {
        errors.push({ field: 'actions', value, message: '"kms:*" would give consumers administrative actions too', hint: 'List the cryptographic actions the services need, e.g. kms:Decrypt,kms:GenerateDataKey' });
        continue;
      }
      const matched = name.includes('*') || name.includes('?') ? expandKmsActions(name) : kmsAction(name) ? [name] : [];
      if (matched.length === 0) {
        const guess = didYouMean(name, KMS_ACTIONS, 3);
        errors.push({ field: 'actions', value, message: `"${value}" matches no KMS action${guess ? ` (did you mean ${guess}?)` : ''}`, hint: 'See the AWS KMS actions in the Service Authorization Reference' });
        continue;
      }
      const unsupported = matched.filter((a) => !actionSupportsConditionKey(a, 'kms:ViaService'));
      if (unsupported.length === matched.length) {
        errors.push({
          field: 'actions',
          value,
          message: `${value} never carries kms:ViaService, so a statement restricted to services can never allow it`,
          hint: 'Leave it out; only actions AWS services call on your behalf belong here',
        });
        continue;
      }
      // Keep the user's spelling of patterns, the catalog's spelling of names.
      actions.push(name.includes('*') || name.includes('?') ? name : `kms:${kmsAction(name)!.name}`);
    }
    return uniqSorted(actions);
  }
  const actions = new Set<string>();
  for (const s of services) {
    for (const a of s.entry?.defaultActions ?? ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*']) actions.add(a);
  }
  const generic = services.filter((s) => !s.entry || s.entry.actionsBasis === 'generic').map((s) => s.name);
  if (generic.length > 0) {
    notes.push(
      `The default actions for ${generic.join(', ')} are the set AWS managed keys allow through a service; ` +
        "check the service's encryption documentation and narrow them with --actions if it needs fewer.",
    );
  }
  return uniqSorted(actions);
}
