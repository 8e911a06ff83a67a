import type { DocumentRule } from '../types.js';

const GROUP = /^arn:[a-z-]+:iam::\d{12}:group\//;

/** IAM groups are never valid principals ("AWS JSON policy elements: Principal", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html). */
export const groupPrincipal: DocumentRule = {
  code: 'KW405',
  name: 'group-principal',
  severity: 'error',
  title: 'IAM group as a principal',
  appliesTo: 'key',
  check(doc, report) {
    for (const s of doc.statements) {
      for (const e of s.principal?.entries ?? []) {
        if (e.type !== 'AWS' || !GROUP.test(e.value)) continue;
        report(
          e.loc,
          `"${e.value}" is an IAM group, and groups are never valid principals: KMS rejects the policy. ` +
            'Name the account root here and attach an IAM policy to the group, or name the users or a role.',
        );
      }
    }
  },
};
