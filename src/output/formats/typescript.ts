// Writes JSON values as TypeScript object literals (single quotes, trailing
// commas, two-space indent: the style of a CDK app's own files).
import type { CommentsFor, JsonValue } from './hcl.js';

/** A single-quoted TypeScript string literal. */
export function tsString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}'`;
}

const tsKey = (k: string) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : tsString(k));

/** The literal for `value`, first line unindented, later lines indented from `indent`. */
export function tsValue(value: JsonValue, indent = '', comments?: CommentsFor, path = ''): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return tsString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const inner = `${indent}  `;
  const child = (p: string | number) => (path === '' ? String(p) : `${path}.${p}`);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const lines = value.flatMap((v, i) => [
      ...(comments?.(child(i), v, inner) ?? []).map((c) => `${inner}${c}`),
      `${inner}${tsValue(v, inner, comments, child(i))},`,
    ]);
    return `[\n${lines.join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${tsKey(k)}: ${tsValue(v, inner, comments, child(k))},`).join('\n')}\n${indent}}`;
}
