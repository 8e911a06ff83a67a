// A document read from an infrastructure file (JSON or YAML), reduced to
// what the policy readers need: values and the file offsets they came from.

/** A value of the file, with the offset (UTF-16 code units) where it was written. */
export type SourceNode =
  | { readonly type: 'object'; readonly offset: number; readonly entries: readonly SourceEntry[] }
  | { readonly type: 'array'; readonly offset: number; readonly items: readonly SourceNode[] }
  | { readonly type: 'scalar'; readonly offset: number; readonly value: string | number | boolean | null }
  /** A YAML short-form intrinsic function (`!Ref X`, `!Sub ...`): the tag and its argument. */
  | { readonly type: 'tag'; readonly offset: number; readonly tag: string; readonly value: SourceNode };

/** One member of an object: its name, where the name is, and its value. */
export interface SourceEntry {
  readonly key: string;
  readonly keyOffset: number;
  readonly value: SourceNode;
}

/**
 * The value of the member named `key` of an object node: the LAST one when a
 * reader left duplicates in, as JSON.parse, Python's json and PyYAML read it
 * (the JSON reader keeps only the last already, and reports the others).
 */
export function memberOf(node: SourceNode | undefined, key: string): SourceNode | undefined {
  if (node?.type !== 'object') return undefined;
  for (let i = node.entries.length - 1; i >= 0; i--) if (node.entries[i]!.key === key) return node.entries[i]!.value;
  return undefined;
}

/** A member name written twice in one object: where the overridden copy is, and where the copy that counts is. */
export interface DuplicateKey {
  readonly key: string;
  /** The earlier copy, which deploying tools ignore. */
  readonly offset: number;
  /** The last copy, which they read. */
  readonly lastOffset: number;
}

/** The string value of a scalar node, if it is one. */
export function stringOf(node: SourceNode | undefined): string | undefined {
  return node?.type === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

/** The result of reading a file into a SourceNode tree. */
export type ParsedSource = { ok: true; root: SourceNode; readonly duplicates?: readonly DuplicateKey[] } | { ok: false; message: string; offset: number };
