import { isLiteralStringOperator } from '../operators.js';
import type { DocumentRule } from '../types.js';

/** `*` and `?` outside a policy variable such as ${*} or ${aws:username}. */
function hasLiteralWildcard(value: string): boolean {
  return /[*?]/.test(value.replace(/\$\{[^}]*\}/g, ''));
}

/**
 * Seen in public repositories (issue 3): `"StringEquals": {"kms:ViaService":
 * "secretsmanager.*.amazonaws.com"}`. StringEquals compares literally, so the
 * `*` matches only an asterisk and the condition never holds; StringLike was
 * meant [IAM User Guide: condition operators].
 */
export const wildcardInStringEquals: DocumentRule = {
  code: 'KW312',
  name: 'wildcard-in-string-equals',
  severity: 'error',
  title: 'Wildcard inside a StringEquals value (StringLike was meant)',
  appliesTo: 'any',
  check(doc, report) {
    for (const s of doc.statements) {
      for (const c of s.conditions) {
        if (!c.op || !isLiteralStringOperator(c.op)) continue;
        const like = `${c.op.setPrefix ? `${c.op.setPrefix}:` : ''}${c.op.negated ? 'StringNotLike' : 'StringLike'}${c.op.ifExists ? 'IfExists' : ''}`;
        for (const v of c.values) {
          if (typeof v.value !== 'string' || !hasLiteralWildcard(v.value)) continue;
          report(v.loc, `"${c.operator}" compares literally, so the "*"/"?" in "${v.value}" only matches those characters and the condition does not match as intended. Use "${like}" for wildcards, or write the exact value.`);
        }
      }
    }
  },
};
