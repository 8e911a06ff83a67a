import { LITERAL_MARK } from './policy-variables.js';

/**
 * IAM wildcard matching: `*` matches any run of characters (none included),
 * `?` exactly one. Used for actions, StringLike, Resource and ARN parts.
 * A linear-backtracking matcher rather than a RegExp, so an untrusted pattern
 * like `*a*a*a*a*b` cannot make evaluation take exponential time.
 */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  if (pattern === '*') return true;
  const compiled = compile(pattern, ignoreCase);
  const v = ignoreCase ? value.toLowerCase() : value;
  if (typeof compiled === 'string') return compiled === v;
  const { chars, wild } = compiled;
  let pi = 0;
  let vi = 0;
  let star = -1;
  let starV = 0;
  while (vi < v.length) {
    if (pi < chars.length && wild[pi] && chars[pi] === '*') {
      star = pi++;
      starV = vi;
    } else if (pi < chars.length && ((wild[pi] && chars[pi] === '?') || (!wild[pi] && chars[pi] === v[vi]))) {
      pi++;
      vi++;
    } else if (star >= 0) {
      pi = star + 1;
      vi = ++starV;
    } else {
      return false;
    }
  }
  while (pi < chars.length && wild[pi] && chars[pi] === '*') pi++;
  return pi === chars.length;
}

/** A pattern as tokens: a wildcard ('*' / '?') or a literal character; a string when it has no wildcard. */
type Compiled = string | { readonly chars: readonly string[]; readonly wild: readonly boolean[] };

// Patterns repeat across statements and requests (the access comparison and
// the matrix evaluate hundreds of requests): each is tokenised once. Bounded,
// for the library API in a long-lived process.
const CACHE_LIMIT = 2000;
const compiledCache = [new Map<string, Compiled>(), new Map<string, Compiled>()] as const;

function compile(pattern: string, ignoreCase: boolean): Compiled {
  const cache = compiledCache[ignoreCase ? 1 : 0];
  const known = cache.get(pattern);
  if (known !== undefined) return known;
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  let compiled: Compiled = p;
  if (p.includes('*') || p.includes('?') || p.includes(LITERAL_MARK)) {
    // LITERAL_MARK makes the next character literal.
    const chars: string[] = [];
    const wild: boolean[] = [];
    for (let i = 0; i < p.length; i++) {
      const c = p[i]!;
      if (c === LITERAL_MARK && i + 1 < p.length) {
        chars.push(p[++i]!);
        wild.push(false);
      } else {
        chars.push(c);
        wild.push(c === '*' || c === '?');
      }
    }
    compiled = { chars, wild };
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

// The same key ARN and Resource patterns are split for every request of the access comparison.
const partsCache = new Map<string, readonly string[] | undefined>();

/** Splits an ARN into its five fixed parts and the resource (which may itself hold colons). */
export function arnParts(arn: string): readonly string[] | undefined {
  if (partsCache.has(arn)) return partsCache.get(arn);
  const parts = splitArn(arn);
  if (partsCache.size >= CACHE_LIMIT) partsCache.clear();
  partsCache.set(arn, parts);
  return parts;
}

function splitArn(arn: string): readonly string[] | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}

/**
 * ArnLike / ArnEquals and the Resource element: each of the six ARN parts is
 * matched on its own, wildcards allowed in each, case-sensitive
 * [reference_policies_elements_condition_operators, "Amazon Resource Name (ARN)"].
 */
export function arnMatch(pattern: string, arn: string): boolean {
  if (pattern === '*') return true;
  const p = arnParts(pattern);
  const a = arnParts(arn);
  if (!p || !a) return false;
  return p.every((part, i) => wildcardMatch(part, a[i]!));
}
