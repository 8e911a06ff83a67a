// Writes JSON values as TypeScript object literals (single quotes, trailing
// commas, two-space indent: the style of a CDK app's own files).
import { literal, type CommentsFor, type LiteralSyntax, type LiteralValue } from './literal.js';

/** A single-quoted TypeScript string literal. */
export function tsString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}'`;
}

const tsKey = (k: string) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : tsString(k));

const TS: LiteralSyntax = {
  string: tsString,
  object: (entries, inner, indent) => `{\n${entries.map((e) => `${inner}${tsKey(e.key)}: ${e.text},`).join('\n')}\n${indent}}`,
};

/** The literal for `value`, first line unindented, later lines indented from `indent`. */
export function tsValue(value: LiteralValue, indent = '', comments?: CommentsFor, path = ''): string {
  return literal(value, TS, indent, comments, path);
}
