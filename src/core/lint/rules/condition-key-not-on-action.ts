import { keyPresence } from '../key-presence.js';
import type { DocumentRule } from '../types.js';

/**
 * Seen in public repositories (issue 3): a condition on a kms: key that the
 * action's requests never carry, e.g. kms:GrantIsForAWSResource (only on
 * CreateGrant, ListGrants, RevokeGrant) beside Decrypt. Under a plain
 * operator the condition is then false and the action never matches.
 */
export const conditionKeyNotOnAction: DocumentRule = {
  code: 'KW315',
  name: 'condition-key-not-on-action',
  severity: 'warning',
  title: 'Condition key that an action never carries (GrantIsForAWSResource on Decrypt)',
  appliesTo: 'any',
  check(doc, report) {
    for (const s of doc.statements) {
      const p = keyPresence(s);
      if (p.allDead) continue;
      for (const d of p.dead) {
        if (/^kms:encryptioncontext/i.test(d.condition.key)) continue; // KW314
        report(
          d.action.loc,
          `"${d.action.value}" requests never carry "${d.condition.key}", so the condition is always false for it and this statement never ${s.effect === 'Deny' ? 'denies' : 'allows'} it. ` +
            `Move it to its own statement without that condition${d.condition.op?.ifExists ? '' : `, or use "${d.condition.operator}IfExists"`}.`,
        );
      }
    }
  },
};
