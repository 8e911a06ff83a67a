// Writes JSON values (plus CloudFormation's short-form intrinsic functions) as
// block-style YAML. Strings are plain only when no YAML reader could take them
// for anything else; otherwise they are double-quoted with JSON escapes, which
// YAML reads the same way.
import type { CommentsFor, JsonValue } from './literal.js';

/** A CloudFormation short-form intrinsic function such as `!Ref Key` or `!If [...]`. */
export class CfnTag {
  constructor(
    readonly tag: '!Ref' | '!GetAtt' | '!Sub' | '!If' | '!Equals',
    readonly value: YamlValue,
  ) {}
}

export type YamlValue = JsonValue | CfnTag | YamlValue[] | { [key: string]: YamlValue };

// Words YAML 1.1 readers (CloudFormation's among them) take for booleans or null.
const SPECIAL = /^(?:y|n|yes|no|true|false|on|off|null|~)$/i;
const PLAIN = /^[A-Za-z][A-Za-z0-9_./-]*$/;

/** A scalar string: plain when safe, double-quoted otherwise. */
export function yamlString(s: string): string {
  return PLAIN.test(s) && !SPECIAL.test(s) ? s : JSON.stringify(s);
}

const yamlKey = (k: string) => (/^[A-Za-z][A-Za-z0-9_]*$/.test(k) && !SPECIAL.test(k) ? k : JSON.stringify(k));

/** One-line (flow) form, used inside tags and for empty collections. */
export function yamlFlow(value: YamlValue): string {
  if (value instanceof CfnTag) return `${value.tag} ${yamlFlow(value.value)}`;
  if (value === null) return 'null';
  if (typeof value === 'string') return yamlString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(yamlFlow).join(', ')}]`;
  return `{${Object.entries(value).map(([k, v]) => `${yamlKey(k)}: ${yamlFlow(v)}`).join(', ')}}`;
}

const isBlock = (v: YamlValue) => !(v instanceof CfnTag) && typeof v === 'object' && v !== null && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);

/**
 * Block-style lines for a mapping or sequence, each prefixed by `indent`.
 * `comments` adds `# ...` lines above sequence items (by path, as in hcl.ts).
 */
export function yamlBlock(value: YamlValue, indent = '', comments?: CommentsFor, path = ''): string[] {
  const child = (p: string | number) => (path === '' ? String(p) : `${path}.${p}`);
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => {
      const notes = (comments?.(child(i), v as JsonValue, indent) ?? []).map((c) => `${indent}${c}`);
      if (!isBlock(v)) return [...notes, `${indent}- ${yamlFlow(v)}`];
      // A mapping item starts on the dash line; a nested sequence goes below it.
      const inner = yamlBlock(v, `${indent}  `, comments, child(i));
      if (Array.isArray(v)) return [...notes, `${indent}-`, ...inner];
      return [...notes, `${indent}- ${inner[0]!.slice(indent.length + 2)}`, ...inner.slice(1)];
    });
  }
  if (value instanceof CfnTag || typeof value !== 'object' || value === null) return [`${indent}${yamlFlow(value)}`];
  return Object.entries(value).flatMap(([k, v]) =>
    isBlock(v) ? [`${indent}${yamlKey(k)}:`, ...yamlBlock(v, `${indent}  `, comments, child(k))] : [`${indent}${yamlKey(k)}: ${yamlFlow(v)}`],
  );
}
