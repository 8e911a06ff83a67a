import { statementTitle } from '../model.js';
import type { DocumentRule } from '../types.js';

/** (PutKeyPolicy API reference, https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html) KMS accepts a key policy statement without Resource, but it has no effect; "*" means "this key". */
export const missingResourceKeyPolicy: DocumentRule = {
  code: 'KW108',
  name: 'missing-resource-key-policy',
  // An error: the statement silently does nothing (an Allow allows nothing, a Deny denies nothing).
  severity: 'error',
  title: 'Key policy statement without Resource (accepted, but no effect)',
  appliesTo: 'key',
  check(doc, report) {
    for (const s of doc.statements) {
      if (s.elements.has('Resource') || s.elements.has('NotResource')) continue;
      report(s.loc, `${statementTitle(s)} has no "Resource": KMS accepts it, but the statement has no effect. Add "Resource": "*" (in a key policy "*" means this key).`);
    }
  },
};
