import { KMS_ACTIONS } from '../../catalog/actions.js';
import { didYouMean } from '../../suggest.js';
import type { DocumentRule } from '../types.js';

/**
 * An action is `<service>:<name>` (or `*`) [IAM User Guide:
 * reference_policies_elements_action]; `Decrypt` without `kms:` matches nothing.
 */
export const malformedAction: DocumentRule = {
  code: 'KW202',
  name: 'malformed-action',
  severity: 'error',
  title: 'Action without a service prefix, or otherwise malformed',
  appliesTo: 'any',
  check(doc, report) {
    for (const s of doc.statements) {
      for (const a of s.actions) {
        const v = a.value;
        if (v === '*') continue;
        const colon = v.indexOf(':');
        if (colon > 0 && colon < v.length - 1 && !/\s/.test(v)) continue;
        const bare = v.trim().replace(/:$/, '');
        const guess = bare === '' ? undefined : didYouMean(`kms:${bare}`, KMS_ACTIONS);
        const what = v.trim() === '' ? 'An empty action' : /\s/.test(v) ? `"${v}" contains white space and` : `"${v}" has no service prefix and`;
        report(a.loc, `${what} matches no action. Write actions as "service:Name"${guess ? `, here "${guess}"` : ', e.g. "kms:Decrypt"'}.`);
      }
    }
  },
};
