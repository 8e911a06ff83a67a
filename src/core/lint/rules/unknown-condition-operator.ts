import { didYouMean } from '../../suggest.js';
import { allOperators, parseOperator } from '../operators.js';
import type { DocumentRule } from '../types.js';

/**
 * Condition operators are a fixed, case-sensitive set [IAM User Guide:
 * reference_policies_elements_condition_operators]; `StringEqual` is not one
 * and AWS rejects the policy.
 */
export const unknownConditionOperator: DocumentRule = {
  code: 'KW301',
  name: 'unknown-condition-operator',
  severity: 'error',
  title: 'Unknown condition operator (StringEqual, ...)',
  appliesTo: 'any',
  check(doc, report) {
    for (const s of doc.statements) {
      const seen = new Set<string>();
      for (const c of s.conditions) {
        if (c.op || seen.has(c.operatorLoc.pointer)) continue;
        seen.add(c.operatorLoc.pointer);
        // "NullIfExists": Null has no IfExists form (it tests presence itself).
        const withoutIfExists = c.operator.replace(/IfExists$/, '');
        const guess = parseOperator(withoutIfExists) ? withoutIfExists : didYouMean(c.operator, allOperators());
        report(c.operatorLoc, `"${c.operator}" is not a condition operator${guess ? `; did you mean "${guess}"?` : '.'} AWS rejects the policy. Operators include StringEquals, StringLike, ArnLike, Bool, Null (optionally with IfExists).`);
      }
    }
  },
};
