// JSON values written as source literals (HCL, TypeScript): one walker for
// arrays, nesting, paths and statement comments; each syntax says how it
// quotes strings and lays out an object's entries.

/** A JSON value as policy documents hold them. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Source code written as it is, not as a string literal: how a policy in an
 * IaC file names a key the same file creates (`aws_kms_key.this.arn`,
 * `key.keyArn`), where there is no ARN to write yet.
 */
export class SourceExpression {
  constructor(readonly text: string) {}
}

/** A JSON value that may hold source expressions. */
export type LiteralValue = JsonValue | SourceExpression | LiteralValue[] | { [key: string]: LiteralValue };

/** Comment lines to put above an array element, by the element's path (`Statement.0`); `indent` is where they will start. */
export type CommentsFor = (path: string, value: LiteralValue, indent: string) => readonly string[];

/** How one language spells strings and objects. */
export interface LiteralSyntax {
  string(s: string): string;
  /** The object's entries (values already rendered) as a block opening and closing at `indent`. */
  object(entries: readonly { key: string; text: string }[], inner: string, indent: string): string;
}

/**
 * The literal for `value`: its first line unindented, later lines indented
 * from `indent`, two spaces per level, arrays with trailing commas.
 */
export function literal(value: LiteralValue, syntax: LiteralSyntax, indent = '', comments?: CommentsFor, path = ''): string {
  if (value === null) return 'null';
  if (value instanceof SourceExpression) return value.text;
  if (typeof value === 'string') return syntax.string(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const inner = `${indent}  `;
  const child = (p: string | number) => (path === '' ? String(p) : `${path}.${p}`);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const lines = value.flatMap((v, i) => [
      ...(comments?.(child(i), v, inner) ?? []).map((c) => `${inner}${c}`),
      `${inner}${literal(v, syntax, inner, comments, child(i))},`,
    ]);
    return `[\n${lines.join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return syntax.object(
    entries.map(([k, v]) => ({ key: k, text: literal(v, syntax, inner, comments, child(k)) })),
    inner,
    indent,
  );
}
