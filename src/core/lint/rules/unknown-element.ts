import { didYouMean } from '../../suggest.js';
import type { Member } from '../json-tree.js';
import { DOCUMENT_ELEMENTS, STATEMENT_ELEMENTS, type Element } from '../model.js';
import type { DocumentRule, Report } from '../types.js';

/**
 * "IAM JSON policy element reference" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html):
 * the element names are `Principal` and `Action` (singular);
 * the often-copied `Pricipal` / `Actions` make a statement invalid. Element
 * names are case-sensitive, so `effect` is as wrong as `Efect`.
 */
export const unknownElement: DocumentRule = {
  code: 'KW101',
  name: 'unknown-element',
  severity: 'error',
  title: 'Misspelled or unknown element name (did you mean ...)',
  appliesTo: 'any',
  check(doc, report) {
    reportAll(doc.elements, doc.unknown, DOCUMENT_ELEMENTS, 'policy', report);
    for (const s of doc.statements) reportAll(s.elements, s.unknown, STATEMENT_ELEMENTS, 'statement', report);
  },
};

function reportAll(elements: ReadonlyMap<string, Element>, unknown: Member[], known: readonly string[], where: string, report: Report) {
  for (const el of elements.values()) {
    if (!el.misspelled) continue;
    report(
      el.nameLoc,
      `"${el.name}" is not a ${where} element; did you mean "${el.canonical}"? AWS rejects the ${where} as written. Rename it to "${el.canonical}" (element names are case-sensitive).`,
    );
  }
  for (const m of unknown) {
    const guess = didYouMean(m.name, known);
    // An element written twice is KW113's (duplicate-member): the model keeps its last copy.
    const message = guess
      ? `"${m.name}" is not a ${where} element; did you mean "${guess}"? The ${where} already has a "${guess}", so merge the two.`
      : `"${m.name}" is not a ${where} element, so AWS rejects the ${where}. Valid elements: ${known.join(', ')}.`;
    report(m.nameLoc, message);
  }
}
