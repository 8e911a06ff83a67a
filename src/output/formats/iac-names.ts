// Names the IaC formats share, so every format calls the same thing by the same name.
import type { BuildResult, IamPolicyPlan } from '../../core/build-types.js';
import type { ExistingKey } from '../../core/key-target.js';

/** The IAM policy name: the same one the JSON format's next steps use with `aws iam create-policy`. */
export function iamPolicyName(key: ExistingKey): string {
  return `kms-wizard-${key.keyId.slice(0, key.multiRegion ? 12 : 8)}`;
}

/** The IAM policies in the key's account first, then the other accounts in order (for a new key too: plans, not files). */
export function keyAccountFirst(result: BuildResult): { own: IamPolicyPlan | undefined; others: IamPolicyPlan[] } {
  const account = result.spec.key.account;
  return { own: result.iamPlans.find((p) => p.account === account), others: result.iamPlans.filter((p) => p.account !== account) };
}

/** The description of a key kms-wizard's output creates (CreateKey, CloudFormation, CDK, Terraform). */
export function keyDescription(result: BuildResult): string {
  // A service that acts as itself may bring its caller-role ViaService service along (logs): each name once.
  const names = new Set([...result.spec.services.map((s) => s.name), ...result.spec.principalServices.map((p) => p.entry.id)]);
  return `kms-wizard: key usable only through AWS services (${[...names].join(', ')})`;
}

/** The role or user an IAM policy is attached to, from its ARN (the name is the last path segment). */
export function attachTarget(arn: string): { kind: 'role' | 'user'; name: string } | undefined {
  const m = /:(role|user)\/(?:.*\/)?([^/]+)$/.exec(arn);
  return m ? { kind: m[1] as 'role' | 'user', name: m[2]! } : undefined;
}

/** A short description for an IAM policy resource (all formats). */
export function iamPolicyDescription(result: BuildResult, account: string): string {
  const { key } = result.spec;
  return `kms-wizard: use of ${key.isNew ? 'the new KMS key' : `KMS key ${key.keyId}`} only through AWS services, for account ${account}`;
}
