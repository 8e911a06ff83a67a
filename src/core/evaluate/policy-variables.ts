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
  let unresolved = false;
  const out = value.replace(/\$\{([^}]*)\}/g, (_, inner: string) => {
    const literal = inner.trim();
    if (literal === '*' || literal === '?' || literal === '$') return `${LITERAL_MARK}${literal}`;
    const m = /^([^,]+?)\s*(?:,\s*'([^']*)')?$/.exec(literal);
    const entry = m ? lookup(m[1]!.trim()) : undefined;
    if (entry && !entry.multi && entry.values.length === 1) return entry.values[0]!;
    if (m?.[2] !== undefined) return m[2];
    unresolved = true;
    return '';
  });
  return unresolved ? undefined : out;
}

/** Marks a character that came from `${*}`, `${?}` or `${$}`: wildcard matching takes it literally. */
export const LITERAL_MARK = '\u0000';

/** The value without literal marks, for comparisons that have no wildcards. */
export function stripLiteralMarks(value: string): string {
  return value.includes(LITERAL_MARK) ? value.split(LITERAL_MARK).join('') : value;
}
