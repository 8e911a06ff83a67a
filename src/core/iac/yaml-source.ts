// YAML CloudFormation/SAM templates as SourceNode trees. This module imports
// the `yaml` package, so it is loaded (dynamic import) only for YAML input.
//
// A template comes from a pull request as often as from its author, so the
// reader is bounded: nesting is measured on the lexer's tokens before the
// parser (which recurses once per level) sees the text; aliases are expanded
// through an anchor table (yaml's own Alias.resolve walks the document for
// each alias) within a count and a size, the two limits yaml's toJS and other
// YAML libraries put on alias expansion (`maxAliasCount`, "billion laughs").
import { CST, isAlias, isMap, isPair, isScalar, isSeq, Lexer, parseDocument, type Document, type Node } from 'yaml';
import type { ParsedSource, SourceEntry, SourceNode } from './source-tree.js';
import { DEFAULT_YAML_LIMITS, MAX_YAML_NESTING, type YamlLimits } from './yaml-limits.js';

/** Raised by the walk when a limit is reached: the message names it; offset is where. */
class LimitError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * YAML 1.2 core schema: `Version: 2012-10-17` stays the string CloudFormation
 * reads (YAML 1.1 would make it a date). Short-form tags (`!Ref`, `!Sub`...)
 * are not resolved by the parser; they are kept on the nodes and read here.
 * A key written twice in one map is an error: CloudFormation (like PyYAML)
 * keeps the last copy, so a reader that kept the first could check a decoy.
 */
export function parseYamlSource(text: string, limits: Partial<YamlLimits> = {}): ParsedSource {
  const deep = tooDeepAt(text, MAX_YAML_NESTING);
  if (deep !== undefined) return { ok: false, message: nestingMessage(), offset: deep };
  let doc: Document;
  try {
    doc = parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: false });
  } catch (err) {
    return { ok: false, message: (err as Error).message, offset: 0 };
  }
  const error = doc.errors[0];
  if (error) return { ok: false, message: errorMessage(error.code, error.message), offset: error.pos[0] };
  if (!doc.contents) return { ok: false, message: 'the file is empty', offset: 0 };
  try {
    return { ok: true, root: new Walk({ ...DEFAULT_YAML_LIMITS, ...limits }).node(doc.contents as Node, 0) };
  } catch (err) {
    if (err instanceof LimitError) return { ok: false, message: err.message, offset: err.offset };
    throw err;
  }
}

function nestingMessage(): string {
  return `it nests more than ${MAX_YAML_NESTING} levels deep (the nesting limit; a template nests a few dozen at most)`;
}

/** The parser's message without its own position (reported as the finding's line:column). */
function errorMessage(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') {
    return 'a key is written twice in the same map (CloudFormation keeps the last copy, so the first is not what deploys); write each key once';
  }
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** Tokens the lexer emits that are markers, not text of the file. */
const MARKERS = new Set([CST.DOCUMENT, CST.SCALAR, CST.FLOW_END]);

/**
 * The offset where nesting first exceeds `limit`, counted on the lexer's
 * tokens (which keep block scalars and quoted strings whole): flow brackets
 * open and close levels; a block collection is indented deeper than its
 * parent, or opened by a compact `- ` or `? ` on the same line, so a line's
 * indentation plus its leading indicators bound its block depth.
 */
function tooDeepAt(text: string, limit: number): number | undefined {
  let offset = 0;
  let flow = 0;
  let lineDepth = 0;
  let atLineStart = true;
  let leading = true;
  let scalar = false;
  for (const token of new Lexer().lex(text)) {
    if (MARKERS.has(token)) {
      // The token after a scalar marker is the scalar's text (a block scalar's lines start with spaces).
      scalar = token === CST.SCALAR;
      continue;
    }
    const type = scalar ? 'scalar' : CST.tokenType(token);
    scalar = false;
    if (flow === 0 && atLineStart) {
      lineDepth = type === 'space' ? token.length : 0;
      leading = true;
    }
    atLineStart = token.endsWith('\n');
    if (type === 'flow-seq-start' || type === 'flow-map-start') flow++;
    else if ((type === 'flow-seq-end' || type === 'flow-map-end') && flow > 0) flow--;
    else if (flow === 0 && leading && (type === 'seq-item-ind' || type === 'explicit-key-ind')) lineDepth++;
    else if (type !== 'space' && type !== 'anchor' && type !== 'tag') leading = false;
    if (lineDepth + flow > limit) return offset;
    offset += token.length;
  }
  return undefined;
}

/** One conversion of a document: the anchors seen so far, and what alias expansion has used. */
class Walk {
  private readonly anchors = new Map<string, Node>();
  private aliases = 0;
  private copied = 0;
  private copiedChars = 0;
  /** Inside an alias's expansion: its anchors are not defined again, and its values count as copies. */
  private expanding = 0;
  /** Anchored values being read: an alias to one of them is a value that holds itself. */
  private readonly open = new Set<Node>();

  constructor(private readonly limits: YamlLimits) {}

  node(node: Node, depth: number): SourceNode {
    const offset = node.range?.[0] ?? 0;
    if (depth > MAX_YAML_NESTING) throw new LimitError(nestingMessage(), offset);
    if (this.expanding > 0 && ++this.copied > this.limits.maxAliasNodes) {
      throw new LimitError(`its aliases expand to more than ${this.limits.maxAliasNodes.toLocaleString('en-US')} values (the alias size limit; raise it with KMS_WIZARD_YAML_MAX_ALIAS_NODES)`, offset);
    }
    if (isAlias(node)) return this.alias(node.source, offset, depth);
    // An alias names the last anchor of that name written before it (YAML 1.2, 3.2.2.2 "Anchors and Aliases").
    if (this.expanding === 0 && node.anchor) this.anchors.set(node.anchor, node);
    if (node.anchor) this.open.add(node);
    let plain: SourceNode;
    try {
      plain = this.plainValue(node, offset, depth);
    } finally {
      this.open.delete(node);
    }
    // A tag the core schema does not know is a CloudFormation short form (!Ref, !Sub...).
    return node.tag && node.tag.startsWith('!') && !node.tag.startsWith('!!') ? { type: 'tag', offset, tag: node.tag.slice(1), value: plain } : plain;
  }

  private alias(name: string, offset: number, depth: number): SourceNode {
    if (++this.aliases > this.limits.maxAliasCount) {
      throw new LimitError(`it reads aliases more than ${this.limits.maxAliasCount.toLocaleString('en-US')} times (the alias count limit; raise it with KMS_WIZARD_YAML_MAX_ALIASES)`, offset);
    }
    const target = this.anchors.get(name);
    // An alias to an anchor not yet written (or to the node holding it) is a parse error already; null keeps the walk total.
    if (!target) return { type: 'scalar', offset, value: null };
    if (this.open.has(target)) throw new LimitError(`the alias *${name} refers to a value that holds it, which no template can deploy`, offset);
    this.expanding++;
    try {
      return this.node(target, depth + 1);
    } finally {
      this.expanding--;
    }
  }

  private plainValue(node: Node, offset: number, depth: number): SourceNode {
    if (isMap(node)) {
      const entries: SourceEntry[] = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        const name = isScalar(key) ? String(key.value) : undefined;
        if (name === undefined || !pair.value) continue;
        entries.push({ key: name, keyOffset: key?.range?.[0] ?? offset, value: this.node(pair.value as Node, depth + 1) });
      }
      return { type: 'object', offset, entries };
    }
    if (isSeq(node)) return { type: 'array', offset, items: node.items.map((i) => this.node(i as Node, depth + 1)) };
    if (isScalar(node)) {
      const value = node.value;
      if (this.expanding > 0 && typeof value === 'string' && (this.copiedChars += value.length) > this.limits.maxAliasChars) {
        throw new LimitError(`its aliases copy more than ${this.limits.maxAliasChars.toLocaleString('en-US')} characters of text (the alias text limit; raise it with KMS_WIZARD_YAML_MAX_ALIAS_CHARS)`, offset);
      }
      // A plain 0123456789012 is an account id to CloudFormation, not the number 123456789012.
      if (typeof value === 'number' && node.source !== undefined && String(value) !== node.source) return { type: 'scalar', offset, value: node.source };
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) return { type: 'scalar', offset, value };
      return { type: 'scalar', offset, value: String(value) };
    }
    return { type: 'scalar', offset, value: null };
  }
}
