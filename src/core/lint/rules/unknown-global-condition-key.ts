import { keyPrefix } from '../condition-keys.js';
import { isGlobalConditionKey } from '../global-keys.js';
import type { DocumentRule } from '../types.js';
import { intendedKey } from './misspelled-global-condition-key.js';

/**
 * An `aws:` key that is not a known global key and not a near miss of one.
 * AWS adds global keys from time to time and this list may lag, so this is a
 * warning: check the spelling against the IAM User Guide.
 */
export const unknownGlobalConditionKey: DocumentRule = {
  code: 'KW304',
  name: 'unknown-global-condition-key',
  severity: 'warning',
  title: 'aws: condition key that is not a known global key',
  appliesTo: 'any',
  check(doc, report) {
    for (const s of doc.statements) {
      for (const c of s.conditions) {
        if (keyPrefix(c.key) !== 'aws' || isGlobalConditionKey(c.key) || intendedKey(c)) continue;
        report(
          c.keyLoc,
          `"${c.key}" is not a global condition key this tool knows. If it is misspelled, the condition never sees a value. ` +
            'Check it against "AWS global condition context keys" in the IAM User Guide.',
        );
      }
    }
  },
};
