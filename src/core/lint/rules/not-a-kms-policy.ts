import type { DocumentRule } from '../types.js';

/**
 * A role trust policy ("Principal" with sts: actions only, such as
 * {"Service": "ec2.amazonaws.com"} and sts:AssumeRole: "Role terms and
 * concepts", https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html#iam-term-trust-policy)
 * or another service's resource policy (a bucket policy: a Principal and
 * s3: actions only) is not a KMS key policy: read as one it got a lockout
 * error and Principal advice. Detection is detectKind
 * (src/core/policy-kind.ts); lint runs only the policy-language checks
 * ('any' rules) on it and says once what it is.
 */
export const notAKmsPolicy: DocumentRule = {
  code: 'KW020',
  name: 'not-a-kms-policy',
  severity: 'info',
  title: 'A role trust policy or another service\'s resource policy, not a KMS key or IAM policy',
  appliesTo: 'any',
  check(doc, report) {
    if (doc.kind !== 'trust' && doc.kind !== 'resource') return;
    const first = doc.statements.find((s) => s.actions.length > 0);
    const what =
      doc.kind === 'trust'
        ? 'an IAM role trust policy (it names a Principal and allows only sts: actions)'
        : 'a resource-based policy of another service (it names a Principal and allows no kms: action)';
    report(
      first ? first.actions[0]!.loc : { pointer: '', offset: 0 },
      `This is ${what}, not a KMS key policy or an IAM permission policy, so only the policy-language checks ran. ` +
        'Lint the key policy and the IAM policies that use the key instead; --type key or --type iam forces a kind.',
    );
  },
};
