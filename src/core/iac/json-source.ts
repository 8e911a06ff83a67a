// JSON infrastructure files (Terraform plans, CloudFormation/CDK templates)
// as SourceNode trees, through the linter's own position-keeping parser.
import { parseJson, tooDeepAt, type JsonNode } from '../lint/json-tree.js';
import type { DuplicateKey, ParsedSource, SourceEntry, SourceNode } from './source-tree.js';

/** Deeper than any template or plan nests; the parser recurses once per level. */
const MAX_FILE_NESTING = 256;

export function parseJsonSource(text: string): ParsedSource {
  const deep = tooDeepAt(text, MAX_FILE_NESTING);
  if (deep !== undefined) return { ok: false, message: `nested more than ${MAX_FILE_NESTING} levels deep`, offset: deep };
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, message: parsed.problem.message, offset: parsed.problem.offset };
  const duplicates: DuplicateKey[] = [];
  return { ok: true, root: toSource(parsed.root, duplicates), duplicates };
}

/**
 * An object keeps, for a name written twice, only the LAST value: what
 * JSON.parse, Python's json and Go's encoding/json (Terraform) read, so the
 * policy checked is the one that deploys. Every earlier copy is recorded.
 */
function toSource(node: JsonNode, duplicates: DuplicateKey[]): SourceNode {
  if (node.type === 'object') {
    const entries: SourceEntry[] = [];
    const at = new Map<string, number>();
    for (const prop of node.children ?? []) {
      const [name, value] = prop.children ?? [];
      if (!name || !value || typeof name.value !== 'string') continue;
      const entry = { key: name.value, keyOffset: name.offset, value: toSource(value, duplicates) };
      const earlier = at.get(entry.key);
      if (earlier === undefined) {
        at.set(entry.key, entries.length);
        entries.push(entry);
      } else {
        duplicates.push({ key: entry.key, offset: entries[earlier]!.keyOffset, lastOffset: entry.keyOffset });
        entries[earlier] = entry;
      }
    }
    return { type: 'object', offset: node.offset, entries };
  }
  if (node.type === 'array') return { type: 'array', offset: node.offset, items: (node.children ?? []).map((c) => toSource(c, duplicates)) };
  return { type: 'scalar', offset: node.offset, value: (node.value as string | number | boolean | null | undefined) ?? null };
}
