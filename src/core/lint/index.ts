// Public API of the linter: lint one policy text, or several files together
// (which adds the checks of IAM policies against the key policy).
import { getNodeValue } from 'jsonc-parser';
import { LineIndex, parseJson, tooDeepAt, type Loc } from './json-tree.js';
import { IntrinsicLimitError } from '../iac/intrinsics.js';
import { carriesIntrinsics, evaluatePolicyText, type EvaluatedPolicy } from './intrinsic-policy.js';
import type { KeyFacts } from './model.js';
import { buildModel, type PolicyModel } from './model.js';
import { withoutPlaceholderEchoes } from './placeholders.js';
import { invalidJson, invalidJsonMessage } from './rules/invalid-json.js';
import { CROSS_RULES, DOCUMENT_RULES, PARSE_RULES, TEMPLATE_VALUE_CODES } from './rules/index.js';
import { notAnObject, notAnObjectMessage } from './rules/not-an-object.js';
import { MAX_LINT_CHARS, MAX_NESTING, tooDeepMessage, tooLargeMessage, tooLargeToLint } from './rules/too-large-to-lint.js';
import type { Finding, LintedFile, LintInput, LintOptions, PolicyKind, RuleMeta, Severity } from './types.js';

export type { Finding, LintedFile, LintInput, LintOptions, PolicyKind, Severity } from './types.js';
export { detectKind } from './model.js';

/** Every rule: code, severity and title (for docs, SARIF and tests). */
export const RULES: readonly { code: string; name: string; severity: Severity; title: string }[] = [
  ...PARSE_RULES,
  ...DOCUMENT_RULES,
  ...CROSS_RULES,
].map(({ code, name, severity, title }) => ({ code, name, severity, title }));

/** Where an offset of the linted text is in the input (they differ when intrinsics were evaluated). */
interface Positions {
  position(offset: number): { line: number; column: number };
}

interface Linted {
  file: LintedFile;
  model: PolicyModel | undefined;
  lines: Positions;
  /** Pointers of values only deployment knows (CloudFormation intrinsics): no finding may be about them. */
  opaque: readonly string[];
}

function finding(rule: RuleMeta, lines: Positions, loc: Loc, message: string, hint?: string): Finding {
  const { line, column } = lines.position(loc.offset);
  return { code: rule.code, severity: rule.severity, message, ...(hint ? { hint } : {}), pointer: loc.pointer, line, column };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.line - b.line || a.column - b.column || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.code.localeCompare(b.code));
}

/** `at`: where the text's offsets are in the input, when the text is not the input itself. */
/**
 * `templateValues`: pointers of values a template's intrinsics wrote (a
 * parameter left as `${Name}`): not placeholders for the reader to fill in.
 */
function lintOne(name: string, rawText: string, type: PolicyKind | undefined, key: KeyFacts | undefined, templateValues: readonly string[] = [], at?: Positions): Linted {
  // Editors on Windows may save a byte-order mark; it is not part of the JSON.
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const lines = at ?? new LineIndex(text.length > MAX_LINT_CHARS ? '' : text);
  const only = (rule: RuleMeta, loc: Loc, message: string): Linted => ({
    file: { name, kind: type, findings: [finding(rule, lines, loc, message)] },
    model: undefined,
    lines,
    opaque: [],
  });
  if (text.length > MAX_LINT_CHARS) return only(tooLargeToLint, { pointer: '', offset: 0 }, tooLargeMessage(text.length));
  const deep = tooDeepAt(text, MAX_NESTING);
  if (deep !== undefined) return only(tooLargeToLint, { pointer: '', offset: deep }, tooDeepMessage());
  const parsed = parseJson(text);
  if (!parsed.ok) return only(invalidJson, { pointer: '', offset: parsed.problem.offset }, invalidJsonMessage(parsed.problem.message));
  const document: unknown = getNodeValue(parsed.root);
  if (parsed.root.type !== 'object') {
    const typeName = parsed.root.type === 'array' ? 'list' : parsed.root.type;
    const result = only(notAnObject, { pointer: '', offset: parsed.root.offset }, notAnObjectMessage(typeName));
    return { ...result, file: { ...result.file, document } };
  }
  // The text test first: nearly every policy has no intrinsic, and it costs less than a walk.
  const evaluated = /"(Ref|Fn::[A-Za-z]+)"\s*:/.test(text) && carriesIntrinsics(parsed.root) ? evaluateWithinLimits(text) : undefined;
  if (evaluated instanceof IntrinsicLimitError) return only(tooLargeToLint, { pointer: '', offset: evaluated.offset }, intrinsicsTooLargeMessage(evaluated));
  if (evaluated) {
    // Linted as a template's policy is: the evaluated text, findings moved back onto the input.
    const inner = lintOne(name, evaluated.text, type, key, evaluated.opaque, { position: (offset) => lines.position(evaluated.fileOffset(offset)) });
    return { ...inner, opaque: evaluated.opaque };
  }
  const model = buildModel(text, parsed.root, type, key);
  const findings: Finding[] = [];
  for (const rule of DOCUMENT_RULES) {
    if (rule.appliesTo !== 'any' && rule.appliesTo !== model.kind) continue;
    rule.check(model, (loc, message, hint) => findings.push(finding(rule, lines, loc, message, hint)));
  }
  // A trust policy or another service's resource policy is neither kind lint checks (KW020 says what it is).
  const kind = model.kind === 'key' || model.kind === 'iam' ? model.kind : undefined;
  return { file: { name, kind, findings: withoutPlaceholderEchoes(findings, model, templateValues), document }, model, lines, opaque: [] };
}

/** A policy's intrinsics evaluated, or the expansion limit they went past (a policy is not a template: its limits are the defaults). */
function evaluateWithinLimits(text: string): EvaluatedPolicy | IntrinsicLimitError | undefined {
  try {
    return evaluatePolicyText(text);
  } catch (err) {
    if (err instanceof IntrinsicLimitError) return err;
    throw err;
  }
}

function intrinsicsTooLargeMessage(err: IntrinsicLimitError): string {
  return `The policy's ${err.message.replace(/^its /, '')}; the largest policy AWS accepts is a 32,768-byte key policy, so this cannot be one. Check that you passed the right file.`;
}

/**
 * Lints one policy document (key policy or IAM policy, detected unless
 * `opts.type` says which). Never throws: invalid input gives findings.
 * `opts.keyArn` enables the IAM Resource check against that key.
 */
export function lintPolicyText(text: string, opts: { type?: PolicyKind } & LintOptions = {}): LintedFile {
  const [file] = lintFiles([{ name: '', text, ...(opts.type ? { type: opts.type } : {}) }], opts.keyArn ? { keyArn: opts.keyArn } : {});
  return file!;
}

/**
 * Lints several documents: each on its own, then IAM policies against the
 * key policy (when exactly one input is a key policy) and against
 * `opts.keyArn`. Findings carry `file` = the input's name; results keep the
 * input order.
 */
export function lintFiles(inputs: LintInput[], opts: LintOptions = {}): LintedFile[] {
  const linted = inputs.map((i) => lintOne(i.name, i.text, i.type, i.key, i.templateValues));
  const byModel = new Map<PolicyModel, Linted>();
  for (const l of linted) if (l.model) byModel.set(l.model, l);
  const models = linted.flatMap((l) => (l.model ? [l.model] : []));
  const keyPolicies = models.filter((m) => m.kind === 'key');
  const set = {
    keyPolicy: keyPolicies.length === 1 ? keyPolicies[0] : undefined,
    iamPolicies: models.filter((m) => m.kind === 'iam'),
    keyArn: opts.keyArn?.trim() || undefined,
  };
  for (const rule of CROSS_RULES) {
    rule.check(set, (doc, loc, message, hint) => {
      const target = byModel.get(doc)!;
      target.file.findings.push(finding(rule, target.lines, loc, message, hint));
    });
  }
  const known = (opaque: readonly string[]) => (f: Finding) => TEMPLATE_VALUE_CODES.has(f.code) || !opaque.some((o) => f.pointer === o || f.pointer.startsWith(`${o}/`));
  return linted.map(({ file, opaque }) => ({
    ...file,
    findings: sortFindings(file.findings.filter(known(opaque))).map((f) => (file.name ? { ...f, file: file.name } : f)),
  }));
}
