// Where values of a large JSON file are, without a position tree for the
// whole file: the file is read with JSON.parse (native and compact), the
// reader asks for the offsets of the few values it reports (a policy string,
// a resource), and one scan of the text finds them, and the names written
// twice, keeping nothing but the path it is on.
import type { DuplicateKey } from './source-tree.js';

/** A step into a JSON value: a member name or an array index. */
export type Segment = string | number;

/** A value read with JSON.parse, and the path that leads to it from the root. */
export interface JsonAt {
  readonly value: unknown;
  readonly parent?: JsonAt;
  readonly segment?: Segment;
}

type JsonObject = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The member named `key` of an object (an own member only: `constructor` is a name like any other). */
export function memberAt(node: JsonAt | undefined, key: string): JsonAt | undefined {
  const v = node?.value;
  return isObject(v) && Object.hasOwn(v, key) ? { value: v[key], parent: node, segment: key } : undefined;
}

/** The items of an array, or none. */
export function itemsAt(node: JsonAt | undefined): JsonAt[] {
  const v = node?.value;
  return Array.isArray(v) ? v.map((value, i) => ({ value, parent: node, segment: i })) : [];
}

export function stringAt(node: JsonAt | undefined): string | undefined {
  return typeof node?.value === 'string' ? node.value : undefined;
}

/** A requested offset: filled in by OffsetRequests.scan. */
export interface OffsetSlot {
  /** Offset (UTF-16 code units) where the value is written; -1 until scanned. */
  readonly offset: number;
}

interface Trie {
  offset: number;
  children?: Map<Segment, Trie>;
}

/**
 * The offsets a reader asked for. Ask with `want`, then `scan` once; each
 * slot then holds where its value is written: the opening quote of a string,
 * the brace of an object, the first character of a number (the offsets a
 * position-keeping parser gives). For a name written twice, the last copy is
 * the one JSON.parse read, and its offset is the one given.
 */
export class OffsetRequests {
  private readonly root: Trie = { offset: -1 };

  want(node: JsonAt): OffsetSlot {
    const path: Segment[] = [];
    for (let n: JsonAt | undefined = node; n?.segment !== undefined; n = n.parent) path.push(n.segment);
    let t = this.root;
    for (let i = path.length - 1; i >= 0; i--) {
      t.children ??= new Map();
      let next = t.children.get(path[i]!);
      if (!next) t.children.set(path[i]!, (next = { offset: -1 }));
      t = next;
    }
    return t;
  }

  /** Scans `text` (which JSON.parse accepted); returns the names written twice, as the tree reader lists them. */
  scan(text: string): DuplicateKey[] {
    return scanJson(text, this.root);
  }
}

interface Frame {
  readonly array: boolean;
  readonly trie: Trie | undefined;
  /** No member or item read yet. */
  opened: boolean;
  index: number;
  /** Object: each name's last key offset. */
  readonly names?: Map<string, number>;
  /** Object: the duplicate of the member being read, listed once its value is read (as the tree reader lists it). */
  pending?: DuplicateKey;
}

const QUOTE = 34;
const BACKSLASH = 92;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** The offset just past the string literal that opens at `start`. */
export function stringLiteralEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return i + 1;
    i += c === BACKSLASH ? 2 : 1;
    if (i >= text.length) return text.length;
  }
}

/** The offset just past the number or literal (true, false, null) at `start`. */
function scalarEnd(text: string, start: number): number {
  let i = start;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 /* , */ || c === 93 /* ] */ || c === 125 /* } */ || isSpace(c)) break;
  }
  return i;
}

function child(trie: Trie | undefined, segment: Segment): Trie | undefined {
  return trie?.children?.get(segment);
}

/** One pass over valid JSON: fills the offsets of the wanted values and lists duplicate names. */
function scanJson(text: string, root: Trie): DuplicateKey[] {
  const duplicates: DuplicateKey[] = [];
  const stack: Frame[] = [];
  let i = 0;
  const skipSpace = () => {
    while (isSpace(text.charCodeAt(i))) i++;
  };
  /** Reads the value at i: a scalar whole; an object or array only opens, the loop below reads its members. */
  const value = (trie: Trie | undefined) => {
    skipSpace();
    if (trie) trie.offset = i;
    const c = text.charCodeAt(i);
    if (c === 123 /* { */) stack.push({ array: false, trie, opened: true, index: 0, names: new Map() });
    else if (c === 91 /* [ */) stack.push({ array: true, trie, opened: true, index: 0 });
    else {
      i = c === QUOTE ? stringLiteralEnd(text, i) : scalarEnd(text, i);
      return;
    }
    i++;
  };
  /** Reads `"name": value` at i in the object of `frame`. */
  const member = (frame: Frame) => {
    skipSpace();
    const keyOffset = i;
    i = stringLiteralEnd(text, i);
    const raw = text.slice(keyOffset + 1, i - 1);
    const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
    const earlier = frame.names!.get(key);
    if (earlier !== undefined) frame.pending = { key, offset: earlier, lastOffset: keyOffset };
    frame.names!.set(key, keyOffset);
    skipSpace();
    i++; // the colon
    value(child(frame.trie, key));
  };
  const next = (frame: Frame) => (frame.array ? value(child(frame.trie, frame.index)) : member(frame));
  value(root);
  while (stack.length > 0) {
    const frame = stack.at(-1)!;
    skipSpace();
    const c = text.charCodeAt(i);
    if (frame.pending) {
      duplicates.push(frame.pending);
      frame.pending = undefined;
    }
    if (c === 93 /* ] */ || c === 125 /* } */) {
      stack.pop();
      i++;
    } else if (frame.opened) {
      frame.opened = false;
      next(frame);
    } else {
      i++; // the comma
      frame.index++;
      next(frame);
    }
  }
  return duplicates;
}
