// JSON infrastructure files: CloudFormation/CDK templates as SourceNode
// trees, through the linter's own position-keeping parser; Terraform plans,
// which run to tens of megabytes, as JSON.parse values with no positions
// (json-offsets.ts finds the few a reader reports).
import { parseJson, syntaxProblem, tooDeepAt, type JsonNode } from '../lint/json-tree.js';
import type { DuplicateKey, ParsedSource, SourceEntry, SourceNode } from './source-tree.js';

/** Deeper than any template or plan nests; the parser recurses once per level. */
const MAX_FILE_NESTING = 256;

/**
 * A JSON file read with JSON.parse (no positions: json-offsets.ts finds them
 * in the text), handed over once. The reader that takes the value holds the
 * only reference, so it is freed once read (a 10,000-key plan's is 20 MB)
 * though callers keep this wrapper to the end of their run.
 */
export class JsonValueSource {
  readonly ok = true;
  #json: { value: unknown } | undefined;

  constructor(json: unknown) {
    this.#json = { value: json };
  }

  /** The value the first time; undefined after (read the text again). */
  take(): { value: unknown } | undefined {
    const json = this.#json;
    this.#json = undefined;
    return json;
  }
}

/** What a reader was handed: a tree with positions, a JSON.parse value, or why the file cannot be read. */
export type ReadSource = ParsedSource | JsonValueSource;

function tooDeep(text: string): Extract<ParsedSource, { ok: false }> | undefined {
  const deep = tooDeepAt(text, MAX_FILE_NESTING);
  return deep === undefined ? undefined : { ok: false, message: `nested more than ${MAX_FILE_NESTING} levels deep`, offset: deep };
}

/**
 * A JSON file's value, or the same positioned syntax error the tree reader
 * gives (found by a scan that builds no tree). jsonc-parser in strict mode
 * and JSON.parse accept the same texts (test/unit/iac/json-value.test.ts).
 */
export function parseJsonValue(text: string): { ok: true; json: unknown } | Extract<ParsedSource, { ok: false }> {
  const deep = tooDeep(text);
  if (deep) return deep;
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch {
    const problem = syntaxProblem(text) ?? { message: 'not valid JSON', offset: 0 };
    return { ok: false, message: problem.message, offset: problem.offset };
  }
}

export function parseJsonSource(text: string): ParsedSource {
  const deep = tooDeep(text);
  if (deep) return deep;
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
