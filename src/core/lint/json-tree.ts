// JSON with positions: jsonc-parser's parseTree gives every value its offset,
// which the linter turns into file:line:column and a JSON pointer.
import { parseTree, printParseErrorCode, visit, type Node, type ParseError } from 'jsonc-parser';

export type { Node as JsonNode } from 'jsonc-parser';

/** Where a finding points: a JSON pointer and the offset of the text it names. */
export interface Loc {
  readonly pointer: string;
  readonly offset: number;
}

/** A value read from the document, with where it was written. */
export interface Located<T> {
  readonly value: T;
  readonly loc: Loc;
}

/** One member of a JSON object: its name (and where the name is) and its value node. */
export interface Member {
  readonly name: string;
  readonly nameLoc: Loc;
  readonly node: Node;
  readonly loc: Loc;
}

/** A syntax error: what is wrong and where. */
export interface SyntaxProblem {
  readonly message: string;
  readonly offset: number;
}

export type ParsedJson = { ok: true; root: Node } | { ok: false; problem: SyntaxProblem };

// Why each jsonc-parser error code happens, in words a policy author can act on.
const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a member name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":" after the member name',
  CommaExpected: 'expected "," between members or list items',
  CloseBraceExpected: 'expected "}" to close the object',
  CloseBracketExpected: 'expected "]" to close the list',
  EndOfFileExpected: 'unexpected text after the end of the JSON document',
  InvalidCommentToken: 'comments are not allowed in JSON policies',
  UnexpectedEndOfComment: 'comments are not allowed in JSON policies',
  UnexpectedEndOfString: 'a string is not closed (missing ")',
  UnexpectedEndOfNumber: 'invalid number',
  InvalidUnicode: 'invalid \\u escape in a string',
  InvalidEscapeCharacter: 'invalid escape sequence in a string',
  InvalidCharacter: 'control character inside a string (escape it, e.g. \\n)',
};

const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

function problemOf(text: string, error: ParseError): SyntaxProblem {
  const code = printParseErrorCode(error.error);
  const message = trailingCommaAt(text, error.offset) ? 'trailing comma before a closing bracket or brace' : (SYNTAX_MESSAGES[code] ?? code);
  return { message, offset: error.offset };
}

/**
 * Parses strict JSON (no comments, no trailing commas, as AWS requires).
 * Returns the first syntax error rather than a half-recovered tree.
 */
export function parseJson(text: string): ParsedJson {
  if (text.trim() === '') return { ok: false, problem: { message: 'the file is empty', offset: 0 } };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, STRICT);
  const first = errors[0];
  if (first) return { ok: false, problem: problemOf(text, first) };
  if (!root) return { ok: false, problem: { message: 'no JSON value found', offset: 0 } };
  return { ok: true, root };
}

/**
 * The syntax error parseJson would report, found without building a tree
 * (for a file of megabytes that JSON.parse refused); undefined when there is none.
 */
export function syntaxProblem(text: string): SyntaxProblem | undefined {
  if (text.trim() === '') return { message: 'the file is empty', offset: 0 };
  let first: ParseError | undefined;
  visit(text, { onError: (error, offset, length) => void (first ??= { error, offset, length }) }, STRICT);
  return first ? problemOf(text, first) : undefined;
}

/**
 * The offset where nesting first goes deeper than `limit`, or undefined.
 * jsonc-parser recurses once per level, so a deep enough text would overflow
 * the stack; no policy nests more than a handful of levels.
 */
export function tooDeepAt(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \\ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > limit) return i;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return undefined;
}

// jsonc-parser reports a trailing comma as "value expected" at the bracket.
function trailingCommaAt(text: string, offset: number): boolean {
  const ch = text[offset];
  if (ch !== ']' && ch !== '}') return false;
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return text[i] === ',';
}

/** Escapes one JSON pointer segment (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  // Most segments (indexes, element names) need no escape: skip the two replaces.
  if (typeof segment === 'number') return String(segment);
  if (!segment.includes('~') && !segment.includes('/')) return segment;
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function childPointer(parent: string, segment: string | number): string {
  return `${parent}/${pointerSegment(segment)}`;
}

export function locOf(node: Node, pointer: string): Loc {
  return { pointer, offset: node.offset };
}

/** The members of an object node, in document order (duplicates kept). */
export function membersOf(node: Node, pointer: string): Member[] {
  if (node.type !== 'object') return [];
  const out: Member[] = [];
  for (const prop of node.children ?? []) {
    const [nameNode, valueNode] = prop.children ?? [];
    if (!nameNode || !valueNode || typeof nameNode.value !== 'string') continue;
    const p = childPointer(pointer, nameNode.value);
    out.push({ name: nameNode.value, nameLoc: locOf(nameNode, p), node: valueNode, loc: locOf(valueNode, p) });
  }
  return out;
}

/**
 * The members an object really has once read: for a name written twice, only
 * the last copy (RFC 7159, which the IAM policy grammar refers to for JSON:
 * with names that are not unique, "many implementations report the last
 * name/value pair only"; jsonc-parser and JSON.parse do). In document order.
 */
export function effectiveMembers(node: Node, pointer: string): Member[] {
  return lastCopies(membersOf(node, pointer));
}

/** effectiveMembers of a list of members already read. */
export function lastCopies(members: Member[]): Member[] {
  // Nearly every object names each member once: then there is nothing to drop.
  if (new Set(members.map((m) => m.name)).size === members.length) return members;
  const last = new Map<string, Member>();
  for (const m of members) last.set(m.name, m);
  return members.filter((m) => last.get(m.name) === m);
}

/** The items of an array node with their pointers. */
export function itemsOf(node: Node, pointer: string): { node: Node; loc: Loc }[] {
  if (node.type !== 'array') return [];
  return (node.children ?? []).map((child, i) => ({ node: child, loc: locOf(child, childPointer(pointer, i)) }));
}

/**
 * The strings of a one-or-many element (`"a"` or `["a", "b"]`). Values of
 * other types are skipped here; the element-type rule reports them.
 */
export function stringsOf(node: Node, pointer: string): Located<string>[] {
  if (node.type === 'string') return [{ value: node.value as string, loc: locOf(node, pointer) }];
  return itemsOf(node, pointer)
    .filter((i) => i.node.type === 'string')
    .map((i) => ({ value: i.node.value as string, loc: i.loc }));
}

/** Scalar condition values (`"x"`, `true`, `12`, or a list of them). */
export function scalarsOf(node: Node, pointer: string): Located<string | number | boolean>[] {
  const scalar = (n: Node) => n.type === 'string' || n.type === 'number' || n.type === 'boolean';
  if (scalar(node)) return [{ value: node.value as string | number | boolean, loc: locOf(node, pointer) }];
  return itemsOf(node, pointer)
    .filter((i) => scalar(i.node))
    .map((i) => ({ value: i.node.value as string | number | boolean, loc: i.loc }));
}

/** Converts offsets to 1-based line and column (UTF-16 code units, as SARIF counts by default). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        this.starts.push(i + 1);
      }
    }
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}
