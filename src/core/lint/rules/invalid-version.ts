import { POLICY_VERSION } from '../../policy.js';
import type { DocumentRule } from '../types.js';

/** Only "2012-10-17" and "2008-10-17" exist; AWS rejects any other Version ("IAM JSON policy elements: Version", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html). */
export const invalidVersion: DocumentRule = {
  code: 'KW006',
  name: 'invalid-version',
  severity: 'error',
  title: 'Version is not a policy language version',
  appliesTo: 'any',
  check(doc, report) {
    const el = doc.elements.get('Version');
    if (el?.node.type !== 'string') return;
    const v = el.node.value as string;
    if (v === POLICY_VERSION || v === '2008-10-17') return;
    report(el.loc, `"${v}" is not a policy language version: AWS rejects the policy. Use "Version": "${POLICY_VERSION}" (it is a fixed date, not today's date).`);
  },
};
