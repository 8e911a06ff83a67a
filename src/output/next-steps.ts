import type { BuildResult } from '../core/build.js';

/** One step after writing the files: what to do and the AWS CLI command for it. */
export interface NextStep {
  readonly title: string;
  readonly commands: readonly string[];
}

/**
 * The AWS CLI commands that apply both policies and check the result.
 * `dir` is how the files are named in the commands (relative to where the
 * user will run them).
 */
export function nextSteps(result: BuildResult, dir = '.'): NextStep[] {
  const { key, regions } = result.spec;
  const file = (name: string) => `file://${dir === '.' ? '' : `${dir.replace(/\/$/, '')}/`}${name}`;
  const steps: NextStep[] = [];
  const replicaRegions = key.multiRegion ? regions.filter((r) => r !== key.region) : [];
  steps.push({
    title: 'Apply the key policy (as a key administrator)',
    commands: [
      `aws kms put-key-policy --key-id ${key.arn} --policy-name default --policy ${file('key-policy.json')}`,
      ...replicaRegions.map(
        (r) => `aws kms put-key-policy --region ${r} --key-id arn:${key.partition}:kms:${r}:${key.account}:key/${key.keyId} --policy-name default --policy ${file('key-policy.json')}`,
      ),
    ],
  });
  const policyName = `kms-wizard-${key.keyId.slice(0, key.multiRegion ? 12 : 8)}`;
  for (const p of result.iamPolicies) {
    const attach = p.attachTo.length
      ? p.attachTo.map((arn) => {
          const [, kind, name] = /:(role|user)\/(?:.*\/)?([^/]+)$/.exec(arn) ?? [];
          return `aws iam attach-${kind}-policy --${kind}-name ${name} --policy-arn arn:${key.partition}:iam::${p.account}:policy/${policyName}`;
        })
      : [`aws iam attach-role-policy --role-name YOUR_ROLE --policy-arn arn:${key.partition}:iam::${p.account}:policy/${policyName}`];
    steps.push({
      title: `Create the IAM policy in account ${p.account} and attach it to the roles or users that use the key`,
      commands: [`aws iam create-policy --policy-name ${policyName} --policy-document ${file(p.fileName)}`, ...attach],
    });
  }
  steps.push({
    title: 'Check: a direct call from a consumer must be denied (it carries no kms:ViaService)',
    commands: [`aws kms generate-data-key --key-id ${key.arn} --key-spec AES_256   # expect AccessDeniedException`],
  });
  steps.push({
    title: 'Check: the key policy in place is the one you wrote',
    commands: [`aws kms get-key-policy --key-id ${key.arn} --policy-name default --output text`],
  });
  return steps;
}
