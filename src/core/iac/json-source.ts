// JSON infrastructure files (Terraform plans, CloudFormation/CDK templates)
// as SourceNode trees, through the linter's own position-keeping parser.
import { parseJson, tooDeepAt, type JsonNode } from '../lint/json-tree.js';
import type { ParsedSource, SourceNode } from './source-tree.js';

/** Deeper than any template or plan nests; the parser recurses once per level. */
const MAX_FILE_NESTING = 256;

export function parseJsonSource(text: string): ParsedSource {
  const deep = tooDeepAt(text, MAX_FILE_NESTING);
  if (deep !== undefined) return { ok: false, message: `nested more than ${MAX_FILE_NESTING} levels deep`, offset: deep };
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, message: parsed.problem.message, offset: parsed.problem.offset };
  return { ok: true, root: toSource(parsed.root) };
}

function toSource(node: JsonNode): SourceNode {
  if (node.type === 'object') {
    const entries = (node.children ?? []).flatMap((prop) => {
      const [name, value] = prop.children ?? [];
      return name && value && typeof name.value === 'string' ? [{ key: name.value, keyOffset: name.offset, value: toSource(value) }] : [];
    });
    return { type: 'object', offset: node.offset, entries };
  }
  if (node.type === 'array') return { type: 'array', offset: node.offset, items: (node.children ?? []).map(toSource) };
  return { type: 'scalar', offset: node.offset, value: (node.value as string | number | boolean | null | undefined) ?? null };
}
