import type { DocumentRule } from '../types.js';

/** An identity-based (IAM) policy applies to whoever it is attached to: it has no Principal. */
export const principalInIamPolicy: DocumentRule = {
  code: 'KW106',
  name: 'principal-in-iam-policy',
  severity: 'error',
  title: 'IAM policy statement with Principal',
  appliesTo: 'iam',
  check(doc, report) {
    for (const s of doc.statements) {
      const el = s.elements.get('Principal') ?? s.elements.get('NotPrincipal');
      if (!el) continue;
      report(
        el.nameLoc,
        `An IAM policy cannot have "${el.canonical}": it applies to the user or role it is attached to, and IAM rejects it. ` +
          'Remove the element, or lint the file with --type key if it is a key policy.',
      );
    }
  },
};
