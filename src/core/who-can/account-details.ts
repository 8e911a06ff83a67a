// Reads `aws iam get-account-authorization-details` output
// ("GetAccountAuthorizationDetails", https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html):
// UserDetailList, GroupDetailList, RoleDetailList and Policies, with each
// managed policy's PolicyVersionList of which only the default version
// (IsDefaultVersion) is in force ("Versioning IAM policies",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-versioning.html).
// Several pages (IsTruncated/Marker) are merged; a last page that still says
// IsTruncated is a truncated export.
import { ExportError } from './export-error.js';
import { isObject, parseExportValues } from './json-text.js';
import type { AccountExport, IamGroup, IamPrincipal, ManagedPolicy, SourcedDocument } from './model.js';
import { readPolicyValue } from './policy-text.js';

type Json = Record<string, unknown>;

const ARN = /^arn:([^:]+):iam::(\d{12}|aws):(user|role|group|policy)\/(.*)$/;

function list(file: string, field: string, value: unknown): Json[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ExportError(file, field, 'expected a list');
  return value.map((item, i) => {
    if (!isObject(item)) throw new ExportError(file, `${field}[${i}]`, 'expected an object');
    return item;
  });
}

function text(file: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new ExportError(file, field, value === undefined ? 'missing' : 'expected a non-empty string');
  return value;
}

function inlinePolicies(file: string, field: string, value: unknown, owner: string): SourcedDocument[] {
  return list(file, field, value).map((p, i) => {
    const name = text(file, `${field}[${i}].PolicyName`, p.PolicyName);
    return { label: `${owner} inline policy '${name}'`, document: readPolicyValue(file, `${field}[${i}].PolicyDocument`, p.PolicyDocument) };
  });
}

function attached(file: string, field: string, value: unknown): string[] {
  return list(file, field, value).map((p, i) => text(file, `${field}[${i}].PolicyArn`, p.PolicyArn));
}

function tags(file: string, field: string, value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [i, t] of list(file, field, value).entries()) out[text(file, `${field}[${i}].Key`, t.Key)] = typeof t.Value === 'string' ? t.Value : '';
  return out;
}

/** The default version of a managed policy: IsDefaultVersion, or the version DefaultVersionId names. */
function managedPolicy(file: string, field: string, p: Json): ManagedPolicy {
  const arn = text(file, `${field}.Arn`, p.Arn);
  const name = typeof p.PolicyName === 'string' ? p.PolicyName : arn.split('/').pop()!;
  const versions = list(file, `${field}.PolicyVersionList`, p.PolicyVersionList);
  let index = versions.findIndex((v) => v.IsDefaultVersion === true);
  if (index < 0 && typeof p.DefaultVersionId === 'string') index = versions.findIndex((v) => v.VersionId === p.DefaultVersionId);
  if (index < 0) {
    throw new ExportError(
      file,
      `${field}.PolicyVersionList`,
      `policy '${name}' has no default version (no IsDefaultVersion: true${typeof p.DefaultVersionId === 'string' ? `, no version ${p.DefaultVersionId}` : ''}): the policy version in force is missing from the export; export again without --filter or --query`,
    );
  }
  return { arn, name, document: readPolicyValue(file, `${field}.PolicyVersionList[${index}].Document`, versions[index]!.Document) };
}

function principal(file: string, field: string, d: Json, kind: 'user' | 'role'): IamPrincipal {
  const arn = text(file, `${field}.Arn`, d.Arn);
  const m = ARN.exec(arn);
  if (!m || m[3] !== kind) throw new ExportError(file, `${field}.Arn`, `"${arn}" is not an IAM ${kind} ARN`);
  const name = text(file, `${field}.${kind === 'user' ? 'UserName' : 'RoleName'}`, kind === 'user' ? d.UserName : d.RoleName);
  const path = typeof d.Path === 'string' ? d.Path : '/';
  const boundary = isObject(d.PermissionsBoundary) && typeof d.PermissionsBoundary.PermissionsBoundaryArn === 'string' ? d.PermissionsBoundary.PermissionsBoundaryArn : undefined;
  const groups = kind === 'user' ? (Array.isArray(d.GroupList) ? d.GroupList.map((g, i) => text(file, `${field}.GroupList[${i}]`, g)) : []) : [];
  return {
    kind,
    arn,
    name,
    account: m[2]!,
    path,
    tags: tags(file, `${field}.Tags`, d.Tags),
    inline: inlinePolicies(file, `${field}.${kind === 'user' ? 'UserPolicyList' : 'RolePolicyList'}`, kind === 'user' ? d.UserPolicyList : d.RolePolicyList, kind),
    managedArns: attached(file, `${field}.AttachedManagedPolicies`, d.AttachedManagedPolicies),
    groups,
    ...(boundary ? { boundaryArn: boundary } : {}),
    // Service-linked roles live under /aws-service-role/ ("Using service-linked roles",
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html).
    serviceLinked: kind === 'role' && path.startsWith('/aws-service-role/'),
    ...(kind === 'role' && d.AssumeRolePolicyDocument !== undefined ? { trustPolicy: readPolicyValue(file, `${field}.AssumeRolePolicyDocument`, d.AssumeRolePolicyDocument) } : {}),
  };
}

const PAGE_KEYS = ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'];

/** The pages of the file: one object, several objects one after another, or a list of them. */
function pages(file: string, textValue: string): Json[] {
  const values = parseExportValues(file, textValue).flatMap((v) => (Array.isArray(v) ? v : [v]));
  return values.map((v, i) => {
    const where = values.length > 1 ? `page ${i + 1}` : '(file)';
    if (!isObject(v) || !PAGE_KEYS.some((k) => k in v)) {
      throw new ExportError(file, where, 'not the output of aws iam get-account-authorization-details (no UserDetailList, GroupDetailList, RoleDetailList or Policies)');
    }
    return v;
  });
}

/** Reads one account's export; throws an {@link ExportError} naming the file and the field. */
export function readAccountDetails(file: string, textValue: string): AccountExport {
  const all = pages(file, textValue);
  const last = all[all.length - 1]!;
  if (last.IsTruncated === true) {
    throw new ExportError(
      file,
      all.length > 1 ? `page ${all.length}.IsTruncated` : 'IsTruncated',
      `the export is truncated (IsTruncated is true${typeof last.Marker === 'string' ? ', a Marker is left' : ''}): principals and policies are missing. Run aws iam get-account-authorization-details without --no-paginate or --max-items (the CLI then merges every page)`,
    );
  }
  const users: IamPrincipal[] = [];
  const roles: IamPrincipal[] = [];
  const groups = new Map<string, IamGroup>();
  const policies = new Map<string, ManagedPolicy>();
  const notes: string[] = [];
  all.forEach((page, pi) => {
    const at = (f: string) => (all.length > 1 ? `page ${pi + 1}.${f}` : f);
    list(file, at('UserDetailList'), page.UserDetailList).forEach((d, i) => users.push(principal(file, at(`UserDetailList[${i}]`), d, 'user')));
    list(file, at('RoleDetailList'), page.RoleDetailList).forEach((d, i) => roles.push(principal(file, at(`RoleDetailList[${i}]`), d, 'role')));
    list(file, at('GroupDetailList'), page.GroupDetailList).forEach((d, i) => {
      const field = at(`GroupDetailList[${i}]`);
      const name = text(file, `${field}.GroupName`, d.GroupName);
      groups.set(name, { name, arn: text(file, `${field}.Arn`, d.Arn), inline: inlinePolicies(file, `${field}.GroupPolicyList`, d.GroupPolicyList, `group '${name}'`), managedArns: attached(file, `${field}.AttachedManagedPolicies`, d.AttachedManagedPolicies) });
    });
    list(file, at('Policies'), page.Policies).forEach((p, i) => {
      const mp = managedPolicy(file, at(`Policies[${i}]`), p);
      policies.set(mp.arn, mp);
    });
  });

  const accounts = new Set<string>();
  let partition: string | undefined;
  for (const arn of [...users, ...roles].map((p) => p.arn).concat([...groups.values()].map((g) => g.arn), [...policies.keys()])) {
    const m = ARN.exec(arn);
    if (m && m[2] !== 'aws') {
      accounts.add(m[2]!);
      partition ??= m[1]!;
    }
  }
  if (accounts.size === 0) throw new ExportError(file, '(file)', 'names no user, role, group or customer managed policy, so its account is unknown');
  if (accounts.size > 1) throw new ExportError(file, '(file)', `holds principals of several accounts (${[...accounts].join(', ')}): give one --account-details file per account`);
  const account = [...accounts][0]!;

  // Every attached policy must be in the export: an attached policy whose document is missing would silently drop permissions.
  const check = (owner: string, field: string, arns: readonly string[]) =>
    arns.forEach((arn, i) => {
      if (!policies.has(arn)) throw new ExportError(file, `${field}.AttachedManagedPolicies[${i}]`, `${owner} has ${arn} attached, but Policies does not hold it (export with the default --filter, or add LocalManagedPolicy and AWSManagedPolicy)`);
    });
  users.forEach((u, i) => check(`user ${u.name}`, `UserDetailList[${i}]`, u.managedArns));
  roles.forEach((r, i) => check(`role ${r.name}`, `RoleDetailList[${i}]`, r.managedArns));
  [...groups.values()].forEach((g, i) => check(`group ${g.name}`, `GroupDetailList[${i}]`, g.managedArns));
  for (const u of users) {
    const missing = u.groups.filter((g) => !groups.has(g));
    if (missing.length > 0) notes.push(`${file}: user ${u.name} is in ${missing.length === 1 ? 'group' : 'groups'} ${missing.join(', ')}, which the export does not hold: their policies are not counted`);
  }
  for (const p of [...users, ...roles]) {
    if (p.boundaryArn && !policies.has(p.boundaryArn)) notes.push(`${file}: the permissions boundary ${p.boundaryArn} of ${p.arn} is not in the export: its limits are not applied`);
  }
  return { file, account, partition: partition!, users, roles, groups, policies, notes };
}
