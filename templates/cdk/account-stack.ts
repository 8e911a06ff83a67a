
/**
 * Account {{account}}: its IAM policy ({{fileName}}). The account uses the key from outside the
 * key's account, so the policy is created there. If KmsKeyPolicyStack created a new key, run
 * kms-wizard again with that key's ARN: this policy names the key above.
 */
export class {{className}} extends Stack {
  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, { ...props, env: { account: {{accountLiteral}}, region: {{regionLiteral}} } });
    {{comment}}
    new iam.ManagedPolicy(this, 'IamPolicy', {
      managedPolicyName: {{policyName}},
      description: {{policyDescription}},
      document: iam.PolicyDocument.fromJson({{document}}),
      {{attach}}
    });
  }
}
