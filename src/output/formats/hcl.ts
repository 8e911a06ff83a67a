// Writes JSON values as HCL expressions in the layout `terraform fmt` keeps
// (one attribute per line, `=` aligned within a run of one-line attributes),
// so a generated .tf file passes `terraform fmt -check` unchanged.

/** A JSON value as policy documents hold them. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Comment lines to put above an array element, by the element's path (`Statement.0`); `indent` is where they will start. */
export type CommentsFor = (path: string, value: JsonValue, indent: string) => readonly string[];

/** A quoted HCL string: JSON escapes plus `$${` and `%%{`, so nothing is read as a template. */
export function hclString(s: string): string {
  return JSON.stringify(s).replace(/\$\{/g, '$$$${').replace(/%\{/g, '%%{');
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const RESERVED = new Set(['true', 'false', 'null', 'for', 'in', 'if']);

/** An object key: bare when HCL reads it as that literal name, quoted otherwise. */
export function hclKey(key: string): string {
  return IDENTIFIER.test(key) && !RESERVED.has(key) ? key : hclString(key);
}

/**
 * The HCL expression for `value`, its first line unindented and later lines
 * indented by `indent` (two spaces per level, as terraform fmt writes).
 */
export function hclValue(value: JsonValue, indent = '', comments?: CommentsFor, path = ''): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return hclString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const inner = `${indent}  `;
  const child = (p: string | number) => (path === '' ? String(p) : `${path}.${p}`);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const lines = value.flatMap((v, i) => [
      ...(comments?.(child(i), v, inner) ?? []).map((c) => `${inner}${c}`),
      `${inner}${hclValue(v, inner, comments, child(i))},`,
    ]);
    return `[\n${lines.join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  const rendered = entries.map(([k, v]) => ({ key: hclKey(k), text: hclValue(v, inner, comments, child(k)) }));
  // terraform fmt aligns `=` across consecutive attributes whose values fit on
  // one line; an attribute with a multi-line value stands alone.
  const lines: string[] = [];
  let run: { key: string; text: string }[] = [];
  const flush = () => {
    const width = Math.max(0, ...run.map((r) => r.key.length));
    for (const r of run) lines.push(`${inner}${r.key.padEnd(width)} = ${r.text}`);
    run = [];
  };
  for (const r of rendered) {
    if (r.text.includes('\n')) {
      flush();
      lines.push(`${inner}${r.key} = ${r.text}`);
    } else {
      run.push(r);
    }
  }
  flush();
  return `{\n${lines.join('\n')}\n${indent}}`;
}
