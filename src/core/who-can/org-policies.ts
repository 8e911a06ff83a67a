// Reads SCPs and RCPs: `aws organizations describe-policy --policy-id P`
// output ({"Policy": {"PolicySummary": {"Type": "SERVICE_CONTROL_POLICY" |
// "RESOURCE_CONTROL_POLICY", ...}, "Content": "<JSON string>"}},
// "DescribePolicy", https://docs.aws.amazon.com/organizations/latest/APIReference/API_DescribePolicy.html),
// a bare policy document, or a list of either. Each file is one level of the
// organization (the root, an OU, the account).
import { ExportError } from './export-error.js';
import { isObject, parseExportValue } from './json-text.js';
import type { OrgPolicyLevel, SourcedDocument } from './model.js';
import { readPolicyValue } from './policy-text.js';

export type OrgPolicyType = 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY';

const WORD: Record<OrgPolicyType, string> = { SERVICE_CONTROL_POLICY: 'SCP', RESOURCE_CONTROL_POLICY: 'RCP' };

function one(file: string, field: string, value: unknown, type: OrgPolicyType): SourcedDocument {
  if (!isObject(value)) throw new ExportError(file, field, `expected an ${WORD[type]} document or aws organizations describe-policy output`);
  if ('Statement' in value) return { label: `${WORD[type]} in ${file}`, document: value };
  const policy = isObject(value.Policy) ? value.Policy : 'Content' in value ? value : undefined;
  if (!policy) throw new ExportError(file, field, `neither a policy document (no Statement) nor describe-policy output (no Policy.Content)`);
  const summary = isObject(policy.PolicySummary) ? policy.PolicySummary : {};
  const at = policy === value ? field : `${field === '(file)' ? '' : `${field}.`}Policy`;
  if (typeof summary.Type === 'string' && summary.Type !== type) {
    throw new ExportError(file, `${at}.PolicySummary.Type`, `is ${summary.Type}, not ${type}: give SCPs with --scp and RCPs with --rcp`);
  }
  const name = typeof summary.Name === 'string' ? summary.Name : typeof summary.Id === 'string' ? summary.Id : file;
  return { label: `${WORD[type]} '${name}' (${file})`, document: readPolicyValue(file, `${at}.Content`, policy.Content) };
}

// A customer managed policy's ARN names the organization: arn:aws:organizations::<account>:policy/o-<id>/<type>/p-<id>
// ("PolicySummary", https://docs.aws.amazon.com/organizations/latest/APIReference/API_PolicySummary.html, Arn pattern).
const ORG_IN_ARN = /^arn:[^:]+:organizations::\d{12}:policy\/(o-[a-z0-9]{10,32})\//;

function orgIdOf(value: unknown): string | undefined {
  const policy = isObject(value) && isObject(value.Policy) ? value.Policy : value;
  const summary = isObject(policy) && isObject(policy.PolicySummary) ? policy.PolicySummary : undefined;
  return typeof summary?.Arn === 'string' ? ORG_IN_ARN.exec(summary.Arn)?.[1] : undefined;
}

export function readOrgPolicyLevel(file: string, textValue: string, type: OrgPolicyType): OrgPolicyLevel {
  const value = parseExportValue(file, textValue);
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0) throw new ExportError(file, '(file)', `an empty list: every level has at least one ${WORD[type]} attached (FullAWSAccess or RCPFullAWSAccess)`);
  const policies = items.map((v, i) => one(file, Array.isArray(value) ? `[${i}]` : '(file)', v, type));
  const orgId = items.map(orgIdOf).find((id) => id !== undefined);
  return { file, policies, ...(orgId ? { orgId } : {}) };
}
