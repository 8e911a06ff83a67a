import { didYouMean } from '../../suggest.js';
import { statementTitle } from '../model.js';
import type { DocumentRule } from '../types.js';

/** Effect is required and is exactly "Allow" or "Deny", case-sensitive [IAM User Guide: reference_policies_elements_effect]. */
export const missingEffect: DocumentRule = {
  code: 'KW104',
  name: 'missing-or-invalid-effect',
  severity: 'error',
  title: 'Effect missing, or not exactly "Allow" or "Deny"',
  appliesTo: 'any',
  check(doc, report) {
    for (const s of doc.statements) {
      const el = s.elements.get('Effect');
      if (!el) {
        report(s.loc, `${statementTitle(s)} has no "Effect"; AWS rejects it. Add "Effect": "Allow" (or "Deny").`);
        continue;
      }
      if (el.node.type !== 'string') continue; // KW102 reports the type
      const v = el.node.value as string;
      if (v === 'Allow' || v === 'Deny') continue;
      const guess = didYouMean(v, ['Allow', 'Deny']);
      report(el.loc, `"${v}" is not a valid Effect: it must be exactly "Allow" or "Deny" (case-sensitive).${guess ? ` Write "${guess}".` : ''}`);
    }
  },
};
