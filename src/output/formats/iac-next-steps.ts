// What to run after writing an IaC format: the JSON format's next steps
// (src/output/next-steps.ts) name key-policy.json and iam-policy.json, which
// these formats do not write.
import type { BuildResult } from '../../core/build-types.js';
import { generateCommand } from '../generate-command.js';
import { KEY_ARN_VARIABLE, nextSteps, saveCurrentPolicyStep, type NextStepsOptions } from '../next-steps.js';
import type { NextStep } from '../next-step.js';
import { CDK_FILE } from './cdk.js';
import { CLOUDFORMATION_FILE, cloudFormationAccountFile, stackName } from './cloudformation.js';
import { keyAccountFirst } from './iac-names.js';
import { lockoutStep } from '../lockout-step.js';
import { TERRAFORM_FILE } from './terraform.js';

/** Next steps for a format, given the build and how the output directory is shown. */
export type NextStepsFor = (result: BuildResult, dir: string, options?: NextStepsOptions) => NextStep[];

const path = (dir: string, file: string) => (dir === '.' ? file : `${dir.replace(/\/$/, '')}/${file}`);
const optional = <T>(x: T | undefined): T[] => (x === undefined ? [] : [x]);
/** The shared checks (a direct call is denied; the policy in place is the one written). */
const checks = (result: BuildResult) => nextSteps(result).filter((s) => s.title.startsWith('Check:'));

/**
 * For an existing key: save its current policy first unless it was given
 * (the IaC files replace it as put-key-policy does), then, where the tool
 * cannot set an existing key's policy, apply it with the AWS CLI.
 */
function existingKeyFirstSteps(result: BuildResult, format: string, dir: string, options: NextStepsOptions, tool?: string): NextStep[] {
  const { key } = result.spec;
  if (key.isNew) return [];
  return [
    ...(options.currentPolicyGiven ? [] : [saveCurrentPolicyStep(result, key, { ...options, format })]),
    ...(tool
      ? [
          ...optional(lockoutStep(result, 'cli')),
          {
            title: `${tool} cannot set the policy of an existing key: write key-policy.json with the same answers (--format json) and apply it with the AWS CLI`,
            commands: [jsonRerun(result, dir), `aws kms put-key-policy --key-id ${key.arn} --policy-name default --policy file://${path(dir, 'key-policy.json')}`],
          },
        ]
      : []),
  ];
}

/** The same answers in the JSON format, into the same directory: it writes key-policy.json (the IaC formats do not). */
const jsonRerun = (result: BuildResult, dir: string) => generateCommand(result.spec, { out: dir });

/**
 * For a new key: other accounts' IAM policies name its ARN, so a rerun with
 * --key-arn writes them (CloudFormation, CDK), into a directory of its own so
 * the file that created the key is not replaced.
 */
function otherAccountsRerun(result: BuildResult, format: string, dir: string): NextStep[] {
  const { others } = keyAccountFirst(result);
  if (!result.spec.key.isNew || others.length === 0) return [];
  const out = path(dir, 'with-key-arn');
  return [
    {
      title:
        `The IAM policies of the other accounts (${others.map((p) => p.account).join(', ')}) name the key's ARN: now that the key exists, write them with the same answers and --key-arn ` +
        `into ${out}, and deploy only their part (${format === 'cdk' ? others.map((p) => `KmsIamPolicy${p.account}`).join(', ') : others.map((p) => cloudFormationAccountFile(p.account)).join(', ')}) in each account`,
      commands: [generateCommand(result.spec, { keyArn: `"$${KEY_ARN_VARIABLE}"`, format, out })],
    },
  ];
}

export const terraformNextSteps: NextStepsFor = (result, dir, options = {}) => {
  const { key } = result.spec;
  const others = keyAccountFirst(result).others;
  return [
    ...existingKeyFirstSteps(result, 'terraform', dir, options),
    ...optional(lockoutStep(result, 'terraform')),
    {
      title:
        `Review ${TERRAFORM_FILE} in your Terraform configuration, then plan and apply it (the default aws provider must use account ${key.account}, Region ${key.region}` +
        `${others.length > 0 ? `; give the provider of each other account (${others.map((p) => p.account).join(', ')}) its credentials` : ''})` +
        (key.isNew ? ': it creates the key with its key policy' : ''),
      commands: [`terraform -chdir=${dir} init`, `terraform -chdir=${dir} plan`, `terraform -chdir=${dir} apply`],
    },
    ...(key.isNew ? [{ title: "Keep the new key's ARN for the checks", commands: [`${KEY_ARN_VARIABLE}=$(terraform -chdir=${dir} output -raw key_arn)`] }] : []),
    ...checks(result),
  ];
};

export const cloudFormationNextSteps: NextStepsFor = (result, dir, options = {}) => {
  const { key } = result.spec;
  const { own, others } = keyAccountFirst(result);
  const deploy = (file: string, extra = '') =>
    `aws cloudformation deploy --template-file ${path(dir, file)} --stack-name ${stackName(key)} --capabilities CAPABILITY_NAMED_IAM${extra}`;
  if (key.isNew) {
    return [
      ...optional(lockoutStep(result, 'cloudformation')),
      {
        title: `Deploy ${CLOUDFORMATION_FILE} in account ${key.account}, Region ${key.region}: it creates the key with its key policy${own ? ', and the IAM policy that names it' : ''}`,
        commands: [deploy(CLOUDFORMATION_FILE)],
      },
      {
        title: "Keep the new key's ARN (the stack's KeyArn output)",
        commands: [
          `${KEY_ARN_VARIABLE}=$(aws cloudformation describe-stacks --stack-name ${stackName(key)} --query "Stacks[0].Outputs[?OutputKey=='KeyArn'].OutputValue" --output text)`,
        ],
      },
      ...newKeyReplicas(result, dir),
      ...otherAccountsRerun(result, 'cloudformation', dir),
      ...checks(result),
    ];
  }
  return [
    ...existingKeyFirstSteps(result, 'cloudformation', dir, options, 'CloudFormation'),
    ...(own
      ? [{ title: `Deploy ${CLOUDFORMATION_FILE} in account ${key.account}, Region ${key.region} (its IAM policy; add CreateKey=true only to create a new key instead)`, commands: [deploy(CLOUDFORMATION_FILE)] }]
      : [{ title: `Only to create a new key with this policy: deploy ${CLOUDFORMATION_FILE} in account ${key.account}, Region ${key.region}`, commands: [deploy(CLOUDFORMATION_FILE)] }]),
    ...others.map((p) => ({ title: `Deploy ${cloudFormationAccountFile(p.account)} in account ${p.account} (its IAM policy)`, commands: [deploy(cloudFormationAccountFile(p.account))] })),
    ...checks(result),
  ];
};

/** A new multi-Region key made by CloudFormation or CDK: its replicas, each with the same key policy (written by --format json). */
function newKeyReplicas(result: BuildResult, dir: string): NextStep[] {
  const { key, regions } = result.spec;
  const replicas = key.multiRegion ? regions.filter((r) => r !== key.region) : [];
  if (replicas.length === 0) return [];
  return [
    {
      title: 'Create the replicas with the same key policy: write key-policy.json with the same answers (--format json), then replicate the key with it',
      commands: [
        jsonRerun(result, dir),
        ...replicas.map((r) => `aws kms replicate-key --region ${key.region} --key-id "$${KEY_ARN_VARIABLE}" --replica-region ${r} --policy file://${path(dir, 'key-policy.json')}`),
      ],
    },
  ];
}

export const cdkNextSteps: NextStepsFor = (result, dir, options = {}) => {
  const { key } = result.spec;
  const others = key.isNew ? [] : keyAccountFirst(result).others;
  return [
    ...existingKeyFirstSteps(result, 'cdk', dir, options, 'CDK'),
    ...(key.isNew ? optional(lockoutStep(result, 'cdk')) : []),
    {
      title: `Copy ${CDK_FILE} into your CDK app, add its stacks to the app (the comment at its top shows how), and deploy${key.isNew ? ': KmsKeyPolicy creates the key with its key policy' : ''}`,
      commands: [`cp ${path(dir, CDK_FILE)} lib/`, `npx cdk deploy KmsKeyPolicy${others.map((p) => ` KmsIamPolicy${p.account}`).join('')}`],
    },
    ...(key.isNew
      ? [
          {
            title: "Keep the new key's ARN (the stack's KeyArn output)",
            commands: [
              `${KEY_ARN_VARIABLE}=$(aws cloudformation describe-stacks --stack-name KmsKeyPolicy --query "Stacks[0].Outputs[?OutputKey=='KeyArn'].OutputValue" --output text)`,
            ],
          },
          ...newKeyReplicas(result, dir),
          ...otherAccountsRerun(result, 'cdk', dir),
        ]
      : []),
    ...checks(result),
  ];
};

/** Next steps by `--format` name; formats not listed use the JSON format's (src/output/next-steps.ts). */
export const FORMAT_NEXT_STEPS: Readonly<Record<string, NextStepsFor>> = {
  terraform: terraformNextSteps,
  cloudformation: cloudFormationNextSteps,
  cdk: cdkNextSteps,
};
