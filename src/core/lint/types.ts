import type { Loc } from './json-tree.js';
import type { KeyFacts } from './model.js';
import type { PolicyKind, PolicyModel } from './model.js';

export type { PolicyKind } from './model.js';

/** How bad a finding is: errors break the policy, warnings weaken it, info explains. */
export type Severity = 'error' | 'warning' | 'info';

/** One problem found in a policy, with where it is and how to fix it. */
export interface Finding {
  /** Stable rule code, e.g. `KW101` (the rule list: README.md "Lint rules" and docs/rules.md, written by npm run docs:rules). */
  code: string;
  severity: Severity;
  /** What is wrong and how to fix it. */
  message: string;
  /** Extra advice: the fix spelled out, alternatives, an example. */
  hint?: string;
  /** JSON pointer (RFC 6901) of the value concerned; "" for the whole document. */
  pointer: string;
  /**
   * 1-based line and column (UTF-16 code units) of the JSON value the pointer
   * names; for a wrong member name (element, operator, condition key) the
   * position of the name itself.
   */
  line: number;
  column: number;
  /** The file, when linted through lintFiles (the input's name). */
  file?: string;
}

/** One document to lint: a name for messages, its text, and optionally its kind. */
export interface LintInput {
  name: string;
  text: string;
  /** Forces key or IAM policy; otherwise detected (see detectKind). */
  type?: PolicyKind;
  /** For a key policy from a template or plan: what the file says about its key (KeySpec, KeyUsage, how IAM policies name it). */
  key?: KeyFacts;
  /** Pointers of values a template's intrinsics wrote (`${Param}` left as is): not placeholders to fill in. */
  templateValues?: readonly string[];
}

export interface LintOptions {
  /** The key's ARN: enables the checks of IAM Resource elements against it. */
  keyArn?: string;
}

/** The result for one document. */
export interface LintedFile {
  name: string;
  /** Undefined when the text is not a JSON object (nothing to call a policy). */
  kind: PolicyKind | undefined;
  /** Sorted by line, then column, then code. */
  findings: Finding[];
  /** The parsed JSON, when the text is valid JSON. */
  document?: unknown;
}

/** What every rule declares about itself; RULES lists these. */
export interface RuleMeta {
  readonly code: string;
  /** Kebab-case name, stable like the code. */
  readonly name: string;
  readonly severity: Severity;
  /** One line saying what the rule catches. */
  readonly title: string;
}

/** Records a finding of the running rule at a location. */
export type Report = (loc: Loc, message: string, hint?: string) => void;

/** A rule that checks one document. */
export interface DocumentRule extends RuleMeta {
  /** Which kind of policy the rule applies to. */
  readonly appliesTo: PolicyKind | 'any';
  check(doc: PolicyModel, report: Report): void;
}

/** The documents of one lintFiles call that a cross-file rule compares. */
export interface PolicySet {
  /** The key policy, when exactly one of the inputs is a key policy. */
  readonly keyPolicy: PolicyModel | undefined;
  readonly iamPolicies: readonly PolicyModel[];
  readonly keyArn: string | undefined;
}

/** A rule that compares a key policy with IAM policies (or IAM policies with --key-arn). */
export interface CrossRule extends RuleMeta {
  check(set: PolicySet, report: (doc: PolicyModel, loc: Loc, message: string, hint?: string) => void): void;
}
