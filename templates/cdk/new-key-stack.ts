/**
 * Account {{account}}, Region {{region}}: the new key, created with keyPolicy so it never has KMS's
 * default key policy{{iamSummary}}.
 */
export class KmsKeyPolicyStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, { ...props, env: { account: {{accountLiteral}}, region: {{regionLiteral}} } });
    const key = new kms.Key(this, 'Key', {
      description: {{description}},
      multiRegion: {{multiRegion}},
      {{keyOptions}}
      policy: iam.PolicyDocument.fromJson(keyPolicy),
    });
    new CfnOutput(this, 'KeyArn', { value: key.keyArn, description: 'The ARN of the key this stack created' });
    {{iam}}
  }
}
