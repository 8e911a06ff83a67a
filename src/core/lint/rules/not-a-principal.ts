import { parsePrincipalArn } from '../../arn.js';
import { didYouMean } from '../../suggest.js';
import { isAccountId } from '../../arn.js';
import { itemsOf, membersOf } from '../json-tree.js';
import type { DocumentRule, Report } from '../types.js';
import type { PrincipalModel } from '../model.js';

export const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'];
const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/;
// Unique ids (AIDA..., AROA...) appear where a principal was deleted and are valid.
const UNIQUE_ID = /^A[A-Z0-9]{15,}$/;
const FEDERATED_USER = /^arn:[a-z-]+:sts::\d{12}:federated-user\/.+$/;
const GROUP = /^arn:[a-z-]+:iam::\d{12}:group\//;
export const INSTANCE_PROFILE = /^arn:[a-z-]+:iam::[^:]*:instance-profile\//;

/** Why an AWS principal value is not one, or undefined when it is fine (groups: KW405). */
export function awsPrincipalProblem(value: string): string | undefined {
  if (value === '*' || isAccountId(value) || UNIQUE_ID.test(value) || FEDERATED_USER.test(value) || GROUP.test(value)) return undefined;
  if (value.startsWith('arn:') && /[*?]/.test(value)) {
    return `"${value}" has a wildcard, but Principal takes exact ARNs only (or "*" alone). To match many roles, use Principal {"AWS": "*"} with an ArnLike condition on aws:PrincipalArn`;
  }
  if (INSTANCE_PROFILE.test(value)) return undefined; // KW411
  const parsed = parsePrincipalArn(value);
  if (parsed.ok) return undefined;
  return `${parsed.error.message}. ${parsed.error.hint}`;
}

/**
 * "AWS JSON policy elements: Principal" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html)
 * and issue 3: Principal is "*" or an object such as
 * {"AWS": [...], "Service": ...}. Real policies put a list there, a bare ARN
 * string, a managed-policy ARN, or a wildcard ARN; AWS rejects all of them.
 */
export const notAPrincipal: DocumentRule = {
  code: 'KW404',
  name: 'not-a-principal',
  severity: 'error',
  title: 'Something that is not a principal in Principal (policy ARN, list, ...)',
  appliesTo: 'key',
  check(doc, report) {
    for (const s of doc.statements) if (s.principal) checkPrincipal(s.principal, report);
  },
};

function checkPrincipal(p: PrincipalModel, report: Report) {
  const { node, loc, canonical } = p.element;
  if (node.type === 'string') {
    if (node.value === '*') return;
    const v = node.value as string;
    const suggestion = v.endsWith('.amazonaws.com') ? `{"Service": "${v}"}` : `{"AWS": "${v}"}`;
    report(loc, `"${canonical}" must be "*" or an object, not a bare string: write "${canonical}": ${suggestion}.`);
    return;
  }
  if (node.type === 'array') {
    const first = itemsOf(node, loc.pointer).find((i) => i.node.type === 'string')?.node.value as string | undefined;
    report(loc, `"${canonical}" is a list, but it must be an object that says what kind of principal each is: write "${canonical}": {"AWS": [${first ? `"${first}", ...` : '...'}]}.`);
    return;
  }
  if (node.type !== 'object') {
    report(loc, `"${canonical}" must be "*" or an object such as {"AWS": "arn:aws:iam::111122223333:root"}.`);
    return;
  }
  const members = membersOf(node, loc.pointer);
  if (members.length === 0) report(loc, `"${canonical}" is an empty object, so it names nobody. Add e.g. {"AWS": "arn:aws:iam::111122223333:root"}.`);
  for (const m of members) {
    if (!PRINCIPAL_TYPES.includes(m.name)) {
      const guess = didYouMean(m.name, PRINCIPAL_TYPES);
      report(m.nameLoc, `"${m.name}" is not a principal type${guess ? `; did you mean "${guess}"?` : '.'} Use one of ${PRINCIPAL_TYPES.join(', ')}.`);
      continue;
    }
    if (m.node.type !== 'string' && !(m.node.type === 'array' && (m.node.children ?? []).length > 0 && (m.node.children ?? []).every((c) => c.type === 'string'))) {
      report(m.loc, `"${m.name}" must be a string or a non-empty list of strings.`);
    }
  }
  for (const e of p.entries) {
    if (e.type === 'AWS') {
      const problem = awsPrincipalProblem(e.value);
      if (problem) report(e.loc, `"${e.value}" is not an AWS principal: ${problem}.`);
    } else if (e.type === 'Service' && !SERVICE_PRINCIPAL.test(e.value.toLowerCase())) { // letter case alone: KW421
      report(e.loc, `"${e.value}" is not a service principal; those look like "cloudtrail.amazonaws.com".${e.value.startsWith('arn:') ? ' ARNs go under "AWS".' : ''}`);
    }
  }
}
