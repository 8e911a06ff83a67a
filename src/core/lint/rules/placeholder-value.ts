import { placeholdersOf } from '../placeholders.js';
import { safeText } from '../../terminal-safe.js';
import type { DocumentRule } from '../types.js';

/**
 * Policies copied from documentation and READMEs keep their placeholders
 * ("ACCOUNT_ID", "<region>", "${AccountId}", "{{key-id}}"). Each is one thing
 * to do, fill it in, rather than an error about a malformed ARN, an unknown
 * Region or a ViaService value that never matches; the findings that only
 * echo it are dropped (placeholders.ts, withoutPlaceholderEchoes). A warning:
 * the policy cannot work as written, but filling it in is the whole fix.
 */
export const placeholderValue: DocumentRule = {
  code: 'KW121', // = PLACEHOLDER_CODE, written out so scripts/rules-table.mjs reads it from this file
  name: 'placeholder-value',
  severity: 'warning',
  title: 'A placeholder left in the policy (ACCOUNT_ID, <region>, ${AccountId}): fill it in',
  appliesTo: 'any',
  check(doc, report) {
    for (const p of placeholdersOf(doc)) {
      const what = p.token === p.value ? `"${safeText(p.value)}" is a placeholder` : `"${safeText(p.value)}" still holds the placeholder "${safeText(p.token)}"`;
      report(p.loc, `${what}: fill in the real value. As written, AWS rejects the policy or the value matches nothing.`);
    }
  },
};
