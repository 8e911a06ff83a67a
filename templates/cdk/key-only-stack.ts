/**
 * Account {{account}}, Region {{region}}: a new key with keyPolicy. The account needs no IAM policy
 * (the key policy names who may use the key), so this stack is only for creating a new key.
 */
export class KmsKeyPolicyStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, { ...props, env: { account: {{accountLiteral}}, region: {{regionLiteral}} } });
    new kms.Key(this, 'Key', {
      description: {{description}},
      multiRegion: {{multiRegion}},
      {{keyOptions}}
      policy: iam.PolicyDocument.fromJson(keyPolicy),
    });
  }
}
