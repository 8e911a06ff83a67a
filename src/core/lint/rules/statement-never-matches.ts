import { actionsCarrying, keyPresence } from '../key-presence.js';
import { statementTitle } from '../model.js';
import type { DocumentRule } from '../types.js';

/**
 * The whole statement is dead: each of its actions is paired with a
 * condition on a kms: key its requests never carry ("AWS KMS condition keys", https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html; issue 3's
 * "condition keys that an action never carries, which make the statement dead").
 */
export const statementNeverMatches: DocumentRule = {
  code: 'KW316',
  name: 'statement-never-matches',
  severity: 'error',
  title: 'Statement that can never match (condition key absent from all its actions)',
  appliesTo: 'any',
  check(doc, report) {
    for (const s of doc.statements) {
      const p = keyPresence(s);
      if (!p.allDead) continue;
      const keys = [...new Set(p.dead.map((d) => d.condition.key))];
      const first = p.dead[0]!.condition;
      const carriers = actionsCarrying(first.key);
      report(
        first.keyLoc,
        `${statementTitle(s)} can never match: its actions' requests never carry ${keys.map((k) => `"${k}"`).join(' or ')}, so its condition is always false and it ${s.effect === 'Deny' ? 'denies' : 'allows'} nothing. ` +
          (carriers.length > 0 ? `"${first.key}" is only on ${carriers.join(', ')}.` : 'Remove the condition or change the actions.'),
      );
    }
  },
};
