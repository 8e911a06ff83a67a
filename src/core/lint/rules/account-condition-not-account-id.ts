import { isAccountId } from '../../arn.js';
import { sameKey } from '../conditions.js';
import { allowsWildcards } from '../operators.js';
import type { DocumentRule } from '../types.js';

const ACCOUNT_KEYS = ['kms:CallerAccount', 'aws:SourceAccount', 'aws:PrincipalAccount', 'aws:ResourceAccount', 'aws:VpceAccount'];

/**
 * Seen in public repositories (issue 3): an ARN or a name as the value of
 * kms:CallerAccount. The key holds the caller's 12-digit account id
 * ("AWS KMS condition keys", https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html, kms:CallerAccount), so any other value never matches.
 */
export const accountConditionNotAccountId: DocumentRule = {
  code: 'KW313',
  name: 'account-condition-not-account-id',
  severity: 'error',
  title: 'kms:CallerAccount (or aws:SourceAccount...) value that is not a 12-digit account id',
  appliesTo: 'any',
  check(doc, report) {
    for (const s of doc.statements) {
      for (const c of s.conditions) {
        const key = ACCOUNT_KEYS.find((k) => sameKey(k, c.key));
        if (!key || !c.op || c.op.base === 'Null') continue;
        for (const v of c.values) {
          const text = String(v.value);
          if (isAccountId(text) || text.includes('${')) continue;
          if (allowsWildcards(c.op) && /^[0-9*?]+$/.test(text)) continue;
          const id = /(?:^|:)(\d{12})(?::|$)/.exec(text)?.[1];
          report(v.loc, `${key} holds a 12-digit account id, so "${text}" never matches.${id ? ` Write "${id}".` : ' Write the account id, e.g. "111122223333".'}`);
        }
      }
    }
  },
};
