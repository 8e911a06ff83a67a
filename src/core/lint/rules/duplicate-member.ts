import { membersOf, type JsonNode, type Member } from '../json-tree.js';
import type { DocumentRule, Report } from '../types.js';

/**
 * A name written twice in one JSON object, at any level of the document: two
 * "Condition" blocks, two "StringEquals" operators in one Condition, the same
 * condition key twice under one operator, two "AWS" entries in a Principal,
 * two "Statement" elements.
 *
 * "Grammar of the IAM JSON policy language" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html)
 * defers to RFC 7159 for JSON, and RFC 7159 section 4 says that with
 * duplicate names "many implementations report the last name/value pair
 * only": the reader keeps the last copy and drops the others without a word,
 * so the policy AWS evaluates is not the one its author reads (the Terraform
 * AWS provider rejects duplicate keys in policy JSON since v5.19.0 for that
 * reason). The linter's model keeps the last copy too, so every other rule
 * checks what AWS sees.
 *
 * Condition keys are case-insensitive ("IAM JSON policy elements: Condition",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html),
 * so the same key spelled with different case under one operator is a
 * duplicate too: IAM Access Analyzer reports it as an error ("Duplicate keys
 * with different case", IAM policy validation check reference).
 */
export const duplicateMember: DocumentRule = {
  code: 'KW113',
  name: 'duplicate-member',
  // An error: the copy the author reads may be the one AWS ignores, opening or closing the key silently.
  severity: 'error',
  title: 'A name written twice in one JSON object (AWS keeps only the last copy)',
  appliesTo: 'any',
  check(doc, report) {
    walk(doc.root, '', report);
  },
};

function walk(node: JsonNode, pointer: string, report: Report): void {
  if (node.type === 'array') {
    (node.children ?? []).forEach((child, i) => walk(child, `${pointer}/${i}`, report));
    return;
  }
  if (node.type !== 'object') return;
  const members = membersOf(node, pointer);
  const byName = new Map<string, Member[]>();
  for (const m of members) byName.set(m.name, [...(byName.get(m.name) ?? []), m]);
  for (const [name, copies] of byName) {
    if (copies.length < 2) continue;
    for (const dropped of copies.slice(0, -1)) {
      report(
        dropped.nameLoc,
        `"${name}" is written ${copies.length} times in ${where(pointer)}. A JSON reader keeps only the last copy (the one furthest down), ` +
          'so AWS silently ignores this one: the policy it evaluates is not the one you read here.',
        `Merge the copies into one "${name}"${isConditionPart(pointer) ? ' (for conditions: every key under one operator must hold, so put all of them in one block)' : ''}, or delete the one you do not mean.`,
      );
    }
  }
  if (isOperatorBlock(pointer)) caseDuplicates(members, pointer, report);
  for (const m of members) walk(m.node, m.loc.pointer, report);
}

/** Condition keys under one operator that differ only in case (exact duplicates are reported above). */
function caseDuplicates(members: Member[], pointer: string, report: Report): void {
  const seen = new Map<string, Member>();
  for (const m of members) {
    const folded = m.name.toLowerCase();
    const first = seen.get(folded);
    if (first && first.name !== m.name) {
      report(
        m.nameLoc,
        `"${m.name}" and "${first.name}" are the same condition key (condition key names are case-insensitive), written twice in ${where(pointer)}. ` +
          'IAM Access Analyzer rejects this as "Duplicate keys with different case", and which value applies is not what either line says on its own.',
        `Keep one "${first.name}" with every value you mean.`,
      );
    } else if (!first) seen.set(folded, m);
  }
}

/** /Statement/<i>/Condition/<operator> (or /Statement/Condition/<operator> for a single statement object). */
function isOperatorBlock(pointer: string): boolean {
  return /^\/Statement(\/\d+)?\/Condition\/[^/]+$/.test(pointer);
}

function isConditionPart(pointer: string): boolean {
  return /^\/Statement(\/\d+)?\/Condition(\/|$)/.test(pointer);
}

/** The object a pointer names, in words. */
function where(pointer: string): string {
  if (pointer === '') return 'the policy';
  const m = /^\/Statement(?:\/(\d+))?(.*)$/.exec(pointer);
  if (!m) return `the object at ${pointer}`;
  const statement = m[1] !== undefined ? `statement ${Number(m[1]) + 1}` : 'the statement';
  const rest = m[2]!.split('/').filter((s) => s !== '').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (rest.length === 0) return statement;
  if (rest[0] === 'Condition') return rest.length === 1 ? `the Condition of ${statement}` : `the "${rest[1]}" block of the Condition of ${statement}`;
  return `the ${rest.map((s) => `"${s}"`).join(' / ')} of ${statement}`;
}
