import { ADMIN_ACTION_LIST } from '../admin-actions.js';
import { requiredValues } from '../conditions.js';
import { statementTitle } from '../model.js';
import { accountWideTakeoverActions } from '../star-principal.js';
import type { DocumentRule } from '../types.js';

/**
 * In the key's own account the key policy alone is enough ("Default key
 * policy", https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html),
 * so `"*"` limited only by kms:CallerAccount gives the statement's actions to
 * every identity there with no IAM permission. With kms:PutKeyPolicy,
 * kms:ScheduleKeyDeletion or an unconditioned kms:CreateGrant (directly or
 * through kms:* and other wildcards) any role can rewrite the policy, delete
 * the key or grant itself any use. Seen in real repositories. The harmless
 * case (use actions only) stays KW403, info.
 */
export const starPrincipalAccountWideAdmin: DocumentRule = {
  code: 'KW408',
  name: 'star-principal-account-wide-admin',
  severity: 'error',
  title: 'Principal "*" limited only to an account, with administrative actions (PutKeyPolicy, ScheduleKeyDeletion, CreateGrant, kms:*)',
  appliesTo: 'key',
  check(doc, report) {
    for (const s of doc.statements) {
      const actions = accountWideTakeoverActions(s);
      if (actions.length === 0) continue;
      const accounts = [...new Set(requiredValues(s, 'kms:CallerAccount'))];
      const where = accounts.length > 0 ? `account ${accounts.join(', ')}` : 'the account (or organization) its condition names';
      const account = accounts.length === 1 && /^\d{12}$/.test(accounts[0]!) ? accounts[0]! : 'ACCOUNT';
      const written = s.actions.map((a) => a.value);
      const via = written.some((a) => a.includes('*') || a.includes('?')) || s.notAction ? ` (through ${s.notAction ? 'NotAction ' : ''}${written.join(', ')})` : '';
      report(
        s.principal!.element.loc,
        `${statementTitle(s)} allows ${actions.join(', ')}${via} to "*" limited only to ${where}: every user and role there can ` +
          'rewrite the key policy, schedule the key for deletion or grant itself any use, without any IAM permission (the key policy alone is enough in the key\'s account).',
        `Name the key administrators in Principal ({"AWS": ["arn:aws:iam::${account}:role/KeyAdmin"]}), or use the account root ` +
          `(arn:aws:iam::${account}:root) so that IAM policies decide who may administer the key; ` +
          `give administrators only the administrator actions (${ADMIN_ACTION_LIST}) and keep "*" with kms:CallerAccount for the cryptographic actions, if at all.`,
      );
    }
  },
};
