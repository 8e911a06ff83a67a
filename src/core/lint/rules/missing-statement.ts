import type { DocumentRule } from '../types.js';

/** A policy needs a Statement element with at least one statement. */
export const missingStatement: DocumentRule = {
  code: 'KW004',
  name: 'missing-statement',
  severity: 'error',
  title: 'No Statement element, or an empty one',
  appliesTo: 'any',
  check(doc, report) {
    const el = doc.elements.get('Statement');
    if (!el) {
      report({ pointer: '', offset: doc.root.offset }, 'The policy has no "Statement" element, so it allows nothing. Add "Statement": [ ... ] with at least one statement.');
      return;
    }
    if (el.node.type === 'array' && (el.node.children ?? []).length === 0) {
      report(el.loc, 'The "Statement" list is empty, so the policy allows nothing. Add at least one statement, or delete the policy.');
    }
  },
};
