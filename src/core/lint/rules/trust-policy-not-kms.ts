import type { DocumentRule } from '../types.js';

/**
 * A role trust policy ("Principal" with sts: actions only, such as
 * {"Service": "ec2.amazonaws.com"} and sts:AssumeRole) is the resource policy
 * of an IAM role, not a KMS key policy ("Role terms and concepts",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html#iam-term-trust-policy):
 * read as one it looked like a lockout and a Principal misuse. Detection is
 * detectKind (src/core/policy-kind.ts); lint runs only the policy-language
 * checks ('any' rules) on it and says once what it is.
 */
export const trustPolicyNotKms: DocumentRule = {
  code: 'KW020',
  name: 'trust-policy-not-kms',
  severity: 'info',
  title: 'An IAM role trust policy (sts: actions only), not a KMS key or IAM permission policy',
  appliesTo: 'any',
  check(doc, report) {
    if (doc.kind !== 'trust') return;
    const first = doc.statements.find((s) => s.actions.length > 0);
    report(
      first ? first.actions[0]!.loc : { pointer: '', offset: 0 },
      'This is an IAM role trust policy (it names a Principal and allows only sts: actions), not a KMS key policy or an IAM permission policy, ' +
        'so only the policy-language checks ran. Lint the role\'s permission policies for its KMS access; --type key or --type iam forces a kind.',
    );
  },
};
