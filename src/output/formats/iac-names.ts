// Names the IaC formats share, so every format calls the same thing by the same name.
import type { KeyArn } from '../../core/arn.js';
import type { BuildResult, IamPolicyFile } from '../../core/build.js';

/** The IAM policy name: the same one the JSON format's next steps use with `aws iam create-policy`. */
export function iamPolicyName(key: KeyArn): string {
  return `kms-wizard-${key.keyId.slice(0, key.multiRegion ? 12 : 8)}`;
}

/** The IAM policies in the key's account first, then the other accounts in order. */
export function keyAccountFirst(result: BuildResult): { own: IamPolicyFile | undefined; others: IamPolicyFile[] } {
  const account = result.spec.key.account;
  return { own: result.iamPolicies.find((p) => p.account === account), others: result.iamPolicies.filter((p) => p.account !== account) };
}

/** The role or user an IAM policy is attached to, from its ARN (the name is the last path segment). */
export function attachTarget(arn: string): { kind: 'role' | 'user'; name: string } | undefined {
  const m = /:(role|user)\/(?:.*\/)?([^/]+)$/.exec(arn);
  return m ? { kind: m[1] as 'role' | 'user', name: m[2]! } : undefined;
}

/** A short description for an IAM policy resource (all formats). */
export function iamPolicyDescription(result: BuildResult, account: string): string {
  return `kms-wizard: use of KMS key ${result.spec.key.keyId} only through AWS services, for account ${account}`;
}
