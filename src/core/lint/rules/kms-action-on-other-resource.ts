import { keyUseStatements, mayNameKey } from '../iam-resources.js';
import { statementLabel } from '../model.js';
import type { DocumentRule } from '../types.js';

/**
 * "Specifying KMS keys in IAM policy statements" (https://docs.aws.amazon.com/kms/latest/developerguide/cmks-in-iam-policies.html)
 * and "Actions, resources, and condition keys for AWS Key Management Service"
 * (Service Authorization Reference): the KMS actions on a key take a key ARN
 * (arn:<partition>:kms:<region>:<account>:key/<key-id>) as their resource. A
 * statement whose every Resource is an ARN of another service (an RDS
 * cluster, an S3 bucket, a secret) matches no key, so its KMS actions grant
 * nothing: the service that needs the key is denied at run time.
 */
export const kmsActionOnOtherResource: DocumentRule = {
  code: 'KW505',
  name: 'kms-action-on-other-resource',
  // An error: the statement exists to allow key use and silently allows none.
  severity: 'error',
  title: 'KMS actions granted only on resources that are not KMS keys (a bucket, a database ARN)',
  appliesTo: 'iam',
  check(doc, report) {
    for (const u of keyUseStatements(doc)) {
      const s = u.statement;
      // Only KMS actions written as such: "Action": "*" on a bucket is about the bucket.
      if (!s.actions.some((a) => a.value.toLowerCase().startsWith('kms:'))) continue;
      if (s.effect !== 'Allow' || u.resources.length === 0 || u.resources.some((r) => mayNameKey(r.value))) continue;
      const services = [...new Set(u.resources.map((r) => r.value.split(':')[2]))].join(', ');
      const actions = `${u.keyActions.slice(0, 3).join(', ')}${u.keyActions.length > 3 ? ', ...' : ''}`;
      report(
        s.elements.get('Resource')?.loc ?? s.loc,
        `In ${statementLabel(s)}, ${actions} ${u.keyActions.length === 1 ? 'is' : 'are'} granted only on ${services} resources, which are not KMS keys: IAM matches a KMS action against the key's ARN, so this grants nothing on any key.`,
        'Add the ARN of the key that protects the resource (arn:aws:kms:<region>:<account>:key/<key-id>; the resource\'s description shows its KmsKeyId), in its own statement if the other actions need the resource ARN.',
      );
    }
  },
};
