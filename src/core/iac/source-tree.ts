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

/** The value of the first member named `key` of an object node. */
export function memberOf(node: SourceNode | undefined, key: string): SourceNode | undefined {
  return node?.type === 'object' ? node.entries.find((e) => e.key === key)?.value : undefined;
}

/** The string value of a scalar node, if it is one. */
export function stringOf(node: SourceNode | undefined): string | undefined {
  return node?.type === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

/** The result of reading a file into a SourceNode tree. */
export type ParsedSource = { ok: true; root: SourceNode } | { ok: false; message: string; offset: number };
