import type { DocumentRule } from '../types.js';
import { INSTANCE_PROFILE } from './not-a-principal.js';

/**
 * "AWS JSON policy elements: Principal" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html):
 * accounts, IAM users and roles, role sessions, federated users and services
 * are principals; an EC2 instance profile is not (it is a container that
 * passes a role to an instance), so KMS rejects a key policy naming one with
 * MalformedPolicyDocumentException. Its own rule (not KW404) so that an ARN a
 * template builds with a parameter for the name
 * (`!Sub arn:aws:iam::${AWS::AccountId}:instance-profile/${Name}`) is caught too.
 */
export const instanceProfilePrincipal: DocumentRule = {
  code: 'KW411',
  name: 'instance-profile-principal',
  // An error: KMS refuses the whole key policy.
  severity: 'error',
  title: 'EC2 instance profile ARN as a principal (KMS rejects the policy)',
  appliesTo: 'key',
  check(doc, report) {
    for (const s of doc.statements) {
      for (const e of s.principal?.entries ?? []) {
        if (e.type !== 'AWS' || !INSTANCE_PROFILE.test(e.value)) continue;
        report(
          e.loc,
          `"${e.value}" is an EC2 instance profile, which is not a principal: KMS rejects the whole key policy (MalformedPolicyDocumentException). ` +
            'Name the role the instance profile holds instead: arn:aws:iam::<account>:role/<role-name> (aws iam get-instance-profile shows it).',
        );
      }
    }
  },
};
