import type { DocumentRule } from '../types.js';
import { reportDuplicateSids } from './duplicate-sid.js';

/**
 * Sids name statements for people and tools (findings, CloudTrail-driven
 * reviews, this linter's messages); two statements with one Sid make every
 * such reference ambiguous. Whether KMS itself rejects them is not documented,
 * so this is a warning.
 */
export const duplicateSidKeyPolicy: DocumentRule = {
  code: 'KW112',
  name: 'duplicate-sid-key-policy',
  severity: 'warning',
  title: 'Duplicate Sid in a key policy',
  appliesTo: 'key',
  check(doc, report) {
    reportDuplicateSids(doc, report, (sid, first) => `Sid "${sid}" is already used by statement ${first + 1}. Give each statement its own Sid so references to it are unambiguous.`);
  },
};
