import type { ContextEntry } from './request-context.js';

/**
 * Policy variables (`${aws:PrincipalAccount}`) in condition values, for
 * documents with Version 2012-10-17 [reference_policies_variables]. `${*}`,
 * `${?}` and `${$}` stand for the literal characters. A variable the request
 * does not carry leaves the value unusable (it matches nothing), unless a
 * default is given: `${aws:PrincipalTag/team, 'none'}`.
 */
export function resolveVariables(value: string, lookup: (key: string) => ContextEntry | undefined): string | undefined {
  if (!value.includes('${')) return value;
  // One pass with indexOf rather than regular expressions: a hostile value (a long run of spaces in a
  // default, or many "${" with no "}") made the old patterns backtrack quadratically.
  let out = '';
  let from = 0;
  for (;;) {
    const open = value.indexOf('${', from);
    const close = open === -1 ? -1 : value.indexOf('}', open + 2);
    if (close === -1) return out + value.slice(from);
    out += value.slice(from, open);
    const resolved = resolveOne(value.slice(open + 2, close).trim(), lookup);
    if (resolved === undefined) return undefined;
    out += resolved;
    from = close + 1;
  }
}

/** One variable's text between `${` and `}` (trimmed): a literal, a key, or a key with a quoted default. */
function resolveOne(literal: string, lookup: (key: string) => ContextEntry | undefined): string | undefined {
  if (literal === '*' || literal === '?' || literal === '$') return `${LITERAL_MARK}${literal}`;
  const comma = literal.indexOf(',');
  // A key name is needed before any default: `${}` and `${, 'x'}` are not variables that resolve.
  if (literal === '' || comma === 0) return undefined;
  const name = (comma === -1 ? literal : literal.slice(0, comma)).trim();
  let fallback: string | undefined;
  if (comma !== -1) {
    // The default is one single-quoted string with no quote inside: `, 'none'`; anything else resolves nothing.
    const rest = literal.slice(comma + 1).trimStart();
    const inner = rest.slice(1, -1);
    if (!(rest.length >= 2 && rest.startsWith("'") && rest.endsWith("'") && !inner.includes("'"))) return undefined;
    fallback = inner;
  }
  const entry = lookup(name);
  if (entry && !entry.multi && entry.values.length === 1) return entry.values[0]!;
  return fallback;
}

/** Marks a character that came from `${*}`, `${?}` or `${$}`: wildcard matching takes it literally. */
export const LITERAL_MARK = '\u0000';

/** The value without literal marks, for comparisons that have no wildcards. */
export function stripLiteralMarks(value: string): string {
  return value.includes(LITERAL_MARK) ? value.split(LITERAL_MARK).join('') : value;
}
