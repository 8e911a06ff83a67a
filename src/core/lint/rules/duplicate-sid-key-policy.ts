import type { DocumentRule } from '../types.js';
import { reportDuplicateSids } from './duplicate-sid.js';

/**
 * Sids name statements for people and tools (reviews, this linter's
 * messages); two statements with one Sid make such references ambiguous.
 * KMS accepts duplicates (AWS managed key policies contain some), so this is
 * only information, unlike in IAM (KW111).
 */
export const duplicateSidKeyPolicy: DocumentRule = {
  code: 'KW112',
  name: 'duplicate-sid-key-policy',
  severity: 'info',
  title: 'Duplicate Sid in a key policy',
  appliesTo: 'key',
  check(doc, report) {
    reportDuplicateSids(doc, report, (sid, first) => `Sid "${sid}" is already used by statement ${first + 1}. Give each statement its own Sid so references to it are unambiguous.`);
  },
};
