import { kmsConditionKey } from '../../catalog/actions.js';
import { didYouMean } from '../../suggest.js';
import { keyPrefix, KMS_KEY_NAMES } from '../condition-keys.js';
import { GLOBAL_CONDITION_KEYS } from '../global-keys.js';
import type { DocumentRule } from '../types.js';

/**
 * KMS condition keys come from the Service Authorization Reference
 * ("Actions, resources, and condition keys for AWS Key Management Service", https://docs.aws.amazon.com/service-authorization/latest/reference/list_awskeymanagementservice.html;
 * catalog/kms-data.ts). A misspelled key such as
 * `kms:ViaServce` is never in the request, so the condition never matches.
 */
export const unknownKmsConditionKey: DocumentRule = {
  code: 'KW302',
  name: 'unknown-kms-condition-key',
  severity: 'error',
  title: 'Unknown kms: condition key (kms:ViaServce, ...)',
  appliesTo: 'any',
  check(doc, report) {
    for (const s of doc.statements) {
      for (const c of s.conditions) {
        if (keyPrefix(c.key) !== 'kms' || kmsConditionKey(c.key)) continue;
        const rest = c.key.slice(4);
        // "kms:SourceArn" is the global key aws:SourceArn under the wrong prefix.
        const guess = didYouMean(c.key, KMS_KEY_NAMES) ?? GLOBAL_CONDITION_KEYS.find((k) => k.toLowerCase() === `aws:${rest}`.toLowerCase());
        report(
          c.keyLoc,
          `"${c.key}" is not a KMS condition key${guess ? `; did you mean "${guess}"?` : '.'} A key that is never in the request is never ` +
            'compared, so this condition does not do what it says. Use a key from the KMS list, such as kms:ViaService or kms:CallerAccount.',
        );
      }
    }
  },
};
