import { kmsAction, KMS_ACTIONS } from '../../catalog/actions.js';
import { didYouMean } from '../../suggest.js';
import { expandPattern, hasWildcard } from '../actions.js';
import type { DocumentRule } from '../types.js';

/**
 * The Service Authorization Reference lists the KMS actions ("Actions, resources, and condition keys for AWS Key Management Service", https://docs.aws.amazon.com/service-authorization/latest/reference/list_awskeymanagementservice.html;
 * as data in src/core/catalog/kms-data.ts). A misspelled action (`kms:Encrpyt`) or a
 * wildcard that matches none silently grants nothing.
 */
export const unknownKmsAction: DocumentRule = {
  code: 'KW201',
  name: 'unknown-kms-action',
  severity: 'error',
  title: 'Unknown KMS action, or a wildcard that matches none',
  appliesTo: 'any',
  check(doc, report) {
    for (const s of doc.statements) {
      for (const a of s.actions) {
        const colon = a.value.indexOf(':');
        if (colon < 0 || a.value.slice(0, colon).toLowerCase() !== 'kms' || colon === a.value.length - 1) continue;
        if (hasWildcard(a.value)) {
          if (expandPattern(a.value).length > 0) continue;
          const guess = didYouMean(a.value.replace(/[*?]/g, ''), KMS_ACTIONS);
          report(a.loc, `"${a.value}" matches no KMS action, so it ${s.notAction ? 'excludes' : 'grants'} nothing.${guess ? ` Did you mean "${guess}"?` : ' Check the spelling against the KMS action list (e.g. kms:GenerateDataKey*).'}`);
        } else if (!kmsAction(a.value)) {
          const guess = didYouMean(a.value, KMS_ACTIONS);
          report(a.loc, `"${a.value}" is not a KMS action${guess ? `; did you mean "${guess}"?` : '.'} As written it matches nothing. Use the action name from the KMS API, such as "kms:Decrypt".`);
        }
      }
    }
  },
};
