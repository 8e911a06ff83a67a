// Who must run the step that sets the key policy. KMS's lockout safety check
// (CreateKey and PutKeyPolicy API Reference: "the key policy must allow the
// principal that is making the CreateKey request to make a subsequent
// PutKeyPolicy request on the KMS key") refuses a policy whose administrators
// do not include the caller. With the account root as administrator any
// principal that IAM allows passes; with named administrators only they do.
// Never suggest BypassPolicyLockoutSafetyCheck: it is how keys become unmanageable.
// Who makes the call: the AWS CLI and Terraform use the caller's credentials;
// CloudFormation the caller's, or its service role when --role-arn is given
// ("AWS CloudFormation service role", CloudFormation User Guide); CDK deploys
// through the bootstrap's CloudFormation execution role, by default
// cdk-hnb659fds-cfn-exec-role-ACCOUNT-REGION (DefaultStackSynthesizer,
// https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.DefaultStackSynthesizer.html;
// CliCredentialsStackSynthesizer deploys with the CLI's credentials instead).
import { rootArn } from '../core/arn.js';
import type { BuildResult } from '../core/build-types.js';
import type { NextStep } from './next-step.js';

/** The tool that makes the CreateKey / PutKeyPolicy call. */
export type PolicySetter = 'cli' | 'terraform' | 'cloudformation' | 'cdk';

/** The AWS CLI profile the steps set up for an administrator role. */
export const ADMIN_PROFILE = 'kms-key-admin';

/** The named administrators, unless the key's account root is one (then IAM decides who may call PutKeyPolicy). */
export function namedAdmins(result: BuildResult): readonly string[] {
  const { spec } = result;
  if (spec.adminsDefaulted || spec.admins.includes(rootArn(spec.key.partition, spec.key.account))) return [];
  return spec.admins;
}

const list = (xs: readonly string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`);

/**
 * The step before the one that creates the key or applies its policy, when
 * only named administrators pass the lockout check: who must run it, and the
 * AWS CLI profile that assumes the first administrator role (aws configure
 * set ... role_arn / source_profile, AWS CLI User Guide "Use an IAM role in
 * the AWS CLI"). Undefined when IAM decides (the account root administers).
 */
export function lockoutStep(result: BuildResult, setter: PolicySetter): NextStep | undefined {
  const admins = namedAdmins(result);
  if (admins.length === 0) return undefined;
  const { key } = result.spec;
  const action = key.isNew ? 'creates the key' : 'sets the key policy';
  const role = admins.find((a) => /:role\//.test(a));
  const profile = role
    ? [`aws configure set profile.${ADMIN_PROFILE}.role_arn ${role}`, `aws configure set profile.${ADMIN_PROFILE}.source_profile default`, `export AWS_PROFILE=${ADMIN_PROFILE}`]
    : [];
  const how = role ? `assume ${role} first (the commands below set up an AWS CLI profile for it)` : `use ${admins[0]}'s own credentials`;
  const lead =
    `KMS's lockout safety check: the key policy lets only ${list(admins)} change it again, so the call that ${action} is refused ` +
    '("The new key policy will not allow you to update the key policy in the future") unless one of them makes it. Do not bypass the check';
  switch (setter) {
    case 'cli':
      return { title: `${lead}: run the next steps as an administrator: ${how}`, commands: profile };
    case 'terraform':
      return {
        title:
          `${lead}: Terraform's default aws provider must use an administrator's credentials: ${how}` +
          (role ? `, or add assume_role { role_arn = "${role}" } to that provider` : ''),
        commands: profile,
      };
    case 'cloudformation':
      return {
        title:
          `${lead}: CloudFormation makes the call with your credentials (or with the stack's service role when you pass --role-arn, which must then be an administrator): deploy as an administrator: ${how}`,
        commands: profile,
      };
    case 'cdk':
      return {
        title:
          `${lead}: cdk deploy runs the stack with the bootstrap's CloudFormation execution role (cdk-hnb659fds-cfn-exec-role-${key.account}-${key.region} with the default bootstrap), ` +
          'and that role makes the call: add it as an administrator (--admin with its ARN) and generate again, or give the stack a CliCredentialsStackSynthesizer and deploy as an administrator',
        commands: [],
      };
  }
}
