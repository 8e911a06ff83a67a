/** Options for KmsKeyPolicyStack. */
export interface KmsKeyPolicyStackProps extends StackProps {
  /** true: create a new key with keyPolicy, and the IAM policy names it. Default false: the key exists. */
  readonly createKey?: boolean;
}

/** Account {{account}}, Region {{region}}: the IAM policy, and the key itself when createKey is true. */
export class KmsKeyPolicyStack extends Stack {
  constructor(scope: Construct, id: string, props: KmsKeyPolicyStackProps = {}) {
    super(scope, id, { ...props, env: { account: {{accountLiteral}}, region: {{regionLiteral}} } });
    const key = props.createKey
      ? new kms.Key(this, 'Key', {
          description: {{description}},
          multiRegion: {{multiRegion}},
          {{keyOptions}}
          policy: iam.PolicyDocument.fromJson(keyPolicy),
        })
      : undefined;
    {{comment}}
    new iam.ManagedPolicy(this, 'IamPolicy', {
      managedPolicyName: {{policyName}},
      description: {{policyDescription}},
      document: iam.PolicyDocument.fromJson(key ? namingNewKey({{document}}, key) : {{document}}),
      {{attach}}
    });
  }
}

/** The IAM policy with its Resource changed to the key the stack creates. */
function namingNewKey<T extends { Statement: object[] }>(policy: T, key: kms.Key) {
  const arns: string[] = {{newKeyArns}};
  return { ...policy, Statement: policy.Statement.map((s) => ({ ...s, Resource: arns.length === 1 ? arns[0] : arns })) };
}
