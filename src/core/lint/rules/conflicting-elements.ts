import type { DocumentRule } from '../types.js';

const PAIRS: [string, string][] = [['Action', 'NotAction'], ['Principal', 'NotPrincipal'], ['Resource', 'NotResource']];

/**
 * A statement may not use both an element and its Not form
 * [IAM User Guide: reference_policies_elements]; AWS rejects it.
 */
export const conflictingElements: DocumentRule = {
  code: 'KW103',
  name: 'conflicting-elements',
  severity: 'error',
  title: 'Both an element and its Not form (Action and NotAction, ...)',
  appliesTo: 'any',
  check(doc, report) {
    for (const s of doc.statements) {
      for (const [a, b] of PAIRS) {
        const second = s.elements.get(b);
        if (s.elements.has(a) && second) {
          report(second.nameLoc, `A statement cannot have both "${a}" and "${b}"; AWS rejects it. Keep one of them (usually "${a}").`);
        }
      }
    }
  },
};
