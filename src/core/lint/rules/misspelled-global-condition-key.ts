import { didYouMean } from '../../suggest.js';
import { keyPrefix, KMS_KEY_NAMES } from '../condition-keys.js';
import { GLOBAL_CONDITION_KEYS, isGlobalConditionKey } from '../global-keys.js';
import type { ConditionEntry } from '../model.js';
import type { DocumentRule } from '../types.js';

const KNOWN = [...GLOBAL_CONDITION_KEYS];

/** The key this one was probably meant to be: `awws:SourceArn` -> `aws:SourceArn`, `aws:SourceAcount` -> `aws:SourceAccount`. */
export function intendedKey(c: ConditionEntry): string | undefined {
  const prefix = keyPrefix(c.key);
  const rest = c.key.slice(c.key.indexOf(':') + 1);
  if (prefix === 'aws') {
    if (isGlobalConditionKey(c.key)) return undefined;
    // "aws:ViaService" is the KMS key kms:ViaService under the wrong prefix.
    return KMS_KEY_NAMES.find((k) => k.toLowerCase() === `kms:${rest}`.toLowerCase()) ?? didYouMean(c.key, KNOWN);
  }
  if (prefix === 'kms' || prefix === '') return undefined;
  // A misspelled prefix ("awws:", "ksm:") in front of a known key name.
  for (const candidate of [`aws:${rest}`, `kms:${rest}`]) {
    if (didYouMean(prefix, [keyPrefix(candidate)], 2) === undefined) continue;
    if (isGlobalConditionKey(candidate)) return KNOWN.find((k) => k.toLowerCase() === candidate.toLowerCase()) ?? candidate;
    const kms = KMS_KEY_NAMES.find((k) => k.toLowerCase() === candidate.toLowerCase());
    if (kms) return kms;
  }
  return undefined;
}

/**
 * Misspelled global condition keys (`awws:SourceArn`, `aws:SourceAcount`)
 * were found in public repositories (issue 3): such a key is never in the
 * request, so the condition never matches as intended [conditions-aws].
 */
export const misspelledGlobalConditionKey: DocumentRule = {
  code: 'KW303',
  name: 'misspelled-global-condition-key',
  severity: 'error',
  title: 'Misspelled global condition key (awws:..., aws:SourceAcount)',
  appliesTo: 'any',
  check(doc, report) {
    for (const s of doc.statements) {
      for (const c of s.conditions) {
        const guess = intendedKey(c);
        if (!guess) continue;
        report(c.keyLoc, `"${c.key}" is not a condition key; did you mean "${guess}"? As written the key is never in the request, so the condition does not do what it says.`);
      }
    }
  },
};
