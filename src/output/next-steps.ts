import type { BuildResult } from '../core/build-types.js';
import type { ExistingKey, NewKey } from '../core/key-target.js';
import { keyDescription } from './formats/iac-names.js';
import { createKeyFlags, enableRotationCommand, rotationSentence } from './formats/key-options.js';
import { generateCommand, shellWord } from './generate-command.js';
import { lockoutStep } from './lockout-step.js';
import type { NextStep } from './next-step.js';

/** How the steps are written. */
export interface NextStepsOptions {
  /**
   * The key's current policy was given (generate --from): its statements are
   * already accounted for, so the steps need not save it first.
   */
  readonly currentPolicyGiven?: boolean;
  /** The output format, for the `kms-wizard generate` commands in the steps (default json). */
  readonly format?: string;
  /**
   * Whether the files were written (default true). Printed or copied files
   * are not on disk, so the steps first say how to write them rather than
   * cite a `file://` that does not exist (see ./steps-for.ts).
   */
  readonly written?: boolean;
}

/** The file the first step saves an existing key's policy to, before anything replaces it. */
export const CURRENT_POLICY_FILE = 'current-key-policy.json';
/** The shell variable the new-key steps keep the created key's ARN in. */
export const KEY_ARN_VARIABLE = 'KEY_ARN';

const fileIn = (dir: string) => (name: string) => `${dir === '.' ? '' : `${dir.replace(/\/$/, '')}/`}${name}`;

/**
 * The AWS CLI commands that apply both policies and check the result.
 * `dir` is how the files are named in the commands (relative to where the
 * user will run them).
 */
export function nextSteps(result: BuildResult, dir = '.', options: NextStepsOptions = {}): NextStep[] {
  const { key } = result.spec;
  return key.isNew ? newKeySteps(result, key, dir, options) : existingKeySteps(result, key, dir, options);
}

/**
 * put-key-policy replaces the whole key policy: statements for CloudTrail,
 * CloudWatch Logs, other accounts or Deny statements that the key has now
 * and this policy lacks are gone after it. So, unless the current policy was
 * given, the first step saves it and reruns kms-wizard with it.
 */
export function saveCurrentPolicyStep(result: BuildResult, key: ExistingKey, options: NextStepsOptions = {}): NextStep {
  const replicas = key.multiRegion ? result.spec.regions.filter((r) => r !== key.region) : [];
  // Terraform sets the policy itself (aws_kms_key_policy), which replaces it just as put-key-policy does.
  const replacer = options.format === 'terraform' ? 'terraform apply (aws_kms_key_policy)' : 'put-key-policy';
  return {
    title:
      `${replacer} REPLACES the whole key policy: any statement the key has now and this file lacks (CloudTrail, CloudWatch Logs, ` +
      'other accounts, Deny statements) is removed. Save the current policy first, then run kms-wizard again from it so it keeps what is not its own',
    commands: [
      `aws kms get-key-policy --key-id ${key.arn} --policy-name default --query Policy --output text > ${CURRENT_POLICY_FILE}`,
      ...replicas.map(
        (r) => `aws kms get-key-policy --region ${r} --key-id ${replicaArn(key, r)} --policy-name default --query Policy --output text > current-key-policy-${r}.json`,
      ),
      generateCommand(result.spec, { from: CURRENT_POLICY_FILE, ...(options.format ? { format: options.format } : {}) }),
    ],
  };
}

const replicaArn = (key: ExistingKey, region: string) => `arn:${key.partition}:kms:${region}:${key.account}:key/${key.keyId}`;

function existingKeySteps(result: BuildResult, key: ExistingKey, dir: string, options: NextStepsOptions): NextStep[] {
  const { regions } = result.spec;
  const file = (name: string) => `file://${fileIn(dir)(name)}`;
  const steps: NextStep[] = [];
  if (!options.currentPolicyGiven) steps.push(saveCurrentPolicyStep(result, key, options));
  const replicaRegions = key.multiRegion ? regions.filter((r) => r !== key.region) : [];
  const who = lockoutStep(result, 'cli');
  if (who) steps.push(who);
  steps.push({
    title: 'Apply the key policy (as a key administrator): it replaces the key policy in place',
    commands: [
      `aws kms put-key-policy --key-id ${key.arn} --policy-name default --policy ${file('key-policy.json')}`,
      ...replicaRegions.map((r) => `aws kms put-key-policy --region ${r} --key-id ${replicaArn(key, r)} --policy-name default --policy ${file('key-policy.json')}`),
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
  steps.push(...checkSteps(key.arn));
  return steps;
}

/**
 * A new key: create it with the key policy in the same call (CreateKey's
 * Policy parameter), so it never exists under KMS's default key policy; then
 * replicas of a multi-Region key (ReplicateKey takes a policy too); then,
 * once the key has an ARN, the IAM policy. See "create-key" and
 * "replicate-key" in the AWS CLI Command Reference.
 */
function newKeySteps(result: BuildResult, key: NewKey, dir: string, options: NextStepsOptions): NextStep[] {
  const file = (name: string) => `file://${fileIn(dir)(name)}`;
  const arn = `"$${KEY_ARN_VARIABLE}"`;
  const who = lockoutStep(result, 'cli');
  const steps: NextStep[] = [
    ...(who ? [who] : []),
    {
      title:
        `Create the key with this key policy in one call (account ${key.account}, Region ${key.region}), so it never has KMS's default key policy; keep its ARN. ` +
        rotationSentence(result.spec.keyMaterial),
      commands: [
        `${KEY_ARN_VARIABLE}=$(aws kms create-key --region ${key.region} --policy ${file('key-policy.json')} --description ${shellWord(keyDescription(result))}` +
          `${createKeyFlags(result.spec.keyMaterial)}${key.multiRegion ? ' --multi-region' : ''} --query KeyMetadata.Arn --output text)`,
        // A multi-Region key's rotation is set on its primary (EnableKeyRotation).
        ...[enableRotationCommand(result.spec.keyMaterial, key.region, arn)].filter((c): c is string => c !== undefined),
        `echo ${arn}`,
      ],
    },
  ];
  const replicas = key.multiRegion ? result.spec.regions.filter((r) => r !== key.region) : [];
  if (replicas.length > 0) {
    steps.push({
      title: 'Create the replicas with the same key policy (a replica has its own key policy, not kept in sync with the primary)',
      commands: replicas.map((r) => `aws kms replicate-key --region ${key.region} --key-id ${arn} --replica-region ${r} --policy ${file('key-policy.json')}`),
    });
  }
  if (result.iamPlans.length > 0) {
    const files = result.iamPlans.map((p) => p.fileName).join(', ');
    const policyFile = fileIn(dir)('key-policy.json');
    // The key was created with key-policy.json, so that file IS its current policy: the rerun reads it
    // with --from (nothing to save first) and --force rewrites it with the same statements.
    steps.push({
      title:
        `Now that the key has an ARN, write the IAM ${result.iamPlans.length === 1 ? 'policy' : 'policies'} (${files}). ${policyFile} is the key's current policy (the key was just created with it), ` +
        'so run kms-wizard again with the same answers, the key\'s ARN and --from that file; --force rewrites it with the same statements. Then follow the steps it prints for the IAM side',
      commands: [`${generateCommand(result.spec, { keyArn: arn, from: policyFile, ...(options.format ? { format: options.format } : {}), out: dir })} --force`],
    });
  }
  steps.push(...checkSteps(arn));
  return steps;
}

function checkSteps(keyId: string): NextStep[] {
  return [
    {
      title: 'Check: a direct call from a consumer must be denied (it carries no kms:ViaService)',
      commands: [`aws kms generate-data-key --key-id ${keyId} --key-spec AES_256   # expect AccessDeniedException`],
    },
    {
      title: 'Check: the key policy in place is the one you wrote',
      commands: [`aws kms get-key-policy --key-id ${keyId} --policy-name default --query Policy --output text`],
    },
  ];
}
