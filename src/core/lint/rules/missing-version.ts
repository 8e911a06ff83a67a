import type { DocumentRule } from '../types.js';

/**
 * `Version` is "2012-10-17". Without it AWS applies the old
 * 2008-10-17 language, in which policy variables such as ${aws:username}
 * are plain text [IAM User Guide: reference_policies_elements_version].
 */
export const missingVersion: DocumentRule = {
  code: 'KW005',
  name: 'missing-version',
  severity: 'warning',
  title: 'Version missing or the old 2008-10-17',
  appliesTo: 'any',
  check(doc, report) {
    const el = doc.elements.get('Version');
    if (!el) {
      report(
        { pointer: '', offset: doc.root.offset },
        'The policy has no "Version": AWS then uses the 2008-10-17 policy language, in which policy variables are not supported. Add "Version": "2012-10-17".',
      );
    } else if (el.node.value === '2008-10-17') {
      report(el.loc, 'Version "2008-10-17" is the old policy language (no policy variables). Use "Version": "2012-10-17".');
    }
  },
};
