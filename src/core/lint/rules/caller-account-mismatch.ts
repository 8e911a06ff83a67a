import { isPatternValue, requiredValues } from '../conditions.js';
import { principalAccount } from '../principals.js';
import type { DocumentRule } from '../types.js';

/**
 * kms:CallerAccount ("AWS KMS condition keys", https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html) is the caller's own account, so a
 * principal of a consumer account never matches a CallerAccount naming the
 * key owner. Each principal whose account is not among the values can never
 * use the statement.
 */
export const callerAccountMismatch: DocumentRule = {
  code: 'KW407',
  name: 'caller-account-mismatch',
  severity: 'error',
  title: "kms:CallerAccount that is not the principal's own account",
  appliesTo: 'key',
  check(doc, report) {
    for (const s of doc.statements) {
      if (s.effect !== 'Allow' || !s.principal || s.principal.negated) continue;
      const accounts = requiredValues(s, 'kms:CallerAccount');
      if (accounts.length === 0 || accounts.some(isPatternValue)) continue;
      for (const e of s.principal.entries) {
        if (e.type !== 'AWS') continue;
        const account = principalAccount(e.value);
        if (!account || accounts.includes(account)) continue;
        report(
          e.loc,
          `"${e.value}" is in account ${account}, but kms:CallerAccount allows only ${accounts.join(', ')}: kms:CallerAccount is the caller's own account, so this principal never matches. ` +
            `Add "${account}" to kms:CallerAccount (for a consumer account, its own id, not the key owner's).`,
        );
      }
    }
  },
};
