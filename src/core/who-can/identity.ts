// A principal's identity-based policies: its inline policies, the managed
// policies attached to it (default version), and for a user the inline and
// managed policies of each of its groups ("Policies and permissions in IAM",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html);
// and its permissions boundary, a managed policy that caps them
// ("Permissions boundaries for IAM entities", https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html).
import type { AccountExport, IamPrincipal, SourcedDocument } from './model.js';

const managed = (account: AccountExport, arn: string): SourcedDocument | undefined => {
  const p = account.policies.get(arn);
  return p ? { label: `managed policy '${p.name}'`, document: p.document } : undefined;
};

export function identityDocuments(account: AccountExport, principal: IamPrincipal): SourcedDocument[] {
  const out: SourcedDocument[] = [...principal.inline];
  for (const arn of principal.managedArns) {
    const d = managed(account, arn);
    if (d) out.push(d);
  }
  for (const name of principal.groups) {
    const group = account.groups.get(name);
    if (!group) continue;
    out.push(...group.inline);
    for (const arn of group.managedArns) {
      const d = managed(account, arn);
      if (d) out.push({ label: `${d.label} (group '${name}')`, document: d.document });
    }
  }
  return out;
}

export function boundaryDocument(account: AccountExport, principal: IamPrincipal): SourcedDocument | undefined {
  if (!principal.boundaryArn) return undefined;
  const p = account.policies.get(principal.boundaryArn);
  return p ? { label: `permissions boundary '${p.name}'`, document: p.document } : undefined;
}
