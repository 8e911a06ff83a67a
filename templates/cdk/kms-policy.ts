// kms-policy.ts: the KMS key policy and the matching IAM policies as AWS CDK v2 code, written by
// kms-wizard. Add it to a CDK app (it needs aws-cdk-lib and constructs).
//
// Key: {{key}}
//
{{explanation}}
//
// What CDK can manage here, and what it cannot:
{{scope}}
// - CDK's default key policy: a kms.Key created without `policy` gets a statement that allows the
//   account root kms:* with no condition, so any IAM policy could allow direct use of the key and
//   the kms:ViaService restriction would not hold. KmsKeyPolicyStack passes keyPolicy explicitly,
//   which replaces that default: in CDK v2 the feature flag @aws-cdk/aws-kms:defaultKeyPolicies is
//   always on, and with it a given policy is the key's only policy (CDK v1 without the flag
//   appended it to its own default instead). Do not call key.grant*() or pass `admins` on this
//   key: CDK then adds statements of its own to the key policy or to IAM policies.
//   See KeyProps.policy: https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_kms.KeyProps.html
// - iam.PolicyDocument.fromJson() re-renders the documents; what it deploys means the same.
//
// In your app (bin/app.ts):
{{usage}}
{{cdkImport}}
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';

{{documents}}

{{stacks}}
