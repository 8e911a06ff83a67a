// The limits of the YAML reader, apart from the reader itself (which loads the
// `yaml` package): commands read them without loading it.

/** Deeper than any template nests; the parser and the walk recurse once per level. */
export const MAX_YAML_NESTING = 256;

/** How far aliases may expand (the two limits yaml's toJS and other YAML libraries put on it). */
export interface YamlLimits {
  /** Aliases read, each time an expansion reads one again (as yaml's maxAliasCount counts). */
  readonly maxAliasCount: number;
  /** Values copied by expanding aliases. */
  readonly maxAliasNodes: number;
  /** Characters of the strings copied by expanding aliases (a few long strings make a large text once joined). */
  readonly maxAliasChars: number;
}

/** Far more than a template's anchors need (a shared statement reused in a few dozen places). */
export const DEFAULT_YAML_LIMITS: YamlLimits = { maxAliasCount: 1_000, maxAliasNodes: 100_000, maxAliasChars: 4 * 1024 * 1024 };
