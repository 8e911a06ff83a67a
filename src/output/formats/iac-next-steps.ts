// What to run after writing an IaC format: the JSON format's next steps
// (src/output/next-steps.ts) name key-policy.json and iam-policy.json, which
// these formats do not write.
import type { BuildResult } from '../../core/build.js';
import { nextSteps, type NextStep } from '../next-steps.js';
import { CDK_FILE } from './cdk.js';
import { CLOUDFORMATION_FILE, cloudFormationAccountFile } from './cloudformation.js';
import { iamPolicyName, keyAccountFirst } from './iac-names.js';
import { TERRAFORM_FILE } from './terraform.js';

/** Next steps for a format, given the build and how the output directory is shown. */
export type NextStepsFor = (result: BuildResult, dir: string) => NextStep[];

const path = (dir: string, file: string) => (dir === '.' ? file : `${dir.replace(/\/$/, '')}/${file}`);
/** The shared checks (a direct call is denied; the policy in place is the one written). */
const checks = (result: BuildResult) => nextSteps(result).filter((s) => s.title.startsWith('Check:'));

function putKeyPolicyStep(result: BuildResult, tool: string): NextStep {
  const { key } = result.spec;
  return {
    title: `${tool} cannot set the policy of an existing key: apply it with the AWS CLI (key-policy.json: run kms-wizard generate again with the same answers and --format json)`,
    commands: [`aws kms put-key-policy --key-id ${key.arn} --policy-name default --policy file://key-policy.json`],
  };
}

export const terraformNextSteps: NextStepsFor = (result, dir) => {
  const { key } = result.spec;
  const others = keyAccountFirst(result).others;
  return [
    {
      title:
        `Review ${TERRAFORM_FILE} in your Terraform configuration, then plan and apply it (the default aws provider must use account ${key.account}, Region ${key.region}` +
        `${others.length > 0 ? `; give the provider of each other account (${others.map((p) => p.account).join(', ')}) its credentials` : ''})`,
      commands: [`terraform -chdir=${dir} init`, `terraform -chdir=${dir} plan`, `terraform -chdir=${dir} apply`],
    },
    ...checks(result),
  ];
};

export const cloudFormationNextSteps: NextStepsFor = (result, dir) => {
  const { key } = result.spec;
  const { own, others } = keyAccountFirst(result);
  const deploy = (file: string, extra = '') =>
    `aws cloudformation deploy --template-file ${path(dir, file)} --stack-name ${iamPolicyName(key)} --capabilities CAPABILITY_NAMED_IAM${extra}`;
  return [
    putKeyPolicyStep(result, 'CloudFormation'),
    ...(own
      ? [{ title: `Deploy ${CLOUDFORMATION_FILE} in account ${key.account}, Region ${key.region} (its IAM policy; add CreateKey=true only to create a new key instead)`, commands: [deploy(CLOUDFORMATION_FILE)] }]
      : [{ title: `Only to create a new key with this policy: deploy ${CLOUDFORMATION_FILE} in account ${key.account}, Region ${key.region}`, commands: [deploy(CLOUDFORMATION_FILE)] }]),
    ...others.map((p) => ({ title: `Deploy ${cloudFormationAccountFile(p.account)} in account ${p.account} (its IAM policy)`, commands: [deploy(cloudFormationAccountFile(p.account))] })),
    ...checks(result),
  ];
};

export const cdkNextSteps: NextStepsFor = (result, dir) => {
  const others = keyAccountFirst(result).others;
  return [
    putKeyPolicyStep(result, 'CDK'),
    {
      title: `Copy ${CDK_FILE} into your CDK app, add its stacks to the app (the comment at its top shows how), and deploy`,
      commands: [`cp ${path(dir, CDK_FILE)} lib/`, `npx cdk deploy KmsKeyPolicy${others.map((p) => ` KmsIamPolicy${p.account}`).join('')}`],
    },
    ...checks(result),
  ];
};

/** Next steps by `--format` name; formats not listed use the JSON format's (src/output/next-steps.ts). */
export const FORMAT_NEXT_STEPS: Readonly<Record<string, NextStepsFor>> = {
  terraform: terraformNextSteps,
  cloudformation: cloudFormationNextSteps,
  cdk: cdkNextSteps,
};
