// YAML CloudFormation/SAM templates as SourceNode trees. This module imports
// the `yaml` package, so it is loaded (dynamic import) only for YAML input.
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { ParsedSource, SourceEntry, SourceNode } from './source-tree.js';

/** Deeper than any template nests; guards the recursive walk (and alias cycles). */
const MAX_DEPTH = 256;

/**
 * YAML 1.2 core schema: `Version: 2012-10-17` stays the string CloudFormation
 * reads (YAML 1.1 would make it a date). Short-form tags (`!Ref`, `!Sub`...)
 * are not resolved by the parser; they are kept on the nodes and read here.
 */
export function parseYamlSource(text: string): ParsedSource {
  let doc: Document;
  try {
    doc = parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: false, prettyErrors: false });
  } catch (err) {
    return { ok: false, message: (err as Error).message, offset: 0 };
  }
  const error = doc.errors[0];
  // The position is reported as the finding's line:column, so the message drops its own.
  if (error) return { ok: false, message: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''), offset: error.pos[0] };
  if (!doc.contents) return { ok: false, message: 'the file is empty', offset: 0 };
  try {
    return { ok: true, root: toSource(doc, doc.contents as Node, 0) };
  } catch (err) {
    if (err instanceof DepthError) return { ok: false, message: `nested more than ${MAX_DEPTH} levels deep (or an alias refers to itself)`, offset: err.offset };
    throw err;
  }
}

class DepthError extends Error {
  constructor(readonly offset: number) {
    super('too deep');
  }
}

function toSource(doc: Document, node: Node, depth: number): SourceNode {
  const offset = node.range?.[0] ?? 0;
  if (depth > MAX_DEPTH) throw new DepthError(offset);
  if (isAlias(node)) {
    const target = node.resolve(doc);
    return target ? toSource(doc, target as Node, depth + 1) : { type: 'scalar', offset, value: null };
  }
  const plain = plainValue(doc, node, offset, depth);
  // A tag the core schema does not know is a CloudFormation short form (!Ref, !Sub...).
  return node.tag && node.tag.startsWith('!') && !node.tag.startsWith('!!') ? { type: 'tag', offset, tag: node.tag.slice(1), value: plain } : plain;
}

function plainValue(doc: Document, node: Node, offset: number, depth: number): SourceNode {
  if (isMap(node)) {
    const entries: SourceEntry[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as Node | null;
      const name = isScalar(key) ? String(key.value) : undefined;
      if (name === undefined || !pair.value) continue;
      entries.push({ key: name, keyOffset: key?.range?.[0] ?? offset, value: toSource(doc, pair.value as Node, depth + 1) });
    }
    return { type: 'object', offset, entries };
  }
  if (isSeq(node)) return { type: 'array', offset, items: node.items.map((i) => toSource(doc, i as Node, depth + 1)) };
  if (isScalar(node)) {
    const value = node.value;
    // A plain 0123456789012 is an account id to CloudFormation, not the number 123456789012.
    if (typeof value === 'number' && node.source !== undefined && String(value) !== node.source) return { type: 'scalar', offset, value: node.source };
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) return { type: 'scalar', offset, value };
    return { type: 'scalar', offset, value: String(value) };
  }
  return { type: 'scalar', offset, value: null };
}
