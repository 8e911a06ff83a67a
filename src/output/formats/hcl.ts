// Writes JSON values as HCL expressions in the layout `terraform fmt` keeps
// (one attribute per line, `=` aligned within a run of one-line attributes),
// so a generated .tf file passes `terraform fmt -check` unchanged.

import { literal, type CommentsFor, type LiteralSyntax, type LiteralValue } from './literal.js';

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

const HCL: LiteralSyntax = {
  string: hclString,
  object(entries, inner, indent) {
    // terraform fmt aligns `=` across consecutive attributes whose values fit
    // on one line; an attribute with a multi-line value stands alone.
    const lines: string[] = [];
    let run: { key: string; text: string }[] = [];
    const flush = () => {
      const width = Math.max(0, ...run.map((r) => r.key.length));
      for (const r of run) lines.push(`${inner}${r.key.padEnd(width)} = ${r.text}`);
      run = [];
    };
    for (const e of entries) {
      const r = { key: hclKey(e.key), text: e.text };
      if (r.text.includes('\n')) {
        flush();
        lines.push(`${inner}${r.key} = ${r.text}`);
      } else {
        run.push(r);
      }
    }
    flush();
    return `{\n${lines.join('\n')}\n${indent}}`;
  },
};

/**
 * The HCL expression for `value`, its first line unindented and later lines
 * indented by `indent` (two spaces per level, as terraform fmt writes).
 */
export function hclValue(value: LiteralValue, indent = '', comments?: CommentsFor, path = ''): string {
  return literal(value, HCL, indent, comments, path);
}
