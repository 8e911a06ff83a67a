import type { DocumentRule } from '../types.js';

/**
 * An IAM policy Sid may hold only A-Z, a-z and 0-9 (a key
 * policy Sid may contain spaces) [IAM User Guide: reference_policies_elements_sid].
 */
export const iamSidCharacters: DocumentRule = {
  code: 'KW110',
  name: 'iam-sid-characters',
  severity: 'error',
  title: 'IAM policy Sid with characters other than letters and digits',
  appliesTo: 'iam',
  check(doc, report) {
    for (const s of doc.statements) {
      const el = s.elements.get('Sid');
      if (s.sid === undefined || !el || /^[A-Za-z0-9]*$/.test(s.sid)) continue;
      // "Use the key" -> "UseTheKey": keep the words readable.
      const fixed = s.sid
        .split(/[^A-Za-z0-9]+/)
        .map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1)))
        .join('');
      report(el.loc, `IAM policy Sids may contain only letters and digits; "${s.sid}" has others and IAM rejects the policy.${fixed ? ` Write "${fixed}".` : ''}`);
    }
  },
};
