import { IAM_MANAGED_POLICY_MAX_CHARS, iamPolicyLength } from '../../catalog/limits.js';
import type { DocumentRule } from '../types.js';

/**
 * "IAM and AWS STS quotas", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html:
 * a managed IAM policy holds at most 6,144 characters, white
 * space not counted (inline policies: 2,048 per user, 5,120 per group,
 * 10,240 per role, in total).
 */
export const iamPolicyTooLarge: DocumentRule = {
  code: 'KW008',
  name: 'iam-policy-too-large',
  severity: 'error',
  title: 'IAM policy over 6,144 non-white-space characters',
  appliesTo: 'iam',
  check(doc, report) {
    const chars = iamPolicyLength(doc.text);
    if (chars <= IAM_MANAGED_POLICY_MAX_CHARS) return;
    report(
      { pointer: '', offset: doc.root.offset },
      `The IAM policy has ${chars.toLocaleString('en-US')} characters without white space; a managed policy may have at most 6,144 ` +
        '(inline policies share 2,048 per user, 5,120 per group, 10,240 per role). Split it into several policies or merge statements.',
    );
  },
};
